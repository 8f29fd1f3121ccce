package org.fiscalscope.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.FunctionLine;
import org.junit.jupiter.api.Test;

/** Hand-made tables with the shapes units send: merged headers, split codes, numbers as text, several tables a sheet. */
class StandardTablesReaderTest {

  /** 03 支出决算表 in 元: merged headers, 栏次, code in 类/款/项 (款 stored as the number 5), amounts as text and numbers. */
  static final Object[][] EXPENDITURE = {
      {"2023年度部门支出决算表", null, null, null, null, null, "公开03表"},
      {"编制单位：", "滨江区测试中心", null, null, null, null, "单位：元"},
      {"项目", null, null, null, "本年支出合计", "基本支出", "项目支出"},
      {"科目编码", null, null, "科目名称", null, null, null},
      {"类", "款", "项", null, null, null, null},
      {"栏次", null, null, null, 1, 2, 3},
      {"合  计", null, null, null, "1,234,567.80", 1000000, 234567.8},
      {208, null, null, "社会保障和就业支出", "1,234,567.80", 1000000, "234,567.80"},
      {null, 5, null, "行政事业单位养老支出", 1234567.8, "1,000,000", 234567.8},
      {null, null, "01", "行政单位离退休", "１,０００,０００", "1,000,000", "0"},
      {null, null, "02", "事业单位离退休", 234567.8, null, "234567.80"},
      {"注：本表反映部门本年度各项支出情况。", null, null, null, null, null, null}};
  static final String[] EXPENDITURE_MERGED = {"A1:F1", "A3:D3", "E3:E5", "F3:F5", "G3:G5", "A4:C4", "D4:D5", "A6:D6",
      "A7:D7"};

  private static FinalAccount read(String name, byte[] bytes) {
    StandardTablesReader.Result r = StandardTablesReader.read(List.of(new StandardTablesReader.TableFile(name, bytes)));
    if (r instanceof StandardTablesReader.Result.Refused refused) {
      throw new AssertionError(refused.reason());
    }
    return ((StandardTablesReader.Result.Read) r).document();
  }

  private static String refusal(String name, byte[] bytes) {
    return assertInstanceOf(StandardTablesReader.Result.Refused.class,
        StandardTablesReader.read(List.of(new StandardTablesReader.TableFile(name, bytes)))).reason();
  }

  private static void same(String expected, BigDecimal actual, String what) {
    assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0, what + ": " + actual);
  }

  @Test
  void mergedHeadersSplitCodesAndNumbersStoredAsText() {
    for (byte[] workbook : List.of(Workbooks.xlsx(Workbooks.sheet("支出表", EXPENDITURE, EXPENDITURE_MERGED)),
        Workbooks.xls(Workbooks.sheet("支出表", EXPENDITURE, EXPENDITURE_MERGED)))) {
      FinalAccount doc = read("t.xlsx", workbook);
      assertEquals("滨江区测试中心", doc.unit().name(), "unit name from the cell beside 编制单位");
      assertEquals(2023, doc.fiscalYear(), "year from the title");
      same("123.45678", doc.totals().expenditureThisYear(), "元 ÷ 10,000 exactly");
      same("100", doc.totals().basicExpenditure(), "a numeric cell");
      same("23.45678", doc.totals().projectExpenditure(), "a numeric cell with decimals");
      assertEquals(List.of("208", "20805", "2080501", "2080502"),
          doc.functions().stream().map(FunctionLine::code).toList(), "codes rebuilt from 类, 款 (5 → 05) and 项");
      assertEquals("行政单位离退休", doc.functions().get(2).name());
      same("100", doc.functions().get(2).actual(), "full-width digits with separators");
      assertNull(doc.functions().get(0).budgetInitial(), "no 年初预算 column: no budget");
      assertTrue(doc.provenance().get("/totals/expenditure_this_year").text().startsWith("支出表!E7 合计"),
          doc.provenance().get("/totals/expenditure_this_year").text());
      assertEquals(7, doc.provenance().get("/totals/expenditure_this_year").line());
      assertEquals(List.of(), doc.findings(), "the table adds up");
    }
  }

  @Test
  void contradictionsInTheTablesBecomeFindingsAndConflictingFiguresAreLeftOut() {
    Object[][] rows = Arrays.stream(EXPENDITURE).map(Object[]::clone).toArray(Object[][]::new);
    rows[7][4] = "1,244,567.80";
    Object[][] summary = {
        {"滨江区测试中心2023年度收入支出决算总表", null, null, null, null, null},
        {"公开01表", null, null, null, null, null},
        {"部门：滨江区测试中心", null, null, null, null, "金额单位：元"},
        {"收入", null, null, "支出", null, null},
        {"项目", "行次", "金额", "项目", "行次", "金额"},
        {"一、一般公共预算财政拨款收入", 1, 1300000, "一、社会保障和就业支出", 5, 1200000},
        {"本年收入合计", 2, 1300000, "本年支出合计", 6, 1200000},
        {"年初结转和结余", 3, 0, "年末结转和结余", 7, 100000},
        {"总计", 4, 1300000, "总计", 8, 1300000}};
    FinalAccount doc = read("c.xlsx", Workbooks.xlsx(Workbooks.sheet("公开01表", summary, "A1:F1", "A4:C4", "D4:F4"),
        Workbooks.sheet("公开03表", rows, EXPENDITURE_MERGED)));
    Map<String, List<Finding>> byRule = doc.findings().stream().collect(Collectors.groupingBy(Finding::rule));
    assertTrue(byRule.containsKey("sum.table_total"), "合计 ≠ its 类: " + doc.findings());
    assertTrue(byRule.containsKey("sum.class_lines"), "类 ≠ its 款: " + doc.findings());
    assertTrue(byRule.containsKey("sum.row_split"), "208 ≠ 基本 + 项目: " + doc.findings());
    assertTrue(byRule.get("sum.class_lines").get(0).evidence().contains("公开03表!E8=124.45678"),
        byRule.get("sum.class_lines").get(0).evidence());
    assertEquals(Finding.WARNING, byRule.get("sum.class_lines").get(0).severity(), "a gap of 1 万元 on 124 is < 1%");
    assertTrue(byRule.containsKey("tables.conflict"), "01 says 120, 03 says 123.45678: " + doc.findings());
    assertNull(doc.totals().expenditureThisYear(), "two tables disagree: the figure is left out");
    same("130", doc.totals().incomeTotal(), "the summary's 总计");
    same("10", doc.totals().carryoverEnd(), "年末结转和结余");
    same("0", doc.totals().carryoverBegin(), "a printed 0 is 0, not absent");
    assertEquals(1, byRule.get("tables.conflict").size(), doc.findings().toString());
  }

  @Test
  void severalTablesInOneSheetWithTitleVariantsAndTheirFigures() {
    Object[][] rows = {
        {"滨江区测试中心2023年度财政拨款“三公”经费支出决算表", null, null, null, null, null, null, null, null, null,
            null, "公开09表"},
        {"单位名称：BJ0042-滨江区测试中心　　金额单位：万元"},
        {"预算数", null, null, null, null, null, "决算数"},
        {"合计", "因公出国（境）费", "公务用车购置及运行维护费", null, null, "公务接待费", "合计", "因公出国（境）费",
            "公务用车购置及运行维护费", null, null, "公务接待费"},
        {null, null, "小计", "公务用车购置费", "公务用车运行维护费", null, null, null, "小计", "公务用车购置费",
            "公务用车运行维护费", null},
        {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
        {"10.50", 0, 8.5, 0, 8.5, 2, 9.9, null, 8.3, 0, 8.3, 1.5},
        {},
        {"2023年部门一般公共预算财政拨款基本支出决算表"},
        {"编制单位：BJ0042-滨江区测试中心", null, null, null, null, "金额单位：万元"},
        {"人员经费", null, null, "公用经费"},
        {"科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"},
        {301, "工资福利支出", 80, 302, "商品和服务支出", 15},
        {30101, "基本工资", 50, 30201, "办公费", 15},
        {30102, "津贴补贴", 30},
        {"人员经费合计", null, 80, "公用经费合计", null, 15}};
    FinalAccount doc = read("one-sheet.xls", Workbooks.xls(Workbooks.sheet("决算表", rows, "A3:F3", "G3:L3", "C4:E4",
        "I4:K4", "A4:A5", "B4:B5", "F4:F5", "A11:C11", "D11:F11")));
    assertEquals("BJ0042", doc.unit().code(), "a code before the name is the unit's code");
    assertEquals("滨江区测试中心", doc.unit().name());
    same("10.5", doc.threePublic().budget().total(), "budget total");
    same("8.5", doc.threePublic().budget().vehicleOperation(), "budget vehicle operation");
    same("1.5", doc.threePublic().actual().reception(), "actual reception");
    assertNull(doc.threePublic().actual().outboundTravel(), "an empty cell is absent, not 0");
    same("80", doc.totals().personnelExpense(), "人员经费合计");
    same("15", doc.totals().publicExpense(), "公用经费合计");
    assertTrue(doc.findings().stream().anyMatch(f -> f.rule().equals("sum.three_public_actual")),
        "决算 9.9 ≠ 8.3 + 1.5 + empty: " + doc.findings());
    assertTrue(doc.provenance().get("/three_public/budget/total").text().startsWith("决算表!A7"),
        doc.provenance().get("/three_public/budget/total").text());
  }

  @Test
  void oneTablePerCsvFileInGbkWithTheUnitInItsOwnCell() {
    String csv = String.join("\r\n",
        "2023年度一般公共预算财政拨款支出决算表,,,,,,",
        "编制单位：,滨江区测试中心,,,,,金额单位：元",
        "项目,,年初预算数,本年支出,,,",
        "科目编码,科目名称,,小计,基本支出,项目支出,",
        "栏次,,1,2,3,4,",
        "合计,,\"600,000.00\",\"500,000.00\",\"300,000.00\",\"200,000.00\",",
        "2010301,行政运行,\"600,000.00\",\"500,000.00\",\"300,000.00\",\"200,000.00\",");
    FinalAccount doc = read("公开05表.csv", csv.getBytes(Charset.forName("GBK")));
    assertEquals(List.of("2010301"), doc.functions().stream().map(FunctionLine::code).toList());
    same("60", doc.functions().get(0).budgetInitial(), "年初预算数");
    same("50", doc.functions().get(0).actual(), "本年支出 小计");
    same("60", doc.totals().budgetInitial(), "合计 年初预算数");
    same("50", doc.totals().actualFinal(), "合计 小计");
    assertEquals("公开05表.csv row 7, column 4 2010301 行政运行 / 本年支出/小计 = 50",
        doc.provenance().get("/functions/0/actual").text());
  }

  @Test
  void aFullYearBudgetColumnIsTheFullYearBudgetNotASecondInitialOne() {
    String csv = String.join("\r\n",
        "2023年度一般公共预算财政拨款支出决算表,,,,,,",
        "编制单位：,滨江区测试中心,,,,,金额单位：万元",
        "项目,,年初预算数,全年预算数,本年支出,,",
        "科目编码,科目名称,,,小计,基本支出,项目支出",
        "合计,,60,66,64,30,34",
        "2010301,行政运行,60,66,64,30,34");
    FinalAccount doc = read("公开05表.csv", csv.getBytes(StandardCharsets.UTF_8));
    same("60", doc.functions().get(0).budgetInitial(), "年初预算数");
    same("66", doc.functions().get(0).budgetAdjusted(), "全年预算数");
    same("60", doc.totals().budgetInitial(), "合计 年初预算数");
    same("66", doc.totals().budgetAdjusted(), "合计 全年预算数");
    same("64", doc.totals().actualFinal(), "合计 小计");
  }

  @Test
  void refusesWhatIsNotAWorkbookOfStandardTables() throws IOException {
    byte[] good = Workbooks.xlsx(Workbooks.sheet("支出表", EXPENDITURE, EXPENDITURE_MERGED));
    assertTrue(refusal("a.xlsx", "单位,收入\n甲,1\n".getBytes(StandardCharsets.UTF_8))
        .startsWith("a.xlsx: is not a readable Excel workbook"), "text named .xlsx");
    assertTrue(refusal("b.xlsx", Arrays.copyOf(good, good.length / 2)).startsWith("b.xlsx: is not a readable Excel workbook"),
        "a truncated workbook");
    assertEquals("c.xlsx: is password-protected; save the workbook without a password and send it again.",
        refusal("c.xlsx", encrypted(good)));
    Object[][] other = {{"人员名单"}, {"姓名", "工资"}, {"张三", 1000}};
    assertEquals("d.xls: holds no standard final-account table: no row of 'Sheet1' is a title such as"
        + " 2023年度收入支出决算总表 or 财政拨款“三公”经费支出决算表; send the unit's standard tables (公开01–09表) with"
        + " their titles.", refusal("d.xls", Workbooks.xls(Workbooks.sheet("Sheet1", other))));
    Object[][] noUnit = Arrays.stream(EXPENDITURE).map(Object[]::clone).toArray(Object[][]::new);
    noUnit[1] = new Object[] {null, null, null, null, null, null, "单位：元"};
    assertEquals("e.xlsx: 支出表 (公开03表 支出决算表, row 1) names no unit; add the line 编制单位：<unit name> under"
        + " the title of each table.", refusal("e.xlsx", Workbooks.xlsx(Workbooks.sheet("支出表", noUnit))));
    Object[][] noYear = Arrays.stream(EXPENDITURE).map(Object[]::clone).toArray(Object[][]::new);
    noYear[0][0] = "部门支出决算表";
    assertTrue(refusal("f.xlsx", Workbooks.xlsx(Workbooks.sheet("支出表", noYear)))
        .contains("has no fiscal year in its title; put the year in the title, e.g. 2023年度支出决算表"));
    Object[][] noScale = Arrays.stream(EXPENDITURE).map(Object[]::clone).toArray(Object[][]::new);
    noScale[1][6] = null;
    assertTrue(refusal("g.xlsx", Workbooks.xlsx(Workbooks.sheet("支出表", noScale))).contains("states no amount unit"));
    Object[][] huge = new Object[WorkbookGrids.MAX_ROWS + 10][];
    Arrays.fill(huge, new Object[] {"x", 1});
    assertTrue(refusal("h.xlsx", Workbooks.xlsx(Workbooks.sheet("数据", huge))).contains("more than the 5000 the"
        + " standard tables can have"));
    assertTrue(refusal("i.csv", new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0x10}).contains("is neither UTF-8 nor GBK"));
  }

  /** The workbook saved with a password, as Excel's 'Encrypt with password' does. */
  private static byte[] encrypted(byte[] xlsx) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secret");
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx)); OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      } catch (java.security.GeneralSecurityException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new IOException(e);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }
}
