package org.fiscalscope.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * 06 一般公共预算财政拨款基本支出决算表: the economic classification of basic expenditure in column blocks side by side
 * (科目编码 — whole, or split into 类 and 款 — 科目名称, 决算数; 人员经费 on the left, 公用经费 to the right), closed by
 * the 人员经费合计 and 公用经费合计 figures. Classes 301 and 303 are personnel expense, the others public expense.
 */
final class BasicExpenditureTable {

  /** A line of the economic classification (301, 30101, …) with its amount. */
  record Line(String code, String name, Figure amount) {

    boolean isPersonnel() {
      return code.startsWith("301") || code.startsWith("303");
    }
  }

  private final TableBlock block;
  private final Figure personnel;
  private final Figure publicExpense;
  private final List<Line> lines;

  private BasicExpenditureTable(TableBlock block, Figure personnel, Figure publicExpense, List<Line> lines) {
    this.block = block;
    this.personnel = personnel;
    this.publicExpense = publicExpense;
    this.lines = lines;
  }

  TableBlock block() {
    return block;
  }

  Figure personnel() {
    return personnel;
  }

  Figure publicExpense() {
    return publicExpense;
  }

  List<Line> lines() {
    return lines;
  }

  static BasicExpenditureTable read(TableBlock block) {
    Grid g = block.grid();
    int width = block.paths().size();
    ColumnRole[] roles = block.roles();
    Figure personnel = null;
    Figure publicExpense = null;
    List<Line> lines = new ArrayList<>();
    for (int r = block.bodyStart(); r < block.bodyEnd(); r++) {
      for (int c = 0; c < width; c++) {
        String t = TableBlock.clean(g.text(r, c));
        if (t.contains("人员经费合计") && personnel == null) {
          personnel = nextFigure(block, r, c, t);
        } else if (t.contains("公用经费合计") && publicExpense == null) {
          publicExpense = nextFigure(block, r, c, t);
        } else if ((roles[c] == ColumnRole.CODE || roles[c] == ColumnRole.CODE_CLASS) && t.matches("3\\d{2}(?:\\d{2})?")) {
          String code = t;
          if (roles[c] == ColumnRole.CODE_CLASS && c + 1 < width && roles[c + 1] == ColumnRole.CODE_GROUP) {
            String group = TableBlock.clean(g.text(r, c + 1));
            if (group.matches("\\d{1,2}") && t.length() == 3) {
              code = t + (group.length() == 1 ? "0" : "") + group;
            }
          }
          int name = next(roles, c, ColumnRole.NAME);
          int amount = next(roles, c, ColumnRole.AMOUNT);
          String n = name < 0 ? "" : g.text(r, name).strip();
          Figure f = amount < 0 ? null : Figure.at(block, r, amount, code + " " + n);
          if (f != null) {
            lines.add(new Line(code, n, f));
          }
        }
      }
    }
    return new BasicExpenditureTable(block, personnel, publicExpense, List.copyOf(lines));
  }

  /** The first column of {@code role} right of {@code from}, before the next code column; -1 if none. */
  private static int next(ColumnRole[] roles, int from, ColumnRole role) {
    for (int c = from + 1; c < roles.length && roles[c] != ColumnRole.CODE && roles[c] != ColumnRole.CODE_CLASS; c++) {
      if (roles[c] == role) {
        return c;
      }
    }
    return -1;
  }

  private static Figure nextFigure(TableBlock block, int row, int col, String label) {
    for (int c = col + 1; c < block.paths().size(); c++) {
      if (!TableBlock.clean(block.grid().text(row, c)).equals(TableBlock.clean(block.grid().text(row, col)))) {
        Figure f = Figure.at(block, row, c, label);
        if (f != null || !block.grid().text(row, c).isEmpty()) {
          return f;
        }
      }
    }
    return null;
  }
}
