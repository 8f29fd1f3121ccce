package org.fiscalscope.tables;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet of a workbook, one CSV file, or the lines of a published disclosure, as rows of cells: the text a person
 * sees (a merged cell's text in every cell it covers), the exact number behind a numeric cell, and a reference to
 * each cell that a clerk can find ({@code 公开04表!E12}, {@code 03.csv row 12, column 5}, or {@code line 212, column 4}
 * of the disclosure's text). In a disclosure only the table rows have cells; its running text is one cell per line.
 */
final class Grid {

  private final String name;
  private final boolean isSheet;
  private final String[][] text;
  private final BigDecimal[][] numbers;
  /** For a disclosure: the 1-based text line of each row, and whether the row is a table row; null otherwise. */
  private final int[] lines;
  private final boolean[] tableRows;

  /** {@code text} and {@code numbers} are rows of equal length; a merged cell's text is already copied into its area. */
  Grid(String name, boolean isSheet, List<String[]> text, List<BigDecimal[]> numbers) {
    this(name, isSheet, text, numbers, null, null);
  }

  private Grid(String name, boolean isSheet, List<String[]> text, List<BigDecimal[]> numbers, int[] lines,
      boolean[] tableRows) {
    this.name = name;
    this.isSheet = isSheet;
    this.text = text.toArray(String[][]::new);
    this.numbers = numbers.toArray(BigDecimal[][]::new);
    this.lines = lines;
    this.tableRows = tableRows;
  }

  /**
   * The lines of a disclosure: {@code text} rows of equal length (a line of running text in its first cell), the
   * text line each row was read from, and which rows are table rows.
   */
  static Grid ofDisclosure(String name, List<String[]> text, int[] lines, boolean[] tableRows) {
    List<BigDecimal[]> numbers = new java.util.ArrayList<>(text.size());
    for (String[] row : text) {
      numbers.add(new BigDecimal[row.length]);
    }
    return new Grid(name, false, text, numbers, lines, tableRows);
  }

  String name() {
    return name;
  }

  int rows() {
    return text.length;
  }

  int columns() {
    return text.length == 0 ? 0 : text[0].length;
  }

  /** The cell's text, trimmed; "" for an empty cell or one outside the grid. */
  String text(int row, int col) {
    return row < 0 || row >= text.length || col < 0 || col >= text[row].length ? "" : text[row][col];
  }

  /** The exact value of a numeric cell, or null for a text or empty cell. */
  BigDecimal number(int row, int col) {
    return row < 0 || row >= numbers.length || col < 0 || col >= numbers[row].length ? null : numbers[row][col];
  }

  boolean isEmptyRow(int row) {
    for (int c = 0; c < columns(); c++) {
      if (!text(row, c).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The row's distinct texts in column order, separated by a space (a merged title counts once). */
  String rowText(int row) {
    Set<String> parts = new LinkedHashSet<>();
    for (int c = 0; c < columns(); c++) {
      if (!text(row, c).isEmpty()) {
        parts.add(text(row, c));
      }
    }
    return String.join(" ", parts);
  }

  /** Where a cell is: {@code sheet!A1} in a workbook, {@code file row R, column C} in a CSV file. */
  String ref(int row, int col) {
    if (isDisclosure()) {
      return "line " + line(row) + ", column " + (col + 1);
    }
    return isSheet
        ? name + "!" + CellReference.convertNumToColString(col) + (row + 1)
        : name + " row " + (row + 1) + ", column " + (col + 1);
  }

  /** The 1-based line a row stands on: its text line in a disclosure, its row number in a sheet or CSV file. */
  int line(int row) {
    return lines == null ? row + 1 : lines[row];
  }

  /** Whether the grid holds the lines of a published disclosure (tables among running text). */
  boolean isDisclosure() {
    return tableRows != null;
  }

  /** Whether a row holds table cells (every row of a sheet or CSV file does; a disclosure's running text does not). */
  boolean isTableRow(int row) {
    return tableRows == null || row >= 0 && row < tableRows.length && tableRows[row];
  }
}
