package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.Materialized;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A unit-year whose disclosure document and standard tables arrive as separate files — in one batch, or one now and
 * the other in an earlier run — is one merged document in silver, whatever the order of arrival.
 */
class UnitYearMergeTest extends SparkTest {

  private static final String UNIT = "青山区人才服务中心";

  /** A document stamped as read from a file of that kind, as the reader of that kind would. */
  private static FinalAccount stamped(String json, InputKind kind, String path) {
    String sha = LandingFile.sha256(json.getBytes(StandardCharsets.UTF_8));
    return DocumentReader.stamp(DocumentMergeTest.doc(json), kind, path, sha);
  }

  private static final FinalAccount TEXT = stamped(DocumentMergeTest.DISCLOSURE, InputKind.TEXT, "2023/qingshan.txt");
  private static final FinalAccount TABLES = stamped(DocumentMergeTest.TABLES, InputKind.XLSX, "2023/qingshan.xlsx");

  /** Accepted rows of a batch ({@link ReadFiles#READ} with run_id), one per document. */
  private Dataset<Row> batch(FinalAccount... docs) {
    List<Row> rows = new ArrayList<>();
    for (FinalAccount d : docs) {
      rows.add(RowFactory.create(d.source().sha256(), d.source().file(), d.source().kind(), 10L,
          new Timestamp(1_000_000L), new byte[0], true, null, UnitIds.of(d.unit()), d.unit().name(), d.fiscalYear(),
          DocumentJson.write(d), UnitYearMerge.slot(d.source().kind(), d.source().file()), null, null, false, "run-2"));
    }
    return spark.createDataFrame(rows, ReadFiles.READ.add("run_id", "string"));
  }

  /** bronze.documents rows of documents accepted by an earlier run. */
  private Dataset<Row> bronze(FinalAccount... docs) {
    StructType schema = LakeTable.BRONZE_DOCUMENTS.schema();
    List<Row> rows = new ArrayList<>();
    for (FinalAccount d : docs) {
      rows.add(RowFactory.create(d.source().sha256(), d.source().file(), d.source().kind(), 10L,
          new Timestamp(1_000_000L), new byte[0], UnitIds.of(d.unit()), d.fiscalYear(), DocumentJson.write(d),
          new Timestamp(2_000_000L), "run-1"));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** Frames the merge keeps, released after each test. */
  private final Materialized kept = new Materialized();

  @AfterEach
  void release() {
    kept.close();
  }

  private Dataset<Row> merge(Dataset<Row> documents, Dataset<Row> bronze, String runId) {
    return UnitYearMerge.merged(documents, bronze, runId, kept);
  }

  private static List<String> merged(Dataset<Row> frame) {
    return frame.select("sha256", "unit_id", "fiscal_year", "canonical_json").collectAsList().stream()
        .map(Row::toString).sorted().toList();
  }

  @Test
  void theSameMergedDocumentWhateverTheOrderOfArrival() throws IOException {
    List<String> sameBatch = merged(merge(batch(TEXT, TABLES), bronze(), "run-2"));
    List<String> textLater = merged(merge(batch(TEXT), bronze(TABLES), "run-2"));
    List<String> tablesLater = merged(merge(batch(TABLES), bronze(TEXT), "run-2"));
    assertEquals(1, sameBatch.size());
    assertEquals(sameBatch, textLater);
    assertEquals(sameBatch, tablesLater);

    Row row = merge(batch(TABLES), bronze(TEXT), "run-2").head();
    assertEquals(TABLES.source().sha256(), row.getAs("sha256"), "silver points at the source of the amounts");
    FinalAccount doc = DocumentJson.read((String) row.getAs("canonical_json"));
    assertEquals(DocumentMerge.merge(List.of(TEXT, TABLES)), doc);
  }

  @Test
  void aNewFileReplacesTheOneBeforeItOfItsOwnKindAndIsMergedWithTheOthers() throws IOException {
    FinalAccount corrected = stamped(DocumentMergeTest.DISCLOSURE.replace("547.39, \"expenditure_total\"",
        "547.40, \"expenditure_total\""), InputKind.JSON, "2023/qingshan-corrected.json");
    Row row = merge(batch(corrected), bronze(TEXT, TABLES), "run-2").head();
    FinalAccount doc = DocumentJson.read((String) row.getAs("canonical_json"));
    assertTrue(doc.findings().stream().noneMatch(f -> f.evidence() != null && f.evidence().startsWith("/totals/income_total")),
        "the corrected text agrees with the tables; the earlier text is no longer a source: " + doc.findings());
    assertTrue(doc.findings().stream().anyMatch(f -> f.rule().equals(DocumentMerge.COMBINED) && f.messageEn()
        .startsWith("this unit-year combines 2023/qingshan.xlsx (xlsx), 2023/qingshan-corrected.json (json):")),
        doc.findings().toString());

    Row alone = merge(batch(corrected), bronze(TEXT), "run-2").head();
    assertEquals(DocumentJson.write(corrected), alone.getAs("canonical_json"), "one part: taken as it is");
  }

  /** Every silver table's rows but their run ids, sorted. */
  private static Map<String, List<String>> silver(Lake lake) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (LakeTable t : List.of(LakeTable.SILVER_UNIT_YEAR, LakeTable.SILVER_FUNCTION_LINE, LakeTable.SILVER_PROJECT,
        LakeTable.SILVER_INDICATOR, LakeTable.SILVER_FINDING, LakeTable.SILVER_PROVENANCE)) {
      out.put(t.toString(), sorted(lake.read(t).drop("run_id")));
    }
    return out;
  }

  @Test
  void aWorkbookAndItsDocumentGiveTheSameSilverInEitherOrderOfArrival() throws IOException {
    FinalAccount generated = new org.fiscalscope.generate.DistrictGenerator(
        new org.fiscalscope.generate.GeneratorSpec(1, 1, 2024, 7L)).documents().next();
    byte[] workbook = org.fiscalscope.generate.StandardTablesRenderer.workbook(generated,
        org.fiscalscope.generate.StandardTablesRenderer.WorkbookFormat.XLSX,
        org.fiscalscope.generate.TablesStyle.of(generated.unit().code()));
    java.math.BigDecimal printed = generated.totals().expenditureTotal();
    FinalAccount misprinted = new FinalAccount(generated.schemaVersion(), generated.fiscalYear(), generated.amountUnit(),
        generated.unit(), generated.source(), new org.fiscalscope.document.Totals(generated.totals().incomeTotal(),
            printed.add(new java.math.BigDecimal("0.01")), generated.totals().incomeThisYear(),
            generated.totals().expenditureThisYear(), generated.totals().carryoverBegin(), generated.totals().carryoverEnd(),
            generated.totals().fiscalAppropriationIncome(), generated.totals().generalBudgetAppropriation(),
            generated.totals().govFundAppropriation(), generated.totals().soeCapitalAppropriation(),
            generated.totals().basicExpenditure(), generated.totals().projectExpenditure(),
            generated.totals().personnelExpense(), generated.totals().publicExpense(), generated.totals().budgetInitial(),
            generated.totals().actualFinal(), generated.totals().executionRatePct(), generated.totals().priorYearTotal(),
            generated.totals().yoyChangeAmount(), generated.totals().yoyChangePct(),
            generated.totals().staffAuthorised(), generated.totals().staffActual(), generated.totals().staffInService()),
        generated.functions(), generated.threePublic(), generated.operatingCosts(), generated.procurement(),
        generated.assets(), generated.performance(), generated.findings(), generated.provenance());
    byte[] document = DocumentJson.write(misprinted).getBytes(StandardCharsets.UTF_8);

    Map<String, List<String>> documentFirst = twoRuns("doc-first", "unit.json", document, "unit.xlsx", workbook);
    Map<String, List<String>> workbookFirst = twoRuns("xlsx-first", "unit.xlsx", workbook, "unit.json", document);
    assertEquals(documentFirst, workbookFirst);

    String code = generated.unit().code();
    assertTrue(documentFirst.get("silver.unit_year").get(0).contains("," + printed.setScale(4) + ","),
        "the tables' expenditure total is kept: " + documentFirst.get("silver.unit_year"));
    assertTrue(documentFirst.get("silver.finding").stream().anyMatch(f -> f.startsWith("[" + code + ",2024,merge.disagree,1,warning,"
        + "totals.expenditure_total 在 unit.xlsx 中为 " + printed.toPlainString())), documentFirst.get("silver.finding").toString());
    assertTrue(documentFirst.get("silver.function_line").stream().anyMatch(l -> l.split(",")[2].length() == 7),
        "项 lines from the workbook");
  }

  /** Silver after one file in a first run and the other in a second, in a lake of its own. */
  private Map<String, List<String>> twoRuns(String name, String first, byte[] firstBytes, String second,
                                            byte[] secondBytes) throws IOException {
    Path landing = Files.createDirectories(tmp.resolve(name).resolve("landing"));
    Lake lake = new Lake(spark, tmp.resolve(name).resolve("lake").toString());
    Files.write(landing.resolve(first), firstBytes);
    IngestJob.run(lake, landing.toString(), "run-1", 1 << 24);
    Files.write(landing.resolve(second), secondBytes);
    IngestJob.run(lake, landing.toString(), "run-2", 1 << 24);
    return silver(lake);
  }

  private Map<String, Long> versions(Lake lake) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (LakeTable t : List.of(LakeTable.BRONZE_DOCUMENTS, LakeTable.BRONZE_REJECTS, LakeTable.SILVER_UNIT_YEAR,
        LakeTable.SILVER_FUNCTION_LINE, LakeTable.SILVER_PROJECT, LakeTable.SILVER_FINDING, LakeTable.SILVER_PROVENANCE)) {
      v.put(t.toString(), lake.version(t));
    }
    return v;
  }

  @Test
  void aDocumentArrivingAfterItsTablesIsMergedWithThemIntoSilver() throws IOException {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    // The tables came in an earlier run (as the workbook reader would have left them in bronze).
    DeltaMerge.insertNew(lake, LakeTable.BRONZE_DOCUMENTS, bronze(TABLES));
    Path landing = tmp.resolve("landing");
    Files.createDirectories(landing);
    Files.writeString(landing.resolve("qingshan.json"), DocumentMergeTest.DISCLOSURE, StandardCharsets.UTF_8);

    IngestJob.Result r = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(1, r.newDocuments());
    assertEquals(List.of("[青山区人才服务中心,2023,547.4000,270.3300,12.0000,xlsx,2023/qingshan.xlsx]"),
        sorted(lake.read(LakeTable.SILVER_UNIT_YEAR).select("unit_id", "fiscal_year", "income_total", "basic_expenditure",
            "carryover_end", "source_kind", "source_file")), "figures of both, the tables' amount where they differ");
    assertEquals(List.of("[208,94.4800]", "[20801,null]", "[2080109,null]"),
        sorted(lake.read(LakeTable.SILVER_FUNCTION_LINE).select("code", "execution_rate_pct")));
    assertEquals(List.of("[170.0000]"), sorted(lake.read(LakeTable.SILVER_PROJECT).select("budget")),
        "the self-evaluation from the document");
    List<Row> findings = lake.read(LakeTable.SILVER_FINDING).orderBy("rule", "subject").collectAsList();
    assertEquals(List.of("merge.combined/1/info", "merge.disagree/1/warning", "merge.disagree/2/warning",
            "sum.basic_split/1/info"),
        findings.stream().map(f -> f.getAs("rule") + "/" + f.getAs("subject") + "/" + f.getAs("severity")).toList());
    Row income = findings.get(1);
    assertEquals("totals.income_total 在 2023/qingshan.xlsx 中为 547.40，在 qingshan.json 中为 547.39，两者不一致；"
        + "采用 2023/qingshan.xlsx 的数值（金额、数量等数字以数据集和报表为准）", income.getAs("message"));
    assertTrue(((String) income.getAs("message_en")).startsWith(
        "totals.income_total is 547.40 in 2023/qingshan.xlsx (xlsx) but 547.39 in qingshan.json (json)"));
    assertEquals(List.of("[/functions/0/actual,40,qingshan.json]", "[/functions/2/actual,null,2023/qingshan.xlsx]",
            "[/performance/projects/0/budget,200,qingshan.json]", "[/totals/income_total,null,2023/qingshan.xlsx]"),
        sorted(lake.read(LakeTable.SILVER_PROVENANCE).select("field", "line", "source_file")),
        "each figure points at the file it was taken from");

    Map<String, Long> before = versions(lake);
    IngestJob.run(lake, landing.toString(), "run-3", 1 << 20);
    assertEquals(before, versions(lake), "a re-run changes nothing");
  }
}
