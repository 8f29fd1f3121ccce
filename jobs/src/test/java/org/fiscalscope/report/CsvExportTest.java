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

    // The same file when each row also goes to a consumer, which gets the values at the columns' positions.
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    List<org.apache.spark.sql.Row> handed = new java.util.ArrayList<>();
    CsvExport.write(rows, again, handed::add);
    assertEquals(text, again.toString(StandardCharsets.UTF_8));
    List<org.apache.spark.sql.Row> expected = rows.collectAsList();
    assertEquals(expected.size(), handed.size());
    for (int r = 0; r < expected.size(); r++) {
      for (int i = 0; i < expected.get(r).size(); i++) {
        Object want = expected.get(r).get(i);
        Object got = handed.get(r).get(i);
        if (want instanceof byte[] bytes) {
          assertTrue(java.util.Arrays.equals(bytes, (byte[]) got), "row " + r + " column " + i);
        } else {
          assertEquals(want, got, "row " + r + " column " + i);
        }
      }
    }
  }
}
