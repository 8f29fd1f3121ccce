package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.cli.Main;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * A table changed outside a FiscalScope run — here rows deleted through Delta directly — is reported by the next
 * nightly run (console, summary, ops.runs) and by {@code doctor}, with the commit and the RESTORE statement that
 * undoes it; the run does not build gold on changed silver unless told to; gold changed that way is rebuilt.
 */
class OutsideChangeIT extends SparkTest {

  private static final LakeTable FLAGS = LakeTable.GOLD_FLAGS;
  private static final LakeTable EXECUTION = LakeTable.GOLD_EXECUTION;

  private Lake lake;
  private Settings settings;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunSummary nightly(Run.OnOutsideChanges on) {
    console.reset();
    // The report reads only gold and is not what this test is about: ingest, metrics and flags.
    List<Stage> stages = NightlyStages.all(settings, LocalDate.of(2026, 3, 3)).stream()
        .filter(s -> !s.name().equals(ReportStage.NAME)).toList();
    return Run.execute("nightly", lake, settings, stages,
        new Progress(new PrintStream(console, true, StandardCharsets.UTF_8), stages.size()), on);
  }

  private String shown() {
    return console.toString(StandardCharsets.UTF_8);
  }

  /** {@code doctor}'s exit code and what it printed. */
  private String doctor(int expectedExit) {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.run("doctor", "--lake", lake.root(), "--master", "local[2]");
    } finally {
      System.setOut(out);
      spark.conf().set("spark.sql.shuffle.partitions", "2");
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, exit, text);
    return text;
  }

  @Test
  void aDeleteOutsideARunIsReportedByTheNextNightlyAndByDoctor() {
    Path landing = tmp.resolve("landing");
    assertEquals(0, Main.run("generate", "--units", "4", "--years", "2", "--last-year", "2023", "--seed", "5",
        "--out", landing.toString()));
    lake = new Lake(spark, tmp.resolve("lake").toString());
    settings = Settings.load(null).withPaths(landing.toString(), lake.root(), tmp.resolve("reports").toString());

    RunSummary first = nightly(Run.OnOutsideChanges.STOP);
    assertEquals(RunSummary.SUCCEEDED, first.status(), first.error());
    assertFalse(shown().contains("warning:"), shown());
    long projectVersion = first.tableVersions().get("silver.project");
    long flagsVersion = first.tableVersions().get("gold.flags");
    String unit = lake.read(LakeTable.SILVER_PROJECT).select("unit_id").orderBy("unit_id").head().getString(0);
    long projects = lake.read(LakeTable.SILVER_PROJECT).count();

    // Someone deletes a unit's projects through Delta, outside any run.
    DeltaTable.forPath(spark, lake.path(LakeTable.SILVER_PROJECT)).delete("unit_id = '" + unit + "'");
    String restore = "RESTORE TABLE delta.`" + lake.path(LakeTable.SILVER_PROJECT) + "` TO VERSION AS OF " + projectVersion;

    String doctor = doctor(1);
    assertTrue(doctor.contains("PROBLEM silver.project was changed outside a FiscalScope run after run " + first.runId()
        + " left it at version " + projectVersion + ": version " + (projectVersion + 1) + ", DELETE at "), doctor);
    assertTrue(doctor.contains("predicate") && doctor.contains("undo it with " + restore), doctor);

    RunSummary stopped = nightly(Run.OnOutsideChanges.STOP);
    assertEquals(RunSummary.FAILED, stopped.status());
    assertTrue(shown().contains("warning: silver.project was changed outside a FiscalScope run"), shown());
    assertTrue(stopped.error().startsWith("lake check: silver.project was changed outside") && stopped.error().contains(restore)
        && stopped.error().contains("--accept-outside-changes"), stopped.error());
    assertEquals(1, stopped.outsideChanges().size());
    assertTrue(stopped.toJson().contains("\"outside_changes\""), "the JSON summary names the change");
    assertEquals(flagsVersion, lake.version(FLAGS), "no gold is built on the changed silver");
    Row recorded = lake.read(LakeTable.OPS_RUNS).where("run_id = '" + stopped.runId() + "'")
        .selectExpr("status", "outside_changes[0].table_name", "outside_changes[0].recorded_version",
            "outside_changes[0].has_changed_rows").head();
    assertEquals("[failed,silver.project," + projectVersion + ",true]", recorded.toString());

    // The RESTORE statement doctor printed puts the table back; the next run finds nothing to report.
    spark.sql(restore);
    assertEquals(projects, lake.read(LakeTable.SILVER_PROJECT).count());
    RunSummary restored = nightly(Run.OnOutsideChanges.STOP);
    assertEquals(RunSummary.SUCCEEDED, restored.status(), restored.error());
    assertNull(restored.outsideChanges());
    assertFalse(shown().contains("warning:"), shown());
    assertTrue(doctor(0).contains("healthy"));

    // Gold changed outside a run is reported and rebuilt from silver.
    long rates = lake.read(EXECUTION).count();
    DeltaTable.forPath(spark, lake.path(EXECUTION)).delete("unit_id = '" + unit + "'");
    assertTrue(lake.read(EXECUTION).count() < rates);
    RunSummary rebuilt = nightly(Run.OnOutsideChanges.STOP);
    assertEquals(RunSummary.SUCCEEDED, rebuilt.status(), rebuilt.error());
    assertTrue(shown().contains("warning: gold.execution was changed outside a FiscalScope run")
        && shown().contains("gold is rebuilt"), shown());
    assertEquals(rates, lake.read(EXECUTION).count(), "the deleted execution rates are back");

    // Told to, a run builds on changed silver: gold then follows it.
    DeltaTable.forPath(spark, lake.path(LakeTable.SILVER_PROJECT)).delete("unit_id = '" + unit + "'");
    RunSummary accepted = nightly(Run.OnOutsideChanges.BUILD_ON_THEM);
    assertEquals(RunSummary.SUCCEEDED, accepted.status(), accepted.error());
    assertTrue(accepted.outsideChanges().get(0).startsWith("silver.project was changed outside"), accepted.outsideChanges().toString());
    assertEquals(0, lake.read(EXECUTION).where("unit_id = '" + unit + "' AND level = 'project'").count(),
        "gold follows the accepted silver");
    assertTrue(doctor(0).contains("healthy"), "accepted by a successful run, the change is no longer reported");
  }
}
