package org.fiscalscope.generate;

import java.util.List;

/**
 * One standard table laid out for rendering, independent of the file format: title and 公开NN表 label, header cells
 * with their spans, the 栏次 numbers of the amount columns (or none), body rows and the note under the table. A body
 * cell is a String (text), a BigDecimal (an amount in 万元, converted by the renderer) or null (left empty); a body
 * row may start with a label spanning several columns ({@link Row#labelSpan}).
 */
record TableLayout(String title, String label, int width, int headerRows, List<Header> header,
    List<Integer> numberedColumns, List<Row> body, String note) {

  /** A header cell at (row, col) of the header block, spanning rows × cols. */
  record Header(int row, int col, int rows, int cols, String text) {}

  /** A body row; {@code labelSpan} > 1 merges its first cell over that many columns (a 合计 label over the codes). */
  record Row(List<Object> cells, int labelSpan) {

    static Row of(List<Object> cells) {
      return new Row(cells, 1);
    }
  }
}
