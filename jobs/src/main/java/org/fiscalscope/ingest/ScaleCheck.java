package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Catches a document whose amounts are about 10,000 times the same unit's other years — the mark of figures in 元
 * labelled 万元 — and raises an error finding on it, naming the years compared. Only the large side is blamed: of
 * two years 10,000 times apart, the small one is the plausible one.
 */
public final class ScaleCheck {

  public static final String RULE = "scale.jump";

  /** A total this many times the unit's other years (or that fraction of them) is taken for a unit error. */
  static final int FACTOR = 1000;

  private ScaleCheck() {}

  /**
   * Findings (silver.finding columns) for the new unit-years in {@code incoming} against the unit's other years in
   * {@code incoming} and {@code existing} (both silver.unit_year rows).
   */
  public static Dataset<Row> findings(Dataset<Row> incoming, Dataset<Row> existing) {
    Column total = coalesce(col("expenditure_total"), col("income_total"), col("actual_final"));
    Dataset<Row> all = existing.join(incoming.select("unit_id", "fiscal_year"),
            scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of("unit_id", "fiscal_year")).toList(), "left_anti")
        .select(col("unit_id"), col("fiscal_year"), total.as("total"))
        .unionByName(incoming.select(col("unit_id"), col("fiscal_year"), total.as("total")))
        .filter(col("total").gt(0));
    Dataset<Row> candidates = incoming.select(col("unit_id"), col("fiscal_year"), total.as("total"),
        col("source_sha256"), col("run_id")).filter(col("total").gt(0)).as("n");
    Dataset<Row> others = all.as("o");
    Dataset<Row> compared = candidates.join(others, col("n.unit_id").equalTo(col("o.unit_id"))
            .and(col("n.fiscal_year").notEqual(col("o.fiscal_year"))))
        .groupBy(col("n.unit_id"), col("n.fiscal_year"), col("n.total"), col("n.source_sha256"), col("n.run_id"))
        .agg(max(col("o.total")).as("other_max"), min(col("o.total")).as("other_min"),
            min(col("o.fiscal_year")).as("first_other"), max(col("o.fiscal_year")).as("last_other"));
    Column up = col("total").geq(col("other_max").multiply(FACTOR));
    Column years = when(col("first_other").equalTo(col("last_other")), col("first_other").cast("string"))
        .otherwise(concat(col("first_other").cast("string"), lit("–"), col("last_other").cast("string")));
    Column ratio = col("total").divide(col("other_max"));
    return compared.filter(up).select(
        col("unit_id"), col("fiscal_year"), lit(RULE).as("rule"), lit("1").as("subject"), lit("error").as("severity"),
        concat(lit("本年总额"), col("total").cast("string"), lit("万元约为本单位其他年度（"), years,
            lit("）的"), format_number(ratio, 0), lit("倍，疑似以元为单位的数字被填报为万元")).as("message"),
        concat(lit("This year's total of "), col("total").cast("string"), lit(" (万元) is about "),
            format_number(ratio, 0), lit(" times the unit's other years ("), years,
            lit("): amounts in 元 were probably labelled 万元; check the unit of the figures")).as("message_en"),
        concat(lit("total "), col("total").cast("string"), lit("; other years between "), col("other_min").cast("string"),
            lit(" and "), col("other_max").cast("string")).as("evidence"),
        col("source_sha256"), col("run_id"));
  }
}
