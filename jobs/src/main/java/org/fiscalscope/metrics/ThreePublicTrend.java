package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.ThreePublicSide;

/** gold.three_public_trend: the three public costs per unit, category and year against the prior year and the budget. */
public final class ThreePublicTrend {

  /** The categories' keys, as gold.three_public_trend.category holds them. */
  public static final List<String> CATEGORIES =
      Arrays.stream(ThreePublicCategory.values()).map(ThreePublicCategory::key).toList();

  private ThreePublicTrend() {}

  /** As {@link #trend(Dataset, int)} with the default base year. */
  public static Dataset<Row> trend(Dataset<Row> unitYear) {
    return trend(unitYear, MetricsConfig.defaults().threePublic().baseYear());
  }

  /**
   * One row per unit-year and category the unit reports (actual or budget), with prior year (actual and budget), YoY
   * and CAGR, and for the years after {@code baseYear} the base year's actual and budget of the same unit and
   * category. A change from a zero base is not a rate: its percentage is null and {@code zero_base} is true.
   */
  public static Dataset<Row> trend(Dataset<Row> unitYear, int baseYear) {
    Column[] perCategory = Arrays.stream(ThreePublicCategory.values()).map(c -> struct(lit(c.key()).as("category"),
        col(Fields.threePublic(ThreePublicSide.ACTUAL, c).silver().column()).as("actual"),
        col(Fields.threePublic(ThreePublicSide.BUDGET, c).silver().column()).as("budget")))
        .toArray(Column[]::new);
    Dataset<Row> rows = unitYear
        .select(col("unit_id"), col("fiscal_year"), col("source_sha256"), array(perCategory).as("c"))
        .selectExpr("unit_id", "fiscal_year", "source_sha256", "inline(c)")
        .where(col("actual").isNotNull().or(col("budget").isNotNull()));

    WindowSpec byYear = Window.partitionBy("unit_id", "category").orderBy("fiscal_year");
    WindowSpec soFar = byYear.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec series = Window.partitionBy("unit_id", "category");
    Column isBase = col("fiscal_year").equalTo(baseYear);
    Column afterBase = col("fiscal_year").gt(baseYear);
    Column previousYear = lag("fiscal_year", 1).over(byYear).equalTo(col("fiscal_year").minus(1));
    Column actual = col("actual");
    Column prior = col("prior_year_actual");
    Column span = col("fiscal_year").minus(col("first_year"));
    Column growth = pow(actual.divide(col("first_actual")).cast("double"), lit(1.0).divide(span)).minus(1).multiply(100);
    return rows
        .withColumn("prior_year_actual", when(previousYear, lag("actual", 1).over(byYear)))
        .withColumn("prior_year_budget", when(previousYear, lag("budget", 1).over(byYear)))
        .withColumn("yoy_change_amount", actual.minus(prior).cast("decimal(18,4)"))
        .withColumn("yoy_change_pct",
            when(prior.notEqual(0), round(actual.minus(prior).multiply(100).divide(prior), 2)).cast("decimal(18,2)"))
        .withColumn("first_year", first(when(actual.isNotNull(), col("fiscal_year")), true).over(soFar))
        .withColumn("first_actual", first(actual, true).over(soFar))
        .withColumn("years_in_series", count(actual).over(soFar).cast("int"))
        .withColumn("cagr_pct", when(col("years_in_series").geq(3).and(col("first_actual").gt(0))
            .and(actual.geq(0)).and(span.gt(0)), round(growth, 2)).cast("decimal(18,2)"))
        .withColumn("breaks_only_decrease_rule", actual.gt(prior))
        .withColumn("is_over_budget", actual.gt(col("budget")))
        .withColumn("zero_base", prior.equalTo(0))
        .withColumn("budget_rises", col("budget").gt(col("prior_year_budget")))
        .withColumn("base_year", when(afterBase, lit(baseYear)))
        .withColumn("base_year_actual", when(afterBase, first(when(isBase, actual), true).over(series)))
        .withColumn("base_year_budget", when(afterBase, first(when(isBase, col("budget")), true).over(series)))
        .withColumn("base_year_change_pct", when(col("base_year_actual").notEqual(0),
            round(actual.minus(col("base_year_actual")).multiply(100).divide(col("base_year_actual")), 2))
            .cast("decimal(18,2)"))
        .select("unit_id", "fiscal_year", "category", "actual", "budget", "prior_year_actual", "yoy_change_amount",
            "yoy_change_pct", "first_year", "years_in_series", "cagr_pct", "breaks_only_decrease_rule",
            "is_over_budget", "prior_year_budget", "zero_base", "budget_rises", "base_year", "base_year_actual",
            "base_year_budget", "base_year_change_pct", "source_sha256");
  }

}
