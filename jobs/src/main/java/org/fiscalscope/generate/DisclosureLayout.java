package org.fiscalscope.generate;

import java.util.List;

/**
 * Where {@link DisclosureTextRenderer} puts the disclosure it phrases: text the way PDF text extraction delivers it
 * ({@link TextLayout}), or laid-out PDF pages ({@link DisclosurePdfRenderer}). The renderer decides what is printed;
 * a layout decides how lines wrap, where pages break and how tables are drawn.
 */
interface DisclosureLayout {

  /** A line printed as it is (a title, a label, a note); an empty one is a blank line. */
  void line(String text);

  /** Running text, wrapped as the layout wraps it. */
  void paragraph(String text);

  /** The end of a page. */
  void pageBreak();

  /** A table, one list of cells per row; a row with fewer cells than the widest spans the columns between them. */
  void table(List<List<String>> rows);

  /**
   * The budget-execution part of a self-evaluation table: the 预算执行情况（万元）（N分） label, the column headers, the
   * row's label (e.g. 年度财政 / 资金总额) and its values.
   */
  void budgetExecution(int weight, List<String> header, List<String> rowLabel, List<String> values);

  /**
   * One of the standard tables (公开01–09表) as the national template prints it: title, amount unit, the ruled cells
   * with their merged areas, the note.
   */
  void standardTable(PrintedTable table);

  /** The header row of an indicator table (一级指标 … 得分). */
  void indicatorHeader(List<String> header);

  /**
   * One indicator row under the last header; {@code level1} and {@code level2} are null where the cell is merged
   * with the row above.
   */
  void indicator(String level1, String level2, String name, List<String> values);
}
