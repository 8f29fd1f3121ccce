package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Judging the commits after a recorded version, on histories written by hand (no Spark). */
class OutsideWritesTest {

  private static final LakeTable PROJECT = LakeTable.SILVER_PROJECT;
  private final List<Row> history = new ArrayList<>();

  private OutsideWritesTest commit(long version, String operation, Map<String, String> parameters, String userMetadata) {
    history.add(RowFactory.create(version, Timestamp.valueOf("2026-03-03 12:00:0" + (version % 10)), operation,
        scala.jdk.javaapi.CollectionConverters.asScala(parameters), userMetadata));
    return this;
  }

  private OutsideWrites.Change judge(long recorded, long current) {
    return OutsideWrites.judge(PROJECT, "/lake/silver/project", "run-1", recorded, current, history);
  }

  @Test
  void commitsOfRunsAreNotReported() {
    commit(5, "MERGE", Map.of(), "fiscalscope run run-2").commit(6, "WRITE", Map.of("mode", "Append"), "fiscalscope run run-3");
    assertNull(judge(4, 6));
  }

  @Test
  void aDeleteIsReportedWithTheStatementThatUndoesIt() {
    commit(4, "MERGE", Map.of(), "fiscalscope run run-1").commit(5, "DELETE", Map.of("predicate", "[\"(unit_id = 'A')\"]"), null)
        .commit(6, "MERGE", Map.of(), "fiscalscope run run-2");
    OutsideWrites.Change c = judge(4, 6);
    assertTrue(c.hasChangedRows());
    assertEquals(List.of(5L), c.commits().stream().map(OutsideWrites.Commit::version).toList());
    assertEquals("RESTORE TABLE delta.`/lake/silver/project` TO VERSION AS OF 4", c.restoreStatement());
    assertTrue(c.describe().startsWith("silver.project was changed outside a FiscalScope run after run run-1 left it at"
        + " version 4: version 5, DELETE at 2026-03-03T12:00:05Z (predicate [\"(unit_id = 'A')\"]); undo it with RESTORE"), c.describe());
  }

  @Test
  void aRestoreToTheRecordedVersionUndoesWhatCameBefore() {
    commit(5, "UPDATE", Map.of("predicate", "true"), null).commit(6, "RESTORE", Map.of("version", "4"), null);
    assertNull(judge(4, 6));
  }

  @Test
  void aRestoreToAnotherVersionIsItselfAChange() {
    commit(5, "RESTORE", Map.of("version", "0"), null);
    OutsideWrites.Change c = judge(4, 5);
    assertTrue(c.hasChangedRows());
    assertTrue(c.describe().contains("version 5, RESTORE at"), c.describe());
  }

  @Test
  void vacuumAndOptimizeKeepTheRowsButAreNamed() {
    commit(5, "VACUUM START", Map.of("specifiedRetentionMillis", "0"), null).commit(6, "VACUUM END", Map.of(), null);
    OutsideWrites.Change c = judge(4, 6);
    assertFalse(c.hasChangedRows());
    assertTrue(c.describe().contains("its rows are unchanged, but versions before the VACUUM may no longer be readable"),
        c.describe());
  }

  @Test
  void aTableRemovedOrReplacedOutsideARunIsNamed() {
    OutsideWrites.Change removed = new OutsideWrites.Change(PROJECT, "/lake/silver/project", "run-1", 4, -1, List.of(), true);
    assertTrue(removed.describe().startsWith("silver.project was removed outside a FiscalScope run"), removed.describe());
    assertNull(removed.restoreStatement());
  }
}
