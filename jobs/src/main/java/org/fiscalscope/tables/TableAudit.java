package org.fiscalscope.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.extract.SumRule;

/**
 * The tables' own arithmetic, with the rounding conventions of every reader ({@link SumRule}): a 合计 row against
 * its classes, a 类 against its 款 and a 款 against its 项, a row's total against its columns (基本支出 + 项目支出, or
 * 财政拨款收入 + the other income), the summary tables' items against 本年收入/支出合计 and 总计, the 三公 categories
 * against their total, and the economic classes of basic expenditure against 人员经费/公用经费合计. An empty cell among
 * the parts adds nothing (tables leave zero cells blank); a check with no part printed is not made.
 */
final class TableAudit {

  private final List<Finding> findings = new ArrayList<>();

  List<Finding> findings() {
    return findings;
  }

  /** A finding of the reader itself (what it left out and why). */
  void finding(Finding f) {
    findings.add(f);
  }

  void coded(CodedTable t) {
    ColumnRole[] roles = t.roles();
    String table = t.block().kind().label();
    int coarsest = t.lines().stream().mapToInt(CodedTable.Line::level).min().orElse(0);
    for (int c = 0; c < roles.length; c++) {
      if (!isAmount(roles[c])) {
        continue;
      }
      final int col = c;
      String column = t.block().paths().get(c);
      if (t.total() != null) {
        check("sum.table_total", table + "“" + column + "”栏各类科目之和", "the classes in column " + column + " of " + table,
            t.total().cells()[c], t.lines().stream().filter(l -> l.level() == coarsest).map(l -> l.cells()[col]).toList());
      }
      for (CodedTable.Line parent : t.lines()) {
        if (parent.level() > 2) {
          continue;
        }
        List<Figure> children = t.lines().stream()
            .filter(l -> l.code().length() == parent.code().length() + 2 && l.code().startsWith(parent.code()))
            .map(l -> l.cells()[col]).toList();
        if (!children.isEmpty()) {
          boolean isClass = parent.level() == 1;
          check(isClass ? "sum.class_lines" : "sum.group_lines",
              table + " " + parent.code() + "“" + column + "”栏所属" + (isClass ? "款" : "项") + "级科目之和",
              "the " + (isClass ? "groups (款)" : "items (项)") + " of " + parent.code() + " in column " + column + " of " + table,
              parent.cells()[c], children);
        }
      }
    }
    List<CodedTable.Line> rows = new ArrayList<>(t.lines());
    if (t.total() != null) {
      rows.add(0, t.total());
    }
    for (CodedTable.Line row : rows) {
      rowSplit(t, row, ColumnRole.AMOUNT, List.of(ColumnRole.BASIC, ColumnRole.PROJECT, ColumnRole.OTHER_SPENDING));
      rowSplit(t, row, ColumnRole.INCOME, List.of(ColumnRole.APPROPRIATION, ColumnRole.OTHER_INCOME));
    }
  }

  private void rowSplit(CodedTable t, CodedTable.Line row, ColumnRole totalRole, List<ColumnRole> partRoles) {
    ColumnRole[] roles = t.roles();
    Figure total = row.get(totalRole, roles);
    List<Figure> parts = new ArrayList<>();
    for (int c = 0; c < roles.length; c++) {
      if (partRoles.contains(roles[c])) {
        parts.add(row.cells()[c]);
      }
    }
    String what = t.block().kind().label() + " " + (row.code() == null ? "合计" : row.code()) + " 行";
    check("sum.row_split", what + "各栏之和", "the columns of row " + (row.code() == null ? "合计" : row.code())
        + " of " + t.block().kind().label(), total, parts);
  }

  void summary(SummaryTable t) {
    String table = t.block().kind().label();
    sides(table, "收入", "income", t.income(), "本年收入合计");
    sides(table, "支出", "expenditure", t.expenditure(), "本年支出合计");
  }

  private void sides(String table, String zh, String en, SummaryTable.Side side, String totalName) {
    SummaryTable.Item total = side.find(totalName, null);
    SummaryTable.Item grand = side.find("总计", null);
    if (total == null) {
      return;
    }
    int at = side.items().indexOf(total);
    List<SummaryTable.Item> before = side.items().subList(0, at);
    boolean numbered = before.stream().anyMatch(SummaryTable.Item::numbered);
    List<SummaryTable.Item> items = before.stream().filter(i -> !numbered || i.numbered()).toList();
    List<SummaryTable.Item> after = new ArrayList<>();
    after.add(total);
    for (SummaryTable.Item i : side.items().subList(at + 1, side.items().size())) {
      if (i == grand) {
        break;
      }
      if (i.name().contains("结余") || i.name().contains("结转")) {
        after.add(i);
      }
    }
    ColumnRole[] roles = side.roles();
    for (int c = 0; c < roles.length; c++) {
      if (!isAmount(roles[c])) {
        continue;
      }
      final int col = c;
      check("sum.summary_items", table + zh + "各项之和", "the " + en + " items of " + table, total.cells()[c],
          items.stream().map(i -> i.cells()[col]).toList());
      if (grand != null) {
        check("sum.summary_total", table + zh + "合计与结转结余之和", "the " + en + " of the year and the carry-over in "
            + table, grand.cells()[c], after.stream().map(i -> i.cells()[col]).toList());
      }
    }
  }

  void threePublic(ThreePublicTable t) {
    half("budget", "预算", t.budget());
    half("actual", "决算", t.actual());
  }

  private void half(String field, String zh, ThreePublicTable.Half h) {
    Figure vehicles = h.vehicleSubtotal();
    check("sum.three_public_vehicles", ThreePublicCategory.VEHICLE_PURCHASE.zh() + "与运行维护费" + zh + "之和",
        "vehicle purchase and operation " + field, vehicles, Arrays.asList(h.vehiclePurchase(), h.vehicleOperation()));
    List<Figure> parts = vehicles != null
        ? Arrays.asList(h.outboundTravel(), vehicles, h.reception())
        : Arrays.asList(h.outboundTravel(), h.vehiclePurchase(), h.vehicleOperation(), h.reception());
    check("sum.three_public_" + field, "“三公”经费各项" + zh + "之和", "the three-public categories' " + field,
        h.total(), parts);
  }

  void basic(BasicExpenditureTable t) {
    List<BasicExpenditureTable.Line> classes = t.lines().stream().filter(l -> l.code().length() == 3).toList();
    check("sum.personnel_classes", "人员经费各类之和", "the personnel expense classes", t.personnel(),
        classes.stream().filter(BasicExpenditureTable.Line::isPersonnel).map(BasicExpenditureTable.Line::amount).toList());
    check("sum.public_classes", "公用经费各类之和", "the public expense classes", t.publicExpense(),
        classes.stream().filter(l -> !l.isPersonnel()).map(BasicExpenditureTable.Line::amount).toList());
    for (BasicExpenditureTable.Line cls : classes) {
      check("sum.economic_class", "经济分类 " + cls.code() + " 所属款级科目之和", "the items of economic class " + cls.code(),
          cls.amount(), t.lines().stream().filter(l -> l.code().length() == 5 && l.code().startsWith(cls.code()))
              .map(BasicExpenditureTable.Line::amount).toList());
    }
  }

  /** Two tables stating one figure differently: the figure is left out, since either may be the wrong one. */
  void conflict(String pointer, Figure a, Figure b) {
    findings.add(new Finding("tables.conflict", Finding.ERROR,
        "两张表对同一数字不一致：" + a.ref() + "（" + a.label() + "）为 " + a.value().toPlainString() + "，"
            + b.ref() + "（" + b.label() + "）为 "
            + b.value().toPlainString() + "，该数字未采用。",
        "Two tables state " + pointer + " differently (" + a.value().toPlainString() + " and "
            + b.value().toPlainString() + "); the figure is left out.",
        a.term().citation() + " vs " + b.term().citation()));
  }

  /** A negative amount where the document allows none: left out. */
  void negative(String pointer, Figure f) {
    findings.add(new Finding("tables.negative", Finding.WARNING,
        f.ref() + "（" + f.label() + "）为负数 " + f.value().toPlainString() + "，该数字未采用。",
        pointer + " is negative (" + f.value().toPlainString() + "); the figure is left out.", f.term().citation()));
  }

  private void check(String rule, String zh, String en, Figure total, List<Figure> parts) {
    List<SumRule.Term> present = parts.stream().filter(Objects::nonNull).map(Figure::term).toList();
    if (total == null || present.isEmpty()) {
      return;
    }
    SumRule.check(rule, zh, en, total.term(), present).ifPresent(findings::add);
  }

  private static boolean isAmount(ColumnRole role) {
    return switch (role) {
      case CODE, CODE_CLASS, CODE_GROUP, CODE_ITEM, NAME, ROW_NUMBER, NONE -> false;
      default -> true;
    };
  }
}
