package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.metrics.Execution;
import org.fiscalscope.metrics.MetricsConfig;
import org.fiscalscope.metrics.SilverFixtures;
import org.fiscalscope.metrics.ThreePublicTrend;
import org.junit.jupiter.api.Test;

class RuleFlagsTest extends SilverFixtures {

  private Dataset<Row> flagsOf(Dataset<Row> unitYear, Dataset<Row> lines, Dataset<Row> projects) {
    Dataset<Row> execution = Execution.execution(unitYear, lines, projects, indicators(), MetricsConfig.defaults());
    return RuleFlags.flags(execution, ThreePublicTrend.trend(unitYear), FlagsConfig.defaults());
  }

  @Test
  void sampleProjectAt8408PercentIsALowExecutionWarningNamingItsFigures() {
    Dataset<Row> flags = flagsOf(unitYears(SAMPLE), sampleFunctions(), sampleProjects());
    List<Row> all = flags.collectAsList();
    assertEquals(1, all.size(), "only the employment-fund project is flagged: " + all);
    Row f = all.get(0);
    assertEquals("low_execution", f.getAs("rule"));
    assertEquals("warning", f.getAs("severity"));
    assertEquals("2023年市级就业资金", f.getAs("subject"));
    assertEquals(84.08, (double) f.getAs("value"), 1e-9);
    assertEquals(90.0, (double) f.getAs("threshold"), 1e-9);
    assertEquals("项目“2023年市级就业资金”执行率84.08%（按全年预算计），低于预警线90%（全年预算170万元，执行142.94万元）",
        f.getAs("explanation_zh"));
    assertEquals("Project “2023年市级就业资金” executed 84.08% of its full-year budget, below the 90% warning line "
        + "(full-year budget 170 万元, actual 142.94 万元)", f.getAs("explanation_en"));
    assertEquals("warning line, rate on the full-year budget (basis adjusted)", f.getAs("threshold_text"),
        "the flag says which budget its rate divides by");
    assertEquals("/performance/projects/2/execution_rate_pct", f.getAs("source_field"), "project_seq 3 → index 2");
    assertEquals("sha-qs", f.getAs("source_sha256"));
  }

  @Test
  void severeMismatchPerfectScoreAndThreePublicRules() {
    String unit = "{\"unit_id\":\"U\",\"fiscal_year\":%d,\"budget_initial\":100,\"actual_final\":%s,"
        + "\"execution_rate_pct\":%s,\"three_public_actual_reception\":%s,\"three_public_budget_reception\":5}";
    Dataset<Row> unitYear = unitYears(String.format(unit, 2022, "100", "100", "4"),
        String.format(unit, 2023, "75", "85", "6"));
    Dataset<Row> projects = projects(
        "{\"unit_id\":\"U\",\"fiscal_year\":2023,\"project_name\":\"满分\",\"budget\":10,\"actual\":8.5,"
            + "\"execution_rate_pct\":85,\"execution_score\":17,\"total_score\":100,\"project_seq\":1,"
            + "\"execution_weight\":20}",
        "{\"unit_id\":\"U\",\"fiscal_year\":2023,\"project_name\":\"错分\",\"budget\":10,\"actual\":10,"
            + "\"execution_rate_pct\":100,\"execution_score\":15,\"total_score\":95,\"project_seq\":2,"
            + "\"execution_weight\":20}");
    List<String> got = sorted(flagsOf(unitYear, functionLines(), projects)
        .select("rule", "severity", "fiscal_year", "subject", "value", "threshold"));
    assertEquals(List.of(
        "[low_execution,severe,2023,unit,75.0,80.0]",
        "[low_execution,warning,2023,满分,85.0,90.0]",
        "[perfect_score_low_execution,warning,2023,满分,85.0,90.0]",
        "[rate_mismatch,warning,2023,unit,85.0,75.0]",
        "[score_mismatch,warning,2023,错分,15.0,20.0]",
        "[three_public_increase,info,2023,reception,6.0,4.0]",
        "[three_public_over_budget,warning,2023,reception,6.0,5.0]"), got);
  }

  @Test
  void threePublicExplanationsNameTheCategoryAndFigures() {
    Dataset<Row> unitYear = unitYears(
        "{\"unit_id\":\"U\",\"fiscal_year\":2022,\"three_public_actual_reception\":0}",
        "{\"unit_id\":\"U\",\"fiscal_year\":2023,\"three_public_actual_reception\":1.5}");
    Row f = flagsOf(unitYear, functionLines(), projects()).first();
    assertEquals("“三公”经费公务接待费2023年支出1.5万元，比上年0万元增加1.5万元（基数为0，不可比），"
        + "属单项上升，只减不增按“三公”经费合计判断", f.getAs("explanation_zh"));
    assertEquals("info", f.getAs("severity"));
    assertTrue(((String) f.getAs("explanation_en")).startsWith("Three-public official reception spending rose to 1.5 万元"));
  }

  /** A unit-year's 三公 figures: actual and budget per category (outbound, purchase, operation, reception) and total. */
  private static String threePublic(String unit, int year, String[] actual, String[] budget) {
    String[] keys = {"outbound_travel", "vehicle_purchase", "vehicle_operation", "reception", "total"};
    StringBuilder json = new StringBuilder("{\"unit_id\":\"" + unit + "\",\"fiscal_year\":" + year);
    for (int i = 0; i < keys.length; i++) {
      json.append(",\"three_public_actual_").append(keys[i]).append("\":").append(actual[i])
          .append(",\"three_public_budget_").append(keys[i]).append("\":").append(budget[i]);
    }
    return json.append('}').toString();
  }

  private static String[] of(String... figures) {
    return figures;
  }

  @Test
  void aDistrictWhoseOnlyRisesAreSingleCategoriesHasNoWarningLevelThreePublicFlag() {
    Dataset<Row> unitYear = unitYears(
        // U1: reception rises, vehicle operation falls more; budgets shift within a falling total
        threePublic("U1", 2022, of("2", "0", "10", "3", "15"), of("2", "0", "11", "4", "17")),
        threePublic("U1", 2023, of("2", "0", "8", "4.5", "14.5"), of("2", "0", "9", "5", "16")),
        // U2: vehicle purchase from a zero base, the rest falls by more
        threePublic("U2", 2022, of("5", "0", "6", "2", "13"), of("5", "0", "6", "2", "13")),
        threePublic("U2", 2023, of("0", "4", "5", "1.5", "10.5"), of("0", "4", "6", "2", "12")));
    List<Row> flags = flagsOf(unitYear, functionLines(), projects()).collectAsList();
    List<String> got = flags.stream().map(f -> f.getAs("rule") + "/" + f.getAs("severity") + "/" + f.getAs("unit_id")
        + "/" + f.getAs("subject")).sorted().toList();
    assertEquals(List.of("three_public_increase/info/U1/reception", "three_public_increase/info/U2/vehicle_purchase"),
        got, "single-category rises are info; no warning while the totals fall");
    Row purchase = flags.stream().filter(f -> "U2".equals(f.getAs("unit_id"))).findFirst().orElseThrow();
    assertTrue(((String) purchase.getAs("explanation_zh")).contains("（基数为0，不可比）"), purchase.toString());
    assertTrue(((String) purchase.getAs("explanation_en")).contains("zero base, not comparable"), purchase.toString());
  }

  @Test
  void aRiseOfTheTotalIsAWarningNamingTheBaseYearAndFigures() {
    Dataset<Row> unitYear = unitYears(
        threePublic("T", 2019, of("10", "20", "12", "8", "50"), of("10", "20", "12", "8", "50")),
        threePublic("T", 2022, of("0", "0", "9", "3", "12"), of("0", "0", "10", "4", "14")),
        threePublic("T", 2023, of("3", "0", "9.5", "3.5", "16"), of("3", "0", "10", "4", "17")));
    List<Row> warnings = flagsOf(unitYear, functionLines(), projects()).where("severity = 'warning'").collectAsList();
    assertEquals(1, warnings.size(), warnings.toString());
    Row f = warnings.get(0);
    assertEquals("three_public_total_increase", f.getAs("rule"));
    assertEquals("total", f.getAs("subject"));
    assertEquals(2023, (int) f.getAs("fiscal_year"));
    assertEquals(16.0, (double) f.getAs("value"), 1e-9);
    assertEquals(12.0, (double) f.getAs("threshold"), 1e-9);
    assertEquals("/three_public/actual/total", f.getAs("source_field"));
    assertEquals("“三公”经费合计2023年决算16万元，比上年12万元增加4万元（增长33.33%）；预算17万元，比上年14万元增加3万元"
        + "（增长21.43%）；比基年2019年决算50万元减少34万元（下降68%），违反“三公”经费只减不增要求", f.getAs("explanation_zh"));
    assertEquals("The three-public total of 2023: actual rose to 16 万元 from 12 万元 (+4 万元, +33.33%); budget rose to "
        + "17 万元 from 14 万元 (+3 万元, +21.43%); against the base year 2019's actual of 50 万元: -68% — breaking the "
        + "rule that three-public spending only decreases", f.getAs("explanation_en"));
  }

  @Test
  void aBudgetOnlyRiseOfTheTotalIsAWarningAndAMissingBaseYearIsSaid() {
    Dataset<Row> unitYear = unitYears(
        threePublic("B", 2022, of("0", "0", "0", "0", "0"), of("0", "0", "0", "0", "0")),
        threePublic("B", 2023, of("0", "0", "0", "0", "0"), of("0", "0", "0", "2", "2")));
    Row f = flagsOf(unitYear, functionLines(), projects()).where("severity = 'warning'").first();
    assertEquals("three_public_total_increase", f.getAs("rule"));
    assertEquals(2.0, (double) f.getAs("value"), 1e-9);
    assertEquals(0.0, (double) f.getAs("threshold"), 1e-9);
    assertEquals("/three_public/budget/total", f.getAs("source_field"));
    assertEquals("“三公”经费合计2023年决算0万元（上年0万元）；预算2万元，比上年0万元增加2万元（基数为0，不可比）；"
        + "基年2019年无数据，违反“三公”经费只减不增要求", f.getAs("explanation_zh"));
  }

  @Test
  void emptyInputGivesNoFlags() {
    assertEquals(0, flagsOf(unitYears(), functionLines(), projects()).count());
  }
}
