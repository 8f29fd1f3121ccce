package org.fiscalscope.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of a PDF's table rows placed in columns, so the standard-tables reader sees the grid a workbook would
 * give: a table is a run of table rows (continued on the next page when that page opens with rows on the same
 * rules), its column edges are the rules its cells are bounded by, and a cell spanning several columns gives its
 * text to each of them (as a merged cell of a workbook does). An empty cell draws no text and has no span here, yet
 * its column exists: the rules of the other rows make it.
 */
final class TableColumns {

  /** Rules this close are one column edge (a table's rules are drawn at the same x, up to rounding). */
  private static final float SAME_EDGE = 1.5f;

  private TableColumns() {}

  /** For every line of every page, in order: its cells by column when it is a table row, else null. */
  static List<List<String>> of(List<List<PageLines.Line>> pages) {
    List<PageLines.Line> lines = new ArrayList<>();
    List<Boolean> pageStart = new ArrayList<>();
    for (List<PageLines.Line> page : pages) {
      for (int i = 0; i < page.size(); i++) {
        lines.add(page.get(i));
        pageStart.add(i == 0);
      }
    }
    List<List<String>> out = new ArrayList<>(lines.size());
    int i = 0;
    while (i < lines.size()) {
      if (!lines.get(i).tableRow()) {
        out.add(null);
        i++;
        continue;
      }
      List<Float> edges = new ArrayList<>();
      int j = i;
      while (j < lines.size() && lines.get(j).tableRow()
          && (j == i || !pageStart.get(j) || continues(edges, lines.get(j)))) {
        for (PageLines.Span s : lines.get(j).cells()) {
          add(edges, s.left());
          add(edges, s.right());
        }
        j++;
      }
      edges.sort(Float::compare);
      for (int k = i; k < j; k++) {
        out.add(placed(lines.get(k), edges));
      }
      i = j;
    }
    return out;
  }

  /**
   * Whether a row opening a page belongs to the table that ended the page before: its cells lie on that table's
   * rules, or it spans the same frame, its leftmost and rightmost rules those of the table (its inner rules may be
   * new: a header row of split columns, 类/款/项, that only the continued part shows).
   */
  private static boolean continues(List<Float> edges, PageLines.Line row) {
    if (edges.isEmpty() || row.cells().isEmpty()) {
      return false;
    }
    boolean onRules = true;
    for (PageLines.Span s : row.cells()) {
      onRules &= index(edges, s.left()) >= 0 && index(edges, s.right()) >= 0;
    }
    if (onRules) {
      return true;
    }
    float left = Float.MAX_VALUE;
    float right = -Float.MAX_VALUE;
    for (Float e : edges) {
      left = Math.min(left, e);
      right = Math.max(right, e);
    }
    PageLines.Span first = row.cells().get(0);
    PageLines.Span last = row.cells().get(row.cells().size() - 1);
    return Math.abs(first.left() - left) <= SAME_EDGE && Math.abs(last.right() - right) <= SAME_EDGE;
  }

  private static void add(List<Float> edges, float x) {
    if (index(edges, x) < 0) {
      edges.add(x);
    }
  }

  private static int index(List<Float> edges, float x) {
    for (int k = 0; k < edges.size(); k++) {
      if (Math.abs(edges.get(k) - x) <= SAME_EDGE) {
        return k;
      }
    }
    return -1;
  }

  private static List<String> placed(PageLines.Line row, List<Float> edges) {
    String[] cells = new String[Math.max(1, edges.size() - 1)];
    Arrays.fill(cells, "");
    for (PageLines.Span s : row.cells()) {
      int from = index(edges, s.left());
      int to = index(edges, s.right());
      for (int c = Math.max(0, from); c < Math.min(to, cells.length); c++) {
        cells[c] = s.text();
      }
    }
    return Arrays.asList(cells);
  }
}
