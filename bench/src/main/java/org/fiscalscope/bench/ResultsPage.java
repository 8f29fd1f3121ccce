package org.fiscalscope.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the measurements as the Markdown of bench/RESULTS.md (pure: no clock, no files). */
public final class ResultsPage {

  /** Where and when it ran, and the figures measured outside the scales. */
  public record Context(String date, int cores, long memoryBytes, String loadBefore, String loadAfter, String master,
      String javaVersion, double coldDemoSeconds, ExtractionThroughput.Result extraction, double benchMinutes) {}

  private ResultsPage() {}

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
    md.append("\n## Executor CPU per stage\n\n");
    md.append("CPU seconds the Spark executors spent per stage (sum over tasks, median of the repetitions): unlike wall "
        + "clock, barely affected by other work on the machine. Driver-side time (planning, Delta log replay, "
        + "commits) is not included.\n\n");
    md.append("| scale | stage | executor CPU s |\n|---|---|---|\n");
    for (ScaleResult r : scales) {
      for (Map.Entry<String, Timings> e : r.sparkCpu().byStage().entrySet()) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f |%n", r.scale().label(),
            e.getKey().equals(StageTimes.TOTAL) ? "all stages" : e.getKey(), e.getValue().median()));
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
    md.append(String.format(Locale.ROOT, "- Demo nightly (`./fiscalscope nightly` on data/sample/) from a cold JVM: %.1f s.%n",
        c.coldDemoSeconds()));
    md.append(String.format(Locale.ROOT, "- Extraction: %.0f documents per CPU-second on one core (%d seed-sized texts, mean %.1f KB).%n",
        c.extraction().docsPerCpuSecond(), c.extraction().documents(), c.extraction().meanKb()));
    md.append(String.format(Locale.ROOT, "- The whole benchmark took %.1f minutes.%n", c.benchMinutes()));
    return md.toString();
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
}
