package org.fiscalscope.bench;

import java.util.List;

/** Everything measured at one scale. */
public record ScaleResult(Scale scale, StageTimes spark, StageWork.Series work, Timings computeOnly, Timings duckdb, List<DuckDbMetrics.Check> checks,
    long peakHeapBytes, double noChangeRunSeconds, double generateSeconds, String loadAtEnd) {

  public boolean agrees() {
    return checks.stream().allMatch(DuckDbMetrics.Check::agrees);
  }

  /** Metrics + flags of each repetition: the stages DuckDB restates. */
  public Timings metricsAndFlags() {
    return spark.of("metrics").plus(spark.of("flags"));
  }
}
