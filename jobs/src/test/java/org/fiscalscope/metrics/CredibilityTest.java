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

  private static String carried(String unit, int year, String budget, String actual, String begin, String end) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"budget_initial\":%s,\"actual_final\":%s,"
        + "\"carryover_begin\":%s,\"carryover_end\":%s}", unit, year, budget, actual, begin, end);
  }

  private static String fn(String unit, int year, String code, String budget, String actual) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"code\":\"%s\",\"level\":%d,"
        + "\"budget_initial\":%s,\"actual\":%s}", unit, year, code, (code.length() - 1) / 2, budget, actual);
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

  @Test
  void outturnExcludingCarryOverLeavesOutTheNetDrawOnTheCarryOver() {
    // 年初 500, 决算 550 of which 50 funded by carry-over (年初结转和结余 50, 年末 0) in each of three years.
    Dataset<Row> gold = Credibility.credibility(Credibility.yearly(unitYears(
        carried("K", 2021, "500", "550", "50", "0"), carried("K", 2022, "500", "550", "80", "30"),
        carried("K", 2023, "500", "550", "50", "0"),
        // A carry-over that grew is no funding of the year; the draw never exceeds the outturn.
        carried("G", 2023, "500", "480", "20", "60"), carried("S", 2023, "10", "5", "50", "0"),
        // Only one side stated: not sure, no figure.
        carried("U", 2023, "500", "550", "50", "null")), functionLines()), MetricsConfig.defaults().credibility());
    List<String> rows = sorted(gold.select("unit_id", "fiscal_year", "outturn_pct", "carryover_funded",
        "outturn_excl_carryover_pct", "pi1_grade", "pi1_excl_carryover_grade", "overall_grade", "overall_dimensions"));
    assertEquals(List.of(
        "[G,2023,96.00,0.0000,96.00,null,null,null,null]",
        "[K,2021,110.00,50.0000,100.00,null,null,null,null]",
        "[K,2022,110.00,50.0000,100.00,null,null,null,null]",
        "[K,2023,110.00,50.0000,100.00,B,A,A,PI-1 excl. carry-over]",
        "[S,2023,50.00,5.0000,0.00,null,null,null,null]",
        "[U,2023,110.00,null,null,null,null,null,null]"), rows,
        "both outturns; graded over three years, the overall grade uses the outturn without carry-over");
  }

  @Test
  void compositionIsMeasuredAtTheDeepestLevelTheBudgetIsApprovedAt() {
    // 201 splits into two 项 whose budget moved between them; 208 lists no finer line and counts as itself.
    // At 类: 201 100/100, 208 100/100 → 0%. At 项: 2010101 60→40, 2010102 40→60, 208 100/100 → 40/200 = 20%.
    Dataset<Row> lines = functionLines(
        fn("A", 2023, "201", "100", "100"), fn("A", 2023, "20101", "100", "100"),
        fn("A", 2023, "2010101", "60", "40"), fn("A", 2023, "2010102", "40", "60"),
        fn("A", 2023, "208", "100", "100"),
        // A unit listing 类 and 款 only is measured at 款; a line without a code takes no part.
        fn("B", 2023, "201", "100", "100"), fn("B", 2023, "20101", "50", "40"), fn("B", 2023, "20103", "50", "60"),
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"code\":\"name:其他\",\"budget_initial\":900,\"actual\":1}");
    Dataset<Row> yearly = Credibility.yearly(unitYears(year("A", 2023, "200", "200"), year("B", 2023, "100", "100")),
        lines);
    assertEquals(List.of("[A,20.00,3]", "[B,20.00,2]"),
        sorted(yearly.select("unit_id", "composition_variance_pct", "composition_level")));
  }

  @Test
  void theWorkedExampleOfTheDocsGradesPi1APi21CAndCombinesThemToCPlus() {
    // docs/metrics.md: budget 50 + 50 each year; outturn 98, 103, 112 (A); composition variance 12.24, 7.77, 12.50
    // (C); no PI-2.2 → C+.
    String[][] years = {{"2021", "98", "55", "43"}, {"2022", "103", "55.5", "47.5"}, {"2023", "112", "63", "49"}};
    java.util.List<String> units = new java.util.ArrayList<>();
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String[] y : years) {
      int year = Integer.parseInt(y[0]);
      units.add(year("W", year, "100", y[1]));
      lines.add(fn("W", year, "201", "50", y[2]));
      lines.add(fn("W", year, "208", "50", y[3]));
    }
    // Budget scaled to the outturn: 2021 49/49, |55 − 49| + |43 − 49| = 12 of 98; 2022 51.5/51.5, 4 + 4 = 8 of 103;
    // 2023 56/56, 7 + 7 = 14 of 112.
    Row r = Credibility.credibility(Credibility.yearly(unitYears(units.toArray(String[]::new)),
        functionLines(lines.toArray(String[]::new))), MetricsConfig.defaults().credibility())
        .where("fiscal_year = 2023").first();
    assertEquals("[12.50,7.77,12.24]", java.util.List.of(r.getAs("composition_variance_pct"),
        r.getAs("composition_variance_pct_prior"), r.getAs("composition_variance_pct_prior2")).toString()
        .replace(" ", ""));
    assertEquals("A", r.getAs("pi1_grade"));
    assertEquals("C", r.getAs("pi2_1_grade"));
    assertTrue(r.isNullAt(r.fieldIndex("pi2_2_grade")), "no budget by economic class: PI-2.2 not rated");
    assertEquals("C", r.getAs("pi2_grade"), "PI-2 by M1 over its rated dimensions");
    assertEquals("C+", r.getAs("overall_grade"));
    assertEquals("PI-1, PI-2.1", r.getAs("overall_dimensions"));
    assertEquals(1, (int) r.<Integer>getAs("composition_level"));
    assertTrue(r.<String>getAs("note").contains(Credibility.NO_ECONOMIC_BUDGET), r.<String>getAs("note"));
  }

  @Test
  void theWeakestLinkColumnAgreesWithTheJavaRuleOnEveryCombination() {
    String[] grades = {"A", "B", "C", "D", null};
    java.util.List<String> json = new java.util.ArrayList<>();
    for (String a : grades) {
      for (String b : grades) {
        for (String c : grades) {
          json.add(String.format("{\"a\":%s,\"b\":%s,\"c\":%s}", q(a), q(b), q(c)));
        }
      }
    }
    Dataset<Row> combos = rows("a STRING, b STRING, c STRING", json.toArray(String[]::new))
        .withColumn("m1", WeakestLink.combine(org.apache.spark.sql.functions.col("a"),
            org.apache.spark.sql.functions.col("b"), org.apache.spark.sql.functions.col("c")));
    List<Row> all = combos.collectAsList();
    assertEquals(125, all.size());
    for (Row r : all) {
      List<String> dims = java.util.Arrays.asList(r.getString(0), r.getString(1), r.getString(2));
      assertEquals(WeakestLink.combine(dims), r.getAs("m1"), "M1 of " + dims);
    }
    assertEquals("C+", combos.where("a = 'A' AND b = 'C' AND c = 'A'").first().getAs("m1"));
  }

  @Test
  void aCredibilityTableOfAnEarlierVersionGainsTheNewColumnsOnTheNextMetricsRun() {
    org.fiscalscope.lake.Lake lake = new org.fiscalscope.lake.Lake(spark, tmp.toString());
    org.fiscalscope.lake.LakeTable gold = org.fiscalscope.lake.LakeTable.GOLD_CREDIBILITY;
    rows(gold.schema(), "{\"unit_id\":\"QS\",\"fiscal_year\":2023,\"years_of_history\":1,\"run_id\":\"old\"}")
        .drop("carryover_funded", "outturn_excl_carryover_pct", "outturn_excl_carryover_pct_prior",
            "outturn_excl_carryover_pct_prior2", "pi1_excl_carryover_grade", "composition_level", "pi2_1_grade",
            "pi2_2_grade", "overall_grade", "overall_dimensions")
        .write().format("delta").save(lake.path(gold));
    org.fiscalscope.lake.DeltaMerge.upsert(lake, org.fiscalscope.lake.LakeTable.SILVER_UNIT_YEAR, unitYears(SAMPLE));
    org.fiscalscope.lake.DeltaMerge.upsert(lake, org.fiscalscope.lake.LakeTable.SILVER_FUNCTION_LINE, sampleFunctions());
    MetricsJob.run(lake, MetricsConfig.defaults(), "r2");
    assertEquals(List.of(gold.schema().fieldNames()), List.of(lake.read(gold).columns()));
    // The sample: 类 lines only (measured at 类); 2023 alone, so no grade, and the note says why.
    Row r = lake.read(gold).where("unit_id = 'QS' AND fiscal_year = 2023").first();
    assertEquals(1, (int) r.<Integer>getAs("composition_level"));
    assertEquals(new BigDecimal("95.29"), r.getAs("outturn_pct"));
    assertTrue(r.isNullAt(r.fieldIndex("overall_grade")));
    assertTrue(r.<String>getAs("note").startsWith("fewer than three years of history: no grade"), r.<String>getAs("note"));
  }

  private static String q(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
