package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

class DeltaMergeTest extends SparkTest {

  private static final LakeTable LINES = LakeTable.SILVER_FUNCTION_LINE;

  private Dataset<Row> lines(String... json) {
    return rows(LINES.schema(), json);
  }

  @Test
  void replaceGroupsReplacesOnlyTheUnitYearsItIsGiven() {
    Lake lake = new Lake(spark, tmp.toString());
    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":10.5,\"run_id\":\"r1\"}",
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"208\",\"actual\":20,\"run_id\":\"r1\"}",
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":5,\"run_id\":\"r1\"}"), LakeTable.UNIT_YEAR);
    long v1 = lake.version(LINES);

    // A corrected document for A 2023 drops line 208 and changes 201; B is not mentioned and stays.
    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":11.25,\"run_id\":\"r2\"}"), LakeTable.UNIT_YEAR);

    List<String> now = sorted(lake.read(LINES).select("unit_id", "code", "actual", "run_id"));
    assertEquals(List.of("[A,201,11.2500,r2]", "[B,201,5.0000,r1]"), now);
    assertEquals(v1 + 1, lake.version(LINES), "one correction is one commit");
  }

  @Test
  void groupsTheTableHoldsNoRowOfAreAppendedAndOthersMerged() {
    Lake lake = new Lake(spark, tmp.toString());
    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":1,\"run_id\":\"r1\"}"), LakeTable.UNIT_YEAR);

    // A new year's document: nothing of its unit-year to update or delete.
    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2024,\"code\":\"201\",\"actual\":2,\"run_id\":\"r2\"}",
        "{\"unit_id\":\"A\",\"fiscal_year\":2024,\"code\":\"208\",\"actual\":3,\"run_id\":\"r2\"}"), LakeTable.UNIT_YEAR);
    assertEquals("WRITE", lastOperation(lake));

    // One group held, one new: merged, so A 2023's line 201 is replaced and not doubled.
    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":4,\"run_id\":\"r3\"}",
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":5,\"run_id\":\"r3\"}"), LakeTable.UNIT_YEAR);
    assertEquals("MERGE", lastOperation(lake));
    assertEquals(List.of("[A,2023,201,4.0000]", "[A,2024,201,2.0000]", "[A,2024,208,3.0000]", "[B,2023,201,5.0000]"),
        sorted(lake.read(LINES).select("unit_id", "fiscal_year", "code", "actual")));
  }

  private static String lastOperation(Lake lake) {
    return lake.delta(LINES).history(1).select("operation").head().getString(0);
  }

  @Test
  void replaceGroupsOfKnownYearsReadsTheFilesOfThoseYearsOnly() throws java.io.IOException {
    Lake lake = new Lake(spark, tmp.toString());
    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2022,\"code\":\"201\",\"actual\":1,\"run_id\":\"r1\"}",
        "{\"unit_id\":\"B\",\"fiscal_year\":2022,\"code\":\"201\",\"actual\":2,\"run_id\":\"r1\"}"),
        LakeTable.UNIT_YEAR);
    List<org.apache.hadoop.fs.Path> files2022 = lake.dataFiles(LINES);
    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":3,\"run_id\":\"r2\"}",
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"208\",\"actual\":4,\"run_id\":\"r2\"}"),
        LakeTable.UNIT_YEAR);
    // 2022's file is made unreadable: a MERGE that read it would fail.
    for (org.apache.hadoop.fs.Path f : files2022) {
      java.nio.file.Files.delete(java.nio.file.Path.of(f.toUri()));
    }

    // A corrected A 2023 (line 208 gone, 201 changed), its year known: only 2023's file is read and rewritten.
    Dataset<Row> corrected = lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":5,\"run_id\":\"r3\"}");
    DeltaMerge.replaceGroups(lake, LINES, corrected, corrected.select("unit_id", "fiscal_year"),
        java.util.Set.of(2023));

    assertEquals(List.of("[A,2023,201,5.0000]"),
        sorted(lake.read(LINES).filter("fiscal_year = 2023").select("unit_id", "fiscal_year", "code", "actual")));
  }

  @Test
  void aTableCreatedWithNoRowsHasNoDataFileAndTakesRowsLater() throws java.io.IOException {
    Lake lake = new Lake(spark, tmp.toString());
    // As ingest creates a silver table a batch has no rows for: the groups are given, the rows are none.
    DeltaMerge.replaceGroups(lake, LINES, lines(), lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":1,\"run_id\":\"r1\"}")
        .select("unit_id", "fiscal_year"));
    assertEquals(0, lake.version(LINES), "created, with no commit of rows");
    assertEquals(List.of(), dataFiles(lake), "Spark's empty file for an empty write is not left behind");

    DeltaMerge.replaceGroups(lake, LINES, lines(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":1,\"run_id\":\"r2\"}"),
        LakeTable.UNIT_YEAR);
    assertEquals(1, lake.read(LINES).count());
    assertEquals(1, dataFiles(lake).size());
  }

  private static List<java.nio.file.Path> dataFiles(Lake lake) throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(java.net.URI.create(lake.path(LINES))))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet") && !f.toString().contains("_delta_log"))
          .toList();
    }
  }

  @Test
  void sameRowsAgainRewriteNothing() {
    Lake lake = new Lake(spark, tmp.toString());
    String row = "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":10.5,\"run_id\":\"%s\"}";
    DeltaMerge.replaceGroups(lake, LINES, lines(String.format(row, "r1")), LakeTable.UNIT_YEAR);
    DeltaMerge.replaceGroups(lake, LINES, lines(String.format(row, "r2")), LakeTable.UNIT_YEAR);
    assertEquals(List.of("[A,201,10.5000,r1]"),
        sorted(lake.read(LINES).select("unit_id", "code", "actual", "run_id")),
        "an unchanged row keeps the run that wrote it");
  }

  @Test
  void aTableOfAnEarlierVersionGetsTheColumnsTheDdlNowDeclares() {
    Lake lake = new Lake(spark, tmp.toString());
    // The table as an earlier version wrote it: without `name` (declared after `code`).
    lines("{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":10.5,\"run_id\":\"r1\"}")
        .drop("name").write().format("delta").save(lake.path(LINES));
    DeltaMerge.replaceGroups(new Lake(spark, tmp.toString()), LINES, lines(
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"code\":\"201\",\"name\":\"一般公共服务支出\",\"actual\":5,\"run_id\":\"r2\"}"),
        LakeTable.UNIT_YEAR);
    assertEquals(List.of(LINES.schema().fieldNames()), List.of(lake.read(LINES).columns()),
        "the column is added where the DDL declares it");
    assertEquals(List.of("[A,201,null]", "[B,201,一般公共服务支出]"),
        sorted(lake.read(LINES).select("unit_id", "code", "name")));
    assertEquals(List.of(), LakeDoctor.schemaProblems(LINES, lake.read(LINES).schema()));
  }

  @Test
  void goldExecutionOfAnEarlierVersionGainsTheBudgetBasisColumns() {
    Lake lake = new Lake(spark, tmp.toString());
    LakeTable execution = LakeTable.GOLD_EXECUTION;
    String[] added = {"basis", "budget_initial", "budget_adjusted", "budget_carryover", "rate_initial_pct",
        "rate_adjusted_pct"};
    rows(execution.schema(), "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"level\":\"unit\",\"subject\":\"unit\","
        + "\"basis\":\"initial\",\"run_id\":\"r1\"}").drop(added).write().format("delta").save(lake.path(execution));
    DeltaMerge.replaceGroups(new Lake(spark, tmp.toString()), execution, rows(execution.schema(),
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"level\":\"unit\",\"subject\":\"unit\",\"basis\":\"adjusted\","
            + "\"budget_adjusted\":560,\"rate_adjusted_pct\":98.21,\"run_id\":\"r2\"}"), LakeTable.UNIT_YEAR);
    assertEquals(List.of(execution.schema().fieldNames()), List.of(lake.read(execution).columns()));
    assertEquals(List.of("[A,adjusted,98.21]"), sorted(lake.read(execution).select("unit_id", "basis", "rate_adjusted_pct")),
        "the unit-year's rows are rewritten with their basis");
    assertEquals(List.of(), LakeDoctor.schemaProblems(execution, lake.read(execution).schema()));
  }

  @Test
  void emptyInputCommitsNothing() {
    Lake lake = new Lake(spark, tmp.toString());
    assertFalse(DeltaMerge.replaceGroups(lake, LINES, lines(), LakeTable.UNIT_YEAR));
    assertFalse(lake.exists(LINES), "no table is created for nothing");
  }

  @Test
  void insertNewKeepsTheFirstCopyOfAKey() {
    Lake lake = new Lake(spark, tmp.toString());
    LakeTable rejects = LakeTable.BRONZE_REJECTS;
    DeltaMerge.insertNew(lake, rejects, rows(rejects.schema(),
        "{\"sha256\":\"aa\",\"path\":\"x.json\",\"reason\":\"first\"}"));
    DeltaMerge.insertNew(lake, rejects, rows(rejects.schema(),
        "{\"sha256\":\"aa\",\"path\":\"y.json\",\"reason\":\"second\"}",
        "{\"sha256\":\"bb\",\"path\":\"z.json\",\"reason\":\"third\"}"));
    assertEquals(List.of("[aa,x.json]", "[bb,z.json]"), sorted(lake.read(rejects).select("sha256", "path")));
  }

  @Test
  void writesWhoseFirstPartitionIsEmptyLeaveNoFileNoVersionRefersTo() {
    Lake lake = new Lake(spark, tmp.toString());
    LakeDoctor doctor = new LakeDoctor(lake);
    // Spark writes a file even for an empty first partition, which Delta then leaves out of the commit.
    DeltaMerge.replaceGroups(lake, LINES, lastPartitionOnly(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":10.5,\"run_id\":\"r1\"}"), LakeTable.UNIT_YEAR);
    assertEquals(List.of(), doctor.examine(LINES).notes(), "the first write");
    DeltaMerge.replaceGroups(lake, LINES, lastPartitionOnly(
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":5,\"run_id\":\"r2\"}"), LakeTable.UNIT_YEAR);
    assertEquals(List.of(), doctor.examine(LINES).notes(), "a merge");
    assertEquals(2L, lake.read(LINES).count());
  }

  @Test
  void anUnbinnedAppendWritesEachPartitionAsItIs() throws java.io.IOException {
    Lake lake = new Lake(spark, tmp.resolve("unbinned").toString());
    Lake binned = new Lake(spark, tmp.resolve("binned").toString());
    LakeTable documents = LakeTable.BRONZE_DOCUMENTS;
    List<Row> rows = rows(documents.schema(), "{\"sha256\":\"aa\",\"path\":\"a.json\"}",
        "{\"sha256\":\"bb\",\"path\":\"b.json\"}", "{\"sha256\":\"cc\",\"path\":\"c.json\"}").collectAsList();
    Dataset<Row> threeParts = spark.createDataFrame(
        new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(rows, 3), documents.schema());

    DeltaMerge.createAndAppend(lake, documents, threeParts, false);
    DeltaMerge.createAndAppend(binned, documents, threeParts, true);

    assertEquals(3, lake.dataFiles(documents).size(), "a file per partition");
    assertEquals(1, binned.dataFiles(documents).size(), "the optimized write's one bin");
    assertEquals(sorted(binned.read(documents).select("sha256", "path")), sorted(lake.read(documents).select("sha256", "path")));
    assertEquals(List.of(), new LakeDoctor(lake).examine(documents).notes());
  }

  @Test
  void anUnbinnedAppendWhoseFirstPartitionIsEmptyLeavesNoFileNoVersionRefersTo() throws java.io.IOException {
    Lake lake = new Lake(spark, tmp.toString());
    LakeDoctor doctor = new LakeDoctor(lake);
    DeltaMerge.createAndAppend(lake, LINES, lastPartitionOnly(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":10.5,\"run_id\":\"r1\"}"), false);
    assertEquals(List.of(), doctor.examine(LINES).notes(), "a table created by the write");
    assertEquals(1, lake.dataFiles(LINES).size());
    DeltaMerge.createAndAppend(lake, LINES, lastPartitionOnly(
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":5,\"run_id\":\"r2\"}"), false);
    assertEquals(List.of(), doctor.examine(LINES).notes(), "a table with files already");
    assertEquals(2, lake.dataFiles(LINES).size(), "the earlier write's file is kept");
    assertEquals(List.of("[A,10.5000]", "[B,5.0000]"), sorted(lake.read(LINES).select("unit_id", "actual")));
  }

  /** The rows in the last of four partitions, the first three empty. */
  private Dataset<Row> lastPartitionOnly(String... json) {
    List<Row> rows = lines(json).collectAsList();
    return spark.createDataFrame(new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
        .parallelize(rows, 4), LINES.schema());
  }
}
