package org.fiscalscope.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.cluster.StandaloneCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fiscalscope bench}: times the nightly stages at each scale, checks them against DuckDB, writes RESULTS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark the nightly run on generated districts and compare its gold metrics with DuckDB.")
public final class Bench implements Callable<Integer> {

  @Option(names = "--scales", split = ",", paramLabel = "UNIT_YEARS",
      description = "Unit-years per scale (default: ${DEFAULT-VALUE}).", defaultValue = "1000,10000,100000")
  List<Long> scales;

  @Option(names = "--years", defaultValue = "5", description = "Fiscal years per unit (default: ${DEFAULT-VALUE}).")
  int years;

  @Option(names = "--reps", defaultValue = "3",
      description = "Timed repetitions per scale; the first scale is preceded by one warm-up run, which warms the JVM for all (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--large", defaultValue = "100000", paramLabel = "UNIT_YEARS",
      description = "From this scale on: --large-reps repetitions (default: ${DEFAULT-VALUE}).")
  long large;

  @Option(names = "--large-reps", defaultValue = "1", description = "Repetitions at large scales (default: ${DEFAULT-VALUE}).")
  int largeReps;

  @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(names = "--seed", defaultValue = "20240601", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: a new temporary folder, removed afterwards).")
  Path work;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the results (default: ${DEFAULT-VALUE}).",
      defaultValue = "bench/RESULTS.md")
  Path out;

  @Option(names = "--extraction-seconds", defaultValue = "10", description = "Seconds of extraction measured (default: ${DEFAULT-VALUE}).")
  double extractionSeconds;

  @Option(names = "--cold-demo-seconds", defaultValue = "NaN",
      description = "Seconds of the demo nightly from a cold JVM, the first run of a build (no class-data-sharing"
          + " archive yet), measured by bench/run.sh before this JVM started.")
  double coldDemoSeconds;

  @Option(names = "--cold-demo-archive-seconds", split = ",", paramLabel = "SECONDS",
      description = "Seconds of the demo nightly from a cold JVM with the launcher's class-data-sharing archive mapped,"
          + " one per run, measured by bench/run.sh after the first run.")
  List<Double> coldDemoArchiveSeconds = new ArrayList<>();

  @Option(names = "--load-before", defaultValue = "unknown", description = "Load average before the run (bench/run.sh passes it).")
  String loadBefore;

  @Option(names = "--cluster", description = {"Instead of the scales: start a Spark standalone cluster on this machine"
      + " (a Master and two Workers, JVMs of their own), run the demo and a generated district of"
      + " --cluster-unit-years on it with the thin jar through SparkSubmit, run both locally too, and compare every"
      + " table by content hash. Writes the \"Standalone cluster\" section of --out and keeps the rest of the page."})
  boolean cluster;

  @Option(names = "--cluster-unit-years", defaultValue = "10000", paramLabel = "UNIT_YEARS",
      description = "Size of the generated district run on the cluster (default: ${DEFAULT-VALUE}).")
  long clusterUnitYears;

  @Option(names = "--cluster-executor-memory", defaultValue = "1g", paramLabel = "SIZE",
      description = "Memory of each executor on the cluster; each Worker offers 256 MB more (default: ${DEFAULT-VALUE}).")
  String clusterExecutorMemory;

  private StageWork listener;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintStream log = System.err;
    long started = System.nanoTime();
    boolean temporary = work == null;
    Path dir = temporary ? Files.createTempDirectory("fiscalscope-bench") : Files.createDirectories(work);
    try {
      if (cluster) {
        return cluster(dir, log, started);
      }
      log.println("bench: extraction throughput …");
      byte[] sample = Files.readAllBytes(Path.of("data/sample/qingshan-talent-service-center-2023.txt"));
      ExtractionThroughput.Result extraction =
          ExtractionThroughput.measure(ExtractionThroughput.documents(sample, 64, seed), extractionSeconds);
      NightlyBench nightly = new NightlyBench(master, log);
      int threads = Integer.parseInt(master.replaceAll("\\D", "").isEmpty() ? "2" : master.replaceAll("\\D", ""));
      DuckDbMetrics duck = new DuckDbMetrics(threads);
      List<ScaleResult> results = new ArrayList<>();
      for (long unitYears : scales) {
        boolean isLarge = unitYears >= large;
        Scale scale = new Scale(unitYears, years, isLarge ? largeReps : reps, results.isEmpty());
        results.add(measure(scale, nightly, duck, dir.resolve(scale.label()), log));
        write(extraction, results, started);
      }
      System.out.println(Files.readString(out));
      boolean agree = results.stream().allMatch(ScaleResult::agrees);
      log.println(agree ? "bench: engines agree; results in " + out
          : "bench: FiscalScope and DuckDB DISAGREE (see the agreement checks in " + out + ")");
      return agree ? 0 : 1;
    } finally {
      if (temporary) {
        delete(dir);
      }
    }
  }

  private int cluster(Path dir, PrintStream log, long started) throws IOException, InterruptedException {
    long executorMb = memoryMb(clusterExecutorMemory);
    StandaloneCluster.Spec spec = StandaloneCluster.Spec.small()
        .withMemory((executorMb + 256) + "m", executorMb + "m", StandaloneCluster.Spec.small().driverHeap());
    ClusterBench.Setup[] setup = new ClusterBench.Setup[1];
    List<ClusterBench.Case> cases = new ClusterBench(log).run(dir, clusterUnitYears, years, seed, spec, s -> setup[0] = s);
    String section = ResultsPage.cluster(context(null, started), setup[0], cases);
    String page = Files.exists(out) ? Files.readString(out) : "# Benchmark results\n\n";
    writePage(ResultsPage.withSection(page, ResultsPage.CLUSTER_HEADING, section));
    System.out.println(section);
    boolean identical = cases.stream().allMatch(ClusterBench.Case::identical);
    log.println(identical ? "bench: the cluster's tables are identical to the local runs'; results in " + out
        : "bench: the cluster's tables DIFFER from the local runs' (see " + out + ")");
    return identical ? 0 : 1;
  }

  static long memoryMb(String size) {
    String s = size.trim().toLowerCase(Locale.ROOT);
    long n = Long.parseLong(s.replaceAll("[a-z]+$", ""));
    return s.endsWith("g") ? n * 1024 : s.endsWith("m") ? n : n / (1024 * 1024);
  }

  private ScaleResult measure(Scale scale, NightlyBench nightly, DuckDbMetrics duck, Path dir, PrintStream log)
      throws IOException, SQLException {
    Files.createDirectories(dir);
    log.printf("bench: %s unit-years (%d units × %d years), %d repetition(s)%s%n", scale.label(), scale.units(),
        scale.years(), scale.repetitions(), scale.hasWarmUp() ? " after a warm-up" : ", no warm-up");
    long g = System.nanoTime();
    Path landing = nightly.generate(scale, seed, dir.resolve("landing"));
    double generateSeconds = (System.nanoTime() - g) / 1e9;
    if (scale.hasWarmUp()) {
      nightly.run(landing, dir.resolve("lake-warm-up"));
      delete(dir.resolve("lake-warm-up"));
    }
    PeakMemory.reset();
    StageTimes times = new StageTimes();
    StageWork.Series work = new StageWork.Series();
    Path lake = null;
    for (int i = 1; i <= scale.repetitions(); i++) {
      if (lake != null) {
        delete(lake);
      }
      lake = dir.resolve("lake-" + i);
      workSinceLast();
      var stages = nightly.run(landing, lake);
      double total = stages.remove(StageTimes.TOTAL);
      times.add(stages, total);
      work.add(stages, workSinceLast(), StageWork.commits(lake));
    }
    long peak = PeakMemory.heapBytes();
    double noChange = nightly.run(landing, lake).get(StageTimes.TOTAL);

    SparkSession spark = SparkSession.active();
    List<Double> computeOnly = new ArrayList<>();
    for (int i = 0; i < scale.repetitions(); i++) {
      computeOnly.add(ComputeOnly.seconds(spark, lake));
    }
    log.printf(Locale.ROOT, "  metrics + flags computed to the noop sink: %s s%n", computeOnly);
    Path silver = dir.resolve("silver-parquet");
    Path gold = dir.resolve("gold-parquet");
    LakeExport.export(spark, lake, "silver", LakeExport.SILVER, silver);
    LakeExport.export(spark, lake, "gold", LakeExport.GOLD, gold);

    List<Double> duckSeconds = new ArrayList<>();
    List<DuckDbMetrics.Check> checks;
    try (Connection warm = duck.open()) {
      duck.compute(warm, silver);
    }
    Connection last = null;
    try {
      for (int i = 0; i < Math.max(scale.repetitions(), 3); i++) {
        if (last != null) {
          last.close();
        }
        last = duck.open();
        duckSeconds.add(duck.compute(last, silver));
      }
      checks = duck.agreement(last, gold);
    } finally {
      if (last != null) {
        last.close();
      }
    }
    for (DuckDbMetrics.Check c : checks) {
      log.printf(Locale.ROOT, "  %s %s: FiscalScope %d rows, DuckDB %d rows, %d mismatches%n",
          c.agrees() ? "ok  " : "FAIL", c.name(), c.sparkRows(), c.duckdbRows(), c.mismatches());
    }
    delete(dir);
    return new ScaleResult(scale, times, work, new Timings(computeOnly), new Timings(duckSeconds), checks, peak,
        noChange, generateSeconds, loadAverage());
  }

  /**
   * What each job group (INGEST, METRICS, FLAGS, REPORT; the rest under "other") did since the last call. The listener
   * joins the Spark session on the first call after a nightly run created it; Spark's listener bus is drained first, so
   * the last tasks of the run are counted.
   */
  private Map<String, StageWork.Work> workSinceLast() {
    if (listener == null) {
      if (SparkSession.getActiveSession().isEmpty()) {
        return Map.of();
      }
      listener = new StageWork();
      SparkSession.active().sparkContext().addSparkListener(listener);
    }
    try {
      SparkSession.active().sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain: the work per stage would be incomplete", e);
    }
    return listener.take();
  }

  /** Writes the page for the scales measured so far, so a long run that is cut short still leaves its results. */
  private void write(ExtractionThroughput.Result extraction, List<ScaleResult> results, long started) throws IOException {
    // The page of the scales, keeping the standalone-cluster section a --cluster run wrote.
    String kept = Files.exists(out) ? ResultsPage.section(Files.readString(out), ResultsPage.CLUSTER_HEADING) : null;
    writePage(ResultsPage.withSection(ResultsPage.render(context(extraction, started), results),
        ResultsPage.CLUSTER_HEADING, kept));
  }

  private ResultsPage.Context context(ExtractionThroughput.Result extraction, long started) {
    return new ResultsPage.Context(
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now()),
        Runtime.getRuntime().availableProcessors(), totalMemory(), loadBefore, loadAverage(), master,
        System.getProperty("java.version"), coldDemoSeconds, List.copyOf(coldDemoArchiveSeconds), extraction, (System.nanoTime() - started) / 60e9);
  }

  private void writePage(String page) throws IOException {
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    Files.writeString(out, page);
  }

  private static long totalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
