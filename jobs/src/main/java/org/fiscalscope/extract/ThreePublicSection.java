package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.ThreePublicSide;
import org.fiscalscope.extract.SourceText.Cell;

/** 三公经费 beyond the budget sentences: the counts (groups, persons, vehicles, receptions) and the 三公 tables. */
final class ThreePublicSection {

  private static final Pattern GROUPS = Patterns.compile("团组(?:共计?)?{N}个,?(?:累计|共计?)?{N}人(?:次)?");
  private static final Pattern PURCHASED = Patterns.compile("购置(?:\\(更新\\))?(?:了)?公务用车(?:共)?{N}辆");
  private static final Pattern HELD = Patterns.compile("公务用车保有量(?:为|是)?(?:共)?{N}辆");
  private static final Pattern RECEPTIONS = Patterns.compile(
      "公务接待(?:共计?|累计)?{N}批次(?:\\([^)]{0,30}\\))?[,、]?(?:共计?|累计)?(?:接待)?{N}人次");
  private static final Pattern CATEGORY = Pattern.compile(
      "(?:其中:)?(?:(?<total>" + ThreePublicCategory.TOTAL.tableLabel() + ")"
          + "|(?<out>" + ThreePublicCategory.OUTBOUND_TRAVEL.tableLabel() + ")"
          + "|(?<both>" + ThreePublicCategory.VEHICLES_PHRASE + ")"
          + "|(?<pur>" + ThreePublicCategory.VEHICLE_PURCHASE.tableLabel() + ")"
          + "|(?<op>" + ThreePublicCategory.VEHICLE_OPERATION.tableLabel() + ")"
          + "|(?<rec>" + ThreePublicCategory.RECEPTION.tableLabel() + "))");
  /** The categories of a side's six columns in the 公开09表; null for purchase and operation together. */
  private static final ThreePublicCategory[] TWELVE = {ThreePublicCategory.TOTAL, ThreePublicCategory.OUTBOUND_TRAVEL,
      null, ThreePublicCategory.VEHICLE_PURCHASE, ThreePublicCategory.VEHICLE_OPERATION, ThreePublicCategory.RECEPTION};

  private ThreePublicSection() {}

  static void read(SourceText text, Figures figures) {
    String flow = text.flow();
    Patterns.each(GROUPS, flow, m -> {
      var p = text.provenance(m.start(), m.end());
      figures.add("/three_public/outbound_groups", new BigDecimal(m.group(1)), p);
      figures.add("/three_public/outbound_persons", new BigDecimal(m.group(2)), p);
    });
    Patterns.each(PURCHASED, flow, m ->
        figures.add("/three_public/vehicles_purchased", new BigDecimal(m.group(1)), text.provenance(m.start(), m.end())));
    Patterns.each(HELD, flow, m ->
        figures.add("/three_public/vehicles_held", new BigDecimal(m.group(1)), text.provenance(m.start(), m.end())));
    Patterns.each(RECEPTIONS, flow, m -> {
      var p = text.provenance(m.start(), m.end());
      figures.add("/three_public/reception_batches", new BigDecimal(m.group(1)), p);
      figures.add("/three_public/reception_persons", new BigDecimal(m.group(2)), p);
    });
    tables(text, figures);
  }

  /** The 公开09表 layout (columns 1–12 numbered) and the two-column 预算数/决算数 layout. */
  private static void tables(SourceText text, Figures figures) {
    List<Cell> cells = text.cells();
    for (int i = 0; i + 12 < cells.size(); i++) {
      if (cells.get(i).text().equals("1") && numberedColumns(cells, i)) {
        twelveColumns(text, figures, cells, i);
      }
      String c = cells.get(i).text();
      if ((c.equals("预算数") || c.equals("预算")) && i + 1 < cells.size()
          && (cells.get(i + 1).text().equals("决算数") || cells.get(i + 1).text().equals("决算"))
          && inThreePublicTable(cells, i)) {
        twoColumns(text, figures, cells, i + 2);
      }
    }
  }

  private static boolean numberedColumns(List<Cell> cells, int i) {
    for (int k = 0; k < 12; k++) {
      if (!cells.get(i + k).text().equals(String.valueOf(k + 1))) {
        return false;
      }
    }
    return i + 24 < cells.size() || cells.size() - (i + 12) >= 12;
  }

  private static boolean inThreePublicTable(List<Cell> cells, int i) {
    for (int k = i; k >= Math.max(0, i - 80); k--) {
      String t = cells.get(k).text();
      if (t.contains("三公") && (t.contains("表") || t.contains("决算"))) {
        return true;
      }
      if (t.endsWith("表") && k < i - 1 && !t.contains("三公") && t.length() > 6) {
        return false;
      }
    }
    return false;
  }

  private static boolean yuan(List<Cell> cells, int i) {
    for (int k = i; k >= Math.max(0, i - 120); k--) {
      String t = cells.get(k).text();
      int u = t.indexOf("单位:");
      if (u >= 0) {
        String unit = t.substring(u + 3);
        if (unit.isEmpty() && k + 1 < cells.size()) {
          unit = cells.get(k + 1).text();
        }
        return unit.startsWith("元");
      }
    }
    return false;
  }

  private static void twelveColumns(SourceText text, Figures figures, List<Cell> cells, int i) {
    if (!inThreePublicTable(cells, i)) {
      return;
    }
    int first = i + 12;
    if (first + 12 > cells.size()) {
      return;
    }
    for (int k = 0; k < 12; k++) {
      if (!PrintedNumbers.isNumericCell(cells.get(first + k).text()) || cells.get(first + k).text().endsWith("%")) {
        return;
      }
    }
    boolean yuan = yuan(cells, i);
    var p = text.lines(cells.get(first).line(), cells.get(first + 11).line());
    for (int k = 0; k < 12; k++) {
      ThreePublicSide side = k < 6 ? ThreePublicSide.BUDGET : ThreePublicSide.ACTUAL;
      ThreePublicCategory category = TWELVE[k % 6];
      BigDecimal v = value(cells.get(first + k).text(), yuan);
      if (category != null) {
        figures.add(Fields.threePublic(side, category).pointer(), v, p);
      } else {
        figures.add(BudgetSentences.VEHICLE_BOTH + side.key(), v, p);
      }
    }
  }

  private static void twoColumns(SourceText text, Figures figures, List<Cell> cells, int i) {
    boolean yuan = yuan(cells, i);
    int k = i;
    while (k + 2 < cells.size()) {
      var m = CATEGORY.matcher(cells.get(k).text());
      String a = cells.get(k + 1).text();
      String b = cells.get(k + 2).text();
      if (!m.matches() || !(a.isEmpty() || PrintedNumbers.isNumericCell(a)) || !(b.isEmpty() || PrintedNumbers.isNumericCell(b))) {
        return;
      }
      ThreePublicCategory category = m.group("total") != null ? ThreePublicCategory.TOTAL
          : m.group("out") != null ? ThreePublicCategory.OUTBOUND_TRAVEL
          : m.group("pur") != null ? ThreePublicCategory.VEHICLE_PURCHASE
          : m.group("op") != null ? ThreePublicCategory.VEHICLE_OPERATION
          : m.group("rec") != null ? ThreePublicCategory.RECEPTION : null;
      var p = text.lines(cells.get(k).line(), cells.get(k + 2).line());
      put(figures, category, ThreePublicSide.BUDGET, a, yuan, p);
      put(figures, category, ThreePublicSide.ACTUAL, b, yuan, p);
      k += 3;
    }
  }

  private static void put(Figures figures, ThreePublicCategory category, ThreePublicSide side, String cell,
      boolean yuan, org.fiscalscope.document.Provenance p) {
    if (cell.isEmpty() || cell.endsWith("%")) {
      return;
    }
    BigDecimal v = value(cell, yuan);
    figures.add(category == null ? BudgetSentences.VEHICLE_BOTH + side.key() : Fields.threePublic(side, category).pointer(),
        v, p);
  }

  private static BigDecimal value(String cell, boolean yuan) {
    return PrintedNumbers.tenThousandYuan(cell, yuan ? "元" : "万元");
  }
}
