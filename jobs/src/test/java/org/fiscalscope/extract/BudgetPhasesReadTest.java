package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Totals;
import org.junit.jupiter.api.Test;

/** The budget phases a disclosure states — 年初预算, 全年预算, 年初结转 — each read into its own field, never mixed. */
class BudgetPhasesReadTest {

  private static FinalAccount read(String text) {
    return DisclosureExtractor.extractPartial(text.getBytes(StandardCharsets.UTF_8), "t.txt");
  }

  private static void same(String expected, BigDecimal actual, String what) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
  }

  @Test
  void theNationalSelfEvaluationFormKeepsItsInitialFullYearAndExecutedFigures() throws Exception {
    FinalAccount doc = DisclosureExtractor.extractPartial(
        Files.readAllBytes(TestCorpus.EXCERPTS.resolve("030.txt")), "030.txt");
    Evaluation p = doc.performance().projects().get(0);
    assertEquals("委托业务项目", p.name());
    same("90", p.budgetInitial(), "年初预算数");
    same("89.974", p.budget(), "全年预算数, the table's 预算数 A");
    same("89.974", p.actual(), "全年执行数");
    assertNull(p.budgetCarryover(), "the 上年结转资金 row is empty: no carry-over stated");
  }

  @Test
  void aTableWithACarryOverRowStatesIt() {
    FinalAccount doc = read("项目支出绩效自评表\n项目名称 | 信息化运维项目 | 主管部门 | 某局\n"
        + "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
        + "年度资金总额 | 100 | 120 | 114 | 10 | 95% | 9.5\n"
        + "其中:本年财政拨款 | 100 | 100 | 96 | | |\n"
        + "上年结转资金 | 0 | 20 | 18 | | |\n"
        + "其他资金 | | | | | |\n");
    Evaluation p = doc.performance().projects().get(0);
    same("100", p.budgetInitial(), "年初预算数");
    same("120", p.budget(), "全年预算数");
    same("20", p.budgetCarryover(), "上年结转资金's full-year figure");
    same("114", p.actual(), "全年执行数");
  }

  @Test
  void aCarryOverRowWhoseCellsCannotBeAlignedStatesNothing() {
    FinalAccount doc = read("项目支出绩效自评表\n项目名称 | 信息化运维项目 | 主管部门 | 某局\n"
        + "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
        + "年度资金总额 | 100 | 120 | 114 | 10 | 95% | 9.5\n"
        + "上年结转资金 20 18\n");
    assertNull(doc.performance().projects().get(0).budgetCarryover(), "20 may be under 年初 or 全年: left unread");
  }

  @Test
  void aTableStatingOnlyTheInitialBudgetLeavesTheFullYearBudgetNull() {
    FinalAccount doc = read("项目支出绩效自评表\n项目名称 | 维修项目 | 主管部门 | 某局\n"
        + "项目资金(万元) | 年初预算数 | 执行数 | 分值 | 执行率 | 得分\n"
        + "年度资金总额 | 50 | 45 | 10 | 90% | 9\n");
    Evaluation p = doc.performance().projects().get(0);
    same("50", p.budgetInitial(), "年初预算数");
    assertNull(p.budget(), "no full-year budget is printed");
    same("45", p.actual(), "执行数");
  }

  @Test
  void unitSentencesKeepTheInitialBudgetTheFullYearBudgetAndTheCarryOverApart() {
    Totals t = read("一般公共预算财政拨款支出年初预算为500万元，全年预算为560万元，支出决算为550万元，完成年初预算的110%，"
        + "其中使用以前年度结转资金50万元。").totals();
    same("500", t.budgetInitial(), "年初预算");
    same("560", t.budgetAdjusted(), "全年预算");
    same("50", t.budgetCarryover(), "年初结转");
    same("550", t.actualFinal(), "支出决算");
    same("110", t.executionRatePct(), "完成年初预算的%");
  }

  @Test
  void aSentenceStatingOnlyTheInitialBudgetStatesNoOtherPhase() {
    Totals t = read("一般公共预算财政拨款支出年初预算为574.45万元，支出决算为547.39万元，完成年初预算的95.29%。").totals();
    same("574.45", t.budgetInitial(), "年初预算");
    assertNull(t.budgetAdjusted());
    assertNull(t.budgetCarryover());
  }

  @Test
  void aFunctionalClassStatesItsFullYearBudget() {
    FinalAccount doc = read("社会保障和就业支出(类)年初预算为490.59万元，调整后预算为500万元，支出决算为463.53万元，"
        + "完成年初预算的94.49%。");
    FunctionLine line = doc.functions().get(0);
    assertEquals("208", line.code());
    same("490.59", line.budgetInitial(), "年初预算");
    same("500", line.budgetAdjusted(), "调整后预算");
    same("463.53", line.actual(), "支出决算");
  }
}
