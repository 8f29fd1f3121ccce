package org.fiscalscope.bench;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Copies the current version of lake tables to plain Parquet folders, so DuckDB reads exactly what Spark read. */
public final class LakeExport {

  public static final List<String> SILVER = List.of("unit_year", "function_line", "project");
  public static final List<String> GOLD = List.of("execution", "three_public_trend", "score_distribution", "flags");

  private LakeExport() {}

  /** Writes {@code <out>/<table>/*.parquet} for each table of {@code layer} in the lake. */
  public static void export(SparkSession spark, Path lake, String layer, List<String> tables, Path out) {
    for (String table : tables) {
      spark.read().format("delta").load(lake.resolve(layer).resolve(table).toString())
          .write().mode("overwrite").parquet(out.resolve(table).toString());
    }
  }
}
