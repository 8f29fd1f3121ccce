package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeDoctor;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/** A lake after {@code ingest} alone is whole: the doctor finds no problem, and calls the gold tables not computed yet. */
class IngestOnlyLakeTest extends SparkTest {

  /** A document with no finding, in a batch with no reject: neither silver.finding nor bronze.rejects gets a row. */
  private static final String DOCUMENT = """
      {"fiscal_year": 2022, "unit": {"name": "滨江区第二中学"}, "totals": {"income_total": 100}}
      """;

  private static RunSummary run(String verb, Lake lake, Path landing, List<Stage> stages) {
    Settings settings = Settings.load(null).withPaths(landing.toString(), lake.root(), null);
    return Run.execute(verb, lake, settings, stages,
        new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stages.size()));
  }

  @Test
  void anIngestWithoutFindingsOrRejectsLeavesEveryTableItOwnsAndNoStrayFile() throws IOException {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(landing.resolve("b.json"), DOCUMENT, StandardCharsets.UTF_8);
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());

    RunSummary s = run("ingest", lake, landing, List.of(new IngestStage()));
    assertEquals(RunSummary.SUCCEEDED, s.status(), s.error());

    for (LakeDoctor.TableHealth h : new LakeDoctor(lake).examine()) {
      assertTrue(h.isHealthy(), h.table() + ": " + h.problems());
      if (h.table().layer() == LakeTable.Layer.GOLD) {
        assertEquals(-1, h.version());
        assertEquals(1, h.notes().size(), h.notes().toString());
        assertTrue(h.notes().get(0).startsWith("not computed yet"), h.notes().toString());
      } else {
        assertTrue(h.version() >= 0, h.table() + " exists");
        assertEquals(List.of(), h.notes(), h.table() + " has no file outside its versions");
      }
    }
    assertEquals(0L, lake.read(LakeTable.SILVER_FINDING).count());
    assertEquals(0L, lake.read(LakeTable.BRONZE_REJECTS).count());

    var versions = Run.versions(lake);
    assertEquals(RunSummary.SUCCEEDED, run("ingest", lake, landing, List.of(new IngestStage())).status());
    assertEquals(versions, Run.versions(lake), "a second ingest of the same folder commits nothing");
  }

  @Test
  void aLandingLargerThanABatchIsIngestedInBatchesEachShownOnTheConsole() throws IOException {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(landing.resolve("b.json"), DOCUMENT, StandardCharsets.UTF_8);
    Files.writeString(landing.resolve("c.json"), DOCUMENT.replace("2022", "2023"), StandardCharsets.UTF_8);
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    Settings loaded = Settings.load(null).withPaths(landing.toString(), lake.root(), null);
    Settings oneFileABatch = new Settings(loaded.paths(), loaded.spark(),
        new Settings.IngestSettings(null, null, 1), loaded.metrics(), loaded.flags());
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    RunSummary s = Run.execute("ingest", lake, oneFileABatch, List.of(new IngestStage()),
        new Progress(new PrintStream(console, true, StandardCharsets.UTF_8), 1));
    assertEquals(RunSummary.SUCCEEDED, s.status(), s.error());
    String shown = console.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("      ingest    batch 1 of 2: 1 new files\n      ingest    batch 2 of 2: 1 new files\n"),
        shown);
    assertEquals(2L, lake.read(LakeTable.SILVER_UNIT_YEAR).count());
  }

  @Test
  void aGoldTableARunRecordedAndTheStorageLostIsAProblem() throws IOException {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    LakeTable flags = LakeTable.GOLD_FLAGS;
    lake.ensure(flags);
    assertEquals(RunSummary.SUCCEEDED, run("flags", lake, landing, List.of()).status());
    deleteRecursively(tmp.resolve("lake/gold/flags"));

    LakeDoctor.TableHealth h = new LakeDoctor(lake).examine(flags);
    assertFalse(h.isHealthy(), "a run recorded it, so it was computed and is now lost");
    assertTrue(h.problems().get(0).startsWith("missing: no Delta table at"), h.problems().toString());
    assertTrue(new LakeDoctor(lake).examine(LakeTable.GOLD_EXECUTION).isHealthy(), "never computed");
  }
}
