package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.BudgetBasis;
import org.fiscalscope.flags.FlagsConfig;
import org.fiscalscope.flags.RuleFlags;
import org.junit.jupiter.api.Test;

/**
 * Each execution rate names the budget it divides by: the initial budget, the full-year budget, or the full-year
 * budget with the carry-over the document states; both rates where both budgets are stated, and over-execution
 * judged against the initial budget net of stated carry-over.
 */
class BudgetPhasesTest extends SilverFixtures {

  private static final MetricsConfig CFG = MetricsConfig.defaults();

  private static String unit(String id, String initial, String adjusted, String carryover, String actual) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":2023,\"unit_name\":\"%s\",\"budget_initial\":%s,"
        + "\"budget_adjusted\":%s,\"budget_carryover\":%s,\"actual_final\":%s,\"source_sha256\":\"sha-%s\"}",
        id, id, initial, adjusted, carryover, actual, id);
  }

  private Dataset<Row> gold(Dataset<Row> unitYear, Dataset<Row> lines, Dataset<Row> projects) {
    return Execution.execution(unitYear, lines, projects, indicators(), CFG);
  }

  private static Row only(Dataset<Row> frame) {
    List<Row> rows = frame.collectAsList();
    assertEquals(1, rows.size(), rows.toString());
    return rows.get(0);
  }

  @Test
  void aUnitSpendingItsStatedCarryOverShowsBothRatesAndIsNotOverExecuted() {
    Dataset<Row> gold = gold(unitYears(unit("U500", "500", "null", "50", "550")), functionLines(), projects());
    Row u = only(gold);
    assertEquals(BudgetBasis.ADJUSTED_INCL_CARRYOVER.key(), u.getAs("basis"));
    assertEquals(new BigDecimal("110.00"), u.getAs("rate_initial_pct"), "完成年初预算: 550 ÷ 500");
    assertEquals(new BigDecimal("100.00"), u.getAs("rate_adjusted_pct"), "550 ÷ (500 + 50 carried over)");
    assertEquals(new BigDecimal("100.00"), u.getAs("rate_recomputed_pct"), "the row's rate is on its basis");
    assertEquals(0, new BigDecimal("550").compareTo(u.getAs("budget")), "the budget of the basis");
    assertEquals(0, new BigDecimal("50").compareTo(u.getAs("budget_carryover")));
    assertEquals(0, RuleFlags.flags(gold, threePublicTrendOf(), FlagsConfig.defaults()).count(),
        "neither over-executed (the carry-over funds the 50 above the initial budget) nor low");
  }

  @Test
  void withoutTheCarryOverStatedTheSameSpendingIsOverExecutedOnTheInitialBudget() {
    Dataset<Row> gold = gold(unitYears(unit("U500", "500", "null", "null", "550")), functionLines(), projects());
    Row u = only(gold);
    assertEquals(BudgetBasis.INITIAL.key(), u.getAs("basis"));
    assertEquals(new BigDecimal("110.00"), u.getAs("rate_initial_pct"));
    assertNull(u.getAs("rate_adjusted_pct"), "no full-year budget stated");
    Row flag = only(RuleFlags.flags(gold, threePublicTrendOf(), FlagsConfig.defaults()));
    assertEquals(RuleFlags.OVER_EXECUTION, flag.getAs("rule"));
    assertEquals("warning", flag.getAs("severity"));
    assertEquals(110.0, (double) flag.getAs("value"), 1e-9);
    assertEquals(105.0, (double) flag.getAs("threshold"), 1e-9);
    assertEquals("105% of the initial budget (basis initial)", flag.getAs("threshold_text"));
    assertEquals("单位支出决算550万元，为年初预算500万元的110%，未说明年初结转，超过年初预算的105%", flag.getAs("explanation_zh"));
    assertEquals("/totals/actual_final", flag.getAs("source_field"));
  }

  @Test
  void carryOverThatDoesNotCoverTheExcessStillFlagsAndSaysSo() {
    Dataset<Row> gold = gold(unitYears(unit("U500", "500", "null", "10", "600")), functionLines(), projects());
    Row flag = only(RuleFlags.flags(gold, threePublicTrendOf(), FlagsConfig.defaults()));
    assertEquals(RuleFlags.OVER_EXECUTION, flag.getAs("rule"));
    assertEquals("单位支出决算600万元，为年初预算500万元的120%，扣除年初结转10万元后仍为118%，超过年初预算的105%",
        flag.getAs("explanation_zh"));
    assertEquals("105% of the initial budget, net of the stated carry-over (basis initial)", flag.getAs("threshold_text"));
  }

  @Test
  void aDocumentStatingOnlyTheInitialBudgetHasTheInitialBasis() {
    Dataset<Row> gold = gold(unitYears(unit("U1", "200", "null", "null", "190")),
        functionLines(line("201", "一般公共服务支出", "200", "190", "95", 1).replace("\"QS\"", "\"U1\"")),
        projects("{\"unit_id\":\"U1\",\"fiscal_year\":2023,\"project_name\":\"P\",\"budget_initial\":80,"
            + "\"actual\":60,\"project_seq\":1}"));
    assertEquals(List.of("function initial 95.00 95.00 null", "project initial 75.00 75.00 null",
            "unit initial 95.00 95.00 null"),
        gold.orderBy("level").collectAsList().stream().map(r -> r.getAs("level") + " " + r.getAs("basis") + " "
            + r.getAs("rate_recomputed_pct") + " " + r.getAs("rate_initial_pct") + " " + r.getAs("rate_adjusted_pct"))
            .toList());
    Row low = only(RuleFlags.flags(gold, threePublicTrendOf(), FlagsConfig.defaults()));
    assertEquals("项目“P”执行率75%（按年初预算计），低于严重线80%（年初预算80万元，执行60万元）", low.getAs("explanation_zh"));
    assertEquals("severe line, rate on the initial budget (basis initial)", low.getAs("threshold_text"));
  }

  @Test
  void bothBudgetsStatedGiveBothRatesAndLowExecutionJudgesTheFullYearOne() {
    Dataset<Row> gold = gold(unitYears(unit("U2", "1000", "1200", "null", "1020")), functionLines(), projects());
    Row u = only(gold);
    assertEquals(BudgetBasis.ADJUSTED.key(), u.getAs("basis"));
    assertEquals(new BigDecimal("102.00"), u.getAs("rate_initial_pct"), "完成年初预算");
    assertEquals(new BigDecimal("85.00"), u.getAs("rate_adjusted_pct"), "预算执行率 on the full-year budget");
    Row low = only(RuleFlags.flags(gold, threePublicTrendOf(), FlagsConfig.defaults()));
    assertEquals(RuleFlags.LOW_EXECUTION, low.getAs("rule"));
    assertEquals(85.0, (double) low.getAs("value"), 1e-9, "the full-year rate, not 102% of the initial budget");
    assertEquals("warning line, rate on the full-year budget (basis adjusted)", low.getAs("threshold_text"));
  }

  @Test
  void aRowWithNoBudgetAtAllStillNamesABasis() {
    Dataset<Row> gold = gold(unitYears(unit("U3", "null", "null", "null", "10")), functionLines(),
        projects("{\"unit_id\":\"U3\",\"fiscal_year\":2023,\"project_name\":\"P\",\"actual\":5,\"project_seq\":1}"));
    assertEquals(List.of("project adjusted budget missing: rate not recomputed",
            "unit initial budget missing: rate not recomputed"),
        gold.orderBy("level").collectAsList().stream()
            .map(r -> r.getAs("level") + " " + r.getAs("basis") + " " + r.getAs("note")).toList(),
        "a project's 预算数 is the full-year budget, a unit's printed rate is on the initial one");
  }

  private Dataset<Row> threePublicTrendOf() {
    return ThreePublicTrend.trend(unitYears());
  }
}
