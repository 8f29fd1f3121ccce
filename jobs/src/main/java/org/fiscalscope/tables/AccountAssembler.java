package org.fiscalscope.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.document.ThreePublic;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.Totals;
import org.fiscalscope.document.Unit;

/**
 * Puts the figures of a unit-year's standard tables into the canonical document. Where two tables state the same
 * figure (本年收入合计 in 01 and 02, 一般公共预算财政拨款 in 01 and 04, …) they must agree, or the figure is left out
 * with a finding. Functional lines (类, 款 and 项) come from 05 一般公共预算财政拨款支出决算表 — budget_initial from its
 * 年初预算 column when it has one, actual from 本年支出 — or, without a 05, from 03 支出决算表; totals.actual_final and
 * budget_initial are that table's 合计.
 */
final class AccountAssembler {

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final Set<String> conflicted = new HashSet<>();
  private final TableAudit audit = new TableAudit();
  private final List<FunctionLine> functions = new ArrayList<>();

  TableAudit audit() {
    return audit;
  }

  /** A canonical figure stated by a table; the first statement wins, a different second one voids it. */
  void offer(String pointer, Figure f) {
    if (f == null) {
      return;
    }
    if (f.value().signum() < 0) {
      audit.negative(pointer, f);
      return;
    }
    Figure earlier = figures.get(pointer);
    if (earlier == null) {
      if (!conflicted.contains(pointer)) {
        figures.put(pointer, f);
      }
    } else if (earlier.value().compareTo(f.value()) != 0) {
      audit.conflict(pointer, earlier, f);
      figures.remove(pointer);
      conflicted.add(pointer);
    }
  }

  void summary(SummaryTable t) {
    boolean isAll = t.block().kind() == TableKind.SUMMARY;
    SummaryTable.Side in = t.income();
    String thisYear = "本年收入合计";
    offer("/totals/general_budget_appropriation", amount(in, in.find("一般公共预算财政拨款", thisYear)));
    offer("/totals/gov_fund_appropriation", amount(in, in.find("政府性基金预算财政拨款", thisYear)));
    offer("/totals/soe_capital_appropriation", amount(in, in.find("国有资本经营预算财政拨款", thisYear)));
    if (isAll) {
      offer("/totals/income_this_year", amount(in, in.find(thisYear, null)));
      offer("/totals/carryover_begin", amount(in, in.find("年初结转和结余", null)));
      offer("/totals/income_total", amount(in, in.find("总计", null)));
      SummaryTable.Side out = t.expenditure();
      offer("/totals/expenditure_this_year", amount(out, out.find("本年支出合计", null)));
      offer("/totals/carryover_end", amount(out, out.find("年末结转和结余", null)));
      offer("/totals/expenditure_total", amount(out, out.find("总计", null)));
    } else {
      offer("/totals/fiscal_appropriation_income", amount(in, in.find(thisYear, null)));
    }
    audit.summary(t);
  }

  void income(CodedTable t) {
    if (t.total() != null) {
      offer("/totals/income_this_year", t.total().get(ColumnRole.INCOME, t.roles()));
      offer("/totals/fiscal_appropriation_income", t.total().get(ColumnRole.APPROPRIATION, t.roles()));
    }
    audit.coded(t);
  }

  void expenditure(CodedTable t) {
    if (t.total() != null) {
      offer("/totals/expenditure_this_year", t.total().get(ColumnRole.AMOUNT, t.roles()));
      offer("/totals/basic_expenditure", t.total().get(ColumnRole.BASIC, t.roles()));
      offer("/totals/project_expenditure", t.total().get(ColumnRole.PROJECT, t.roles()));
    }
    audit.coded(t);
  }

  /** The table the functional lines and the unit's budget execution come from. */
  void functions(CodedTable t) {
    if (t.total() != null) {
      offer("/totals/actual_final", t.total().get(ColumnRole.AMOUNT, t.roles()));
      offer("/totals/budget_initial", t.total().get(ColumnRole.BUDGET, t.roles()));
    }
    for (CodedTable.Line line : t.lines()) {
      int i = functions.size();
      Figure budget = line.get(ColumnRole.BUDGET, t.roles());
      Figure actual = line.get(ColumnRole.AMOUNT, t.roles());
      offer("/functions/" + i + "/budget_initial", budget);
      offer("/functions/" + i + "/actual", actual);
      functions.add(new FunctionLine(line.code(), line.name(), value("/functions/" + i + "/budget_initial"),
          value("/functions/" + i + "/actual"), null, null));
    }
  }

  void basic(BasicExpenditureTable t) {
    offer("/totals/personnel_expense", t.personnel());
    offer("/totals/public_expense", t.publicExpense());
    audit.basic(t);
  }

  void threePublic(ThreePublicTable t) {
    half("budget", t.budget());
    half("actual", t.actual());
    audit.threePublic(t);
  }

  private void half(String field, ThreePublicTable.Half h) {
    String p = "/three_public/" + field + "/";
    offer(p + "total", h.total());
    offer(p + "outbound_travel", h.outboundTravel());
    offer(p + "vehicle_purchase", h.vehiclePurchase());
    offer(p + "vehicle_operation", h.vehicleOperation());
    offer(p + "reception", h.reception());
  }

  FinalAccount build(String unitCode, String unitName, int year) {
    Totals totals = new Totals(value("/totals/income_total"), value("/totals/expenditure_total"),
        value("/totals/income_this_year"), value("/totals/expenditure_this_year"), value("/totals/carryover_begin"),
        value("/totals/carryover_end"), value("/totals/fiscal_appropriation_income"),
        value("/totals/general_budget_appropriation"), value("/totals/gov_fund_appropriation"),
        value("/totals/soe_capital_appropriation"), value("/totals/basic_expenditure"),
        value("/totals/project_expenditure"), value("/totals/personnel_expense"), value("/totals/public_expense"),
        value("/totals/budget_initial"), value("/totals/actual_final"), null, null, null, null);
    boolean hasTotals = figures.keySet().stream().anyMatch(k -> k.startsWith("/totals/"));
    ThreePublicAmounts budget = amounts("budget");
    ThreePublicAmounts actual = amounts("actual");
    ThreePublic threePublic = budget == null && actual == null ? null
        : new ThreePublic(budget, actual, null, null, null, null, null, null);
    Map<String, Provenance> provenance = new TreeMap<>();
    figures.forEach((pointer, f) -> provenance.put(pointer, f.provenance()));
    List<Finding> findings = List.copyOf(audit.findings());
    return new FinalAccount(FinalAccount.SCHEMA_VERSION, year, FinalAccount.AMOUNT_UNIT,
        new Unit(unitCode, unitName, null, null, null), null, hasTotals ? totals : null,
        functions.isEmpty() ? null : List.copyOf(functions), threePublic, null, null, null, null, findings, provenance);
  }

  private ThreePublicAmounts amounts(String field) {
    String p = "/three_public/" + field + "/";
    ThreePublicAmounts a = new ThreePublicAmounts(value(p + "outbound_travel"), value(p + "vehicle_purchase"),
        value(p + "vehicle_operation"), value(p + "reception"), value(p + "total"));
    return figures.keySet().stream().anyMatch(k -> k.startsWith(p)) ? a : null;
  }

  private BigDecimal value(String pointer) {
    Figure f = figures.get(pointer);
    return f == null ? null : f.value();
  }

  private static Figure amount(SummaryTable.Side side, SummaryTable.Item item) {
    if (item == null) {
      return null;
    }
    Figure f = item.get(ColumnRole.AMOUNT, side.roles());
    return f != null ? f : item.get(ColumnRole.GENERAL_BUDGET, side.roles());
  }
}
