package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.Totals;

/**
 * The consistency rules that need nothing but the document's figures, declared once: parts against their totals
 * (basic = personnel + public, expenditure = basic + project, the income and expenditure totals, the appropriations,
 * the functional classes against the unit's actual and initial budget, procurement, the 三公 categories), through
 * {@link SumRule}; printed rates and shares against the ratio of their figures (unit, functional lines, self-evaluations);
 * the scores of every self-evaluation table (the unit's own and each project's) against the rules the table prints:
 * execution score = the printed weight × min(执行率, 100%), each indicator's score within its printed weight and by
 * the printed scoring rules ({@link IndicatorAudit#scoreRules}).
 * The extractor runs them on the document it reads from text (citing source lines); ingest runs them again on every
 * unit-year once its parts are merged, whatever files it came from (citing the file and the cell, row, line or JSON
 * pointer of each figure). Pure Java.
 */
public final class DocumentRules {

  /** How a rule cites a figure in a finding's evidence, e.g. {@code /totals/basic_expenditure=270.33 (line 12)}. */
  @FunctionalInterface
  public interface Citation {
    String cite(String pointer, BigDecimal value);
  }

  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
  private static final BigDecimal EPSILON = new BigDecimal("0.000001");

  private final FinalAccount doc;
  private final Citation citation;
  private final List<Finding> findings = new ArrayList<>();

  private DocumentRules(FinalAccount doc, Citation citation) {
    this.doc = doc;
    this.citation = citation;
  }

  /** The findings of every rule on {@code doc}, sums first, then rates, each in document order. */
  public static List<Finding> audit(FinalAccount doc, Citation citation) {
    DocumentRules r = new DocumentRules(doc, citation);
    r.sums();
    r.rates();
    r.scores();
    r.findings.addAll(IndicatorAudit.scoreRules(doc, citation));
    return r.findings;
  }

  /** A figure and the pointer it was read at. */
  private record Term(String pointer, BigDecimal value) {}

  private Term term(String pointer, BigDecimal value) {
    return value == null ? null : new Term(pointer, value);
  }

  private void sums() {
    Totals t = doc.totals();
    if (t != null) {
      sum("sum.basic_split", "人员经费与公用经费之和", "personnel plus public expense",
          term("/totals/basic_expenditure", t.basicExpenditure()),
          term("/totals/personnel_expense", t.personnelExpense()), term("/totals/public_expense", t.publicExpense()));
      sum("sum.expenditure_split", "基本支出与项目支出之和", "basic plus project expenditure",
          term("/totals/expenditure_this_year", t.expenditureThisYear()),
          term("/totals/basic_expenditure", t.basicExpenditure()),
          term("/totals/project_expenditure", t.projectExpenditure()));
      sum("sum.income_total", "本年收入与年初结转和结余之和", "income of the year plus carry-over at the start",
          term("/totals/income_total", t.incomeTotal()), term("/totals/income_this_year", t.incomeThisYear()),
          term("/totals/carryover_begin", t.carryoverBegin()));
      sum("sum.expenditure_total", "本年支出与年末结转和结余之和", "expenditure of the year plus carry-over at the end",
          term("/totals/expenditure_total", t.expenditureTotal()),
          term("/totals/expenditure_this_year", t.expenditureThisYear()),
          term("/totals/carryover_end", t.carryoverEnd()));
      sum("sum.appropriation", "一般公共预算、政府性基金和国有资本经营预算财政拨款收入之和",
          "general-budget, government-fund and state-capital appropriation income",
          term("/totals/fiscal_appropriation_income", t.fiscalAppropriationIncome()),
          term("/totals/general_budget_appropriation", t.generalBudgetAppropriation()),
          term("/totals/gov_fund_appropriation", t.govFundAppropriation()),
          term("/totals/soe_capital_appropriation", t.soeCapitalAppropriation()));
      List<FunctionLine> fns = doc.functions();
      if (fns != null && !fns.isEmpty()) {
        List<Term> actuals = new ArrayList<>();
        List<Term> budgets = new ArrayList<>();
        int classes = fns.stream().mapToInt(f -> f.code() == null ? Integer.MAX_VALUE : f.code().length()).min()
            .orElse(3);
        for (int i = 0; i < fns.size(); i++) {
          if (fns.get(i).code() != null && fns.get(i).code().length() != classes) {
            continue;
          }
          actuals.add(term("/functions/" + i + "/actual", fns.get(i).actual()));
          budgets.add(term("/functions/" + i + "/budget_initial", fns.get(i).budgetInitial()));
        }
        sum("sum.functions", "各功能分类支出决算之和", "the functional classes' actuals",
            term("/totals/actual_final", t.actualFinal()), actuals.toArray(Term[]::new));
        sum("sum.functions_budget", "各功能分类年初预算之和", "the functional classes' initial budgets",
            term("/totals/budget_initial", t.budgetInitial()), budgets.toArray(Term[]::new));
      }
    }
    if (doc.procurement() != null) {
      var p = doc.procurement();
      sum("sum.procurement", "货物、工程和服务采购之和", "goods, works and services procurement",
          term("/procurement/total", p.total()), term("/procurement/goods", p.goods()),
          term("/procurement/works", p.works()), term("/procurement/services", p.services()));
    }
    if (doc.threePublic() != null) {
      threePublicSum("budget", doc.threePublic().budget());
      threePublicSum("actual", doc.threePublic().actual());
    }
  }

  private void threePublicSum(String field, ThreePublicAmounts a) {
    if (a == null) {
      return;
    }
    String p = "/three_public/" + field + "/";
    sum("sum.three_public_" + field, "“三公”经费各项" + (field.equals("budget") ? "预算" : "决算") + "之和",
        "the three-public categories' " + field, term(p + "total", a.total()),
        term(p + "outbound_travel", a.outboundTravel()), term(p + "vehicle_purchase", a.vehiclePurchase()),
        term(p + "vehicle_operation", a.vehicleOperation()), term(p + "reception", a.reception()));
  }

  private void sum(String rule, String partsZh, String partsEn, Term total, Term... parts) {
    if (total == null) {
      return;
    }
    List<SumRule.Term> cited = new ArrayList<>();
    for (Term part : parts) {
      cited.add(part == null ? null : new SumRule.Term(cite(part), part.value()));
    }
    SumRule.check(rule, partsZh, partsEn, new SumRule.Term(cite(total), total.value()), cited).ifPresent(findings::add);
  }

  private String cite(Term t) {
    return citation.cite(t.pointer(), t.value());
  }

  private void rates() {
    Totals t = doc.totals();
    if (t != null) {
      rate("rate.execution", "/totals/execution_rate_pct", t.executionRatePct(),
          term("/totals/actual_final", t.actualFinal()), term("/totals/budget_initial", t.budgetInitial()));
    }
    List<FunctionLine> fns = doc.functions();
    if (fns != null) {
      BigDecimal whole = t == null ? null : t.actualFinal();
      for (int i = 0; i < fns.size(); i++) {
        FunctionLine f = fns.get(i);
        String p = "/functions/" + i + "/";
        rate("rate.function_execution", p + "execution_rate_pct", f.executionRatePct(),
            term(p + "actual", f.actual()), term(p + "budget_initial", f.budgetInitial()));
        share("rate.function_share", p + "share_pct", f.sharePct(), term(p + "actual", f.actual()),
            term("/totals/actual_final", whole));
      }
    }
    if (doc.performance() != null) {
      Evaluation u = doc.performance().unitEvaluation();
      if (u != null) {
        evaluationRate("/performance/unit_evaluation/", u);
      }
      List<Evaluation> projects = doc.performance().projects();
      for (int i = 0; projects != null && i < projects.size(); i++) {
        evaluationRate("/performance/projects/" + i + "/", projects.get(i));
      }
    }
  }

  /**
   * Execution score = printed weight × min(执行率, 100%), never above the weight, in the unit's table as in each
   * project's; tables that print no weight are judged by the metrics against a configured template, not here. A
   * score that is the rule's result rounded to its printed digits is rounding (info); up to one point off a warning;
   * more, or above the weight, an error.
   */
  private void scores() {
    if (doc.performance() == null) {
      return;
    }
    Evaluation u = doc.performance().unitEvaluation();
    if (u != null) {
      executionScore("/performance/unit_evaluation/", u);
    }
    List<Evaluation> projects = doc.performance().projects();
    for (int i = 0; projects != null && i < projects.size(); i++) {
      executionScore("/performance/projects/" + i + "/", projects.get(i));
    }
  }

  private void executionScore(String p, Evaluation e) {
    BigDecimal weight = e.executionWeight();
    BigDecimal printed = e.executionScore();
    if (weight == null || printed == null) {
      return;
    }
    Term rate;
    BigDecimal ratePct;
    if (e.executionRatePct() != null) {
      rate = new Term(p + "execution_rate_pct", e.executionRatePct());
      ratePct = e.executionRatePct();
    } else if (e.budget() != null && e.actual() != null && e.budget().signum() != 0) {
      ratePct = e.actual().multiply(HUNDRED).divide(e.budget(), MC);
      rate = null;
    } else {
      return;
    }
    BigDecimal expected = weight.multiply(ratePct.min(HUNDRED)).divide(HUNDRED, MC);
    BigDecimal gap = expected.subtract(printed).abs();
    BigDecimal half = BigDecimal.ONE.movePointLeft(Math.max(printed.scale(), 0)).divide(BigDecimal.valueOf(2));
    boolean above = printed.compareTo(weight) > 0;
    if (!above && gap.compareTo(HALF_CENT) <= 0) {
      return;
    }
    boolean rounding = !above && gap.compareTo(half.add(EPSILON)) <= 0;
    String severity = above || gap.compareTo(BigDecimal.ONE) > 0 ? Finding.ERROR
        : rounding ? Finding.INFO : Finding.WARNING;
    String exp = expected.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    String w = weight.stripTrailingZeros().toPlainString();
    String s = printed.toPlainString();
    findings.add(new Finding("score.execution", severity,
        "执行率得分 " + s + (above ? " 超过其分值 " + w + "，" : " ") + "不符合评分规则（分值 " + w + " × 执行率，不超过分值），应为 " + exp
            + (rounding ? "（舍入差异）" : "") + "。",
        "The execution score " + s + (above ? " is above its weight " + w + " and" : "")
            + " does not follow the printed rule (weight " + w + " × rate, at most the weight); it should be " + exp
            + (rounding ? " (rounding)." : "."),
        cite(new Term(p + "execution_score", printed)) + "; "
            + (rate != null ? cite(rate) : cite(new Term(p + "actual", e.actual())) + " / "
                + cite(new Term(p + "budget", e.budget())))
            + "; " + cite(new Term(p + "execution_weight", weight))));
  }

  private void evaluationRate(String p, Evaluation e) {
    rate("rate.evaluation_execution", p + "execution_rate_pct", e.executionRatePct(), term(p + "actual", e.actual()),
        term(p + "budget", e.budget()));
  }

  private void rate(String rule, String pointer, BigDecimal printed, Term numerator, Term denominator) {
    checkRatio(rule, pointer, printed, numerator, denominator, new BigDecimal("0.5"));
  }

  /**
   * A share of a whole: publishers round shares so that they add up to 100%, moving some by one unit of their last
   * digit (largest remainder), so a share is consistent within one unit rather than half of one.
   */
  private void share(String rule, String pointer, BigDecimal printed, Term numerator, Term denominator) {
    checkRatio(rule, pointer, printed, numerator, denominator, BigDecimal.ONE);
  }

  private void checkRatio(String rule, String pointer, BigDecimal printed, Term numerator, Term denominator,
      BigDecimal unitsOfSlack) {
    if (printed == null || numerator == null || denominator == null || denominator.value().signum() == 0) {
      return;
    }
    BigDecimal ratio = numerator.value().multiply(HUNDRED).divide(denominator.value(), MC);
    BigDecimal slack = BigDecimal.ONE.movePointLeft(Math.max(printed.scale(), 0)).multiply(unitsOfSlack);
    BigDecimal gap = ratio.subtract(printed).abs();
    if (gap.compareTo(slack.add(new BigDecimal("0.000001"))) <= 0) {
      return;
    }
    String severity = gap.compareTo(BigDecimal.ONE) <= 0 ? Finding.WARNING : Finding.ERROR;
    String r = ratio.setScale(Math.max(printed.scale(), 2), java.math.RoundingMode.HALF_UP).toPlainString();
    findings.add(new Finding(rule, severity,
        "印刷的比率 " + printed.toPlainString() + "% 与按数字计算的 " + r + "% 不一致。",
        "The printed rate " + printed.toPlainString() + "% does not match the ratio of its figures, " + r + "%.",
        cite(new Term(pointer, printed)) + "; " + cite(numerator) + " / " + cite(denominator) + " = " + r + "%"));
  }
}
