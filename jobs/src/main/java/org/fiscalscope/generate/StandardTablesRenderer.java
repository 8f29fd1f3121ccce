package org.fiscalscope.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;

/**
 * Renders a generated unit-year's nine standard tables as an Excel workbook (XLSX or XLS: merged header cells, the
 * 栏次 row, 类/款/项 code columns, one sheet per table or all in one sheet) or as CSV exports, one file per table, in
 * 元 or 万元 as the unit's {@link TablesStyle} says. Each table starts with its title, the 公开NN表 label and the line
 * 编制单位：code-name … 金额单位：万元, as the national template prints them.
 */
public final class StandardTablesRenderer {

  /** The two Excel formats. */
  public enum WorkbookFormat { XLSX, XLS }

  private static final String ONE_SHEET = "部门决算公开表";
  private static final Charset GB18030 = Charset.forName("GB18030");

  private StandardTablesRenderer() {}

  /** The functional lines (类, 款 and 项) the tables of a generated document print. */
  public static List<FunctionLine> functionLines(FinalAccount doc) {
    return StandardTables.functionLines(doc);
  }

  /** The workbook's bytes. */
  public static byte[] workbook(FinalAccount doc, WorkbookFormat format, TablesStyle style) {
    try (Workbook wb = format == WorkbookFormat.XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
         ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle amount = wb.createCellStyle();
      amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      Sheet shared = style.oneSheet() ? wb.createSheet(ONE_SHEET) : null;
      int offset = 0;
      for (TableLayout table : StandardTables.of(doc, style)) {
        Placed placed = place(doc, table, style);
        Sheet sheet = shared != null ? shared : wb.createSheet(table.label());
        write(sheet, placed, shared != null ? offset : 0, amount, style);
        offset += placed.rows().size() + 2;
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One CSV file per table, keyed by file name ({@code BJ0001-2023-公开01表.csv}), in table order. */
  public static Map<String, byte[]> csv(FinalAccount doc, TablesStyle style) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (TableLayout table : StandardTables.of(doc, style)) {
      Placed placed = place(doc, table, style);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        if (!style.csvGbk()) {
          bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes,
            style.csvGbk() ? GB18030 : StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
          for (Object[] row : placed.rows()) {
            List<String> cells = new ArrayList<>(row.length);
            for (Object cell : row) {
              cells.add(text(cell, style));
            }
            printer.printRecord(cells);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.put(doc.unit().code() + "-" + doc.fiscalYear() + "-" + table.label() + ".csv", bytes.toByteArray());
    }
    return files;
  }

  /**
   * The nine tables as a disclosure prints them (in a PDF, or as rows of {@code |}-separated cells in its text): each
   * table's title, amount unit, header and body cells as printed text (amounts with thousands separators, in 元 or
   * 万元 as the style says) with their merged areas, and the note under it.
   */
  static List<PrintedTable> printed(FinalAccount doc, TablesStyle style) {
    List<PrintedTable> out = new ArrayList<>();
    for (TableLayout table : StandardTables.of(doc, style)) {
      Placed placed = place(doc, table, style);
      int first = 3;
      int last = placed.rows().size() - 1;
      String[][] cells = new String[last - first][];
      for (int r = first; r < last; r++) {
        Object[] row = placed.rows().get(r);
        cells[r - first] = new String[row.length];
        for (int c = 0; c < row.length; c++) {
          cells[r - first][c] = printed(row[c], style);
        }
      }
      List<PrintedTable.Span> spans = new ArrayList<>();
      for (CellRangeAddress m : placed.merged()) {
        if (m.getFirstRow() >= first && m.getLastRow() < last) {
          spans.add(new PrintedTable.Span(m.getFirstRow() - first, m.getFirstColumn(),
              m.getLastRow() - m.getFirstRow() + 1, m.getLastColumn() - m.getFirstColumn() + 1));
        }
      }
      out.add(new PrintedTable(table.title(), style.inYuan() ? "元" : "万元", cells, spans, table.note()));
    }
    return out;
  }

  /** A cell as a disclosure prints it: amounts with two decimals and thousands separators. */
  private static String printed(Object v, TablesStyle style) {
    if (v instanceof BigDecimal amount) {
      return new DecimalFormat("#,##0.00").format(displayed(amount, style));
    }
    return v == null ? "" : v.toString();
  }

  /** A table placed on a grid of cells (String, BigDecimal amount in 万元, Integer, or null) with merged areas. */
  private record Placed(List<Object[]> rows, List<CellRangeAddress> merged) {}

  private static Placed place(FinalAccount doc, TableLayout table, TablesStyle style) {
    int w = table.width();
    List<Object[]> rows = new ArrayList<>();
    List<CellRangeAddress> merged = new ArrayList<>();
    rows.add(row(w, 0, table.title()));
    merged.add(new CellRangeAddress(0, 0, 0, w - 1));
    rows.add(row(w, w - 1, table.label()));
    Object[] unitLine = row(w, 0, "编制单位：" + doc.unit().code() + "-" + doc.unit().name());
    unitLine[w - 1] = "金额单位：" + (style.inYuan() ? "元" : "万元");
    rows.add(unitLine);
    if (w > 3) {
      merged.add(new CellRangeAddress(2, 2, 0, w / 2 - 1));
    }
    int top = rows.size();
    for (int r = 0; r < table.headerRows(); r++) {
      rows.add(new Object[w]);
    }
    for (TableLayout.Header h : table.header()) {
      rows.get(top + h.row())[h.col()] = h.text();
      if (h.rows() > 1 || h.cols() > 1) {
        merged.add(new CellRangeAddress(top + h.row(), top + h.row() + h.rows() - 1, h.col(), h.col() + h.cols() - 1));
      }
    }
    if (!table.numberedColumns().isEmpty()) {
      Object[] numbers = new Object[w];
      int first = table.numberedColumns().get(0);
      if (first > 0) {
        numbers[0] = "栏次";
        if (first > 1) {
          merged.add(new CellRangeAddress(rows.size(), rows.size(), 0, first - 1));
        }
      }
      for (int k = 0; k < table.numberedColumns().size(); k++) {
        numbers[table.numberedColumns().get(k)] = k + 1;
      }
      rows.add(numbers);
    }
    for (TableLayout.Row body : table.body()) {
      Object[] cells = new Object[w];
      for (int c = 0; c < body.cells().size() && c < w; c++) {
        cells[c] = body.cells().get(c);
      }
      if (body.labelSpan() > 1) {
        merged.add(new CellRangeAddress(rows.size(), rows.size(), 0, body.labelSpan() - 1));
      }
      rows.add(cells);
    }
    rows.add(row(w, 0, table.note()));
    merged.add(new CellRangeAddress(rows.size() - 1, rows.size() - 1, 0, w - 1));
    return new Placed(rows, merged);
  }

  private static Object[] row(int width, int col, String text) {
    Object[] row = new Object[width];
    row[col] = text;
    return row;
  }

  private static void write(Sheet sheet, Placed placed, int offset, CellStyle amountStyle, TablesStyle style) {
    for (int r = 0; r < placed.rows().size(); r++) {
      Row row = sheet.createRow(offset + r);
      Object[] cells = placed.rows().get(r);
      for (int c = 0; c < cells.length; c++) {
        Object v = cells[c];
        if (v == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        if (v instanceof BigDecimal amount && !style.numbersAsText()) {
          cell.setCellValue(displayed(amount, style).doubleValue());
          cell.setCellStyle(amountStyle);
        } else if (v instanceof Integer n) {
          cell.setCellValue(n);
        } else {
          cell.setCellValue(text(v, style));
        }
      }
    }
    for (CellRangeAddress m : placed.merged()) {
      sheet.addMergedRegion(new CellRangeAddress(m.getFirstRow() + offset, m.getLastRow() + offset,
          m.getFirstColumn(), m.getLastColumn()));
    }
  }

  /** A cell as text: amounts with two decimals (thousands separators when the style stores numbers as text). */
  private static String text(Object v, TablesStyle style) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal amount) {
      BigDecimal d = displayed(amount, style);
      return style.numbersAsText() ? new DecimalFormat("#,##0.00").format(d) : d.toPlainString();
    }
    return v.toString();
  }

  private static BigDecimal displayed(BigDecimal tenThousandYuan, TablesStyle style) {
    return (style.inYuan() ? tenThousandYuan.movePointRight(4) : tenThousandYuan).setScale(2, RoundingMode.HALF_UP);
  }
}
