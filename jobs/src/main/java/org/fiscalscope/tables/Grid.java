package org.fiscalscope.tables;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet of a workbook, or one CSV file, as rows of cells: the text a person sees (a merged cell's text in every
 * cell it covers), the exact number behind a numeric cell, and a reference to each cell that a clerk can find
 * ({@code 公开04表!E12}, or {@code 03.csv row 12, column 5}).
 */
final class Grid {

  private final String name;
  private final boolean isSheet;
  private final String[][] text;
  private final BigDecimal[][] numbers;

  /** {@code text} and {@code numbers} are rows of equal length; a merged cell's text is already copied into its area. */
  Grid(String name, boolean isSheet, List<String[]> text, List<BigDecimal[]> numbers) {
    this.name = name;
    this.isSheet = isSheet;
    this.text = text.toArray(String[][]::new);
    this.numbers = numbers.toArray(BigDecimal[][]::new);
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
    return isSheet
        ? name + "!" + CellReference.convertNumToColString(col) + (row + 1)
        : name + " row " + (row + 1) + ", column " + (col + 1);
  }
}
