package org.fiscalscope.tables;

/**
 * 09 财政拨款“三公”经费支出决算表: one row of figures under a 预算数 half and a 决算数 half, each with 合计,
 * 因公出国（境）费, 公务用车购置及运行维护费 (小计, 购置费, 运行维护费) and 公务接待费.
 */
final class ThreePublicTable {

  /** The categories of one half; the vehicle subtotal is kept for the audit only (the document has no key for it). */
  record Half(Figure total, Figure outboundTravel, Figure vehicleSubtotal, Figure vehiclePurchase,
      Figure vehicleOperation, Figure reception) {}

  private final TableBlock block;
  private final Half budget;
  private final Half actual;

  private ThreePublicTable(TableBlock block, Half budget, Half actual) {
    this.block = block;
    this.budget = budget;
    this.actual = actual;
  }

  TableBlock block() {
    return block;
  }

  Half budget() {
    return budget;
  }

  Half actual() {
    return actual;
  }

  /** The first row holding a figure is the table's row; an empty table gives empty halves. */
  static ThreePublicTable read(TableBlock block) {
    Grid g = block.grid();
    int row = -1;
    for (int r = block.bodyStart(); r < block.bodyEnd() && row < 0; r++) {
      for (int c = 0; c < block.paths().size(); c++) {
        if (isBudget(block.paths().get(c)) != null && AmountCells.isNumeric(g, r, c)) {
          row = r;
          break;
        }
      }
    }
    return new ThreePublicTable(block, half(block, row, true), half(block, row, false));
  }

  /**
   * One half's figures by category. A category heading more than one column of a half means the header does not
   * line up with the figures (a header row written with fewer cells than the table has columns): nothing is read.
   */
  private static Half half(TableBlock block, int row, boolean budget) {
    Figure[] f = new Figure[6];
    boolean[] seen = new boolean[6];
    for (int c = 0; row >= 0 && c < block.paths().size(); c++) {
      String path = block.paths().get(c);
      if (!Boolean.valueOf(budget).equals(isBudget(path))) {
        continue;
      }
      int category = category(path);
      if (category >= 0 && seen[category]) {
        return new Half(null, null, null, null, null, null);
      }
      if (category >= 0) {
        seen[category] = true;
        f[category] = Figure.at(block, row, c, budget ? "预算数" : "决算数");
      }
    }
    return new Half(f[0], f[1], f[2], f[3], f[4], f[5]);
  }

  /** True for the 预算数 half, false for the 决算数 half, null for neither: the deepest header part naming one decides. */
  private static Boolean isBudget(String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (parts[i].contains("决算")) {
        return false;
      }
      if (parts[i].contains("预算")) {
        return true;
      }
    }
    return null;
  }

  /**
   * 0 合计, 1 出国, 2 车辆小计, 3 购置, 4 运行维护, 5 接待; -1 none. The deepest header part naming a category decides,
   * so 合计/预算数 (category above the halves) reads like 预算数/合计 (halves above the categories).
   */
  private static int category(String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      int category = category(parts[i], path);
      if (category >= 0) {
        return category;
      }
    }
    return -1;
  }

  private static int category(String last, String path) {
    if (last.contains("出国")) {
      return 1;
    }
    if (last.contains("接待")) {
      return 5;
    }
    if (last.contains("购置") && last.contains("运行")) {
      return 2;
    }
    if (last.contains("购置")) {
      return 3;
    }
    if (last.contains("运行")) {
      return 4;
    }
    if (last.equals("小计")) {
      return path.contains("公务用车") ? 2 : -1;
    }
    return last.equals("合计") || last.equals("总计") ? 0 : -1;
  }
}
