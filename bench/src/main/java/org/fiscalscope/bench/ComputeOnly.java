package org.fiscalscope.bench;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.flags.FlagsConfig;
import org.fiscalscope.flags.FlagsJob;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.QueryMode;
import org.fiscalscope.metrics.MetricsConfig;
import org.fiscalscope.metrics.MetricsJob;

/**
 * The gold metrics and flags computed by the same code as the nightly, from the same Delta silver, but sent to
 * Spark's {@code noop} sink instead of Delta: the share of the metrics and flags stages that is computation rather
 * than writing, comparable with DuckDB building its tables in memory. The queries run as a run's would over that lake
 * ({@link QueryMode}: interpreted and planned once for a district, generated code and adaptive plans above).
 */
final class ComputeOnly {

  private ComputeOnly() {}

  /** Seconds to compute every gold metric table and every flag of {@code lake} (read as the nightly left it). */
  static double seconds(SparkSession spark, Path lake) {
    Lake l = new Lake(spark, lake.toString());
    QueryMode mode = QueryMode.of(spark);
    mode.forLake(l, 0);
    try {
      return timed(l);
    } finally {
      mode.restore();
    }
  }

  private static double timed(Lake l) {
    long start = System.nanoTime();
    Dataset<Row> unitYear = l.read(LakeTable.SILVER_UNIT_YEAR);
    Dataset<Row> functionLines = l.read(LakeTable.SILVER_FUNCTION_LINE);
    MetricsJob.Gold gold = MetricsJob.compute(unitYear, functionLines, l.read(LakeTable.SILVER_PROJECT),
        l.read(LakeTable.SILVER_INDICATOR), l.read(LakeTable.SILVER_FINDING), MetricsConfig.defaults());
    for (Dataset<Row> frame : java.util.List.of(gold.execution(), gold.threePublicTrend(), gold.scoreDistribution(),
        gold.credibility(), gold.disclosureQuality())) {
      frame.write().format("noop").mode("overwrite").save();
    }
    FlagsJob.compute(l.read(LakeTable.GOLD_EXECUTION), l.read(LakeTable.GOLD_THREE_PUBLIC_TREND), unitYear,
        functionLines, l.read(LakeTable.SILVER_PROVENANCE), FlagsConfig.defaults()).write().format("noop").mode("overwrite").save();
    return (System.nanoTime() - start) / 1e9;
  }
}
