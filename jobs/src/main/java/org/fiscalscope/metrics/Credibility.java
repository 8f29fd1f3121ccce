package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * gold.credibility: PEFA-style budget credibility at unit level over the last three years (docs/metrics.md) — PI-1
 * aggregate outturn with and without the spending carry-over funded, PI-2.1 composition by function at the level the
 * budget is approved, PI-2.2 by economic class where a budget by economic class exists, and the weakest-link (M1)
 * combination of the dimensions.
 */
public final class Credibility {

  private static final String PCT = "decimal(18,2)";
  private static final String AMOUNT = "decimal(18,4)";

  /** Why PI-2.2 is not rated: the disclosures state economic classes as outturn only. */
  static final String NO_ECONOMIC_BUDGET = "PI-2.2 not rated: the data holds no budget by economic class "
      + "(人员经费 and 公用经费 are stated as outturn only)";

  private Credibility() {}

  /**
   * unit_id, fiscal_year and, per unit-year: outturn_pct (actual_final ÷ budget_initial × 100), carryover_funded (the
   * net draw on carry-over, 年初结转和结余 − 年末结转和结余, at least 0 and at most the outturn; null unless both are
   * stated), outturn_excl_carryover_pct, composition_variance_pct over the functional lines at the level the budget is
   * approved ({@link #approvedLines}) and composition_level (1 类, 2 款, 3 项: the deepest level of those lines).
   */
  public static Dataset<Row> yearly(Dataset<Row> unitYear, Dataset<Row> functionLines) {
    Dataset<Row> lines = approvedLines(functionLines)
        .where(col("budget_initial").isNotNull().and(col("actual").isNotNull()));
    Dataset<Row> totals = lines.groupBy("unit_id", "fiscal_year")
        .agg(sum("budget_initial").as("total_budget"), sum("actual").as("total_actual"),
            max("line_level").as("composition_level"));
    // |a·B − b·A| ÷ (A·B) equals |a − b·A/B| ÷ A: exact decimals, one division per unit-year.
    Dataset<Row> variance = lines.join(totals, FunctionClasses.UNIT_YEAR)
        .groupBy("unit_id", "fiscal_year", "total_budget", "total_actual", "composition_level")
        .agg(sum(abs(col("actual").multiply(col("total_budget")).minus(col("budget_initial").multiply(col("total_actual")))))
            .as("deviation"))
        .withColumn("composition_variance_pct", when(col("total_budget").gt(0).and(col("total_actual").gt(0)),
            round(col("deviation").multiply(100).divide(col("total_actual").multiply(col("total_budget"))), 2)).cast(PCT))
        .select(col("unit_id"), col("fiscal_year"), col("composition_variance_pct"),
            when(col("composition_variance_pct").isNotNull(), col("composition_level")).cast("int").as("composition_level"));
    Column funded = when(col("carryover_begin").isNotNull().and(col("carryover_end").isNotNull())
            .and(col("actual_final").isNotNull()),
        least(col("actual_final"), greatest(lit(BigDecimal.ZERO), col("carryover_begin").minus(col("carryover_end")))))
        .cast(AMOUNT);
    return unitYear.select(col("unit_id"), col("fiscal_year"),
            Execution.ratePct(col("actual_final"), col("budget_initial")).cast(PCT).as("outturn_pct"),
            funded.as("carryover_funded"),
            Execution.ratePct(col("actual_final").minus(funded), col("budget_initial")).cast(PCT)
                .as("outturn_excl_carryover_pct"))
        .join(variance, FunctionClasses.UNIT_YEAR, "left");
  }

  /**
   * The functional lines a unit-year's budget is approved at: the lines no finer line of the same unit-year divides
   * (项 where the document lists 项, a 款 or 类 where it lists nothing under it), so no amount counts twice. Adds
   * line_level (1 类, 2 款, 3 项); a line without a classification code takes no part.
   */
  static Dataset<Row> approvedLines(Dataset<Row> functionLines) {
    Column byCode = when(length(col("code")).equalTo(3), 1).when(length(col("code")).equalTo(5), 2)
        .when(length(col("code")).equalTo(7), 3);
    Dataset<Row> lines = functionLines
        .where(col("code").rlike("^[0-9]{3}([0-9]{2}){0,2}$"))
        .withColumn("line_level", coalesce(col("level"), byCode))
        .withColumn("line_class", substring(col("code"), 1, 3));
    Dataset<Row> finer = lines.select(col("unit_id").as("f_unit"), col("fiscal_year").as("f_year"),
        col("line_class").as("f_class"), col("code").as("f_code"), col("line_level").as("f_level"));
    return lines.join(finer, col("unit_id").equalTo(col("f_unit")).and(col("fiscal_year").equalTo(col("f_year")))
            .and(col("line_class").equalTo(col("f_class"))).and(col("f_level").gt(col("line_level")))
            .and(col("f_code").startsWith(col("code"))), "left_anti");
  }

  /** gold.credibility (without run_id) from {@link #yearly}: each year with the two before it and the grades. */
  public static Dataset<Row> credibility(Dataset<Row> yearly, MetricsConfig.Credibility bands) {
    // The two years before, by value of the year (a gap leaves them empty), in one window pass over the unit.
    WindowSpec byYear = Window.partitionBy("unit_id").orderBy("fiscal_year");
    Dataset<Row> withHistory = yearly;
    for (int back = 1; back <= 2; back++) {
      WindowSpec thatYear = byYear.rangeBetween(-back, -back);
      String suffix = back == 1 ? "_prior" : "_prior2";
      for (String c : List.of("outturn_pct", "outturn_excl_carryover_pct", "composition_variance_pct",
          "composition_level")) {
        withHistory = withHistory.withColumn(c + suffix, first(col(c)).over(thatYear));
      }
      withHistory = withHistory.withColumn("has" + suffix, count(lit(1)).over(thatYear).gt(0));
    }
    Column years = lit(1).plus(when(col("has_prior"), 1).otherwise(0)).plus(when(col("has_prior2"), 1).otherwise(0));
    Column pi1 = outturnGrade(threeYears("outturn_pct"), bands.outturnBandsPct());
    Column pi1ExclCarryover = outturnGrade(threeYears("outturn_excl_carryover_pct"), bands.outturnBandsPct());
    Column pi21 = compositionGrade(threeYears("composition_variance_pct"), bands.compositionBandsPct());
    Column pi22 = lit(null).cast("string");
    Column levelNames = org.apache.spark.sql.functions.array(lit("类"), lit("款"), lit("项"));
    Column levelsDiffer = col("composition_level").notEqual(col("composition_level_prior"))
        .or(col("composition_level").notEqual(col("composition_level_prior2")));
    return withHistory
        .withColumn("years_of_history", years.cast("int"))
        .withColumn("pi1_grade", pi1)
        .withColumn("pi1_excl_carryover_grade", pi1ExclCarryover)
        .withColumn("pi2_1_grade", pi21)
        .withColumn("pi2_2_grade", pi22)
        .withColumn("pi1_dimension", coalesce(col("pi1_excl_carryover_grade"), col("pi1_grade")))
        .select(col("unit_id"), col("fiscal_year"), col("years_of_history"),
            col("outturn_pct"), col("outturn_pct_prior"), col("outturn_pct_prior2"), col("pi1_grade"),
            col("composition_variance_pct"), col("composition_variance_pct_prior"),
            col("composition_variance_pct_prior2"),
            // PEFA's PI-2 is M1 over its dimensions; PI-2.3 (contingency reserves) has no unit-level counterpart.
            WeakestLink.combine(col("pi2_1_grade"), col("pi2_2_grade")).as("pi2_grade"),
            lit(null).cast(PCT).as("outturn_adjusted_pct"), lit(null).cast("string").as("pi1_adjusted_grade"),
            lit(null).cast(PCT).as("composition_variance_adjusted_pct"),
            lit(null).cast("string").as("pi2_adjusted_grade"),
            col("carryover_funded"),
            col("outturn_excl_carryover_pct"), col("outturn_excl_carryover_pct_prior"),
            col("outturn_excl_carryover_pct_prior2"), col("pi1_excl_carryover_grade"),
            col("composition_level"), col("pi2_1_grade"), col("pi2_2_grade"),
            WeakestLink.combine(col("pi1_dimension"), col("pi2_1_grade"), col("pi2_2_grade")).as("overall_grade"),
            concat_ws(", ",
                when(col("pi1_excl_carryover_grade").isNotNull(), lit("PI-1 excl. carry-over"))
                    .when(col("pi1_grade").isNotNull(), lit("PI-1")),
                when(col("pi2_1_grade").isNotNull(), lit("PI-2.1")),
                when(col("pi2_2_grade").isNotNull(), lit("PI-2.2"))).as("overall_dimensions"),
            concat_ws("; ",
                when(col("years_of_history").lt(3), lit("fewer than three years of history: no grade")),
                when(col("years_of_history").equalTo(3).and(col("pi1_excl_carryover_grade").isNull()),
                    lit("carry-over (年初/年末结转和结余) not stated in all three years: PI-1 excluding it not graded")),
                when(levelsDiffer, concat(lit("composition measured at "), concat_ws("/",
                    element_at(levelNames, col("composition_level")), element_at(levelNames, col("composition_level_prior")),
                    element_at(levelNames, col("composition_level_prior2"))),
                    lit(" (this year / the year before / two years before)"))),
                lit(NO_ECONOMIC_BUDGET),
                lit("no adjusted budget in silver: adjusted columns empty")).as("note"))
        .withColumn("overall_dimensions", when(col("overall_grade").isNotNull(), col("overall_dimensions")));
  }

  private static List<Column> threeYears(String column) {
    return List.of(col(column), col(column + "_prior"), col(column + "_prior2"));
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
