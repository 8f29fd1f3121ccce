package org.fiscalscope.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.report.FieldCatalogue.Field;
import org.fiscalscope.report.FieldCatalogue.Kind;

/**
 * The report's workbook ({@code fiscalscope-<date>.xlsx}), written with POI's streaming SXSSF so only a window of rows
 * is ever in memory: a first sheet saying what each sheet holds and what was cut, one sheet per gold table (Chinese
 * and English headers from the {@link FieldCatalogue}, header rows frozen, an autofilter, number formats per kind:
 * 万元 with two decimals, percent with one) and one sheet per flagged unit. Every sheet is bounded; a cut sheet says on
 * its last row how many rows are left out and which CSV export holds them all. Text cells that a spreadsheet would
 * take for a formula ({@link CsvExport#startsLikeFormula}) carry the spreadsheet's own text mark (quote prefix), so
 * they show as written and stay text when edited; no cell is ever a formula.
 */
final class WorkbookExport implements AutoCloseable {

  /** Rows of a sheet kept in memory before they are flushed to the temporary file. */
  static final int WINDOW = 200;
  /** Header rows of a gold sheet: Chinese labels, then English labels (the autofilter row). */
  static final int HEADER_ROWS = 2;
  /** The most characters a spreadsheet cell holds. */
  static final int CELL_TEXT_LIMIT = 32_767;
  static final String ABOUT_SHEET = "说明 About";

  /** What one sheet holds: the rows of its source and how many of them it shows. */
  record SheetSummary(String sheet, String source, long rows, long shown, String rest) {
    boolean isCut() {
      return shown < rows;
    }
  }

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final Map<Kind, CellStyle> styles = new EnumMap<>(Kind.class);
  private final CellStyle quoted;
  /**
   * The workbook's default style, set on text cells that have no other: a cell without a style of its own has POI look
   * for its column's style in the sheet's XML when it is written, for every cell.
   */
  private final CellStyle plain;
  private final CellStyle header;
  private final CellStyle note;
  private final CellStyle title;
  private final Set<String> sheetNames = new HashSet<>();
  private final List<SheetSummary> summaries = new ArrayList<>();

  WorkbookExport() {
    workbook.setCompressTempFiles(true);
    sheetNames.add(ABOUT_SHEET.toLowerCase(Locale.ROOT));
    var formats = workbook.createDataFormat();
    for (Kind k : Kind.values()) {
      CellStyle s = workbook.createCellStyle();
      if (k.isNumeric()) {
        s.setDataFormat(formats.getFormat(k.excelFormat()));
      }
      if (k == Kind.FLAG) {
        s.setAlignment(HorizontalAlignment.CENTER);
      }
      styles.put(k, s);
    }
    plain = workbook.getCellStyleAt(0);
    quoted = workbook.createCellStyle();
    quoted.setQuotePrefixed(true);
    Font bold = workbook.createFont();
    bold.setBold(true);
    header = workbook.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setWrapText(true);
    Font italic = workbook.createFont();
    italic.setItalic(true);
    note = workbook.createCellStyle();
    note.setFont(italic);
    Font big = workbook.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    title = workbook.createCellStyle();
    title.setFont(big);
  }

  /**
   * A sheet of a gold table, its rows given one at a time ({@link GoldSheet#add}, in the table's key order): its
   * columns as the catalogue declares them (a column the lake's table lacks stays empty), the first {@code maxRows}
   * rows, and, when the table has more, a last row saying how many are left out and which CSV export holds them all
   * ({@link GoldSheet#finish}). {@code schema} is that of the rows given.
   */
  GoldSheet goldSheet(String table, List<Field> fields, StructType schema, long maxRows) {
    return new GoldSheet(table, fields, schema, maxRows);
  }

  /** A gold table's sheet being written. */
  final class GoldSheet {
    private final String table;
    private final List<Field> fields;
    private final int[] index;
    private final long maxRows;
    private final SXSSFSheet sheet;
    private int r = HEADER_ROWS;
    private long shown;

    private GoldSheet(String table, List<Field> fields, StructType schema, long maxRows) {
      this.table = table;
      this.fields = fields;
      this.maxRows = maxRows;
      this.sheet = workbook.createSheet(sheetName(table));
      List<String> names = java.util.Arrays.asList(schema.fieldNames());
      index = fields.stream().mapToInt(f -> names.indexOf(f.name())).toArray();
      headers(sheet, 0, fields);
    }

    /** The next row of the table; beyond {@code maxRows} it is left to the CSV export. */
    void add(Row row) {
      if (shown >= maxRows) {
        return;
      }
      SXSSFRow out = sheet.createRow(r++);
      for (int i = 0; i < fields.size(); i++) {
        cell(out, i, fields.get(i).kind(), index[i] < 0 || row.isNullAt(index[i]) ? null : row.get(index[i]));
      }
      shown++;
    }

    /** Ends the sheet of a table of {@code total} rows, all of which {@code csvFile} holds. */
    SheetSummary finish(long total, String csvFile) {
      sheet.createFreezePane(0, HEADER_ROWS);
      sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS - 1, Math.max(HEADER_ROWS - 1, r - 1), 0, fields.size() - 1));
      String rest = null;
      if (shown < total) {
        rest = String.format(Locale.ROOT, "以下省略 %,d 行；全部 %,d 行见 %s — %,d more rows are not in this workbook; all %,d rows are in %s",
            total - shown, total, csvFile, total - shown, total, csvFile);
        noteRow(sheet, r, rest);
      }
      SheetSummary s = new SheetSummary(sheet.getSheetName(), table, total, shown, rest);
      summaries.add(s);
      return s;
    }
  }

  /** One block of a unit sheet: a caption, the headers and rows of the given columns, and a note when cut. */
  record Block(String caption, List<Field> fields, List<List<Object>> rows, long total, String rest) {}

  /** A sheet of one flagged unit: its name and id on top, then each block (its flags, its execution rates). */
  SheetSummary unitSheet(String unitId, String unitName, String subtitle, List<Block> blocks) {
    SXSSFSheet sheet = workbook.createSheet(sheetName(unitName == null || unitName.isBlank() ? unitId : unitName));
    int r = 0;
    SXSSFRow top = sheet.createRow(r++);
    text(top, 0, unitName == null ? unitId : unitName).setCellStyle(title);
    text(sheet.createRow(r++), 0, subtitle).setCellStyle(note);
    int width = 1;
    long rows = 0;
    long shown = 0;
    for (Block b : blocks) {
      r++;
      text(sheet.createRow(r++), 0, b.caption()).setCellStyle(header);
      headers(sheet, r, b.fields());
      r += HEADER_ROWS;
      for (List<Object> values : b.rows()) {
        SXSSFRow out = sheet.createRow(r++);
        for (int i = 0; i < b.fields().size(); i++) {
          cell(out, i, b.fields().get(i).kind(), values.get(i));
        }
      }
      if (b.rows().isEmpty()) {
        text(sheet.createRow(r++), 0, "无 none").setCellStyle(note);
      }
      if (b.rest() != null) {
        noteRow(sheet, r++, b.rest());
      }
      width = Math.max(width, b.fields().size());
      rows += b.total();
      shown += b.rows().size();
    }
    sheet.createFreezePane(0, 1);
    SheetSummary s = new SheetSummary(sheet.getSheetName(), "unit " + unitId, rows, shown,
        shown < rows ? "units/ page and csv/gold.flags.csv, csv/gold.execution.csv" : null);
    summaries.add(s);
    return s;
  }

  /**
   * The first sheet: what the workbook is, one row per sheet with the rows of its source and how many it shows, and
   * {@code notes} (e.g. how many flagged units have no sheet).
   */
  void aboutSheet(String heading, List<String> notes) {
    SXSSFSheet sheet = workbook.createSheet(ABOUT_SHEET);
    int r = 0;
    text(sheet.createRow(r++), 0, heading).setCellStyle(title);
    for (String n : notes) {
      text(sheet.createRow(r++), 0, n).setCellStyle(note);
    }
    r++;
    List<Field> columns = List.of(
        new Field("sheet", "工作表", "Sheet", Kind.TEXT), new Field("source", "来源", "Source", Kind.TEXT),
        new Field("rows", "来源行数", "Rows in the source", Kind.COUNT),
        new Field("shown", "本表行数", "Rows in this sheet", Kind.COUNT),
        new Field("rest", "省略部分", "What is cut and where it is", Kind.TEXT));
    headers(sheet, r, columns);
    r += HEADER_ROWS;
    for (SheetSummary s : summaries) {
      SXSSFRow row = sheet.createRow(r++);
      text(row, 0, s.sheet());
      text(row, 1, s.source());
      cell(row, 2, Kind.COUNT, s.rows());
      cell(row, 3, Kind.COUNT, s.shown());
      text(row, 4, s.rest() == null ? "完整 complete" : s.rest());
    }
    sheet.setColumnWidth(0, 28 * 256);
    sheet.setColumnWidth(1, 28 * 256);
    sheet.setColumnWidth(4, 90 * 256);
    workbook.setSheetOrder(ABOUT_SHEET, 0);
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      workbook.getSheetAt(i).setSelected(i == 0);
    }
    workbook.setActiveSheet(0);
  }

  List<SheetSummary> summaries() {
    return List.copyOf(summaries);
  }

  /** Writes the workbook to {@code out} (left open). */
  void write(OutputStream out) throws IOException {
    workbook.write(out);
  }

  /** Releases the temporary files of the streamed sheets. */
  @Override
  public void close() throws IOException {
    try {
      workbook.close();
    } finally {
      workbook.dispose();
    }
  }

  private void headers(SXSSFSheet sheet, int at, List<Field> fields) {
    SXSSFRow zh = sheet.createRow(at);
    SXSSFRow en = sheet.createRow(at + 1);
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      text(zh, i, f.zh()).setCellStyle(header);
      text(en, i, f.en()).setCellStyle(header);
      int chars = switch (f.kind()) {
        case TEXT -> f.name().startsWith("explanation") || f.name().equals("source_text") ? 60 : 22;
        case FLAG, YEAR, COUNT -> 10;
        case DATE -> 12;
        default -> 14;
      };
      if (sheet.getColumnWidth(i) < chars * 256) {
        sheet.setColumnWidth(i, chars * 256);
      }
    }
  }

  private void noteRow(SXSSFSheet sheet, int at, String text) {
    text(sheet.createRow(at), 0, text).setCellStyle(note);
  }

  /** A cell of the given kind: a number for numeric kinds, a yes/no for flags, text otherwise; empty for null. */
  private void cell(SXSSFRow row, int column, Kind kind, Object value) {
    if (value == null) {
      return;
    }
    if (kind.isNumeric() && value instanceof Number n) {
      Cell c = row.createCell(column);
      c.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
      c.setCellStyle(styles.get(kind));
    } else if (kind == Kind.DATE && value instanceof java.sql.Date d) {
      Cell c = row.createCell(column);
      c.setCellValue(d.toLocalDate());
      c.setCellStyle(styles.get(kind));
    } else if (kind == Kind.FLAG && value instanceof Boolean b) {
      Cell c = row.createCell(column);
      c.setCellValue(b);
      c.setCellStyle(styles.get(kind));
    } else {
      text(row, column, value.toString());
    }
  }

  /**
   * A text cell, cut to what a cell holds, marked as text (quote prefix) when it would otherwise read as a formula.
   */
  private Cell text(SXSSFRow row, int column, String value) {
    Cell c = row.createCell(column);
    String v = value.length() <= CELL_TEXT_LIMIT ? value
        : value.substring(0, CELL_TEXT_LIMIT - 40) + " …（截断 cut; full text in the CSV export)";
    c.setCellValue(v);
    c.setCellStyle(CsvExport.startsLikeFormula(v) ? quoted : plain);
    return c;
  }

  /** A sheet name a spreadsheet accepts (at most 31 characters, none of : \ / ? * [ ]), unique in the workbook. */
  private String sheetName(String wanted) {
    String base = WorkbookUtil.createSafeSheetName(wanted.strip().isEmpty() ? "sheet" : wanted.strip(), '_');
    String name = base;
    for (int i = 2; !sheetNames.add(name.toLowerCase(Locale.ROOT)); i++) {
      String suffix = " (" + i + ")";
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    return name;
  }
}
