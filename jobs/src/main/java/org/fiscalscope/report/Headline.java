package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The figures at the top of the report: how many units and unit-years, and the money of each fiscal year. */
record Headline(long units, long unitYears, List<YearTotals> years) {

  /** At most this many fiscal years are listed, the latest first. */
  static final int MAX_YEARS = 20;

  /** Budget and actual of all units of one fiscal year, in 万元. */
  record YearTotals(int fiscalYear, long units, BigDecimal budget, BigDecimal actual) {
    /** actual ÷ budget in percent, null without a budget. */
    BigDecimal ratePct() {
      if (budget == null || actual == null || budget.signum() == 0) {
        return null;
      }
      return actual.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP);
    }
  }

  static Headline of(Dataset<Row> unitYear) {
    Row totals = unitYear.agg(countDistinct(col("unit_id")).as("units"), count("*").as("unit_years")).first();
    List<YearTotals> years = unitYear.groupBy("fiscal_year")
        .agg(countDistinct(col("unit_id")).as("units"), sum("budget_initial").as("budget"),
            sum("actual_final").as("actual"))
        .orderBy(col("fiscal_year").desc()).limit(MAX_YEARS)
        .collectAsList().stream()
        .map(r -> new YearTotals(Frames.integer(r, "fiscal_year"), Frames.count(r, "units"),
            Frames.decimal(r, "budget"), Frames.decimal(r, "actual")))
        .toList();
    return new Headline(Frames.count(totals, "units"), Frames.count(totals, "unit_years"), years);
  }
}
