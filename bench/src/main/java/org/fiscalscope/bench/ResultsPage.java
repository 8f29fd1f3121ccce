package org.fiscalscope.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fiscalscope.cluster.StandaloneCluster;
import org.fiscalscope.lake.LakeTable;

/** Renders the measurements as the Markdown of bench/RESULTS.md (pure: no clock, no files). */
public final class ResultsPage {

  /** Where and when it ran, and the figures measured outside the scales. */
  public record Context(String date, int cores, long memoryBytes, String loadBefore, String loadAfter, String master,
      String javaVersion, double coldDemoSeconds, List<Double> coldDemoArchiveSeconds,
      ExtractionThroughput.Result extraction, double benchMinutes) {}

  private ResultsPage() {}

  /**
   * The demo nightly from a cold JVM: the first run of a build (the launcher has no class-data-sharing archive yet
   * and records the classes the run loads), and the runs after the archive is written, as every later run is.
   */
  static String coldDemo(Context c) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "- Demo nightly (`./fiscalscope nightly` on "
        + "data/sample/) from a cold JVM: %.1f s the first run of a build (no class-data-sharing archive yet: the run "
        + "records the classes it loads)", c.coldDemoSeconds()));
    List<Double> mapped = c.coldDemoArchiveSeconds().stream().filter(s -> !s.isNaN()).sorted().toList();
    if (!mapped.isEmpty()) {
      line.append(String.format(Locale.ROOT, "; with the launcher's archive mapped, as in every later run: %.1f s "
              + "median of %d (%s s)", Timings.of(mapped.stream().mapToDouble(Double::doubleValue).toArray()).median(),
          mapped.size(), String.join(", ", c.coldDemoArchiveSeconds().stream()
              .map(s -> String.format(Locale.ROOT, "%.1f", s)).toList())));
    }
    return line.append(".\n").toString();
  }

  public static String render(Context c, List<ScaleResult> scales) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append(String.format(Locale.ROOT, "Measured %s on %d cores, %.0f GB memory, Java %s, Spark master %s. "
            + "Load average (1, 5, 15 min) before the run: %s; 1-min load when this page was written: %s.%n%n",
        c.date(), c.cores(), c.memoryBytes() / 1e9, c.javaVersion(), c.master(), c.loadBefore(), c.loadAfter()));
    md.append("| scale | stage | engine | reps | min s | median s | FiscalScope ÷ DuckDB |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (ScaleResult r : scales) {
      String label = r.scale().label();
      for (Map.Entry<String, Timings> e : r.spark().byStage().entrySet()) {
        row(md, label, e.getKey(), "FiscalScope", e.getValue(), "");
      }
      Timings mf = r.metricsAndFlags();
      Timings duck = r.duckdb();
      row(md, label, "metrics + flags", "FiscalScope", mf, "");
      row(md, label, "metrics + flags", "DuckDB", duck, ratio(mf, duck));
      if (r.computeOnly().repetitions() > 0) {
        row(md, label, "metrics + flags, computed without the Delta writes", "FiscalScope", r.computeOnly(),
            ratio(r.computeOnly(), duck));
      }
    }
    md.append("\n## Work per stage\n\n");
    md.append("Medians of the repetitions. Spark jobs and Delta commits are counts (commits by the stage that owns the "
        + "table; nightly: the run's own record in ops.runs). Among the jobs, Delta's own: log replays (a table's "
        + "state rebuilt from its log, for each new version read) and scan plans (a scan's file list filtered from "
        + "that state, for each table in each query). Executor CPU: seconds the Spark executors spent (sum "
        + "over tasks), unlike wall clock barely affected by other work on the machine. Driver only: seconds of the "
        + "stage during which none of its Spark jobs ran — planning, Delta's log and commits, files the driver "
        + "writes.\n\n");
    md.append("| scale | stage | Spark jobs | of them Delta log replays | of them Delta scan plans | Delta commits "
        + "| executor CPU s | driver only s |\n|---|---|---|---|---|---|---|---|\n");
    for (ScaleResult r : scales) {
      StageWork.Series w = r.work();
      for (String stage : stagesOf(w)) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.scale().label(),
            stage.equals(StageTimes.TOTAL) ? "all stages" : stage, count(w.jobs(), stage), count(w.logReplays(), stage),
            count(w.scanPlans(), stage), count(w.commits(), stage), seconds(w.cpu(), stage), seconds(w.driverOnly(), stage)));
      }
    }
    md.append("\n## Per scale\n\n");
    md.append("| scale | units × years | generate s | peak heap (GB) | run with nothing new s | 1-min load after the scale | engines agree |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (ScaleResult r : scales) {
      md.append(String.format(Locale.ROOT, "| %s | %d × %d | %.1f | %.2f | %.1f | %s | %s |%n", r.scale().label(),
          r.scale().units(), r.scale().years(), r.generateSeconds(), r.peakHeapBytes() / 1e9, r.noChangeRunSeconds(),
          r.loadAtEnd(), r.agrees() ? "yes" : "**NO**"));
    }
    md.append("\n## Agreement checks (FiscalScope gold vs DuckDB)\n\n");
    md.append("| scale | check | FiscalScope rows | DuckDB rows | mismatches |\n|---|---|---|---|---|\n");
    for (ScaleResult r : scales) {
      for (DuckDbMetrics.Check k : r.checks()) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d |%n", r.scale().label(), k.name(),
            k.sparkRows(), k.duckdbRows(), k.mismatches()));
      }
    }
    md.append("\n## Growth and other figures\n\n");
    growth(md, scales);
    md.append(coldDemo(c));
    md.append(String.format(Locale.ROOT, "- Extraction: %.0f documents per CPU-second on one core (%d seed-sized texts, mean %.1f KB).%n",
        c.extraction().docsPerCpuSecond(), c.extraction().documents(), c.extraction().meanKb()));
    md.append(String.format(Locale.ROOT, "- The whole benchmark took %.1f minutes.%n", c.benchMinutes()));
    return md.toString();
  }

  /** The heading of the section {@link #cluster} renders; {@link #withSection} finds it by this line. */
  static final String CLUSTER_HEADING = "## Standalone cluster";

  /** The target the cluster section states as met or not. */
  static final String CLUSTER_TARGET = "Standalone cluster: the demo and 10k district give gold tables identical to a "
      + "local run; CI runs the demo on it";

  /** The section of a {@code --cluster} run: the cluster, then each landing folder run locally and on it. */
  static String cluster(Context c, ClusterBench.Setup setup, List<ClusterBench.Case> cases) {
    StringBuilder md = new StringBuilder();
    md.append(CLUSTER_HEADING).append("\n\n");
    md.append(String.format(Locale.ROOT, "Measured %s on %d cores, %.0f GB memory, Java %s. Load average (1, 5, 15 min) "
            + "before the run: %s; 1-min load at its end: %s. `./fiscalscope bench --cluster` (%.1f minutes).%n%n",
        c.date(), c.cores(), c.memoryBytes() / 1e9, c.javaVersion(), c.loadBefore(), c.loadAfter(), c.benchMinutes()));
    StandaloneCluster.Spec spec = setup.spec();
    md.append(String.format(Locale.ROOT, "The cluster: a Spark standalone Master and %d Workers started on this machine "
            + "as JVMs of their own (`org.apache.spark.deploy.master.Master`, `org.apache.spark.deploy.worker.Worker`, "
            + "bound to 127.0.0.1, daemons with %s of heap), each Worker offering %d core and %s, so each runs one "
            + "executor of %s; up in %.1f s. Its Spark is the jars of Maven's Spark 4.1 laid out as a `SPARK_HOME` "
            + "without the libraries the thin jar carries. The thin jar `fiscalscope.jar` is submitted with "
            + "`SparkSubmit --master %s --deploy-mode client` (driver heap %s): executors fetch it from the driver "
            + "and run in the Workers' folders. The local run is the same nightly in the bench JVM with "
            + "`--master local[2]`, over the same landing folder. Tables are compared by content hash: each "
            + "row without the run's stamps (run_id, ingested_at, rejected_at, computed_at) as JSON, hashed, "
            + "the hashes sorted and hashed again (`LakeComparison`).%n%n",
        spec.workers(), spec.daemonHeap(), spec.coresPerWorker(), spec.workerMemory(), spec.executorMemory(),
        setup.startSeconds(), setup.masterUrl().replaceAll(":\\d+$", ":<port>"), spec.driverHeap()));
    md.append("| landing | unit-years | run | ingest s | metrics s | flags s | report s | whole run s |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (ClusterBench.Case k : cases) {
      stages(md, k, "local[2], this JVM", k.local());
      stages(md, k, "standalone cluster (driver JVM start included)", k.cluster());
    }
    md.append("\n| landing | tables compared | identical | gold tables identical | gold rows | silver rows | differences |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (ClusterBench.Case k : cases) {
      long identical = k.tables().stream().filter(org.fiscalscope.cluster.LakeComparison.Compared::identical).count();
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %s |%n", k.label(), k.tables().size(),
          identical, k.goldIdentical() ? "yes" : "**no**", k.rows(LakeTable.Layer.GOLD), k.rows(LakeTable.Layer.SILVER),
          k.differences().isEmpty() ? "none" : String.join("; ", k.differences()).replace("|", "\\|")));
    }
    boolean met = !cases.isEmpty() && cases.stream().allMatch(ClusterBench.Case::goldIdentical);
    md.append("\n| target | result | met? |\n|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| %s | %s; `StandaloneClusterIT` runs the demo on such a cluster in "
            + "`./mvnw verify` | %s |%n", CLUSTER_TARGET,
        cases.stream().map(k -> k.label() + ": " + (k.goldIdentical() ? "gold identical" : "gold DIFFERS")
            + (k.identical() ? ", bronze and silver identical too" : "")).reduce((a, b) -> a + "; " + b).orElse("no run"),
        met ? "yes" : "**no**"));
    return md.toString();
  }

  private static void stages(StringBuilder md, ClusterBench.Case k, String run, Map<String, Double> s) {
    md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", k.label(), k.unitYears(), run,
        seconds(s, "ingest"), seconds(s, "metrics"), seconds(s, "flags"), seconds(s, "report"),
        seconds(s, StageTimes.TOTAL)));
  }

  private static String seconds(Map<String, Double> stages, String stage) {
    Double s = stages.get(stage);
    return s == null ? "" : String.format(Locale.ROOT, "%.1f", s);
  }

  /**
   * {@code page} with its section under {@code heading} (up to the next {@code ## } heading) replaced by
   * {@code section}, or {@code section} appended when the page has none; {@code section} null removes nothing and
   * adds nothing.
   */
  static String withSection(String page, String heading, String section) {
    if (section == null) {
      return page;
    }
    String body = section.endsWith("\n") ? section : section + "\n";
    int start = page.startsWith(heading + "\n") ? 0 : page.indexOf("\n" + heading + "\n");
    if (start < 0) {
      return page + (page.endsWith("\n\n") || page.isEmpty() ? "" : page.endsWith("\n") ? "\n" : "\n\n") + body;
    }
    if (start > 0) {
      start++;
    }
    int end = page.indexOf("\n## ", start + heading.length());
    String after = end < 0 ? "" : "\n" + page.substring(end + 1);
    return page.substring(0, start) + body + after;
  }

  /** The section under {@code heading} in {@code page}, or null when there is none. */
  static String section(String page, String heading) {
    int start = page.startsWith(heading + "\n") ? 0 : page.indexOf("\n" + heading + "\n");
    if (start < 0) {
      return null;
    }
    if (start > 0) {
      start++;
    }
    int end = page.indexOf("\n## ", start + heading.length());
    return (end < 0 ? page.substring(start) : page.substring(start, end + 1)).stripTrailing() + "\n";
  }

  private static String ratio(Timings spark, Timings duck) {
    return String.format(Locale.ROOT, "%.1f× (min) / %.1f× (median)", spark.min() / duck.min(),
        spark.median() / duck.median());
  }

  private static void growth(StringBuilder md, List<ScaleResult> scales) {
    ScaleResult tenK = find(scales, 10_000);
    ScaleResult hundredK = find(scales, 100_000);
    if (tenK == null || hundredK == null) {
      return;
    }
    for (String stage : List.of(StageTimes.TOTAL, "ingest", "metrics", "flags", "report")) {
      Timings a = tenK.spark().of(stage);
      Timings b = hundredK.spark().of(stage);
      if (a.repetitions() > 0 && b.repetitions() > 0) {
        md.append(String.format(Locale.ROOT, "- %s from 10k to 100k (medians): %.1f s → %.1f s, %.1f×.%n", stage,
            a.median(), b.median(), b.median() / a.median()));
      }
    }
  }

  private static ScaleResult find(List<ScaleResult> scales, long unitYears) {
    return scales.stream().filter(s -> s.scale().unitYears() == unitYears).findFirst().orElse(null);
  }

  private static void row(StringBuilder md, String scale, String stage, String engine, Timings t, String ratio) {
    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.2f | %.2f | %s |%n", scale, stage, engine,
        t.repetitions(), t.min(), t.median(), ratio));
  }

  /** The stages any series names, the nightly's in run order first, the whole run last. */
  private static List<String> stagesOf(StageWork.Series w) {
    java.util.Set<String> named = new java.util.TreeSet<>();
    for (StageTimes t : List.of(w.jobs(), w.logReplays(), w.scanPlans(), w.commits(), w.cpu(), w.driverOnly())) {
      named.addAll(t.byStage().keySet());
    }
    named.remove(StageTimes.TOTAL);
    List<String> order = new java.util.ArrayList<>();
    for (String s : org.fiscalscope.pipeline.NightlyStages.names()) {
      if (named.remove(s)) {
        order.add(s);
      }
    }
    order.addAll(named);
    order.add(StageTimes.TOTAL);
    return order;
  }

  private static String count(StageTimes t, String stage) {
    Timings v = t.byStage().get(stage);
    return v == null ? "0" : String.format(Locale.ROOT, "%.0f", v.median());
  }

  private static String seconds(StageTimes t, String stage) {
    Timings v = t.byStage().get(stage);
    return v == null ? "" : String.format(Locale.ROOT, "%.1f", v.median());
  }
}
