package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

class LakeRowCountTest extends SparkTest {

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

    // A checksum cut short (a writer stopped while writing it) is not believed.
    Files.writeString(crc, "{\"numFiles\": 1, \"allFi");
    assertTrue(lake.rowsInChecksum(LINES, version).isEmpty());
    assertEquals(2, lake.rowCount(LINES));

    // One that does not list every file is not summed either.
    Files.writeString(crc, "{\"numFiles\": 2, \"allFiles\": [{\"path\": \"a.parquet\", \"stats\": \"{\\\"numRecords\\\": 7}\"}]}");
    assertTrue(lake.rowsInChecksum(LINES, version).isEmpty());
    assertEquals(2, lake.rowCount(LINES));

    Files.delete(crc);
    assertTrue(lake.rowsInChecksum(LINES, version).isEmpty());
    assertEquals(2, lake.rowCount(LINES));
  }
}
