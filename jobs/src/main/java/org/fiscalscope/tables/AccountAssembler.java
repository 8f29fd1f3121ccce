package org.fiscalscope.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Parts;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.document.ThreePublic;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.ThreePublicSide;
import org.fiscalscope.document.Totals;
import org.fiscalscope.document.Unit;
import org.fiscalscope.extract.SumRule;

/**
 * Puts the figures of a unit-year's standard tables into the canonical document. Where two tables state the same
 * figure (本年收入合计 in 01 and 02, 一般公共预算财政拨款 in 01 and 04, …) they must agree, or the figure is left out
 * with a finding. Functional lines (类, 款 and 项) come from 05 一般公共预算财政拨款支出决算表 — budget_initial from its
 * 年初预算 column when it has one, budget_adjusted from 全年预算数, budget_carryover from 年初结转和结余, actual from
 * 本年支出 — or, without a 05, from 03 支出决算表; the totals of those figures are that table's 合计.
 */
final class AccountAssembler {

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final Set<String> conflicted = new HashSet<>();
  private final TableAudit audit = new TableAudit();
  private final List<FunctionLine> functions = new ArrayList<>();
  private final Map<String, List<String>> names = new java.util.HashMap<>();

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

  /**
   * Records the names a table prints for its codes. A line's name is the one most of the tables print for its code
   * (the first printed on a tie), so a name the text layer scrambled in one table is read from the others.
   */
  private void names(CodedTable t) {
    for (CodedTable.Line line : t.lines()) {
      if (line.name() != null && !line.name().isBlank()) {
        names.computeIfAbsent(line.code(), k -> new ArrayList<>()).add(line.name().strip());
      }
    }
  }

  private String name(String code, String printed) {
    List<String> all = names.get(code);
    if (all == null) {
      return printed;
    }
    String best = printed;
    long bestCount = 0;
    for (String n : all) {
      long count = all.stream().filter(n::equals).count();
      if (count > bestCount) {
        best = n;
        bestCount = count;
      }
    }
    return best;
  }

  void income(CodedTable t) {
    names(t);
    if (t.total() != null) {
      offer("/totals/income_this_year", t.total().get(ColumnRole.INCOME, t.roles()));
      offer("/totals/fiscal_appropriation_income", t.total().get(ColumnRole.APPROPRIATION, t.roles()));
    }
    audit.coded(t);
  }

  void expenditure(CodedTable t) {
    names(t);
    if (t.total() != null) {
      offer("/totals/expenditure_this_year", t.total().get(ColumnRole.AMOUNT, t.roles()));
      offer("/totals/basic_expenditure", t.total().get(ColumnRole.BASIC, t.roles()));
      offer("/totals/project_expenditure", t.total().get(ColumnRole.PROJECT, t.roles()));
    }
    audit.coded(t);
  }

  /**
   * The table the functional lines and the unit's budget execution come from. A line is taken where the table's own
   * sums hold above it: a 类 whose 款 do not add up to it (beyond rounding), or a 款 whose 项 do not, is left out with
   * every line under it — one of them is misprinted and the reader cannot tell which. The 合计 is left out when it
   * differs from its classes in a table whose lines do not add up either (a garbled table); a 合计 that differs from
   * consistent lines is kept, the gap reported by the audit.
   */
  void functions(CodedTable t) {
    if (t.block().kind() != TableKind.EXPENDITURE) {
      names(t);
    }
    Set<String> budgetOut = doubtful(t, ColumnRole.BUDGET);
    Set<String> actualOut = doubtful(t, ColumnRole.AMOUNT);
    Set<String> adjustedOut = doubtful(t, ColumnRole.BUDGET_ADJUSTED);
    // Carry-over funding a line is read only from 05, whose 年初结转和结余 is the appropriation carried into the
    // year beside the line's budget; 03 prints none.
    boolean carryover = t.block().kind() == TableKind.GENERAL_BUDGET_EXPENDITURE;
    Set<String> carryoverOut = carryover ? doubtful(t, ColumnRole.CARRYOVER_BEGIN) : Set.of();
    if (t.total() != null) {
      offer("/totals/actual_final", actualOut.contains(TOTAL) ? null : t.total().get(ColumnRole.AMOUNT, t.roles()));
      offer("/totals/budget_initial", budgetOut.contains(TOTAL) ? null : t.total().get(ColumnRole.BUDGET, t.roles()));
      offer("/totals/budget_adjusted", adjustedOut.contains(TOTAL) ? null
          : t.total().get(ColumnRole.BUDGET_ADJUSTED, t.roles()));
      offer("/totals/budget_carryover", !carryover || carryoverOut.contains(TOTAL) ? null
          : t.total().get(ColumnRole.CARRYOVER_BEGIN, t.roles()));
    }
    for (CodedTable.Line line : t.lines()) {
      boolean budgetDoubtful = isUnder(line.code(), budgetOut);
      boolean actualDoubtful = isUnder(line.code(), actualOut);
      if (budgetDoubtful && actualDoubtful) {
        continue;
      }
      int i = functions.size();
      offer("/functions/" + i + "/budget_initial", budgetDoubtful ? null : line.get(ColumnRole.BUDGET, t.roles()));
      offer("/functions/" + i + "/actual", actualDoubtful ? null : line.get(ColumnRole.AMOUNT, t.roles()));
      offer("/functions/" + i + "/budget_adjusted", isUnder(line.code(), adjustedOut) ? null
          : line.get(ColumnRole.BUDGET_ADJUSTED, t.roles()));
      offer("/functions/" + i + "/budget_carryover", !carryover || isUnder(line.code(), carryoverOut) ? null
          : line.get(ColumnRole.CARRYOVER_BEGIN, t.roles()));
      functions.add(new FunctionLine(line.code(), name(line.code(), line.name()), value("/functions/" + i + "/budget_initial"),
          value("/functions/" + i + "/actual"), null, null, value("/functions/" + i + "/budget_adjusted"),
          value("/functions/" + i + "/budget_carryover")));
    }
    leftOut(t, actualOut, "AMOUNT", "支出决算", "actual");
    leftOut(t, budgetOut, "BUDGET", "年初预算", "initial budget");
    leftOut(t, adjustedOut, "BUDGET_ADJUSTED", "全年预算", "full-year budget");
    leftOut(t, carryoverOut, "CARRYOVER_BEGIN", "年初结转和结余", "carry-over");
  }

  private static final String TOTAL = "合计";

  /** The codes whose lines do not add up to them in the column of {@code role}, and 合计 when it is left out too. */
  private static Set<String> doubtful(CodedTable t, ColumnRole role) {
    ColumnRole[] roles = t.roles();
    Set<String> out = new java.util.TreeSet<>();
    for (CodedTable.Line parent : t.lines()) {
      List<Figure> children = t.lines().stream()
          .filter(l -> l.code().length() == parent.code().length() + 2 && l.code().startsWith(parent.code()))
          .map(l -> l.get(role, roles)).toList();
      if (!children.isEmpty() && !addsUp(parent.get(role, roles), children)) {
        out.add(parent.code());
      }
    }
    int coarsest = t.lines().stream().mapToInt(CodedTable.Line::level).min().orElse(0);
    if (t.total() != null && !out.isEmpty() && !addsUp(t.total().get(role, roles), t.lines().stream()
        .filter(l -> l.level() == coarsest).map(l -> l.get(role, roles)).toList())) {
      out.add(TOTAL);
    }
    return out;
  }

  private static boolean isUnder(String code, Set<String> doubtful) {
    for (int n = 3; n <= code.length(); n += 2) {
      if (doubtful.contains(code.substring(0, n))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the printed parts add up to the total within rounding (an empty part adds nothing). */
  private static boolean addsUp(Figure total, List<Figure> parts) {
    List<SumRule.Term> present = parts.stream().filter(java.util.Objects::nonNull).map(Figure::term).toList();
    if (total == null || present.isEmpty()) {
      return true;
    }
    return SumRule.check("sum", "", "", total.term(), present).map(f -> f.severity().equals(Finding.INFO))
        .orElse(true);
  }

  private void leftOut(CodedTable t, Set<String> doubtful, String column, String zh, String en) {
    if (doubtful.isEmpty()) {
      return;
    }
    String table = t.block().kind().label();
    String codes = String.join("、", doubtful);
    audit.finding(new Finding("tables.lines_left_out", Finding.WARNING,
        table + "中 " + codes + " 的" + zh + "与其所属科目之和不符，这些科目及其下级科目的" + zh + "未采用。",
        "In " + table + " the " + en + " of " + String.join(", ", doubtful) + " does not match the lines under it,"
            + " so these lines and the lines under them are left out (" + column.toLowerCase() + " column).",
        table + " " + codes));
  }

  void basic(BasicExpenditureTable t) {
    offer("/totals/personnel_expense", t.personnel());
    offer("/totals/public_expense", t.publicExpense());
    audit.basic(t);
  }

  void threePublic(ThreePublicTable t) {
    half(ThreePublicSide.BUDGET, t.budget());
    half(ThreePublicSide.ACTUAL, t.actual());
    audit.threePublic(t);
  }

  private void half(ThreePublicSide side, ThreePublicTable.Half h) {
    offer(Fields.threePublic(side, ThreePublicCategory.TOTAL).pointer(), h.total());
    offer(Fields.threePublic(side, ThreePublicCategory.OUTBOUND_TRAVEL).pointer(), h.outboundTravel());
    offer(Fields.threePublic(side, ThreePublicCategory.VEHICLE_PURCHASE).pointer(), h.vehiclePurchase());
    offer(Fields.threePublic(side, ThreePublicCategory.VEHICLE_OPERATION).pointer(), h.vehicleOperation());
    offer(Fields.threePublic(side, ThreePublicCategory.RECEPTION).pointer(), h.reception());
  }

  FinalAccount build(String unitCode, String unitName, Integer year) {
    Totals totals = Parts.totals(f -> value(f.pointer()));
    boolean hasTotals = figures.keySet().stream().anyMatch(k -> k.startsWith("/totals/"));
    ThreePublicAmounts budget = amounts(ThreePublicSide.BUDGET);
    ThreePublicAmounts actual = amounts(ThreePublicSide.ACTUAL);
    ThreePublic threePublic = budget == null && actual == null ? null
        : new ThreePublic(budget, actual, null, null, null, null, null, null);
    Map<String, Provenance> provenance = new TreeMap<>();
    figures.forEach((pointer, f) -> provenance.put(pointer, f.provenance()));
    List<Finding> findings = List.copyOf(audit.findings());
    return new FinalAccount(FinalAccount.SCHEMA_VERSION, year, FinalAccount.AMOUNT_UNIT,
        unitName == null ? null : new Unit(unitCode, unitName, null, null, null), null, hasTotals ? totals : null,
        functions.isEmpty() ? null : List.copyOf(functions), threePublic, null, null, null, null, findings, provenance);
  }

  private ThreePublicAmounts amounts(ThreePublicSide side) {
    String p = Fields.threePublic(side, ThreePublicCategory.TOTAL).path().parent().pattern() + "/";
    ThreePublicAmounts a = Parts.threePublic(side, f -> value(f.pointer()));
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
