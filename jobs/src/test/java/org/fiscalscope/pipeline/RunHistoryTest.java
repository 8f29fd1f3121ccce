package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.RunRecord;
import org.junit.jupiter.api.Test;

/**
 * What a run takes from the runs before it, read from ops.runs in one query: the last nightly that did not fail (whose
 * inputs decide what a nightly skips), the last run that succeeded (whose table versions the lake should still hold),
 * and the last run that counted rows, each the latest of its kind whatever the order of the rows.
 */
class RunHistoryTest extends SparkTest {

  private static Row run(String id, String verb, String status, int day, String config, Map<String, Long> versions,
      Map<String, Long> rows) {
    Instant finished = Instant.parse("2026-03-0" + day + "T01:05:00Z");
    return RowFactory.create(id, verb, Timestamp.from(finished.minusSeconds(300)), Timestamp.from(finished), status,
        null, null, "landing", config, 0L, 0L, 0L, "[]",
        versions == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(versions),
        rows == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(rows), null);
  }

  @Test
  void theLatestRunOfEachKindWhateverTheOrderOfTheRows() {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    assertSame(Run.History.NONE, Run.History.of(lake), "no ops.runs yet");

    List<Row> runs = List.of(
        run("r4", "metrics", RunSummary.FAILED, 4, "h2", Map.of("gold.flags", 7L), Map.of("gold.flags", 40L)),
        run("r1", "nightly", RunSummary.SUCCEEDED, 1, "h1", Map.of("silver.unit_year", 1L), Map.of("silver.unit_year", 3L)),
        run("r3", "ingest", RunSummary.SUCCEEDED_WITH_REJECTS, 3, "h1", Map.of("silver.unit_year", 2L), null),
        run("r2", "nightly", RunSummary.FAILED, 2, "h2", Map.of(), null));
    DeltaMerge.createAndAppend(lake, LakeTable.OPS_RUNS, spark.createDataFrame(runs, LakeTable.OPS_RUNS.schema()));

    Run.History h = Run.History.of(lake);
    assertEquals("r1", h.lastNightly().runId(), "a failed nightly is no basis to skip on");
    assertEquals("h1", h.lastNightly().configHash());
    assertEquals(Map.of("silver.unit_year", 1L), h.lastNightly().versions());

    RunRecord succeeded = h.lastSuccessful().orElseThrow();
    assertEquals("r3", succeeded.runId(), "a run with rejects succeeded, of any verb");
    assertEquals(Instant.parse("2026-03-03T01:05:00Z"), succeeded.finishedAt());
    assertEquals(Map.of("silver.unit_year", 2L), succeeded.tableVersions());
    assertEquals(java.util.Optional.of(succeeded), Run.lastSuccessful(lake));

    assertEquals(Map.of("gold.flags", 40L), h.lastCounted().rows(), "the last run that counted rows, failed or not");
    assertEquals(Map.of("gold.flags", 7L), h.lastCounted().versions());
  }

  @Test
  void onlyFailedRunsLeaveNothingToBuildOn() {
    Lake lake = new Lake(spark, tmp.resolve("failed").toString());
    DeltaMerge.createAndAppend(lake, LakeTable.OPS_RUNS, spark.createDataFrame(
        List.of(run("r1", "nightly", RunSummary.FAILED, 1, "h1", Map.of(), null)), LakeTable.OPS_RUNS.schema()));
    Run.History h = Run.History.of(lake);
    assertNull(h.lastNightly());
    assertEquals(java.util.Optional.empty(), h.lastSuccessful());
    assertNull(h.lastCounted());
  }
}
