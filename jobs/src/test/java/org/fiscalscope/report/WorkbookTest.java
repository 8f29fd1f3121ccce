package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.report.FieldCatalogue.Field;
import org.fiscalscope.report.FieldCatalogue.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The report's workbook opened with POI (and with LibreOffice where it is installed): a sheet per gold table with the
 * catalogue's Chinese and English headers, frozen, filtered and formatted by kind, holding exactly the lake's rows or
 * saying what it cut; a sheet per flagged unit; formula-like names as text, no formula anywhere.
 */
class WorkbookTest extends SparkTest {

  static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/\",\"打开\")";
  private static Path shared;

  /** One report over the fixture lake and a hostile project name, shared by the tests of this class. */
  private synchronized Path report() throws IOException {
    if (shared == null) {
      shared = Files.createTempDirectory("fiscalscope-workbook");
      Lake lake = lake(shared.resolve("lake"));
      ReportJob.run(lake, shared.resolve("reports").toString(), ReportJobTest.DAY);
    }
    return shared;
  }

  private Lake lake(Path root) {
    Lake lake = ReportFixtures.fullLake(spark, root, this::rows);
    ReportFixtures.write(lake, "gold.execution", rows("unit_id STRING, fiscal_year INT, level STRING, subject STRING, "
            + "subject_name STRING, budget DECIMAL(18,4), actual DECIMAL(18,4), rate_recomputed_pct DECIMAL(18,2)",
        "{\"unit_id\":\"BJ0002\",\"fiscal_year\":2023,\"level\":\"project\",\"subject\":" + json(HYPERLINK)
            + ",\"subject_name\":\"-2+3 项目\",\"budget\":-5.5,\"actual\":1,\"rate_recomputed_pct\":-18.18}"));
    return lake;
  }

  @AfterAll
  static void removeShared() {
    deleteRecursively(shared);
  }

  @Test
  void everyGoldTableIsASheetWithTheCataloguesHeadersAndTheLakesRows() throws Exception {
    Path dir = report();
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    Path file = dir.resolve("reports/2026-11-29/fiscalscope-2026-11-29.xlsx");
    assertTrue(Files.isRegularFile(file), "the workbook is written beside index.html");
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of(WorkbookExport.ABOUT_SHEET, "gold.execution", "gold.three_public_trend",
          "gold.score_distribution", "gold.credibility", "gold.disclosure_quality", "gold.per_capita", "gold.flags",
          "滨江区文化馆",
          org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName("<script>alert(1)</script>局", '_')), names,
          "the about sheet, the seven gold tables, then the flagged units, most severe first");
      for (LakeTable t : ReportJob.GOLD) {
        XSSFSheet sheet = wb.getSheet(t.toString());
        List<Field> fields = FieldCatalogue.of(t);
        for (int i = 0; i < fields.size(); i++) {
          assertEquals(fields.get(i).zh(), sheet.getRow(0).getCell(i).getStringCellValue(), t + " Chinese header " + i);
          assertEquals(fields.get(i).en(), sheet.getRow(1).getCell(i).getStringCellValue(), t + " English header " + i);
        }
        assertEquals(2, sheet.getPaneInformation().getHorizontalSplitPosition(), t + ": both header rows are frozen");
        assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), t + " has an autofilter");
        assertEquals("A2:" + org.apache.poi.ss.util.CellReference.convertNumToColString(fields.size() - 1)
            + (sheet.getLastRowNum() + 1), sheet.getCTWorksheet().getAutoFilter().getRef(), t + ": filter over header and data");
        long lakeRows = lake.read(t).count();
        assertEquals(lakeRows, sheet.getLastRowNum() + 1 - WorkbookExport.HEADER_ROWS, t + ": the sheet holds every row of the lake");
        for (int r = WorkbookExport.HEADER_ROWS; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          for (int c = 0; c < fields.size(); c++) {
            assertCellOfKind(t + " row " + r + " " + fields.get(c).name(), fields.get(c).kind(), row.getCell(c));
          }
        }
      }
      XSSFSheet execution = wb.getSheet("gold.execution");
      assertEquals("#,##0.00", formatOf(execution, "budget"), "万元 with two decimals");
      assertEquals("0.0\"%\"", formatOf(execution, "rate_recomputed_pct"), "percent with one decimal");
      Cell hostile = find(execution, HYPERLINK);
      assertNotNull(hostile, "the formula-like project name is in the sheet, as written");
      assertEquals(CellType.STRING, hostile.getCellType());
      assertTrue(hostile.getCellStyle().getQuotePrefixed(), "marked as text, so editing it does not make it a formula");
      assertTrue(find(execution, "-2+3 项目").getCellStyle().getQuotePrefixed());
      Cell plainText = execution.getRow(WorkbookExport.HEADER_ROWS).getCell(0);
      assertEquals(CellType.STRING, plainText.getCellType());
      assertFalse(plainText.getCellStyle().getQuotePrefixed(), "other text is not marked");
      assertEquals(0, plainText.getCellStyle().getIndex(), "and has the workbook's default style");
      assertEquals(-5.5, find(execution, -5.5).getNumericCellValue(), "a negative amount stays a number");
      wb.forEach(s -> s.forEach(row -> row.forEach(c -> assertFalse(c.getCellType() == CellType.FORMULA,
          s.getSheetName() + "!" + c.getAddress() + " is a formula"))));

      Sheet unit = wb.getSheet("滨江区文化馆");
      assertEquals("滨江区文化馆", unit.getRow(0).getCell(0).getStringCellValue());
      assertTrue(unit.getRow(1).getCell(0).getStringCellValue().contains("units/" + Html.unitFile("BJ0002")),
          "the unit sheet names the unit's page");
      assertEquals(2, count(unit, "low_execution") + count(unit, "three_public_increase"), "both flags of the unit");
      Sheet about = wb.getSheet(WorkbookExport.ABOUT_SHEET);
      assertTrue(text(about).contains("2 flagged units; each has a sheet"), text(about));
    }
  }

  @Test
  void aSheetOverItsBoundSaysWhatIsCutAndWhereTheRestIs() throws Exception {
    Lake lake = lake(tmp.resolve("lake"));
    ReportJob.Limits limits = ReportJob.Limits.defaults().withWorkbook(2, 1);
    ReportJob.Result result = ReportJob.run(lake, tmp.resolve("reports").toString(), ReportJobTest.DAY, limits);
    long executionRows = lake.read(LakeTable.GOLD_EXECUTION).count();
    try (InputStream in = Files.newInputStream(Path.of(result.workbookPath())); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet execution = wb.getSheet("gold.execution");
      assertEquals(WorkbookExport.HEADER_ROWS + 2 + 1, execution.getLastRowNum() + 1, "two rows and the note");
      String note = execution.getRow(execution.getLastRowNum()).getCell(0).getStringCellValue();
      assertTrue(note.contains((executionRows - 2) + " more rows") && note.contains("all " + executionRows + " rows are in csv/gold.execution.csv"),
          note);
      assertTrue(text(wb.getSheet(WorkbookExport.ABOUT_SHEET)).contains("2 flagged units; the 1 most severely flagged have a sheet"));
      assertEquals(1 + 7 + 1, wb.getNumberOfSheets(), "about, seven gold tables, one unit");
      assertEquals(result.sheets(), wb.getNumberOfSheets());
    }
  }

  /**
   * LibreOffice reads the same workbook: converted headless to CSV, sheet by sheet, every gold sheet has its two
   * header rows and the lake's rows. Skipped (and said so) where soffice is not installed.
   */
  @Test
  void libreOfficeReadsEverySheetWithTheLakesRowCounts() throws Exception {
    Path soffice = onPath("soffice");
    Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: the LibreOffice check is skipped; "
        + "apt-get install libreoffice-calc-nogui runs it");
    Path dir = report();
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    Path out = Files.createDirectories(tmp.resolve("converted"));
    Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + tmp.resolve("lo-profile").toUri(),
        "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir", out.toString(), dir.resolve("reports/2026-11-29/fiscalscope-2026-11-29.xlsx").toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("soffice.log").toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice finished");
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("soffice.log")));
    for (LakeTable t : ReportJob.GOLD) {
      Path csv = out.resolve("fiscalscope-2026-11-29-" + t + ".csv");
      assertTrue(Files.exists(csv), "LibreOffice wrote " + csv.getFileName() + ": " + Files.readString(tmp.resolve("soffice.log")));
      try (CSVParser parser = CSVParser.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)), CSVFormat.RFC4180)) {
        var records = parser.getRecords();
        assertEquals(FieldCatalogue.of(t).get(0).zh(), records.get(0).get(0).replace("\uFEFF", ""));
        assertEquals(lake.read(t).count(), records.size() - WorkbookExport.HEADER_ROWS, t + " rows as LibreOffice reads them");
        if (t.toString().equals("gold.execution")) {
          assertTrue(records.stream().anyMatch(r -> r.toList().contains(HYPERLINK)), "the formula-like name is text to LibreOffice");
        }
      }
    }
  }

  private static void assertCellOfKind(String where, Kind kind, Cell c) {
    if (c == null || c.getCellType() == CellType.BLANK) {
      return;
    }
    CellType expected = kind == Kind.FLAG ? CellType.BOOLEAN : kind.isNumeric() ? CellType.NUMERIC : CellType.STRING;
    assertEquals(expected, c.getCellType(), where);
    if (kind.isNumeric()) {
      assertEquals(kind.excelFormat(), c.getCellStyle().getDataFormatString(), where + " number format");
    }
  }

  private static String formatOf(XSSFSheet sheet, String column) {
    int i = FieldCatalogue.of(LakeTable.of(sheet.getSheetName())).stream().map(Field::name).toList().indexOf(column);
    for (int r = WorkbookExport.HEADER_ROWS; r <= sheet.getLastRowNum(); r++) {
      Cell c = sheet.getRow(r).getCell(i);
      if (c != null && c.getCellType() == CellType.NUMERIC) {
        return c.getCellStyle().getDataFormatString();
      }
    }
    return null;
  }

  private static Cell find(Sheet sheet, Object value) {
    for (Row row : sheet) {
      for (Cell c : row) {
        if (value instanceof String s && c.getCellType() == CellType.STRING && s.equals(c.getStringCellValue())
            || value instanceof Double d && c.getCellType() == CellType.NUMERIC && d == c.getNumericCellValue()) {
          return c;
        }
      }
    }
    return null;
  }

  private static long count(Sheet sheet, String text) {
    long n = 0;
    for (Row row : sheet) {
      for (Cell c : row) {
        if (c.getCellType() == CellType.STRING && text.equals(c.getStringCellValue())) {
          n++;
        }
      }
    }
    return n;
  }

  private static String text(Sheet sheet) {
    StringBuilder b = new StringBuilder();
    sheet.forEach(row -> row.forEach(c -> b.append(c.toString()).append('\n')));
    return b.toString();
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Path onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
