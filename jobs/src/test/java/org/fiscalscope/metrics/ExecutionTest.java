package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.metrics.ScoreRules.IndicatorFigures;
import org.junit.jupiter.api.Test;

class ExecutionTest extends SilverFixtures {

  private static final MetricsConfig CFG = MetricsConfig.defaults();

  private static String indicator(String project, int seq, String op, String target, String actual, String weight,
      String score) {
    return String.format("{\"unit_id\":\"QS\",\"fiscal_year\":2023,\"project_name\":\"%s\",\"seq\":%d,"
        + "\"target_operator\":%s,\"target_value\":%s,\"actual_value\":%s,\"is_qualitative\":%s,"
        + "\"weight\":%s,\"score\":%s}", project, seq, op == null ? "null" : "\"" + op + "\"", target, actual,
        target.equals("null") ? "true" : "false", weight, score);
  }

  private Dataset<Row> sampleIndicators() {
    return indicators(
        indicator("2023年市级就业资金", 1, ">=", "150", "170", "10", "10"),
        indicator("2023年市级就业资金", 2, "<=", "8", "10", "10", "10"),
        indicator("2023年市级就业资金", 3, null, "null", "null", "60", "60"),
        indicator("", 1, ">=", "100", "100", "75", "75"));
  }

  private Row row(Dataset<Row> gold, String level, String subject) {
    List<Row> found = gold.where(gold.col("level").equalTo(level).and(gold.col("subject").equalTo(subject)))
        .collectAsList();
    assertEquals(1, found.size(), level + " " + subject + " appears once");
    return found.get(0);
  }

  @Test
  void sampleUnitFunctionAndProjectRates() {
    Dataset<Row> gold = Execution.execution(unitYears(SAMPLE), sampleFunctions(), sampleProjects(),
        sampleIndicators(), CFG);
    assertEquals(1 + 4 + 2, gold.count(), "one unit row, four function rows, two project rows");

    Row unit = row(gold, "unit", "unit");
    assertEquals(new BigDecimal("95.29"), unit.getAs("rate_recomputed_pct"), "547.39 ÷ 574.45");
    assertEquals(new BigDecimal("0.0100"), unit.getAs("rate_difference_pct"), "95.3 printed − 95.29");
    assertEquals(new BigDecimal("23.82"), unit.getAs("execution_score_recomputed"), "25 × 95.29%");
    assertEquals(new BigDecimal("98.82"), unit.getAs("total_score_recomputed"), "23.82 + 75");

    Row f208 = row(gold, "function", "208");
    assertEquals(new BigDecimal("94.48"), f208.getAs("rate_recomputed_pct"), "463.53 ÷ 490.59");

    Row jobs = row(gold, "project", "2023年市级就业资金");
    assertEquals(new BigDecimal("84.08"), jobs.getAs("rate_recomputed_pct"), "142.94 ÷ 170");
    assertEquals(new BigDecimal("84.0800"), jobs.getAs("rate_reported_pct"));
    assertEquals(new BigDecimal("16.82"), jobs.getAs("execution_score_recomputed"));
    assertEquals(new BigDecimal("94.82"), jobs.getAs("total_score_recomputed"), "16.82 + 10 + 8 + 60 (qualitative as reported)");
    assertEquals(1, (int) jobs.getAs("indicator_mismatch_count"), "the negative indicator earns 8, not 10");
    assertEquals(3, (int) jobs.getAs("subject_seq"));

    Row plain = row(gold, "project", "人才工作经费");
    assertNull(plain.getAs("total_score_recomputed"), "no indicators: no recomputed total");
    assertEquals(new BigDecimal("20.0000"), jobs.getAs("execution_weight"), "the sample's table prints （20分）");
    assertEquals(Execution.PRINTED, jobs.getAs("execution_weight_source"));
    assertEquals(new BigDecimal("25.0000"), unit.getAs("execution_weight"), "the unit table prints （25分）");
  }

  @Test
  void aNationalTablePrintingTenPointsScoresTenAtFullExecution() {
    Dataset<Row> gold = Execution.execution(unitYears(SAMPLE), functionLines(), projects(
        project("委托业务项目", "89.974", "89.974", "100", "10", "null", "10", 1)), indicators(), CFG);
    Row p = row(gold, "project", "委托业务项目");
    assertEquals(new BigDecimal("10.0000"), p.getAs("execution_weight"));
    assertEquals(0, new BigDecimal("10").compareTo(p.getAs("execution_score_recomputed")), "10 × 100%");
    assertEquals(0, new BigDecimal("10").compareTo(p.getAs("execution_score_reported")));
  }

  @Test
  void aTablePrintingNoWeightTakesItsRegionsTemplate() {
    String jiangcheng = SAMPLE.replace("武汉市青山区", "江城市滨江区").replace("\"unit_eval_execution_weight\":25,", "");
    List<String> rows = List.of(
        project("甲", "100", "90", "90", "18", "null", "null", 1),
        project("乙", "100", "90", "90", "18", "null", "30", 2));
    MetricsConfig wuhan = MetricsConfig.from(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .set("scoring", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            .set("regions", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("江城市", "wuhan"))));
    Dataset<Row> national = Execution.execution(unitYears(jiangcheng), functionLines(),
        projects(rows.toArray(String[]::new)), indicators(), CFG);
    Row a = row(national, "project", "甲");
    assertEquals(new BigDecimal("10.0000"), a.getAs("execution_weight"), "no printed weight: the national template");
    assertEquals("template:national", a.getAs("execution_weight_source"));
    assertEquals(new BigDecimal("9.00"), a.getAs("execution_score_recomputed"));
    assertEquals(new BigDecimal("30.0000"), row(national, "project", "乙").getAs("execution_weight"),
        "a printed weight is the table's rule, whatever the template");
    Row unit = row(national, "unit", "unit");
    assertEquals(new BigDecimal("10.0000"), unit.getAs("execution_weight"), "the national unit weight");

    Dataset<Row> selected = Execution.execution(unitYears(jiangcheng), functionLines(),
        projects(rows.toArray(String[]::new)), indicators(), wuhan);
    Row b = row(selected, "project", "甲");
    assertEquals(new BigDecimal("20.0000"), b.getAs("execution_weight"), "江城市 selects the Wuhan-style template");
    assertEquals("template:wuhan", b.getAs("execution_weight_source"));
    assertEquals(new BigDecimal("18.00"), b.getAs("execution_score_recomputed"));
    assertEquals(new BigDecimal("25.0000"), row(selected, "unit", "unit").getAs("execution_weight"));
    assertEquals(new BigDecimal("30.0000"), row(selected, "project", "乙").getAs("execution_weight"));
  }

  @Test
  void zeroOrMissingBudgetGivesANullRateAndANote() {
    Dataset<Row> gold = Execution.projectLevel(projects(
        project("零预算", "0", "5", "null", "null", "null", 1),
        project("无预算", "null", "5", "null", "null", "null", 2)), unitYears(SAMPLE), Execution.indicatorTotals(
            Execution.withRecomputedScore(indicators(), BigDecimal.ONE)), CFG);
    Row zero = row(gold, "project", "零预算");
    assertNull(zero.getAs("rate_recomputed_pct"));
    assertNull(zero.getAs("execution_score_recomputed"));
    assertEquals("budget is zero: rate not recomputed", zero.getAs("note"));
    assertEquals("budget missing: rate not recomputed", row(gold, "project", "无预算").getAs("note"));
  }

  @Test
  void emptySilverGivesNoRows() {
    Dataset<Row> gold = Execution.execution(unitYears(), functionLines(), projects(), indicators(), CFG);
    assertEquals(0, gold.count());
  }

  @Test
  void sparkIndicatorScoresMatchTheJavaRules() {
    Dataset<Row> scored = Execution.withRecomputedScore(indicators(
        indicator("p", 1, ">=", "150", "170", "10", "10"),
        indicator("p", 2, ">=", "3", "2", "10", "6.67"),
        indicator("p", 3, "<=", "8", "10", "5", "4"),
        indicator("p", 4, "<", "8", "0", "5", "5"),
        indicator("p", 5, ">=", "0", "3", "5", "5"),
        indicator("p", 6, "=", "95", "94.5", "7", "6.96"),
        indicator("p", 7, null, "null", "null", "10", "12")), new BigDecimal("0.5"));
    for (Row r : scored.collectAsList()) {
      BigDecimal java = ScoreRules.indicatorScore(new IndicatorFigures(r.getAs("target_operator"),
          r.getAs("target_value"), r.getAs("actual_value"), r.getAs("weight")));
      BigDecimal spark = r.getAs("score_recomputed");
      assertTrue(java == null ? spark == null : java.compareTo(spark) == 0,
          "indicator " + r.getAs("seq") + ": Java " + java + " vs Spark " + spark);
    }
    List<Integer> mismatched = scored.where("is_score_mismatch").select("seq").as(org.apache.spark.sql.Encoders.INT())
        .collectAsList();
    assertEquals(List.of(7), mismatched, "only the qualitative score above its weight is off");
  }
}
