package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dataset files without Spark: the schemas, CSV rows and their numbers, and each row's checks. */
class DatasetRowTest {

  private static final DatasetTable UNIT_YEAR = DatasetTable.of("unit_year");
  private static final DatasetTable FUNCTION_LINE = DatasetTable.of("function_line");
  private static final DatasetTable INDICATOR = DatasetTable.of("indicator");

  @Test
  void everySchemaColumnFillsAFieldOfTheCanonicalDocumentWithItsType() {
    for (String name : InputKind.DATASET_TABLES) {
      DatasetTable table = DatasetTable.of(name);
      assertTrue(table.column("unit_name").isRequired() && table.column("fiscal_year").isRequired(), name);
      for (DatasetTable.Column c : table.columns()) {
        if (c.field() == null) {
          assertEquals("seq", c.name(), "only the indicator's seq fills no field");
          continue;
        }
        org.apache.spark.sql.types.DataType t = typeAt(DatasetDocument.pointer(c.field(), false));
        org.apache.spark.sql.types.DataType expected = switch (c.type()) {
          case TEXT -> org.apache.spark.sql.types.DataTypes.StringType;
          case WHOLE_NUMBER -> org.apache.spark.sql.types.DataTypes.IntegerType;
          case AMOUNT -> DocumentStruct.AMOUNT;
        };
        assertEquals(expected, t, name + "." + c.name() + " → " + c.field());
      }
    }
    assertEquals(64, UNIT_YEAR.columns().size(), "unit_year holds silver.unit_year's figures");
  }

  /** The Spark type of the canonical document at a pointer (list indexes step into the element). */
  private static org.apache.spark.sql.types.DataType typeAt(String pointer) {
    org.apache.spark.sql.types.DataType t = DocumentStruct.schema();
    for (String step : pointer.substring(1).split("/")) {
      if (t instanceof org.apache.spark.sql.types.ArrayType a) {
        t = a.elementType();
        continue;
      }
      t = ((org.apache.spark.sql.types.StructType) t).apply(step).dataType();
    }
    return t;
  }

  @Test
  void headerProblemsNameTheColumns() {
    assertNull(FUNCTION_LINE.headerProblem(List.of("unit_name", "fiscal_year", "code")));
    org.fiscalscope.problem.Text p = FUNCTION_LINE.headerProblem(List.of("unit_name", "code", "budget", "remarks", "code"));
    assertEquals("has a header row that lacks the required column fiscal_year and has the columns budget, remarks,"
        + " which are not columns of the function_line table and names the column code more than once; use the column"
        + " names of schemas/datasets/function_line.ddl (a header row is required; columns not marked NOT NULL may be"
        + " left out)", org.fiscalscope.problem.Problem.DATASET_BAD_HEADER.with(p, FUNCTION_LINE.schemaFile()).en());
    assertEquals("缺少必填列 fiscal_year，含有 function_line 表没有的列 budget、remarks，重复列出了列 code", p.zh());
  }

  @Test
  void csvRowsAreNumberedAsASpreadsheetShowsThemEvenWithLineBreaksInCells() {
    String csv = "\uFEFFUnit_Name , fiscal_year,code,name,actual\r\n"
        + "甲局,2023,201,\"一般公共\n服务支出\",1\r\n"
        + "\r\n"
        + "甲局,2023,208,\"社会保障, 就业\",2\r\n"
        + "甲局,2023,205,教育,3,surplus\r\n";
    CsvDataset.Parsed parsed = CsvDataset.parse(csv.getBytes(StandardCharsets.UTF_8), FUNCTION_LINE);
    assertNull(parsed.problem());
    assertEquals(List.of(2L, 4L, 5L), parsed.rows().stream().map(CsvDataset.DataRow::number).toList(),
        "header row 1, a blank row 3 counted but not returned");
    assertEquals("一般公共\n服务支出", parsed.rows().get(0).cells().get("name"));
    assertEquals("甲局", parsed.rows().get(0).cells().get("unit_name"), "header names trimmed, BOM dropped, lower case");
    assertEquals("surplus", parsed.rows().get(2).cells().get("#6"), "a value beyond the header is kept, to be refused");
    assertTrue(DatasetRow.check(FUNCTION_LINE, parsed.rows().get(2).cells()).problems().get(0)
        .startsWith("has the value 'surplus' in column 6, which has no name in the header"));
  }

  @Test
  void gbkExportsAreReadAndOtherEncodingsRefused() {
    byte[] gbk = "unit_name,fiscal_year,code\n滨江区测试局,2023,201\n".getBytes(Charset.forName("GBK"));
    assertEquals("滨江区测试局", CsvDataset.parse(gbk, FUNCTION_LINE).rows().get(0).cells().get("unit_name"));
    assertTrue(CsvDataset.parse(new byte[] {'a', 0, 'b'}, FUNCTION_LINE).problem().startsWith("is neither UTF-8 nor GBK"));
  }

  @Test
  void filesWithoutRowsOrWithWrongColumnsAreRefusedWhole() {
    assertTrue(CsvDataset.parse("unit_name,fiscal_year,code\n".getBytes(StandardCharsets.UTF_8), FUNCTION_LINE)
        .problem().startsWith("has a header row but no data rows"));
    assertTrue(CsvDataset.parse("unit_name,fiscal_year\n甲,2023\n".getBytes(StandardCharsets.UTF_8), FUNCTION_LINE)
        .problem().startsWith("has a header row that lacks the required column code"));
    assertTrue(CsvDataset.parse("unit_name,,fiscal_year,code\n甲,,2023,201\n".getBytes(StandardCharsets.UTF_8),
        FUNCTION_LINE).problem().startsWith("has no name for column 2"));
  }

  @Test
  void aRowIsRefusedForEachProblemAJsonDocumentWouldBeRefusedFor() {
    assertEquals(List.of("actual 'abc' is not a number; correct the figure"),
        check(FUNCTION_LINE, "unit_name", "甲局", "fiscal_year", "2023", "code", "201", "actual", "abc"));
    assertEquals(List.of("actual is -3 but must be at least 0; correct the figure"),
        check(FUNCTION_LINE, "unit_name", "甲局", "fiscal_year", "2023", "code", "201", "actual", "-3"));
    assertEquals(List.of("unit_name is empty; fill it in"),
        check(FUNCTION_LINE, "unit_name", " ", "fiscal_year", "2023", "code", "201"));
    assertEquals(List.of("fiscal_year is 1899 but must be at least 1990; correct the figure"),
        check(FUNCTION_LINE, "unit_name", "甲局", "fiscal_year", "1899", "code", "201"));
    assertTrue(check(FUNCTION_LINE, "unit_name", "甲局", "fiscal_year", "2099", "code", "201").get(0)
        .startsWith("fiscal_year is 2099, a year whose accounts cannot be closed yet"));
    assertEquals(List.of("code '2080x' is not a functional classification code (3, 5 or 7 digits); correct it"),
        check(FUNCTION_LINE, "unit_name", "甲局", "fiscal_year", "2023", "code", "2080x"));
    assertEquals(List.of("outbound_groups '1.5' is not a whole number; correct it"),
        check(UNIT_YEAR, "unit_name", "甲局", "fiscal_year", "2023", "outbound_groups", "1.5"));
    assertEquals(List.of("execution_rate_pct is 5000 but must be at most 1000; check the figure and its unit"),
        check(UNIT_YEAR, "unit_name", "甲局", "fiscal_year", "2023", "execution_rate_pct", "5000"));
    assertEquals(List.of("score is 120 but must be at most 100; check the figure and its unit"),
        check(INDICATOR, "unit_name", "甲局", "fiscal_year", "2023", "name", "满意度", "score", "120"));
    assertEquals(List.of(), check(UNIT_YEAR, "unit_name", "甲局", "fiscal_year", "2023.0", "yoy_change_amount", "-12.5"),
        "a fall over the prior year is negative");
  }

  @Test
  void numbersAreExactWhateverTheirSpelling() {
    assertEquals(new BigDecimal("1547.39"), DatasetRow.number("1,547.39", false));
    assertEquals(new BigDecimal("90.96"), DatasetRow.number("90.96%", true));
    assertNull(DatasetRow.number("90.96%", false), "only a rate may carry a percent sign");
    assertEquals(0, new BigDecimal("100000000").compareTo(DatasetRow.number("1.0E8", false)), "a float export");
    assertEquals(new BigDecimal("0.1"), DatasetRow.number("0.1", false), "never through a double");
    assertNull(DatasetRow.number("1,23.4", false));
    assertNull(DatasetRow.number("NaN", false));
    DatasetRow.Checked c = DatasetRow.check(UNIT_YEAR, cells("unit_code", " D001 ", "unit_name", "甲局", "fiscal_year",
        "2023", "income_total", "547.390"));
    assertEquals("D001", c.unitId());
    assertEquals(new BigDecimal("547.390"), c.values().get("income_total").decimalValue());
  }

  private static List<String> check(DatasetTable table, String... pairs) {
    return DatasetRow.check(table, cells(pairs)).problems();
  }

  private static Map<String, String> cells(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
