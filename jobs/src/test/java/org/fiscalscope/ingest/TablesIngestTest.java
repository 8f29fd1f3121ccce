package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/** Standard tables in the landing folder (XLSX, XLS, a CSV export) reach silver with their 项 lines and cell sources. */
class TablesIngestTest extends SparkTest {

  @Test
  void workbooksAndCsvExportsReachSilverDownToTheItemLines() throws IOException {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Iterator<FinalAccount> docs = new DistrictGenerator(new GeneratorSpec(3, 1, 2024, 5L)).documents();
    FinalAccount a = docs.next();
    FinalAccount b = docs.next();
    FinalAccount c = docs.next();
    Files.write(landing.resolve("a.xlsx"), StandardTablesRenderer.workbook(a, StandardTablesRenderer.WorkbookFormat.XLSX,
        TablesStyle.of(a.unit().code())));
    Files.write(landing.resolve("b.xls"), StandardTablesRenderer.workbook(b, StandardTablesRenderer.WorkbookFormat.XLS,
        TablesStyle.of(b.unit().code())));
    Map<String, byte[]> csv = StandardTablesRenderer.csv(c, TablesStyle.of(c.unit().code()));
    String threePublic = c.unit().code() + "-2024-公开09表.csv";
    Files.write(landing.resolve(threePublic), csv.get(threePublic));
    Files.write(landing.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0});
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());

    IngestJob.Result result = IngestJob.run(lake, landing.toString(), "run-1", 1 << 24);

    assertEquals(3, result.newDocuments(), "the XLSX, the XLS and the CSV export");
    assertEquals(1, result.rejected(), "the broken workbook");
    Row reject = lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason").head();
    assertTrue(reject.getString(1).startsWith("broken.xlsx: is not a readable Excel workbook"), reject.getString(1));
    assertEquals(List.of("[" + threePublic + ",csv-tables]", "[a.xlsx,xlsx]", "[b.xls,xls]"),
        sorted(lake.read(LakeTable.BRONZE_DOCUMENTS).select("path", "kind")));

    List<FunctionLine> expected = StandardTablesRenderer.functionLines(a);
    List<Row> lines = lake.read(LakeTable.SILVER_FUNCTION_LINE)
        .where("unit_id = '" + a.unit().code() + "'").select("code", "level", "class_code", "actual")
        .orderBy("line_seq").collectAsList();
    assertEquals(expected.size(), lines.size(), "every 类, 款 and 项 line");
    long items = lines.stream().filter(r -> r.getString(0).length() == 7).count();
    assertTrue(items > 0 && lines.stream().filter(r -> r.getString(0).length() == 7).allMatch(r -> r.getInt(1) == 3),
        "项 lines at level 3: " + lines);
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(expected.get(i).code(), lines.get(i).getString(0));
      assertEquals(expected.get(i).code().substring(0, 3), lines.get(i).getString(2), "class code");
      assertEquals(0, expected.get(i).actual().compareTo(lines.get(i).getDecimal(3)), expected.get(i).code());
    }
    assertEquals(0, a.totals().expenditureTotal().compareTo(lake.read(LakeTable.SILVER_UNIT_YEAR)
        .where("unit_id = '" + a.unit().code() + "'").select("expenditure_total").head().getDecimal(0)));
    assertEquals(0, c.threePublic().actual().total().compareTo(lake.read(LakeTable.SILVER_UNIT_YEAR)
        .where("unit_id = '" + c.unit().code() + "'").select("three_public_actual_total").head().getDecimal(0)),
        "a single CSV export gives its table's figures");
    Row source = lake.read(LakeTable.SILVER_PROVENANCE)
        .where("unit_id = '" + a.unit().code() + "' AND field = '/totals/expenditure_total'").select("text").head();
    assertTrue(source.getString(0).matches("公开01表!F\\d+ 总计 / 支出/金额 = [0-9.]+|部门决算公开表!F\\d+ .*"),
        source.getString(0));
  }

  @Test
  void theNineCsvExportsOfAUnitYearAddUpToOneDocument() throws IOException {
    Path landing = Files.createDirectories(tmp.resolve("csv-set"));
    FinalAccount d = new DistrictGenerator(new GeneratorSpec(1, 1, 2024, 11L)).documents().next();
    Map<String, byte[]> csv = StandardTablesRenderer.csv(d, TablesStyle.of(d.unit().code()));
    for (Map.Entry<String, byte[]> e : csv.entrySet()) {
      Files.write(landing.resolve(e.getKey()), e.getValue());
    }
    Lake lake = new Lake(spark, tmp.resolve("csv-lake").toString());

    IngestJob.Result result = IngestJob.run(lake, landing.toString(), "run-1", 1 << 24);

    assertEquals(csv.size(), result.newDocuments(), "every export is kept in bronze: " + csv.keySet());
    assertEquals(0, result.rejected());
    Row unitYear = lake.read(LakeTable.SILVER_UNIT_YEAR)
        .select("expenditure_total", "three_public_actual_total", "budget_initial").head();
    assertEquals(0, d.totals().expenditureTotal().compareTo(unitYear.getDecimal(0)), "from 公开01表");
    assertEquals(0, d.threePublic().actual().total().compareTo(unitYear.getDecimal(1)), "from 公开09表");
    assertEquals(StandardTablesRenderer.functionLines(d).size(), lake.read(LakeTable.SILVER_FUNCTION_LINE).count(),
        "the functional lines down to 项, from 公开05表");
    assertEquals(1, lake.read(LakeTable.SILVER_UNIT_YEAR).count(), "one unit-year");
    assertEquals(0, lake.read(LakeTable.SILVER_FINDING).where("rule = 'merge.disagree'").count(),
        "the exports agree with each other");

    assertEquals(0, IngestJob.run(lake, landing.toString(), "run-2", 1 << 24).newDocuments(), "a re-run reads nothing");
  }
}
