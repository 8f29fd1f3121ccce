package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** gold.credibility: PEFA PI-1 (aggregate outturn) and PI-2 (composition variance) over the last three years (docs/metrics.md). */
public final class Credibility {

  private static final String PCT = "decimal(18,2)";

  private Credibility() {}

  /**
   * unit_id, fiscal_year, outturn_pct (actual_final ÷ budget_initial × 100) and composition_variance_pct
   * (Σ|actual − budget × total actual ÷ total budget| ÷ total actual × 100 over functional classes) per unit-year.
   */
  public static Dataset<Row> yearly(Dataset<Row> unitYear, Dataset<Row> functionLines) {
    return yearlyOf(unitYear, FunctionClasses.classTotals(functionLines));
  }

  /** {@link #yearly} from class totals already computed by {@link FunctionClasses#classTotals}. */
  static Dataset<Row> yearlyOf(Dataset<Row> unitYear, Dataset<Row> classTotals) {
    Dataset<Row> classes = classTotals
        .where(col("budget_initial").isNotNull().and(col("actual").isNotNull()));
    Dataset<Row> totals = classes.groupBy("unit_id", "fiscal_year")
        .agg(sum("budget_initial").as("total_budget"), sum("actual").as("total_actual"));
    // |a·B − b·A| ÷ (A·B) equals |a − b·A/B| ÷ A: exact decimals, one division per unit-year.
    Dataset<Row> variance = classes.join(totals, FunctionClasses.UNIT_YEAR)
        .groupBy("unit_id", "fiscal_year", "total_budget", "total_actual")
        .agg(sum(abs(col("actual").multiply(col("total_budget")).minus(col("budget_initial").multiply(col("total_actual")))))
            .as("deviation"))
        .withColumn("composition_variance_pct", when(col("total_budget").gt(0).and(col("total_actual").gt(0)),
            round(col("deviation").multiply(100).divide(col("total_actual").multiply(col("total_budget"))), 2)).cast(PCT))
        .select("unit_id", "fiscal_year", "composition_variance_pct");
    return unitYear.select(col("unit_id"), col("fiscal_year"),
            Execution.ratePct(col("actual_final"), col("budget_initial")).as("outturn_pct"))
        .join(variance, FunctionClasses.UNIT_YEAR, "left");
  }

  /** gold.credibility (without run_id) from {@link #yearly}: each year with the two before it and the grades. */
  public static Dataset<Row> credibility(Dataset<Row> yearly, MetricsConfig.Credibility bands) {
    // The two years before, by value of the year (a gap leaves them empty), in one window pass over the unit.
    WindowSpec byYear = Window.partitionBy("unit_id").orderBy("fiscal_year");
    Dataset<Row> withHistory = yearly;
    for (int back = 1; back <= 2; back++) {
      WindowSpec thatYear = byYear.rangeBetween(-back, -back);
      String suffix = back == 1 ? "_prior" : "_prior2";
      withHistory = withHistory
          .withColumn("outturn_pct" + suffix, first(col("outturn_pct")).over(thatYear))
          .withColumn("composition_variance_pct" + suffix, first(col("composition_variance_pct")).over(thatYear))
          .withColumn("has" + suffix, count(lit(1)).over(thatYear).gt(0));
    }
    Column years = lit(1).plus(when(col("has_prior"), 1).otherwise(0)).plus(when(col("has_prior2"), 1).otherwise(0));
    return withHistory
        .withColumn("years_of_history", years.cast("int"))
        .select(col("unit_id"), col("fiscal_year"), col("years_of_history"),
            col("outturn_pct"), col("outturn_pct_prior"), col("outturn_pct_prior2"),
            outturnGrade(List.of(col("outturn_pct"), col("outturn_pct_prior"), col("outturn_pct_prior2")),
                bands.outturnBandsPct()).as("pi1_grade"),
            col("composition_variance_pct"), col("composition_variance_pct_prior"),
            col("composition_variance_pct_prior2"),
            compositionGrade(List.of(col("composition_variance_pct"), col("composition_variance_pct_prior"),
                col("composition_variance_pct_prior2")), bands.compositionBandsPct()).as("pi2_grade"),
            lit(null).cast(PCT).as("outturn_adjusted_pct"), lit(null).cast("string").as("pi1_adjusted_grade"),
            lit(null).cast(PCT).as("composition_variance_adjusted_pct"),
            lit(null).cast("string").as("pi2_adjusted_grade"),
            when(col("years_of_history").lt(3), lit("fewer than three years of history: no grade"))
                .otherwise(lit("no adjusted budget in silver: adjusted columns empty")).as("note"));
  }

  /** PI-1 grade: A/B/C when at least two of three years are within 100% ± the band, D otherwise; null unless all three are known. */
  public static Column outturnGrade(List<Column> pcts, List<BigDecimal> bandsPct) {
    return grade(pcts, bandsPct, (x, band) -> abs(x.minus(100)).leq(lit(band)));
  }

  /** PI-2 grade: A/B/C when at least two of three years are below the band, D otherwise; null unless all three are known. */
  public static Column compositionGrade(List<Column> pcts, List<BigDecimal> bandsPct) {
    return grade(pcts, bandsPct, (x, band) -> x.lt(lit(band)));
  }

  private static Column grade(List<Column> pcts, List<BigDecimal> bands,
      java.util.function.BiFunction<Column, BigDecimal, Column> inside) {
    String[] grades = {"A", "B", "C"};
    Column complete = pcts.stream().map(Column::isNotNull).reduce(Column::and).orElseThrow();
    Column graded = null;
    for (int g = 0; g < grades.length; g++) {
      BigDecimal band = bands.get(g);
      Column hits = pcts.stream().map(x -> when(inside.apply(x, band), 1).otherwise(0)).reduce(Column::plus).orElseThrow();
      graded = graded == null ? when(hits.geq(2), lit(grades[g])) : graded.when(hits.geq(2), lit(grades[g]));
    }
    return when(complete, graded.otherwise(lit("D")));
  }
}
