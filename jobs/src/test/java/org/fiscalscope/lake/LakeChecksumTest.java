package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.delta.files.TahoeBatchFileIndex;
import org.apache.spark.sql.execution.datasources.FileIndex;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

/**
 * What the stages take from a version's checksum file: its row count, and the list of its files, from which a table
 * read whole is scanned without Delta's log replay and scan planning; where the file is missing or does not list
 * every file (or a file has a deletion vector), Spark counts and Delta reads as usual. Either way, the version's rows.
 */
class LakeChecksumTest extends SparkTest {

  private static final LakeTable LINES = LakeTable.SILVER_FUNCTION_LINE;

  private Dataset<Row> lines(String... json) {
    return rows(LINES.schema(), json);
  }

  private static String line(String unit, int year, String code) {
    return "{\"unit_id\":\"" + unit + "\",\"fiscal_year\":" + year + ",\"code\":\"" + code + "\",\"actual\":1,\"run_id\":\"r\"}";
  }

  @Test
  void rowsAreReadFromTheVersionsChecksumAndFollowEveryCommit() {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    assertEquals(0, lake.rowCount(LINES), "no table, no rows");

    DeltaMerge.replaceGroups(lake, LINES, lines(line("A", 2023, "201"), line("A", 2023, "208"), line("B", 2023, "201")),
        LakeTable.UNIT_YEAR);
    long v1 = lake.version(LINES);
    assertEquals(java.util.OptionalLong.of(3), lake.rowsInChecksum(LINES, v1), "a small table's checksum lists its files");
    assertEquals(3, lake.rowCount(LINES));

    // A MERGE that deletes one line and adds two: the count follows the new version.
    DeltaMerge.replaceGroups(lake, LINES, lines(line("A", 2023, "201"), line("C", 2022, "201"), line("C", 2022, "205")),
        LakeTable.UNIT_YEAR);
    long v2 = lake.version(LINES);
    assertTrue(v2 > v1);
    assertEquals(lake.read(LINES).count(), lake.rowCount(LINES));
    assertEquals(java.util.OptionalLong.of(4), lake.rowsInChecksum(LINES, v2));
  }

  @Test
  void withoutAUsableChecksumTheRowsAreCountedBySpark() throws java.io.IOException {
    Path root = tmp.resolve("lake");
    Lake lake = new Lake(spark, root.toString());
    DeltaMerge.replaceGroups(lake, LINES, lines(line("A", 2023, "201"), line("B", 2023, "201")), LakeTable.UNIT_YEAR);
    long version = lake.version(LINES);
    Path crc = root.resolve("silver/function_line/_delta_log").resolve(String.format("%020d.crc", version));
    assertTrue(Files.exists(crc), "Delta wrote the version's checksum");

    // Each case as a fresh session sees it: Delta keeps a table's latest state, checksum included, in memory.
    // A checksum cut short (a writer stopped while writing it) is not believed.
    Files.writeString(crc, "{\"numFiles\": 1, \"allFi");
    org.apache.spark.sql.delta.DeltaLog.clearCache();
    assertTrue(lake.rowsInChecksum(LINES, version).isEmpty());
    assertEquals(2, lake.rowCount(LINES));

    // One that does not list every file is not summed either.
    Files.writeString(crc, "{\"numFiles\": 2, \"allFiles\": [{\"path\": \"a.parquet\", \"stats\": \"{\\\"numRecords\\\": 7}\"}]}");
    org.apache.spark.sql.delta.DeltaLog.clearCache();
    assertTrue(lake.rowsInChecksum(LINES, version).isEmpty());
    assertEquals(2, lake.rowCount(LINES));

    // No checksum: counted by Spark, and scanned as Delta reads it.
    Files.delete(crc);
    org.apache.spark.sql.delta.DeltaLog.clearCache();
    assertTrue(lake.rowsInChecksum(LINES, version).isEmpty());
    assertEquals(2, lake.rowCount(LINES));
    assertTrue(lake.listedInChecksum(LINES, version).isEmpty());
    Dataset<Row> read = lake.scan(LINES);
    assertFalse(scanned(read) instanceof TahoeBatchFileIndex, "Delta's own read: " + scanned(read));
    assertEquals(List.of("[A,2023,201]", "[B,2023,201]"), sorted(read.select("unit_id", "fiscal_year", "code")));
  }

  /** The file index the frame scans (the one Delta table it reads). */
  private static FileIndex scanned(Dataset<Row> frame) {
    List<FileIndex> found = new java.util.ArrayList<>();
    frame.queryExecution().analyzed().foreach(node -> {
      if (node instanceof LogicalRelation r && r.relation() instanceof HadoopFsRelation h) {
        found.add(h.location());
      }
      return null;
    });
    assertEquals(1, found.size(), "one table read: " + frame.queryExecution().analyzed());
    return found.get(0);
  }

  private Dataset<Row> deltaRead(Lake lake, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(lake.path(LINES));
  }

  @Test
  void aVersionWhoseChecksumListsItsFilesIsReadFromThatList() {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    assertEquals(0, lake.scan(LINES).count(), "no table: no rows, the declared columns");

    DeltaMerge.replaceGroups(lake, LINES, lines(line("A", 2023, "201"), line("A", 2023, "208"), line("B", 2023, "201")),
        LakeTable.UNIT_YEAR);
    long v1 = lake.version(LINES);
    // A MERGE that deletes a line, keeps one and adds two.
    DeltaMerge.replaceGroups(lake, LINES, lines(line("A", 2023, "201"), line("C", 2022, "201"), line("C", 2022, "205")),
        LakeTable.UNIT_YEAR);
    long v2 = lake.version(LINES);
    assertTrue(v2 > v1);

    Dataset<Row> latest = lake.scan(LINES);
    assertTrue(scanned(latest) instanceof TahoeBatchFileIndex, "the files listed in the checksum: " + scanned(latest));
    assertEquals(sorted(deltaRead(lake, v2)), sorted(latest), "the rows Delta reads of the version");
    assertEquals(4, latest.count());
    assertFalse(scanned(lake.read(LINES)) instanceof TahoeBatchFileIndex, "a read to be filtered keeps Delta's file skipping");
    Dataset<Row> earlier = lake.scan(LINES, v1);
    assertTrue(scanned(earlier) instanceof TahoeBatchFileIndex);
    assertEquals(sorted(deltaRead(lake, v1)), sorted(earlier), "an earlier version, as of that version");
    assertEquals(3, earlier.count());
    // Queries over the frame see its columns as declared.
    assertEquals(List.of("[A,201]", "[B,201]"), sorted(lake.scan(LINES, v1).filter("code = '201'").select("unit_id", "code")));
  }

  @Test
  void aFileWithADeletionVectorIsLeftToDelta() {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    DeltaMerge.replaceGroups(lake, LINES, lines(line("A", 2023, "201"), line("A", 2023, "208"), line("B", 2023, "201")),
        LakeTable.UNIT_YEAR);
    String table = "delta.`" + lake.path(LINES) + "`";
    spark.sql("ALTER TABLE " + table + " SET TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    spark.sql("DELETE FROM " + table + " WHERE code = '208'");
    long version = lake.version(LINES);
    long vectors = spark.read().json(lake.path(LINES) + "/_delta_log/" + String.format("%020d.json", version))
        .filter("add.deletionVector IS NOT NULL").count();
    assertEquals(1, vectors, "the DELETE marked the row in a deletion vector rather than rewriting the file");

    assertTrue(lake.listedInChecksum(LINES, version).isEmpty(), "a listed file carries a deletion vector");
    assertTrue(lake.rowsInChecksum(LINES, version).isEmpty(), "its count would include the deleted row");
    assertEquals(2, lake.rowCount(LINES));
    Dataset<Row> read = lake.scan(LINES);
    assertFalse(scanned(read) instanceof TahoeBatchFileIndex);
    assertEquals(List.of("[A,201]", "[B,201]"), sorted(read.select("unit_id", "code")), "the deleted row is not read");
  }
}
