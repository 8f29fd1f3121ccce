package org.fiscalscope.tables;

import java.util.ArrayList;
import java.util.List;
import org.fiscalscope.document.FinalAccount;

/**
 * The standard tables (公开01–09表) printed inside a published disclosure — recovered from a PDF's page layout, or
 * written in its text one row per line with cells separated by {@code |} — read by the same rules as a workbook:
 * titles, header paths, 类/款/项 codes split over cells or not, 元 or 万元. Each figure points to its text line and
 * column ({@code 公开05表 line 212, column 5}), so a PDF's figures get their page. The unit and year come from the
 * disclosure itself, not from the tables (which seldom repeat them). Pure Java: runs inside Spark executors.
 */
public final class DisclosureTables {

  /**
   * One line of a disclosure: its 1-based number in the text, its text, and — when it is a table row — its cells
   * column by column ("" for an empty cell, a merged cell's text in every column it covers), else null.
   */
  public record Line(int number, String text, List<String> cells) {}

  /**
   * What the tables state: a document holding only their figures (amounts in 万元, lines down to 项, 三公), its
   * findings (the tables' own arithmetic, two tables disagreeing) and provenance, without unit or year; null when the
   * disclosure holds no standard table. {@code tables} lists the tables found, as 公开NN表 labels in table order.
   */
  public record Read(FinalAccount document, List<String> tables) {}

  private DisclosureTables() {}

  /** The standard tables among the lines of one disclosure. */
  public static Read read(String fileName, List<Line> lines) {
    if (lines.stream().noneMatch(l -> l.cells() != null)) {
      return new Read(null, List.of());
    }
    Grid grid = grid(fileName == null ? "disclosure" : fileName, lines);
    List<TableBlock> blocks = TableBlock.locate(grid);
    if (blocks.isEmpty()) {
      return new Read(null, List.of());
    }
    List<String> labels = blocks.stream().map(b -> b.kind()).distinct().sorted()
        .map(TableKind::label).toList();
    AmountCells.Scale stated = null;
    for (TableBlock b : blocks) {
      stated = stated == null ? b.scale() : stated;
    }
    if (stated == null) {
      return new Read(null, labels);
    }
    List<TableBlock> scaled = new ArrayList<>();
    for (TableBlock b : blocks) {
      scaled.add(b.scale() == null ? b.withScale(stated) : b);
    }
    return new Read(StandardTablesReader.assemble(scaled, null, null, null), labels);
  }

  /**
   * The disclosure as a grid: a table row's cells in columns, a line of text in the first cell. A run of table rows
   * whose rows hold at most one cell each (a table flattened one cell per line) is text, not a grid. Within a run, a
   * row with fewer cells than the widest has lost empty label cells (a text layer that merged the 类/款/项 cells of
   * some rows): its trailing figures are put under the last columns and its name just before them.
   */
  static Grid grid(String name, List<Line> lines) {
    int n = lines.size();
    boolean[] table = new boolean[n];
    List<String[]> rows = new ArrayList<>(n);
    for (Line l : lines) {
      rows.add(l.cells() == null ? new String[] {l.text() == null ? "" : l.text().strip()} : cells(l.cells()));
    }
    int width = 1;
    int i = 0;
    while (i < n) {
      if (lines.get(i).cells() == null) {
        i++;
        continue;
      }
      int j = i;
      int w = 0;
      boolean grid = false;
      while (j < n && lines.get(j).cells() != null) {
        w = Math.max(w, rows.get(j).length);
        grid |= filled(rows.get(j)) > 1;
        j++;
      }
      for (int k = i; k < j; k++) {
        if (grid) {
          table[k] = true;
          rows.set(k, realigned(rows.get(k), w));
        } else {
          rows.set(k, new String[] {String.join(" ", rows.get(k)).strip()});
        }
      }
      width = Math.max(width, grid ? w : 1);
      i = j;
    }
    List<String[]> padded = new ArrayList<>(n);
    int[] numbers = new int[n];
    for (int r = 0; r < n; r++) {
      String[] row = java.util.Arrays.copyOf(rows.get(r), width);
      for (int c = rows.get(r).length; c < width; c++) {
        row[c] = "";
      }
      padded.add(row);
      numbers[r] = lines.get(r).number();
    }
    return Grid.ofDisclosure(name, padded, numbers, table);
  }

  private static String[] cells(List<String> cells) {
    String[] out = new String[cells.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = cells.get(c) == null ? "" : cells.get(c).strip();
    }
    return out;
  }

  private static int filled(String[] row) {
    int k = 0;
    for (String c : row) {
      k += c.isEmpty() ? 0 : 1;
    }
    return k;
  }

  /**
   * A short row's trailing figures under the last columns, its name just before them — when a figure follows its
   * name directly (a row whose empty label cells are there, but not its empty last cells, is left as it is).
   */
  private static String[] realigned(String[] row, int width) {
    int n = row.length;
    if (n >= width) {
      return row;
    }
    int s = n;
    boolean figure = false;
    while (s > 0 && (row[s - 1].isEmpty() || AmountCells.parse(row[s - 1]) != null)) {
      figure |= !row[s - 1].isEmpty();
      s--;
    }
    if (!figure || s < 1 || s == n || row[s].isEmpty()) {
      return row;
    }
    int nameAt = width - (n - s) - 1;
    if (nameAt < s - 1) {
      return row;
    }
    String[] out = new String[width];
    java.util.Arrays.fill(out, "");
    System.arraycopy(row, 0, out, 0, s - 1);
    out[nameAt] = row[s - 1];
    System.arraycopy(row, s, out, width - (n - s), n - s);
    return out;
  }
}
