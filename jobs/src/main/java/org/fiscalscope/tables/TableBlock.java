package org.fiscalscope.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One standard table found in a grid: its kind, the unit, year and amount unit it states, the header path of every
 * column (the header texts above it, top down, e.g. {@code 本年支出/基本支出}) and its body rows. A sheet may hold
 * several tables one below the other; each starts at its title.
 */
record TableBlock(
    TableKind kind, Grid grid, int titleRow, Integer year, String unitName, String unitCode,
    AmountCells.Scale scale, List<String> paths, int bodyStart, int bodyEnd) {

  /**
   * What each column holds, judged by its header path. A code header spread over two or three columns without
   * 类/款/项 under it (some templates print those words in the first body row, beside 合计) holds the code's parts
   * in that order.
   */
  ColumnRole[] roles() {
    ColumnRole[] roles = paths.stream().map(ColumnRole::of).toArray(ColumnRole[]::new);
    for (int c = 0; c < roles.length; c++) {
      int k = c;
      while (k < roles.length && roles[k] == ColumnRole.CODE && paths.get(k).equals(paths.get(c))) {
        k++;
      }
      if (k - c == 2 || k - c == 3) {
        roles[c] = ColumnRole.CODE_CLASS;
        roles[c + 1] = ColumnRole.CODE_GROUP;
        if (k - c == 3) {
          roles[c + 2] = ColumnRole.CODE_ITEM;
        }
      }
      c = Math.max(c, k - 1);
    }
    return roles;
  }

  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
  private static final Pattern UNIT = Pattern.compile(
      "(?:编制单位|填报单位|单位名称|部门名称|预算单位|主管部门|部门|单位)\\s*(?:[(（]盖章[)）])?\\s*[:：]\\s*([^\\s\\u3000\\u00a0]*?)(?=[\\s\\u3000\\u00a0]|金额单位|$)");
  private static final Pattern CODED_NAME = Pattern.compile("^([A-Za-z]{0,4}\\d{3,})\\s*[-－—_]\\s*(.+)$");
  private static final Pattern SCALE = Pattern.compile("(?:金额单位|单位)\\s*[:：]\\s*(万元|元)(?![\\u4e00-\\u9fff])");
  private static final Pattern LABEL = Pattern.compile("^公开\\s*\\d{1,2}\\s*表$");
  private static final Pattern NOTE = Pattern.compile("^(?:注|说明|备注)\\s*\\d*\\s*[:：.、]");
  private static final Pattern TOTAL = Pattern.compile("^(?:合\\s*计|总\\s*计)$");
  private static final int MAX_HEADER_ROWS = 6;

  /**
   * Every standard table in the grid, in order. In a disclosure a title is a line of text followed, after at most
   * its unit and label lines, by table rows (so the 目录 and the headings of the 情况说明 are not tables).
   */
  static List<TableBlock> locate(Grid grid) {
    List<Integer> titles = new ArrayList<>();
    List<TableKind> kinds = new ArrayList<>();
    for (int r = 0; r < grid.rows(); r++) {
      if (grid.isDisclosure() && grid.isTableRow(r)) {
        continue;
      }
      String text = grid.isDisclosure() ? grid.text(r, 0) : grid.rowText(r);
      if (text.indexOf("决算") < 0 || text.indexOf('表') < 0 || grid.isDisclosure() && !tableFollows(grid, r)) {
        continue;
      }
      TableKind kind = TableKind.ofTitle(text);
      if (kind != null) {
        titles.add(r);
        kinds.add(kind);
      }
    }
    List<TableBlock> blocks = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      int end = i + 1 < titles.size() ? titles.get(i + 1) : grid.rows();
      blocks.add(block(grid, kinds.get(i), titles.get(i), end));
    }
    return blocks;
  }

  private static TableBlock block(Grid grid, TableKind kind, int title, int end) {
    Integer year = year(grid.rowText(title));
    String unitName = null;
    String unitCode = null;
    AmountCells.Scale scale = null;
    int r = title;
    for (; r < end; r++) {
      String text = grid.rowText(r);
      boolean meta = r == title || text.isEmpty() || LABEL.matcher(text).matches();
      Matcher unit = UNIT.matcher(text);
      while (unit.find()) {
        String value = unit.group(1);
        if (!value.isEmpty() && !value.matches("(?:万元|元|千元|亿元).*") && unitName == null) {
          Matcher coded = CODED_NAME.matcher(value);
          unitCode = coded.matches() ? coded.group(1) : null;
          unitName = coded.matches() ? coded.group(2) : value;
          meta = true;
        }
      }
      Matcher s = SCALE.matcher(text);
      if (s.find()) {
        scale = s.group(1).equals("元") ? AmountCells.Scale.YUAN : AmountCells.Scale.TEN_THOUSAND_YUAN;
        meta = true;
      }
      if (year == null && r != title && YEAR.matcher(text).find() && text.length() <= 20) {
        year = year(text);
        meta = true;
      }
      if (!meta) {
        break;
      }
    }
    int headerStart = r;
    int bodyStart = end;
    int headerEnd = Math.min(end, headerStart + MAX_HEADER_ROWS);
    for (int h = headerStart; h < Math.min(end, headerStart + MAX_HEADER_ROWS + 1); h++) {
      if (isRowLabelled(grid, h, "栏次") || isColumnNumbering(grid, h)) {
        headerEnd = h;
        bodyStart = h + 1;
        break;
      }
      if (isBodyRow(grid, h) || NOTE.matcher(grid.rowText(h)).find()) {
        headerEnd = h;
        bodyStart = h;
        break;
      }
    }
    int bodyEnd = bodyStart;
    while (bodyEnd < end && !NOTE.matcher(grid.rowText(bodyEnd)).find()
        && (grid.isTableRow(bodyEnd) || isBreak(grid.rowText(bodyEnd)))) {
      bodyEnd++;
    }
    return new TableBlock(kind, grid, title, year, unitName, unitCode, scale,
        paths(grid, headerStart, Math.max(headerStart, headerEnd)), bodyStart, bodyEnd);
  }

  /** Lines a disclosure may print inside a table that continues on the next page: a page number, a 续 heading. */
  private static final Pattern BREAK = Pattern.compile(
      "^(?:[-—–]?\\s*\\d{1,3}\\s*[-—–]?|第\\s*\\d{1,3}\\s*页.*|.{0,40}(?:[(（]续(?:表)?[)）]|续表)|)$");

  private static boolean isBreak(String text) {
    return BREAK.matcher(text.strip()).matches();
  }

  /** Whether table rows follow a disclosure line, after at most a few lines of unit, label, year or page. */
  private static boolean tableFollows(Grid grid, int row) {
    for (int r = row + 1; r < Math.min(grid.rows(), row + 6); r++) {
      if (grid.isTableRow(r)) {
        return true;
      }
      String text = grid.rowText(r);
      boolean meta = text.isEmpty() || LABEL.matcher(text).matches() || SCALE.matcher(text).find()
          || UNIT.matcher(text).find() || isBreak(text)
          || text.length() <= 20 && YEAR.matcher(text).find() && TableKind.ofTitle(text) == null;
      if (!meta) {
        return false;
      }
    }
    return false;
  }

  private static Integer year(String text) {
    Matcher m = YEAR.matcher(text);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static boolean isRowLabelled(Grid grid, int row, String label) {
    for (int c = 0; c < grid.columns(); c++) {
      if (clean(grid.text(row, c)).equals(label)) {
        return true;
      }
    }
    return false;
  }

  /** A 栏次 row printed without its label: nothing but the numbers 1, 2, 3, … in order. */
  private static boolean isColumnNumbering(Grid grid, int row) {
    int expected = 1;
    for (int c = 0; c < grid.columns(); c++) {
      if (grid.text(row, c).isEmpty()) {
        continue;
      }
      java.math.BigDecimal v = AmountCells.of(grid, row, c);
      if (v == null || v.compareTo(java.math.BigDecimal.valueOf(expected)) != 0) {
        return false;
      }
      expected++;
    }
    return expected > 3;
  }

  /** A row of figures: any number, or a 合计/总计 label with nothing but numbers (or nothing) beside it. */
  private static boolean isBodyRow(Grid grid, int row) {
    boolean total = false;
    boolean otherText = false;
    for (int c = 0; c < grid.columns(); c++) {
      String t = grid.text(row, c);
      if (t.isEmpty()) {
        continue;
      }
      if (AmountCells.isNumeric(grid, row, c)) {
        return true;
      }
      if (TOTAL.matcher(t).matches()) {
        total = true;
      } else {
        otherText = true;
      }
    }
    return total && !otherText;
  }

  /**
   * Header path per column. A header written once over several columns (a CSV export, or an unmerged workbook)
   * covers the empty cells to its right, but only under the same parent header, so 公务用车运行维护费 does not run into
   * the 公务接待费 column beside its parent.
   */
  private static List<String> paths(Grid grid, int from, int to) {
    int w = grid.columns();
    String[][] h = new String[to - from][w];
    for (int r = 0; r < h.length; r++) {
      for (int c = 0; c < w; c++) {
        h[r][c] = clean(grid.text(from + r, c));
      }
      for (int c = 1; c < w; c++) {
        if (h[r][c].isEmpty() && !h[r][c - 1].isEmpty() && (r == 0 || h[r - 1][c].equals(h[r - 1][c - 1]))) {
          h[r][c] = h[r][c - 1];
        }
      }
    }
    List<String> paths = new ArrayList<>(w);
    for (int c = 0; c < w; c++) {
      List<String> parts = new ArrayList<>();
      for (String[] row : h) {
        if (!row[c].isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(row[c]))) {
          parts.add(row[c]);
        }
      }
      paths.add(String.join("/", parts));
    }
    return paths;
  }

  /** Header text without the line breaks and spaces that narrow columns print inside words. */
  static String clean(String text) {
    return text.replaceAll("[\\s\\u3000]", "");
  }

  static boolean isTotalLabel(String text) {
    return TOTAL.matcher(clean(text)).matches();
  }

  /** The same table read in another amount unit (a table that states none takes the one its workbook states). */
  TableBlock withScale(AmountCells.Scale newScale) {
    return new TableBlock(kind, grid, titleRow, year, unitName, unitCode, newScale, paths, bodyStart, bodyEnd);
  }

  /** Where the table is, for messages: sheet (or file) and title. */
  String where() {
    return grid.name() + " (" + kind.label() + " " + kind.title() + ", row " + (titleRow + 1) + ")";
  }
}
