package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeSql;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.problem.Problem;
import org.junit.jupiter.api.Test;

/**
 * Every row of bronze.rejects has a reason code, also in a lake written before the column existed: the next run adds
 * it, codes the rows refused earlier as such, and the count by code is one query.
 */
class RejectCodesTest extends SparkTest {

  @Test
  void aLakeFromBeforeReasonCodesIsUpgradedInPlaceAndEveryRejectHasACode() throws Exception {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    String location = "delta.`" + lake.path(LakeTable.BRONZE_REJECTS) + "`";
    String before = LakeTable.BRONZE_REJECTS.ddl().lines().filter(l -> !l.strip().startsWith("reason_code "))
        .reduce("", (a, b) -> a + b + "\n");
    spark.sql(before.replace("${table}", location));
    spark.sql("INSERT INTO " + location + " (sha256, path, kind, size_bytes, modified_at, reason, content, rejected_at,"
        + " run_id) VALUES ('ab12', 'old.json', 'json', 3, current_timestamp(), 'old.json: is not a JSON object;"
        + " a canonical document starts with ''{''.', CAST('[1]' AS BINARY), current_timestamp(), 'run-0')");
    assertTrue(lake.read(LakeTable.BRONZE_REJECTS).schema().getFieldIndex("reason_code").isEmpty());

    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(landing.resolve("good.json"), IngestJobTest.UNIT_B, StandardCharsets.UTF_8);
    IngestJob.run(new Lake(spark, lake.root()), landing.toString(), "run-1", 1 << 20);
    assertEquals(Map.of("REJECT_UNCODED", 1L), countByCode(lake),
        "a run that refuses nothing still upgrades the table and codes the earlier rows");

    Files.writeString(landing.resolve("empty.json"), "");
    Files.writeString(landing.resolve("negative.json"), "{\"fiscal_year\": 2023, \"unit\": {\"name\": \"甲局\"},"
        + " \"totals\": {\"income_total\": -5}}", StandardCharsets.UTF_8);
    Files.writeString(landing.resolve("notes.docx"), "minutes");
    IngestJob.run(new Lake(spark, lake.root()), landing.toString(), "run-2", 1 << 20);
    Map<String, Long> counts = countByCode(lake);
    assertEquals(Map.of("REJECT_UNCODED", 1L, "FILE_EMPTY", 1L, "REJECT_NEGATIVE_AMOUNT", 1L,
        "FILE_TYPE_UNSUPPORTED", 1L), counts);
    for (Row r : lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason", "reason_code").collectAsList()) {
      Problem p = Problem.valueOf(r.getString(2));
      if (p != Problem.REJECT_UNCODED) {
        String fix = p.fix().replaceAll("\\{[a-zA-Z]+\\}.*", "");
        assertTrue(r.getString(1).startsWith(r.getString(0) + ": ") && r.getString(1).contains(fix), r.toString());
      }
    }
    assertEquals("ab12", lake.read(LakeTable.BRONZE_REJECTS).filter("reason_code = 'REJECT_UNCODED'").first().getString(0));
  }

  /** {@code SELECT reason_code, count(*) FROM bronze.rejects GROUP BY 1} as the sql verb runs it. */
  private Map<String, Long> countByCode(Lake lake) {
    LakeSql sql = LakeSql.open(spark, lake.root());
    sql.register(null);
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : sql.query("SELECT reason_code, count(*) FROM bronze.rejects GROUP BY 1").collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }
}
