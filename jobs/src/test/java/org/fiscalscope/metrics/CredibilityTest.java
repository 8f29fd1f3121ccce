package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CredibilityTest extends SilverFixtures {

  private static String year(String unit, int year, String budget, String actual) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"budget_initial\":%s,\"actual_final\":%s}",
        unit, year, budget, actual);
  }

  private static String cls(String unit, int year, String code, String budget, String actual) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"code\":\"%s\",\"level\":1,"
        + "\"budget_initial\":%s,\"actual\":%s}", unit, year, code, budget, actual);
  }

  @Test
  void compositionVarianceScalesTheBudgetToTheOutturn() {
    // budget 60/40 (total 100), actual 30/60 (total 90): scaled budget 54/36, deviation 24+24 = 48, 48/90 = 53.33%.
    Dataset<Row> yearly = Credibility.yearly(unitYears(year("A", 2023, "100", "90")),
        functionLines(cls("A", 2023, "201", "60", "30"), cls("A", 2023, "208", "40", "60")));
    Row r = yearly.first();
    assertEquals(new BigDecimal("90.00"), r.getAs("outturn_pct"));
    assertEquals(new BigDecimal("53.33"), r.getAs("composition_variance_pct"));
  }

  @Test
  void gradesAToDOverThreeYearsMatchTheJavaDefinition() {
    // Outturns per unit (2021, 2022, 2023) and a single class line so composition variance is 0 unless split.
    String[][] outturns = {
        {"A", "96", "104.99", "80"},   // two within 95–105
        {"B", "92", "109", "99"},      // one within 95–105, two more within 90–110
        {"C", "86", "114", "70"},      // two within 85–115
        {"D", "84.99", "120", "100"}}; // only one within any band
    java.util.List<String> years = new java.util.ArrayList<>();
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String[] u : outturns) {
      for (int i = 0; i < 3; i++) {
        years.add(year(u[0], 2021 + i, "100", u[i + 1]));
      }
    }
    // Composition: unit A 2021–2023 variances 4%, 6%, 20% → B (two below 10, only one below 5).
    lines.add(cls("A", 2021, "201", "50", "52"));
    lines.add(cls("A", 2021, "208", "50", "48"));
    lines.add(cls("A", 2022, "201", "50", "53"));
    lines.add(cls("A", 2022, "208", "50", "47"));
    lines.add(cls("A", 2023, "201", "50", "60"));
    lines.add(cls("A", 2023, "208", "50", "40"));
    years.add(year("E", 2023, "100", "100"));
    MetricsConfig.Credibility bands = MetricsConfig.defaults().credibility();
    Dataset<Row> gold = Credibility.credibility(Credibility.yearly(unitYears(years.toArray(String[]::new)),
        functionLines(lines.toArray(String[]::new))), bands);

    List<String> graded = sorted(gold.where("fiscal_year = 2023").select("unit_id", "years_of_history", "pi1_grade",
        "composition_variance_pct", "composition_variance_pct_prior", "composition_variance_pct_prior2", "pi2_grade"));
    assertEquals(List.of(
        "[A,3,A,20.00,6.00,4.00,B]",
        "[B,3,B,null,null,null,null]",
        "[C,3,C,null,null,null,null]",
        "[D,3,D,null,null,null,null]",
        "[E,1,null,null,null,null,null]"), graded, "one example per grade; a unit with one year has no grade");

    for (Row r : gold.where("years_of_history = 3").collectAsList()) {
      List<BigDecimal> x = java.util.Arrays.asList(r.getAs("outturn_pct"), r.getAs("outturn_pct_prior"),
          r.getAs("outturn_pct_prior2"));
      assertEquals(Pefa.outturnGrade(x, bands.outturnBandsPct()), r.getAs("pi1_grade"), "Spark and Java agree on " + r);
      List<BigDecimal> v = java.util.Arrays.asList(r.getAs("composition_variance_pct"),
          r.getAs("composition_variance_pct_prior"), r.getAs("composition_variance_pct_prior2"));
      assertEquals(Pefa.compositionGrade(v, bands.compositionBandsPct()), r.getAs("pi2_grade"));
    }
  }

  @Test
  void zeroBudgetGivesNoOutturnAndEmptyInputNoRows() {
    Dataset<Row> yearly = Credibility.yearly(unitYears(year("Z", 2023, "0", "5")), functionLines());
    assertTrue(yearly.first().isNullAt(yearly.first().fieldIndex("outturn_pct")));
    assertEquals(0, Credibility.credibility(Credibility.yearly(unitYears(), functionLines()),
        MetricsConfig.defaults().credibility()).count());
  }
}
