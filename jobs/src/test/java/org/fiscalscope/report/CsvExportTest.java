package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

class CsvExportTest extends SparkTest {

  @Test
  void textCellsThatWouldStartAFormulaGetAQuote() {
    for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "-", "=")) {
      assertEquals("'" + formula, CsvExport.cell(formula, false), formula);
    }
    for (String plain : List.of("滨江区教育局", "a=b", " =1", "'=1", "1-2", "")) {
      assertEquals(plain, CsvExport.cell(plain, false), plain);
    }
    assertNull(CsvExport.cell(null, false));
  }

  @Test
  void numbersOfNumericColumnsStayNumbersAndAnythingElseThereIsText() {
    for (String number : List.of("-5", "-591.1235", "12", "1.0E10", "-1.0E-5", "0.0")) {
      assertEquals(number, CsvExport.cell(number, true), number);
    }
    assertEquals("'-Infinity", CsvExport.cell("-Infinity", true));
    assertEquals("NaN", CsvExport.cell("NaN", true));
    assertEquals("'-5", CsvExport.cell("-5", false), "a text column's -5 is text");
  }

  @Test
  void writesEveryTypeWithABomAHeaderAndRfc4180Quoting() throws Exception {
    var rows = spark.sql("SELECT * FROM VALUES"
        + " ('=cmd', CAST(-1.5 AS DECIMAL(18,4)), -2, map('k', 'v'), array(1, 2), named_struct('a', '\"'), X'00FF', true, CAST(NULL AS STRING)),"
        + " ('a,b\n\"c\"', CAST(2 AS DECIMAL(18,4)), 3, map('=k', '-v'), array(), named_struct('a', 'b'), X'', false, '')"
        + " AS t(`=name`, amount, n, m, a, s, b, flag, empty)");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExport.write(rows, out);
    List<CSVRecord> records = CsvFiles.parse("values.csv", out.toByteArray());
    assertEquals(List.of("'=name", "amount", "n", "m", "a", "s", "b", "flag", "empty"), records.get(0).toList());
    assertEquals(List.of("'=cmd", "-1.5000", "-2", "{\"k\":\"v\"}", "[1,2]", "{\"a\":\"\\\"\"}", "AP8=", "true", ""),
        records.get(1).toList());
    assertEquals(List.of("a,b\n\"c\"", "2.0000", "3", "{\"=k\":\"-v\"}", "[]", "{\"a\":\"b\"}", "", "false", ""),
        records.get(2).toList());
    assertEquals(3, records.size());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFF'=name,amount,n,m,a,s,b,flag,empty\r\n'=cmd,-1.5000,-2,"), text);

  }

  /** Cells that Commons CSV's minimal quoting and the formula rule treat apart, to be put together at random. */
  private static final List<String> PIECES = List.of("", " ", "\t", "\r", "\n", "\u0001", "!", "\"", "#", "$", ",", "'",
      "=", "+", "-", "@", "a", "滨江区", "1", "1.5", "E3", "NaN", "Infinity", "😀");

  @Test
  void eachRowsRecordIsWhatCommonsCsvPrintsForItsCells() throws Exception {
    java.util.Random random = new java.util.Random(7);
    List<org.apache.spark.sql.Row> data = new java.util.ArrayList<>();
    for (int r = 0; r < 600; r++) {
      Object[] values = new Object[4];
      for (int c = 0; c < values.length; c++) {
        int n = random.nextInt(5);
        if (n == 4) {
          values[c] = null;
          continue;
        }
        StringBuilder v = new StringBuilder();
        for (int p = 0; p < n; p++) {
          v.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        values[c] = v.toString();
      }
      data.add(org.apache.spark.sql.RowFactory.create(values));
    }
    var schema = new org.apache.spark.sql.types.StructType().add("first", "string").add("second", "string")
        .add("number_text", "string").add("last", "string");
    var strings = spark.createDataFrame(data, schema).coalesce(1);
    // A numeric column whose text is a number, NaN, Infinity or null, beside the texts.
    var rows = strings.withColumn("amount", org.apache.spark.sql.functions.expr("try_cast(number_text AS DOUBLE)"));
    List<org.apache.spark.sql.Row> texts = rows.selectExpr("first", "second", "number_text", "last",
        "CAST(amount AS STRING)").collectAsList();
    List<String> lines = CsvExport.lines(rows).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(texts.size(), lines.size());
    for (int r = 0; r < texts.size(); r++) {
      StringBuilder expected = new StringBuilder();
      try (var printer = new org.apache.commons.csv.CSVPrinter(expected, CsvExport.FORMAT)) {
        List<String> cells = new java.util.ArrayList<>();
        for (int c = 0; c < 5; c++) {
          cells.add(CsvExport.cell(texts.get(r).isNullAt(c) ? null : texts.get(r).getString(c), c == 4));
        }
        printer.printRecord(cells);
      }
      assertEquals(expected.toString(), lines.get(r) + CsvExport.RECORD_END, "row " + texts.get(r));
    }
  }
}