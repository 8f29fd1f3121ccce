package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

class IngestJobTest extends SparkTest {

  static final String UNIT_A = """
      {"fiscal_year": 2023, "unit": {"code": "A001", "name": "滨江区测试局", "kind": "行政"},
       "totals": {"income_total": 547.39, "budget_initial": 574.45, "actual_final": 547.39, "execution_rate_pct": 95.3},
       "functions": [{"code": "201", "name": "一般公共服务支出", "budget_initial": 40, "actual": 40},
                     {"code": "208", "name": "社会保障和就业支出", "budget_initial": 490.59, "actual": 463.53}],
       "performance": {"unit_evaluation": {"budget": 574.45, "actual": 547.39, "total_score": 99,
                         "indicators": [{"level1": "产出指标", "name": "完成率", "target": "≥95%", "actual": "95.3%", "weight": 10, "score": 10}]},
                       "projects": [{"name": "2023年市级就业资金", "budget": 170, "actual": 142.94, "execution_rate_pct": 84.08,
                         "indicators": [{"name": "补贴人数", "target": "≥1,200人", "actual": "1250人", "weight": 20, "score": 20},
                                        {"name": "满意度", "target": "优", "actual": "优", "weight": 10, "score": 10}]}]},
       "findings": [{"rule": "sum.basic_split", "severity": "info", "message": "人员经费与公用经费之和270.32不等于基本支出270.33"}],
       "provenance": {"/totals/income_total": {"line": 12, "text": "收入总计547.39万元"}}}
      """;

  static final String UNIT_B = """
      {"fiscal_year": 2022, "unit": {"name": " 滨江区 第二中学 "}, "totals": {"income_total": 100}}
      """;

  private Path landing;

  private Path write(String name, String content) throws IOException {
    Path p = landing.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void ingestsGoodFilesRejectsBadOnesAndSkipsWhatItHasSeen() throws IOException {
    landing = tmp.resolve("landing");
    write("a.json", UNIT_A);
    write("sub/b.json", UNIT_B);
    write("negative.json", UNIT_B.replace("100", "-5").replace("2022", "2021"));
    write("broken.json", "{\"fiscal_year\": 2023, \"unit\": {\"name\": ");
    write("_manifest.json", "{\"not\": \"a document\"}");
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());

    List<String> held = heldBlocks();
    IngestJob.Result first = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertEquals(4, first.filesSeen(), "files starting with _ are not inputs");
    assertEquals(2, first.newDocuments());
    assertEquals(2, first.rejected());
    assertEquals(held, heldBlocks(), "the run released the rows it kept");

    List<Row> rejects = lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason").orderBy("path").collectAsList();
    assertEquals("broken.json", rejects.get(0).getString(0));
    assertTrue(rejects.get(0).getString(1).contains("is not valid JSON"), rejects.get(0).getString(1));
    assertTrue(rejects.get(1).getString(1).contains("totals.income_total is -5 but must be at least 0"),
        rejects.get(1).getString(1));

    assertEquals(List.of("[A001,2023,547.3900,95.3000]", "[滨江区第二中学,2022,100.0000,null]"),
        sorted(lake.read(LakeTable.SILVER_UNIT_YEAR).select("unit_id", "fiscal_year", "income_total", "execution_rate_pct")));
    assertEquals(2, lake.read(LakeTable.SILVER_FUNCTION_LINE).count());
    assertEquals(List.of("[,1,>=,95.0000,%,false]", "[2023年市级就业资金,1,>=,1200.0000,人,false]",
            "[2023年市级就业资金,2,null,null,null,true]"),
        sorted(lake.read(LakeTable.SILVER_INDICATOR).select("project_name", "seq", "target_operator", "target_value",
            "target_unit", "is_qualitative")));
    assertEquals(List.of("[A001,sum.basic_split,1,info]", "[A001,sum.functions,1,error]",
            "[A001,sum.functions_budget,1,error]"),
        sorted(lake.read(LakeTable.SILVER_FINDING).select("unit_id", "rule", "subject", "severity")),
        "the document's own finding, and its functional lines (40 + 463.53) not adding up to 547.39, found on ingest");
    String kept = lake.read(LakeTable.BRONZE_DOCUMENTS).filter("path = 'a.json'").select("canonical_json").head().getString(0);
    assertTrue(kept.contains("sum.basic_split") && !kept.contains("sum.functions"),
        "bronze keeps the file's own reading, without the findings of the audit, for a later part to merge with: " + kept);
    assertEquals(List.of("[A001,/totals/income_total,12,a.json]"),
        sorted(lake.read(LakeTable.SILVER_PROVENANCE).select("unit_id", "field", "line", "source_file")));

    Map<String, Long> before = LakeVersions.ofIngestTables(lake);
    IngestJob.Result again = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(0, again.newDocuments());
    assertEquals(0, again.rejected());
    assertEquals(4, again.skipped());
    assertEquals(before, LakeVersions.ofIngestTables(lake), "a re-run over the same landing folder commits nothing");

    // A corrected document for A001 2023 with one functional line: the unit-year is replaced, B is untouched.
    write("a-corrected.json", UNIT_A.replace(
        "{\"code\": \"201\", \"name\": \"一般公共服务支出\", \"budget_initial\": 40, \"actual\": 40},", ""));
    IngestJob.Result corrected = IngestJob.run(lake, landing.toString(), "run-3", 1 << 20);
    assertEquals(1, corrected.newDocuments());
    assertEquals(List.of("[A001,208,run-3]"),
        sorted(lake.read(LakeTable.SILVER_FUNCTION_LINE).select("unit_id", "code", "run_id")));
    assertEquals(List.of("[A001,2023,run-3,a-corrected.json]", "[滨江区第二中学,2022,run-1,sub/b.json]"),
        sorted(lake.read(LakeTable.SILVER_UNIT_YEAR).select("unit_id", "fiscal_year", "run_id", "source_file")),
        "the corrected unit-year points at its new source; the other keeps the run that wrote it");
  }

  @Test
  void aBatchIsWrittenUnbinnedOnlyWhenItFillsItsSlices() {
    long perSlice = IngestJob.UNBINNED_DOCUMENTS_PER_SLICE;
    assertFalse(IngestJob.binned(20 * perSlice, 20), "a province's first load: a file per slice");
    assertTrue(IngestJob.binned(20 * perSlice - 1, 20), "slices not full: one file per bin");
    assertTrue(IngestJob.binned(3, 2), "a nightly's few new files: one file");
  }

  @Test
  void twoFilesForOneUnitYearInOneBatchKeepTheNewer() throws IOException {
    landing = tmp.resolve("landing");
    Path older = write("old.json", UNIT_B);
    write("new.json", UNIT_B.replace("100", "120"));
    Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());

    IngestJob.Result r = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertEquals(1, r.newDocuments());
    assertEquals(1, r.rejected());
    Row reject = lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason").head();
    assertEquals("old.json", reject.getString(0));
    assertTrue(reject.getString(1).contains("new.json"), reject.getString(1));
    assertEquals("120.0000", lake.read(LakeTable.SILVER_UNIT_YEAR).select("income_total").head().get(0).toString());
  }

  @Test
  void aLandingOfMoreNewFilesThanABatchIsIngestedBatchByBatchOldestFirstToTheSameSilver() throws IOException {
    landing = tmp.resolve("landing");
    long t = 1_700_000_000_000L;
    String[][] files = {
        {"z-a.json", UNIT_A}, {"m-old.json", UNIT_B}, {"broken.json", "{\"fiscal_year\": "},
        {"a-new.json", UNIT_B.replace("100", "120")}, {"c.json", UNIT_B.replace("2022", "2021")}};
    for (int i = 0; i < files.length; i++) {
      Files.setLastModifiedTime(write(files[i][0], files[i][1]), java.nio.file.attribute.FileTime.fromMillis(t + i * 60_000L));
    }
    Lake whole = new Lake(spark, tmp.resolve("whole").toString());
    Lake batched = new Lake(spark, tmp.resolve("batched").toString());

    IngestJob.Result once = IngestJob.run(whole, landing.toString(), "run-1", 1 << 20);
    List<IngestJob.Batch> batches = new java.util.ArrayList<>();
    List<String> held = heldBlocks();
    IngestJob.Result inBatches = IngestJob.run(batched, landing.toString(), "run-1", 1 << 20, 0, 2, files1 -> { },
        batches::add);

    assertEquals(List.of(new IngestJob.Batch(1, 3, 2), new IngestJob.Batch(2, 3, 2), new IngestJob.Batch(3, 3, 1)),
        batches);
    assertEquals(held, heldBlocks(), "each batch released the rows it kept");
    assertEquals(List.of(3L, 2L), List.of(once.newDocuments(), once.rejected()),
        "in one batch the older file of B 2022 is refused as superseded");
    assertEquals(List.of(5L, 4L, 1L, 0L), List.of(inBatches.filesSeen(), inBatches.newDocuments(),
        inBatches.rejected(), inBatches.skipped()), "in batches, oldest first, the newer file replaces it as a later run would");
    assertEquals(List.of("[A001,2023]", "[滨江区第二中学,2021]", "[滨江区第二中学,2022]"),
        sorted(batched.read(LakeTable.BRONZE_DOCUMENTS).select("unit_id", "fiscal_year").distinct()));
    for (LakeTable table : LakeTable.ownedBy(LakeTable.Owner.INGEST)) {
      if (table.layer() == LakeTable.Layer.SILVER) {
        assertEquals(sorted(whole.read(table)), sorted(batched.read(table)), table + " as one batch makes it");
      }
    }
    assertEquals(List.of("[120.0000]"),
        sorted(batched.read(LakeTable.SILVER_UNIT_YEAR).where("fiscal_year = 2022").select("income_total")));

    Map<String, Long> before = LakeVersions.ofIngestTables(batched);
    IngestJob.Result again = IngestJob.run(batched, landing.toString(), "run-2", 1 << 20, 0, 2, files1 -> { },
        batches::add);
    assertEquals(5, again.skipped());
    assertEquals(3, batches.size(), "nothing new, no batch");
    assertEquals(before, LakeVersions.ofIngestTables(batched));

    write("d.json", UNIT_B.replace("2022", "2020"));
    IngestJob.Result one = IngestJob.run(batched, landing.toString(), "run-3", 1 << 20, 0, 2, files1 -> { },
        batches::add);
    assertEquals(List.of(1L, 5L), List.of(one.newDocuments(), one.skipped()));
    assertEquals(3, batches.size(), "fewer new files than a batch, in a landing of more: one batch, not announced");
  }

  @Test
  void aPdfDisclosureInTheLandingFolderReachesSilverWithItsPages() throws IOException {
    landing = tmp.resolve("landing");
    Files.createDirectories(landing);
    Files.write(landing.resolve("unit.pdf"), PdfInputTest.disclosure());
    Files.write(landing.resolve("cut.pdf"), java.util.Arrays.copyOf(PdfInputTest.disclosure(), 2000));
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());

    IngestJob.Result r = IngestJob.run(lake, landing.toString(), "run-1", 1 << 22);
    assertEquals(1, r.newDocuments());
    assertEquals(1, r.rejected());
    assertEquals(List.of("[unit.pdf,pdf]"), sorted(lake.read(LakeTable.BRONZE_DOCUMENTS).select("path", "kind")));
    assertTrue(lake.read(LakeTable.BRONZE_REJECTS).select("reason").head().getString(0).startsWith("cut.pdf: is truncated"));
    assertEquals(1, lake.read(LakeTable.SILVER_UNIT_YEAR).where("source_file = 'unit.pdf'").count());
    assertTrue(lake.read(LakeTable.SILVER_PROJECT).count() > 0, "the projects of the PDF's tables");
    Row pages = lake.read(LakeTable.SILVER_PROVENANCE)
        .selectExpr("count(*)", "count(page)", "min(page)", "max(page) > min(page)").head();
    assertEquals(pages.getLong(0), pages.getLong(1), "every figure names its page");
    assertEquals(1, pages.getInt(2));
    assertTrue(pages.getBoolean(3), "figures come from several pages");
  }

  @Test
  void anIndicatorNumberTooLongForTheLakeStopsNeitherTheDocumentNorTheBatch() throws IOException {
    landing = tmp.resolve("landing");
    write("a.json", UNIT_A.replace("\"≥1,200人\"", "\"≥1234567890123456789人\""));
    write("b.json", UNIT_B);
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());

    IngestJob.Result result = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertEquals(2, result.newDocuments());
    assertEquals(0, result.rejected());
    assertEquals(List.of("[2023年市级就业资金,1,>=,null,人,false]"),
        sorted(lake.read(LakeTable.SILVER_INDICATOR).where("seq = 1 AND project_name <> ''")
            .select("project_name", "seq", "target_operator", "target_value", "target_unit", "is_qualitative")),
        "the target keeps its comparison and unit; its number, beyond DECIMAL(18,4), has no value");
  }

  @Test
  void ingestRunsWithItsSettingsAndGivesTheSessionBackAsItWas() throws IOException {
    landing = tmp.resolve("landing");
    write("b.json", UNIT_B);
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    java.util.List<Map<String, String>> during = new java.util.ArrayList<>();
    Runnable look = () -> during.add(Map.of(
        IngestJob.BIN_SIZE, spark.conf().get(IngestJob.BIN_SIZE, "unset"),
        IngestJob.CODEGEN_MAX_FIELDS, spark.conf().get(IngestJob.CODEGEN_MAX_FIELDS, "unset")));
    // Spark's own test of whether a stage's rows have too many fields to compile, on the read files' columns with the
    // parsed document: true with its default limit, false with ingest's.
    org.apache.spark.sql.types.StructType readAndParsed = ReadFiles.READ.add("doc", DocumentStruct.schema());
    org.apache.spark.sql.internal.SQLConf conf = new org.apache.spark.sql.internal.SQLConf();
    assertTrue(org.apache.spark.sql.execution.WholeStageCodegenExec.isTooManyFields(conf, readAndParsed));
    conf.setConfString(IngestJob.CODEGEN_MAX_FIELDS, IngestJob.SETTINGS.get(IngestJob.CODEGEN_MAX_FIELDS));
    assertFalse(org.apache.spark.sql.execution.WholeStageCodegenExec.isTooManyFields(conf, readAndParsed),
        "a parsed document's plan is compiled whole");

    IngestJob.run(lake, landing.toString(), "run-1", 1 << 20, 0, files -> look.run());
    assertEquals(List.of(IngestJob.SETTINGS), during);
    for (String setting : IngestJob.SETTINGS.keySet()) {
      assertFalse(spark.conf().contains(setting), "the later stages run with the session's own " + setting);
    }

    spark.conf().set(IngestJob.BIN_SIZE, "256");
    try {
      write("b.json", UNIT_B.replace("100", "101"));
      during.clear();
      IngestJob.run(lake, landing.toString(), "run-2", 1 << 20, 0, files -> look.run());
      assertEquals("256", during.get(0).get(IngestJob.BIN_SIZE), "a bin size the session's settings name is the user's");
      assertEquals(IngestJob.SETTINGS.get(IngestJob.CODEGEN_MAX_FIELDS), during.get(0).get(IngestJob.CODEGEN_MAX_FIELDS));
      assertEquals("256", spark.conf().get(IngestJob.BIN_SIZE));
      assertFalse(spark.conf().contains(IngestJob.CODEGEN_MAX_FIELDS));
    } finally {
      spark.conf().unset(IngestJob.BIN_SIZE);
    }
  }
}
