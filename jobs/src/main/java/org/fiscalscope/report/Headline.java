package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.grouping_id;
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

  /** One query: a row per fiscal year and, from the same grouping, the row of all years (distinct units of them all). */
  static Headline of(Dataset<Row> unitYear) {
    List<Row> rows = unitYear.rollup("fiscal_year")
        .agg(grouping_id().as("all_years"), countDistinct(col("unit_id")).as("units"), count("*").as("unit_years"),
            sum("budget_initial").as("budget"), sum("actual_final").as("actual"))
        .collectAsList();
    long units = 0;
    long unitYears = 0;
    List<YearTotals> years = new java.util.ArrayList<>();
    for (Row r : rows) {
      if (Frames.count(r, "all_years") == 1) {
        units = Frames.count(r, "units");
        unitYears = Frames.count(r, "unit_years");
      } else {
        years.add(new YearTotals(Frames.integer(r, "fiscal_year"), Frames.count(r, "units"), Frames.decimal(r, "budget"),
            Frames.decimal(r, "actual")));
      }
    }
    years.sort(java.util.Comparator.comparingInt(YearTotals::fiscalYear).reversed());
    return new Headline(units, unitYears, List.copyOf(years.subList(0, Math.min(MAX_YEARS, years.size()))));
  }
}
