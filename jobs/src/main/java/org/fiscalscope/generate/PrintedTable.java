package org.fiscalscope.generate;

import java.util.List;

/**
 * One standard table as a disclosure prints it: title, amount unit, the header and body cells as printed text (a
 * merged area's text in its top-left cell, "" in the others) with the merged areas, and the note under the table.
 */
record PrintedTable(String title, String amountUnit, String[][] cells, List<Span> spans, String note) {

  /** A merged area: its top-left cell and how many rows and columns it covers. */
  record Span(int row, int col, int rows, int cols) {}

  /** The merged area whose top-left cell this is, or null. */
  Span spanAt(int row, int col) {
    for (Span s : spans) {
      if (s.row() == row && s.col() == col) {
        return s;
      }
    }
    return null;
  }

  /** Whether a cell lies inside a merged area without being its top-left cell. */
  boolean covered(int row, int col) {
    for (Span s : spans) {
      if (row >= s.row() && row < s.row() + s.rows() && col >= s.col() && col < s.col() + s.cols()
          && !(row == s.row() && col == s.col())) {
        return true;
      }
    }
    return false;
  }
}
