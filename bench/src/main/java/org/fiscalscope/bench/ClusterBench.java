package org.fiscalscope.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.cluster.LakeComparison;
import org.fiscalscope.cluster.StandaloneCluster;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.pipeline.Run;

/**
 * The nightly on a Spark standalone cluster started on this machine (a Master and two Workers in JVMs of their own,
 * the thin jar submitted in client mode), beside the same nightly run locally in this JVM; every table of the two
 * lakes compared by content hash.
 */
final class ClusterBench {

  /** One landing folder run both ways: seconds per stage of each run, and every table compared. */
  record Case(String label, Map<String, Double> local, Map<String, Double> cluster,
      List<LakeComparison.Compared> tables) {

    boolean identical() {
      return tables.stream().allMatch(LakeComparison.Compared::identical);
    }

    /** Whether every gold table is identical. */
    boolean goldIdentical() {
      return tables.stream().filter(c -> c.expected().table().layer() == LakeTable.Layer.GOLD)
          .allMatch(LakeComparison.Compared::identical);
    }

    long rows(LakeTable.Layer layer) {
      return tables.stream().filter(c -> c.actual().table().layer() == layer)
          .mapToLong(c -> c.actual().rows()).sum();
    }

    long unitYears() {
      return tables.stream().filter(c -> c.actual().table().equals(LakeTable.SILVER_UNIT_YEAR))
          .mapToLong(c -> c.actual().rows()).sum();
    }

    List<String> differences() {
      return tables.stream().filter(c -> !c.identical()).map(LakeComparison.Compared::difference).toList();
    }
  }

  /** What {@link ResultsPage#cluster} tells about the cluster besides the cases. */
  record Setup(StandaloneCluster.Spec spec, String masterUrl, double startSeconds) {}

  private final NightlyBench local;
  private final PrintStream log;

  ClusterBench(PrintStream log) {
    this.local = new NightlyBench("local[2]", log);
    this.log = log;
  }

  /**
   * Starts the cluster, runs the demo landing folder and a generated district of {@code unitYears} both ways,
   * stops the cluster. {@code setup} receives the cluster's description once it is up.
   */
  List<Case> run(Path dir, long unitYears, int years, long seed, StandaloneCluster.Spec spec,
      java.util.function.Consumer<Setup> setup) throws IOException, InterruptedException {
    Path jar = Files.copy(Path.of("jobs", "target", "fiscalscope.jar"), dir.resolve("fiscalscope.jar"));
    List<String> flags = StandaloneCluster.jvmFlags(Path.of("jobs", "target", "jvm.options"));
    List<Case> cases = new ArrayList<>();
    long started = System.nanoTime();
    try (StandaloneCluster cluster = StandaloneCluster.launch(dir.resolve("cluster"), spec, jar, flags)) {
      Scale scale = new Scale(unitYears, years, 1, false);
      log.printf("bench: generating %s unit-years while the cluster starts …%n", scale.label());
      Path district = local.generate(scale, seed, dir.resolve("landing-" + scale.label()));
      cluster.awaitReady();
      double startSeconds = (System.nanoTime() - started) / 1e9;
      log.printf("bench: standalone cluster up at %s%n", cluster.masterUrl());
      setup.accept(new Setup(spec, cluster.masterUrl(), startSeconds));
      cases.add(compare(cluster, jar, "demo (data/sample)", Path.of("data", "sample").toAbsolutePath(),
          dir.resolve("demo")));
      cases.add(compare(cluster, jar, scale.label() + " district (generated)", district, dir.resolve(scale.label())));
    }
    return cases;
  }

  private Case compare(StandaloneCluster cluster, Path jar, String label, Path landing, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    log.printf("bench: %s — local run …%n", label);
    Path localLake = dir.resolve("local-lake");
    Map<String, Double> localStages = local.run(landing, localLake);

    log.printf("bench: %s — cluster run …%n", label);
    Path clusterLake = dir.resolve("cluster-lake");
    Path summary = dir.resolve("cluster-summary.json");
    Path out = dir.resolve("cluster-out.txt");
    Path driver = Files.createDirectories(dir.resolve("driver"));
    long start = System.nanoTime();
    Process submit = cluster.submit(jar, "org.fiscalscope.cli.Main", Map.of(), List.of("nightly",
        "--landing", landing.toString(), "--lake", clusterLake.toString(),
        "--report", dir.resolve("cluster-reports").toString(),
        "--conf", Path.of("conf", "fiscalscope.yaml").toAbsolutePath().toString(),
        "--summary", summary.toString()), driver, out);
    if (!submit.waitFor(60, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the nightly on the cluster did not finish within an hour; see " + out);
    }
    double total = (System.nanoTime() - start) / 1e9;
    int code = submit.exitValue();
    if (code != 0 && code != 3) {
      throw new IllegalStateException("the nightly on the cluster failed (exit " + code + "):\n"
          + Files.readString(out) + cluster.diagnostics());
    }
    Map<String, Double> clusterStages = NightlyBench.stageSeconds(summary);
    clusterStages.put(StageTimes.TOTAL, total);
    log.printf("  nightly on the cluster: %.1f s %s%n", total, clusterStages);

    List<LakeComparison.Compared> tables = LakeComparison.compare(SparkSession.active(), localLake.toString(),
        clusterLake.toString(), Run.TABLES);
    long identical = tables.stream().filter(LakeComparison.Compared::identical).count();
    log.printf("  %s: %d of %d tables identical%n", label, identical, tables.size());
    tables.stream().filter(c -> !c.identical()).forEach(c -> log.println("  DIFFERS " + c.difference()));
    Bench.delete(dir);
    return new Case(label, localStages, clusterStages, tables);
  }
}
