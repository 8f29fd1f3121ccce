package org.fiscalscope.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;

/**
 * An Excel workbook (XLSX or XLS, told apart by content, not by name) as one {@link Grid} per sheet. Reading is
 * bounded so a hostile or huge workbook cannot exhaust an executor: no part of an XLSX may inflate beyond
 * {@link #MAX_PART_BYTES} or more than 100 times its compressed size, and a sheet may hold at most {@link #MAX_ROWS}
 * rows and {@link #MAX_COLUMNS} columns — the standard tables are far smaller. Formulas are not evaluated: the value
 * Excel stored with them is read.
 */
final class WorkbookGrids {

  static final int MAX_SHEETS = 64;
  static final int MAX_ROWS = 5_000;
  static final int MAX_COLUMNS = 64;
  static final long MAX_PART_BYTES = 64L * 1024 * 1024;

  static {
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    ZipSecureFile.setMinInflateRatio(0.01);
  }

  private WorkbookGrids() {}

  static List<Grid> read(byte[] content) {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      if (workbook.getNumberOfSheets() > MAX_SHEETS) {
        throw Problem.TABLES_TOO_MANY_SHEETS.failure(workbook.getNumberOfSheets(), MAX_SHEETS);
      }
      List<Grid> grids = new ArrayList<>();
      DataFormatter formatter = new DataFormatter();
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        grids.add(grid(workbook.getSheetAt(s), formatter));
      }
      return grids;
    } catch (EncryptedDocumentException e) {
      throw Problem.TABLES_PASSWORD.failure();
    } catch (FiscalScopeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw Problem.TABLES_NOT_A_WORKBOOK.failure(reason(e));
    }
  }

  private static Grid grid(Sheet sheet, DataFormatter formatter) {
    int lastRow = sheet.getLastRowNum();
    if (lastRow >= MAX_ROWS) {
      throw Problem.TABLES_SHEET_TOO_LONG.failure(sheet.getSheetName(), lastRow + 1, MAX_ROWS);
    }
    int width = 0;
    for (int r = 0; r <= lastRow; r++) {
      Row row = sheet.getRow(r);
      if (row != null && row.getLastCellNum() > width) {
        width = Math.min(row.getLastCellNum(), MAX_COLUMNS);
      }
    }
    List<String[]> text = new ArrayList<>();
    List<BigDecimal[]> numbers = new ArrayList<>();
    for (int r = 0; r <= lastRow; r++) {
      String[] t = new String[width];
      BigDecimal[] n = new BigDecimal[width];
      Arrays.fill(t, "");
      Row row = sheet.getRow(r);
      for (int c = 0; row != null && c < width; c++) {
        Cell cell = row.getCell(c);
        if (cell != null) {
          read(cell, formatter, t, n, c);
        }
      }
      text.add(t);
      numbers.add(n);
    }
    for (CellRangeAddress merged : sheet.getMergedRegions()) {
      spread(merged, text);
    }
    return new Grid(sheet.getSheetName(), true, text, numbers);
  }

  private static void read(Cell cell, DataFormatter formatter, String[] text, BigDecimal[] numbers, int c) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    switch (type) {
      case STRING -> text[c] = cell.getStringCellValue().strip();
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          text[c] = formatter.formatCellValue(cell).strip();
        } else {
          numbers[c] = AmountCells.ofDouble(cell.getNumericCellValue());
          text[c] = numbers[c].toPlainString();
        }
      }
      case BOOLEAN -> text[c] = Boolean.toString(cell.getBooleanCellValue());
      default -> text[c] = "";
    }
  }

  /** A merged cell's text in every cell it covers, so each column sees the header above it. */
  private static void spread(CellRangeAddress merged, List<String[]> text) {
    int top = merged.getFirstRow();
    int left = merged.getFirstColumn();
    if (top >= text.size() || left >= MAX_COLUMNS || text.get(top).length <= left) {
      return;
    }
    String value = text.get(top)[left];
    for (int r = top; r <= merged.getLastRow() && r < text.size(); r++) {
      String[] row = text.get(r);
      for (int c = left; c <= merged.getLastColumn() && c < row.length; c++) {
        if (row[c].isEmpty()) {
          row[c] = value;
        }
      }
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    String first = m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("").strip();
    if (first.length() > 120) {
      first = first.substring(0, 117) + "...";
    }
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }
}
