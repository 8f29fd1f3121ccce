package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Indicator;
import org.fiscalscope.document.Procurement;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.Totals;

/** Plain-Java versions of the rules the flags apply, returning the anomaly kinds (and extra rule ids) a document breaks. */
final class RuleCheck {

  static final BigDecimal LOW = new BigDecimal("90.5");
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final Pattern AT_LEAST_PCT = Pattern.compile("≥([0-9.]+)%");

  private RuleCheck() {}

  /** Rules broken by {@code doc}; {@code prior} is the same unit's previous year, or null. */
  static Set<String> violations(FinalAccount doc, FinalAccount prior) {
    Set<String> broken = new LinkedHashSet<>();
    Totals t = doc.totals();
    if (t.executionRatePct().compareTo(LOW) < 0) {
      broken.add("low_execution_unit");
    }
    for (FunctionLine line : doc.functions()) {
      if (line.executionRatePct().compareTo(LOW) < 0) {
        broken.add("low_execution_function");
      }
    }
    for (Evaluation p : doc.performance().projects()) {
      if (p.executionRatePct().compareTo(LOW) < 0) {
        broken.add("low_execution_project");
      }
      if (p.totalScore().compareTo(HUNDRED) == 0 && p.executionRatePct().compareTo(new BigDecimal("90")) < 0) {
        broken.add("perfect_score_low_execution");
      }
      if (!scoresFollowRules(p, new BigDecimal("20"))) {
        broken.add("score_mismatch");
      }
    }
    if (!scoresFollowRules(doc.performance().unitEvaluation(), new BigDecimal("25"))) {
      broken.add("score_mismatch");
    }
    ThreePublicAmounts budget = doc.threePublic().budget();
    ThreePublicAmounts actual = doc.threePublic().actual();
    for (int c = 0; c < 5; c++) {
      if (amounts(actual).get(c).compareTo(amounts(budget).get(c)) > 0) {
        broken.add("over_budget");
      }
      if (prior != null && amounts(actual).get(c).compareTo(amounts(prior.threePublic().actual()).get(c)) > 0) {
        broken.add("three_public_increase");
      }
    }
    if (!partsAddUp(doc, prior)) {
      broken.add("parts_not_adding_up");
    }
    return broken;
  }

  /** Execution score = round(weight × min(B/A, 1), 2); ≥X% indicators by the positive rule; total = sum. */
  static boolean scoresFollowRules(Evaluation e, BigDecimal weight) {
    BigDecimal rule = e.actual().compareTo(e.budget()) >= 0
        ? weight.setScale(2)
        : weight.multiply(e.actual()).divide(e.budget(), 2, RoundingMode.HALF_UP);
    if (e.executionScore().compareTo(rule) != 0) {
      return false;
    }
    BigDecimal sum = e.executionScore();
    BigDecimal weights = BigDecimal.ZERO;
    for (Indicator i : e.indicators()) {
      if (i.score().compareTo(i.weight()) > 0) {
        return false;
      }
      Matcher target = AT_LEAST_PCT.matcher(i.target());
      if (target.matches()) {
        BigDecimal a = new BigDecimal(target.group(1));
        BigDecimal b = new BigDecimal(i.actual().replace("%", ""));
        BigDecimal expected = b.compareTo(a) >= 0
            ? i.weight() : i.weight().multiply(b).divide(a, 2, RoundingMode.HALF_UP);
        if (expected.compareTo(i.score()) != 0) {
          return false;
        }
      } else if (i.score().compareTo(i.weight()) != 0) {
        return false;
      }
      sum = sum.add(i.score());
      weights = weights.add(i.weight());
    }
    return sum.compareTo(e.totalScore()) == 0 && weights.add(weight).compareTo(HUNDRED) == 0
        && e.executionRatePct().compareTo(pct(e.actual(), e.budget())) == 0;
  }

  static boolean partsAddUp(FinalAccount doc, FinalAccount prior) {
    Totals t = doc.totals();
    List<Boolean> checks = new ArrayList<>();
    checks.add(eq(t.incomeTotal(), t.incomeThisYear().add(t.carryoverBegin())));
    checks.add(eq(t.expenditureTotal(), t.expenditureThisYear().add(t.carryoverEnd())));
    checks.add(eq(t.incomeTotal(), t.expenditureTotal()));
    checks.add(eq(t.fiscalAppropriationIncome(),
        t.generalBudgetAppropriation().add(t.govFundAppropriation()).add(t.soeCapitalAppropriation())));
    checks.add(t.fiscalAppropriationIncome().compareTo(t.incomeThisYear()) <= 0);
    checks.add(eq(t.expenditureThisYear(), t.basicExpenditure().add(t.projectExpenditure())));
    checks.add(eq(t.basicExpenditure(), t.personnelExpense().add(t.publicExpense())));
    checks.add(eq(t.actualFinal(), t.expenditureThisYear()));
    checks.add(eq(t.executionRatePct(), pct(t.actualFinal(), t.budgetInitial())));
    checks.add(eq(t.yoyChangeAmount(), t.expenditureTotal().subtract(t.priorYearTotal())));
    checks.add(eq(t.yoyChangePct(), pct(t.yoyChangeAmount(), t.priorYearTotal())));
    if (prior != null) {
      checks.add(eq(t.priorYearTotal(), prior.totals().expenditureTotal()));
      checks.add(eq(t.carryoverBegin(), prior.totals().carryoverEnd()));
    }
    BigDecimal fnBudget = BigDecimal.ZERO;
    BigDecimal fnActual = BigDecimal.ZERO;
    BigDecimal shares = BigDecimal.ZERO;
    for (FunctionLine f : doc.functions()) {
      fnBudget = fnBudget.add(f.budgetInitial());
      fnActual = fnActual.add(f.actual());
      shares = shares.add(f.sharePct());
      checks.add(eq(f.executionRatePct(), pct(f.actual(), f.budgetInitial())));
      BigDecimal exact = f.actual().multiply(HUNDRED).divide(t.expenditureThisYear(), 6, RoundingMode.HALF_UP);
      checks.add(exact.subtract(f.sharePct()).abs().compareTo(CENT) <= 0);
    }
    checks.add(eq(fnBudget, t.budgetInitial()));
    checks.add(eq(fnActual, t.expenditureThisYear()));
    checks.add(eq(shares, HUNDRED));
    BigDecimal projects = BigDecimal.ZERO;
    for (Evaluation p : doc.performance().projects()) {
      projects = projects.add(p.actual());
    }
    checks.add(eq(projects, t.projectExpenditure()));
    Evaluation unit = doc.performance().unitEvaluation();
    checks.add(eq(unit.budget(), t.budgetInitial()) && eq(unit.actual(), t.actualFinal()));
    Procurement p = doc.procurement();
    checks.add(eq(p.total(), p.goods().add(p.works()).add(p.services())));
    checks.add(p.smeAwarded().compareTo(p.total()) <= 0 && p.smallMicroAwarded().compareTo(p.smeAwarded()) <= 0);
    for (ThreePublicAmounts a : List.of(doc.threePublic().budget(), doc.threePublic().actual())) {
      checks.add(eq(a.total(), a.outboundTravel().add(a.vehiclePurchase()).add(a.vehicleOperation()).add(a.reception())));
    }
    return !checks.contains(false);
  }

  private static List<BigDecimal> amounts(ThreePublicAmounts a) {
    return List.of(a.outboundTravel(), a.vehiclePurchase(), a.vehicleOperation(), a.reception(), a.total());
  }

  private static boolean eq(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }

  private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
