package org.fiscalscope.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.fiscalscope.lake.JobLabel;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.pipeline.NightlyStages;

/**
 * What each job group did (the nightly's stages set INGEST, METRICS, FLAGS, REPORT; the rest is "other"): executor
 * CPU seconds, a figure that, unlike wall clock, barely moves when other processes share the machine; the Spark jobs
 * run, and among them those Delta runs for itself ({@link DeltaJob}); the seconds during which at least one of its jobs
 * ran (the rest of a stage's time is the driver's alone: planning, Delta's log, commits, files written by the driver).
 */
public final class StageWork extends SparkListener {

  /** One group's work since the last {@link #take}: of its jobs, {@code logReplays} and {@code scanPlans} were Delta's. */
  public record Work(double executorCpuSeconds, int jobs, int logReplays, int scanPlans, double jobSeconds) {}

  /**
   * The jobs Delta runs for itself, told by the description Delta gives them (a log replay runs inside the scan
   * planning that needed it, so its description holds both: it counts as a replay).
   */
  enum DeltaJob {
    /** A snapshot's state rebuilt from its log: once for each new version of a table that is read. */
    LOG_REPLAY("Compute snapshot for version"),
    /** A scan's file list filtered from the cached state: once per table in each query. */
    SCAN_PLAN("Filtering files for query");

    private final String description;

    DeltaJob(String description) {
      this.description = description;
    }

    /** The kind of the job with this description; empty for a job of the application's own. */
    static java.util.Optional<DeltaJob> of(String jobDescription) {
      return jobDescription == null ? java.util.Optional.empty() : java.util.Arrays.stream(values())
          .filter(k -> jobDescription.contains(k.description)).findFirst();
    }
  }

  private static final String OTHER = "other";

  private final Map<Integer, String> groupOfStage = new HashMap<>();
  private final Map<Integer, String> groupOfJob = new HashMap<>();
  private final Map<String, Tally> tallies = new TreeMap<>();

  private static final class Tally {
    long cpuNanos;
    int jobs;
    final Map<DeltaJob, Integer> delta = new java.util.EnumMap<>(DeltaJob.class);
    int running;
    long runningSince;
    long busyMillis;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart job) {
    String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    String name = group == null ? OTHER : group;
    groupOfJob.put(job.jobId(), name);
    scala.jdk.javaapi.CollectionConverters.asJava(job.stageInfos())
        .forEach((StageInfo s) -> groupOfStage.put(s.stageId(), name));
    Tally t = tallies.computeIfAbsent(name, k -> new Tally());
    t.jobs++;
    DeltaJob.of(job.properties() == null ? null : job.properties().getProperty("spark.job.description"))
        .ifPresent(k -> t.delta.merge(k, 1, Integer::sum));
    if (t.running++ == 0) {
      t.runningSince = job.time();
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd job) {
    Tally t = tallies.get(groupOfJob.getOrDefault(job.jobId(), OTHER));
    if (t != null && t.running > 0 && --t.running == 0) {
      t.busyMillis += job.time() - t.runningSince;
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
    if (task.taskMetrics() != null) {
      tallies.computeIfAbsent(groupOfStage.getOrDefault(task.stageId(), OTHER), k -> new Tally()).cpuNanos +=
          task.taskMetrics().executorCpuTime();
    }
  }

  /** Each group's work since the last call, and starts counting afresh. */
  public synchronized Map<String, Work> take() {
    Map<String, Work> out = new TreeMap<>();
    tallies.forEach((group, t) -> out.put(group, new Work(t.cpuNanos / 1e9, t.jobs,
        t.delta.getOrDefault(DeltaJob.LOG_REPLAY, 0), t.delta.getOrDefault(DeltaJob.SCAN_PLAN, 0), t.busyMillis / 1e3)));
    tallies.clear();
    groupOfJob.clear();
    groupOfStage.clear();
    return out;
  }

  /**
   * The Delta commits of each table of {@code lake}, summed by the stage that owns the table ({@link LakeTable.Owner};
   * the run's own record counts as "nightly"): in a fresh lake, the commits of the one run.
   */
  public static Map<String, Integer> commits(Path lake) {
    Map<String, Integer> out = new TreeMap<>();
    for (LakeTable t : LakeTable.values()) {
      Path log = lake.resolve(t.tableName().layer()).resolve(t.tableName().table()).resolve("_delta_log");
      if (!Files.isDirectory(log)) {
        continue;
      }
      try (Stream<Path> files = Files.list(log)) {
        int n = (int) files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).count();
        out.merge(t.owner().verb(), n, Integer::sum);
      } catch (IOException e) {
        throw new UncheckedIOException("counting the Delta commits of " + log, e);
      }
    }
    return out;
  }

  /** The nightly stage whose jobs carry {@code group}; the group itself for jobs of no stage. */
  static String stageOf(String group) {
    return NightlyStages.names().stream().filter(n -> JobLabel.group(n).equals(group)).findFirst().orElse(group);
  }

  /**
   * The work of each stage over the repetitions of one scale, each figure a series of its own (the page shows their
   * medians): executor CPU seconds, Spark jobs (and Delta's log replays and scan plans among them), Delta commits, and
   * the seconds of the stage during which none of its Spark jobs ran.
   */
  public static final class Series {
    private final StageTimes cpu = new StageTimes();
    private final StageTimes jobs = new StageTimes();
    private final StageTimes logReplays = new StageTimes();
    private final StageTimes scanPlans = new StageTimes();
    private final StageTimes commits = new StageTimes();
    private final StageTimes driverOnly = new StageTimes();

    /** One repetition: the stages' seconds (from the run summary), the groups' work and the commits per stage. */
    public void add(Map<String, Double> stageSeconds, Map<String, Work> work, Map<String, Integer> commitsPerStage) {
      Map<String, Double> c = new TreeMap<>();
      Map<String, Double> j = new TreeMap<>();
      Map<String, Double> replays = new TreeMap<>();
      Map<String, Double> plans = new TreeMap<>();
      work.forEach((group, w) -> {
        String stage = stageOf(group);
        c.merge(stage, w.executorCpuSeconds(), Double::sum);
        j.merge(stage, (double) w.jobs(), Double::sum);
        replays.merge(stage, (double) w.logReplays(), Double::sum);
        plans.merge(stage, (double) w.scanPlans(), Double::sum);
      });
      Map<String, Double> d = new TreeMap<>();
      stageSeconds.forEach((stage, s) -> d.put(stage, s - work.entrySet().stream()
          .filter(e -> e.getKey().equals(JobLabel.group(stage))).mapToDouble(e -> e.getValue().jobSeconds()).sum()));
      Map<String, Double> k = new TreeMap<>();
      commitsPerStage.forEach((stage, n) -> k.put(stage, (double) n));
      add(cpu, c);
      add(jobs, j);
      add(logReplays, replays);
      add(scanPlans, plans);
      add(commits, k);
      add(driverOnly, d);
    }

    private static void add(StageTimes series, Map<String, Double> values) {
      series.add(values, values.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    public StageTimes cpu() {
      return cpu;
    }

    public StageTimes jobs() {
      return jobs;
    }

    public StageTimes logReplays() {
      return logReplays;
    }

    public StageTimes scanPlans() {
      return scanPlans;
    }

    public StageTimes commits() {
      return commits;
    }

    public StageTimes driverOnly() {
      return driverOnly;
    }
  }
}
