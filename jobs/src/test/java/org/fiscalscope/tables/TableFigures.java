package org.fiscalscope.tables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.Totals;

/** Every figure the standard tables carry, by JSON pointer, from a canonical document; compared exactly (compareTo). */
final class TableFigures {

  private TableFigures() {}

  static Map<String, BigDecimal> of(FinalAccount doc, List<FunctionLine> functions) {
    Map<String, BigDecimal> m = new TreeMap<>();
    Totals t = doc.totals();
    if (t != null) {
      put(m, "/totals/income_total", t.incomeTotal());
      put(m, "/totals/expenditure_total", t.expenditureTotal());
      put(m, "/totals/income_this_year", t.incomeThisYear());
      put(m, "/totals/expenditure_this_year", t.expenditureThisYear());
      put(m, "/totals/carryover_begin", t.carryoverBegin());
      put(m, "/totals/carryover_end", t.carryoverEnd());
      put(m, "/totals/fiscal_appropriation_income", t.fiscalAppropriationIncome());
      put(m, "/totals/general_budget_appropriation", t.generalBudgetAppropriation());
      put(m, "/totals/gov_fund_appropriation", t.govFundAppropriation());
      put(m, "/totals/soe_capital_appropriation", t.soeCapitalAppropriation());
      put(m, "/totals/basic_expenditure", t.basicExpenditure());
      put(m, "/totals/project_expenditure", t.projectExpenditure());
      put(m, "/totals/personnel_expense", t.personnelExpense());
      put(m, "/totals/public_expense", t.publicExpense());
      put(m, "/totals/budget_initial", t.budgetInitial());
      put(m, "/totals/actual_final", t.actualFinal());
    }
    for (int i = 0; functions != null && i < functions.size(); i++) {
      FunctionLine f = functions.get(i);
      put(m, "/functions/" + i + "/" + f.code() + " " + f.name() + "/budget_initial", f.budgetInitial());
      put(m, "/functions/" + i + "/" + f.code() + " " + f.name() + "/actual", f.actual());
    }
    if (doc.threePublic() != null) {
      amounts(m, "budget", doc.threePublic().budget());
      amounts(m, "actual", doc.threePublic().actual());
    }
    return m;
  }

  private static void amounts(Map<String, BigDecimal> m, String field, ThreePublicAmounts a) {
    if (a == null) {
      return;
    }
    String p = "/three_public/" + field + "/";
    put(m, p + "outbound_travel", a.outboundTravel());
    put(m, p + "vehicle_purchase", a.vehiclePurchase());
    put(m, p + "vehicle_operation", a.vehicleOperation());
    put(m, p + "reception", a.reception());
    put(m, p + "total", a.total());
  }

  private static void put(Map<String, BigDecimal> m, String key, BigDecimal v) {
    if (v != null) {
      m.put(key, v.stripTrailingZeros());
    }
  }

  /** Keys whose values differ or that only one side has, each with both values. */
  static List<String> differences(Map<String, BigDecimal> want, Map<String, BigDecimal> have) {
    java.util.Set<String> keys = new java.util.TreeSet<>(want.keySet());
    keys.addAll(have.keySet());
    return keys.stream()
        .filter(k -> want.get(k) == null || have.get(k) == null || want.get(k).compareTo(have.get(k)) != 0)
        .map(k -> k + ": generated " + want.get(k) + ", read " + have.get(k)).toList();
  }
}
