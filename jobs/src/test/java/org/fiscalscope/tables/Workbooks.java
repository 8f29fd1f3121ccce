package org.fiscalscope.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small hand-made workbooks for reader tests: rows of cells (String, Number or null) and merged areas (A1:F1). */
final class Workbooks {

  /** One sheet: its name, rows and merged areas. */
  record SheetSpec(String name, Object[][] rows, List<String> merged) {}

  private Workbooks() {}

  static SheetSpec sheet(String name, Object[][] rows, String... merged) {
    return new SheetSpec(name, rows, List.of(merged));
  }

  static byte[] xlsx(SheetSpec... sheets) {
    return write(new XSSFWorkbook(), sheets);
  }

  static byte[] xls(SheetSpec... sheets) {
    return write(new HSSFWorkbook(), sheets);
  }

  private static byte[] write(Workbook wb, SheetSpec... sheets) {
    try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (SheetSpec spec : sheets) {
        Sheet sheet = wb.createSheet(spec.name());
        for (int r = 0; r < spec.rows().length; r++) {
          Row row = sheet.createRow(r);
          Object[] cells = spec.rows()[r];
          for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (cells[c] != null) {
              row.createCell(c).setCellValue(cells[c].toString());
            }
          }
        }
        for (String area : spec.merged()) {
          sheet.addMergedRegion(CellRangeAddress.valueOf(area));
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
