package org.fiscalscope.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A ruled table drawn on {@link PdfPages}: cells spanning columns and rows, column widths from their contents
 * (shrunk to fit the page, long texts wrapping inside their cell), text aligned to the cell's top, middle or bottom.
 * Rows never split, nor do tables of a few rows; a longer one that reaches the foot of a page
 * continues on the next, a merged cell printed again there, and the header rows repeated when asked. Cells may be drawn column by column, an order in which plain text
 * extraction scrambles the rows.
 */
final class PdfTable {

  /** Where text sits vertically in a cell taller than it. */
  enum Align { TOP, MIDDLE, BOTTOM }

  /** One cell: its text, first row and column, and how many rows and columns it covers. */
  static final class Cell {
    final String text;
    final int row;
    final int column;
    final int columns;
    int rows = 1;

    Cell(String text, int row, int column, int columns) {
      this.text = text;
      this.row = row;
      this.column = column;
      this.columns = columns;
    }
  }

  private static final float PAD = 3;
  private static final float MIN_COLUMN = 18;
  /** Tables of this many rows or fewer (a budget-execution block, a header block) never split. */
  private static final int KEEP_TOGETHER = 4;

  private final int columnCount;
  private final List<Cell> cells = new ArrayList<>();
  private int rowCount;
  private int headerRows;

  PdfTable(int columnCount) {
    this.columnCount = columnCount;
  }

  /**
   * A table of rows of cells; a row with fewer cells than the widest spreads them evenly when they divide the
   * columns, else its last cell takes the rest.
   */
  static PdfTable of(List<List<String>> rows) {
    int n = rows.stream().mapToInt(List::size).max().orElse(1);
    PdfTable t = new PdfTable(n);
    for (List<String> row : rows) {
      int k = row.size();
      t.addRow();
      int column = 0;
      for (int i = 0; i < k; i++) {
        int span = n % k == 0 ? n / k : i == k - 1 ? n - column : 1;
        t.cell(row.get(i), column, span);
        column += span;
      }
    }
    return t;
  }

  /** Starts a row; its cells follow with {@link #cell}. */
  void addRow() {
    rowCount++;
  }

  /** A cell in the last row started. */
  Cell cell(String text, int column, int columns) {
    Cell c = new Cell(text, rowCount - 1, column, columns);
    cells.add(c);
    return c;
  }

  int rowCount() {
    return rowCount;
  }

  /** The first {@code n} rows are repeated at the top of every page the table continues on. */
  void repeatHeader(int n) {
    headerRows = n;
  }

  /**
   * Draws the table at the cursor, continuing on new pages as needed, and returns how many page breaks it crossed.
   */
  int draw(PdfPages pages, float size, Align align, boolean columnByColumn) {
    float[] widths = widths(pages, size);
    float[] x = new float[columnCount + 1];
    x[0] = PdfPages.MARGIN;
    for (int c = 0; c < columnCount; c++) {
      x[c + 1] = x[c] + widths[c];
    }
    float line = size * 1.4f;
    List<List<String>> wrapped = new ArrayList<>();
    for (Cell c : cells) {
      wrapped.add(wrap(pages, c.text, x[c.column + c.columns] - x[c.column] - 2 * PAD, size));
    }
    float[] heights = new float[rowCount];
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      float h = wrapped.get(i).size() * line + 2 * PAD;
      for (int r = c.row; r < c.row + c.rows; r++) {
        heights[r] = Math.max(heights[r], h);
      }
    }
    float total = 0;
    for (float h : heights) {
      total += h;
    }
    int breaks = 0;
    int r = 0;
    pages.ensure(rowCount <= KEEP_TOGETHER ? total : heights[0]);
    while (true) {
      float used = 0;
      int to = r;
      while (to < rowCount && (to == r || pages.y() + used + heights[to] <= PdfPages.BOTTOM)) {
        used += heights[to];
        to++;
      }
      drawRows(pages, r, to, heights, x, wrapped, size, line, align, columnByColumn);
      r = to;
      if (r >= rowCount) {
        return breaks;
      }
      pages.newPage();
      breaks++;
      if (headerRows > 0 && r >= headerRows) {
        drawRows(pages, 0, headerRows, heights, x, wrapped, size, line, align, columnByColumn);
      }
    }
  }

  /** Rows {@code from}–{@code to} at the cursor; a merged cell that began above {@code from} is printed again. */
  private void drawRows(PdfPages pages, int from, int to, float[] heights, float[] x,
      List<List<String>> wrapped, float size, float line, Align align, boolean columnByColumn) {
    float[] top = new float[rowCount + 1];
    top[from] = pages.y();
    for (int r = from; r < to; r++) {
      top[r + 1] = top[r] + heights[r];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      if (c.row < to && c.row + c.rows > from) {
        order.add(i);
      }
    }
    if (columnByColumn) {
      order.sort((a, b) -> cells.get(a).column != cells.get(b).column
          ? Integer.compare(cells.get(a).column, cells.get(b).column) : Integer.compare(a, b));
    }
    for (int i : order) {
      Cell c = cells.get(i);
      int r0 = Math.max(c.row, from);
      int r1 = Math.min(c.row + c.rows, to);
      float cellTop = top[r0];
      float cellHeight = top[r1] - top[r0];
      float left = x[c.column];
      pages.rectangle(left, cellTop, x[c.column + c.columns] - left, cellHeight);
      List<String> lines = wrapped.get(i);
      float textHeight = lines.size() * line;
      float start = switch (align) {
        case TOP -> cellTop + PAD;
        case MIDDLE -> cellTop + (cellHeight - textHeight) / 2;
        case BOTTOM -> cellTop + cellHeight - PAD - textHeight;
      };
      for (int k = 0; k < lines.size(); k++) {
        pages.text(left + PAD, start + k * line + size * 1.05f, size, lines.get(k));
      }
    }
    pages.moveDown(top[to] - top[from]);
  }

  /**
   * Column widths: each column as wide as its widest single-column cell, all widened to fill the page when they
   * fit, else the widest ones capped at the width that makes them fit (their texts wrap).
   */
  private float[] widths(PdfPages pages, float size) {
    float[] natural = new float[columnCount];
    Arrays.fill(natural, MIN_COLUMN);
    for (Cell c : cells) {
      if (c.columns == 1) {
        natural[c.column] = Math.max(natural[c.column], pages.textWidth(c.text, size) + 2 * PAD + 1);
      }
    }
    float available = pages.width();
    float sum = 0;
    for (float w : natural) {
      sum += w;
    }
    float[] widths = new float[columnCount];
    if (sum <= available) {
      for (int c = 0; c < columnCount; c++) {
        widths[c] = natural[c] * available / sum;
      }
      return widths;
    }
    float low = MIN_COLUMN;
    float high = available;
    for (int k = 0; k < 40; k++) {
      float cap = (low + high) / 2;
      float total = 0;
      for (float w : natural) {
        total += Math.min(w, cap);
      }
      if (total > available) {
        high = cap;
      } else {
        low = cap;
      }
    }
    for (int c = 0; c < columnCount; c++) {
      widths[c] = Math.min(natural[c], low);
    }
    return widths;
  }

  /** A text cut into lines that fit {@code width}, anywhere (Chinese text and numbers break between characters). */
  static List<String> wrap(PdfPages pages, String text, float width, float size) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    float w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      float cw = pages.glyphWidth(cp, size);
      if (w + cw > width && current.length() > 0) {
        lines.add(current.toString().strip());
        current.setLength(0);
        w = 0;
      }
      current.appendCodePoint(cp);
      w += cw;
    }
    if (current.length() > 0 || lines.isEmpty()) {
      lines.add(current.toString().strip());
    }
    lines.removeIf(String::isEmpty);
    return lines;
  }
}
