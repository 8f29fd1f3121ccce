package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fiscalscope.SparkTest;
import org.fiscalscope.cli.Main;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * A configuration whose {@code flags} or {@code metrics} settings are wrong fails the nightly before ingest commits
 * anything: no table of the lake, bronze included, gets a new version, and no run is recorded.
 */
class ConfigBeforeCommitTest extends SparkTest {

  private static final String DOCUMENT = """
      {"fiscal_year": %d, "unit": {"name": "滨江区第二中学"}, "totals": {"income_total": 100}}
      """;

  private static RunSummary ingest(Lake lake, Path landing, Settings settings) {
    List<Stage> stages = List.of(new IngestStage());
    return Run.execute("ingest", lake, settings.withPaths(landing.toString(), lake.root(), null), stages,
        new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stages.size()));
  }

  /** The version of every table of the lake, ops.runs included (-1: absent). */
  private static Map<LakeTable, Long> versions(Lake lake) {
    Map<LakeTable, Long> v = new java.util.LinkedHashMap<>();
    for (LakeTable t : LakeTable.all()) {
      v.put(t, lake.version(t));
    }
    return v;
  }

  @Test
  void aWrongFlagsThresholdFailsTheNightlyBeforeIngestCommits() throws IOException {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(landing.resolve("a.json"), DOCUMENT.formatted(2022), StandardCharsets.UTF_8);
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    assertEquals(RunSummary.SUCCEEDED, ingest(lake, landing, Settings.load(null)).status());
    Files.writeString(landing.resolve("b.json"), DOCUMENT.formatted(2023), StandardCharsets.UTF_8);
    Map<LakeTable, Long> before = versions(lake);
    assertTrue(before.get(LakeTable.BRONZE_DOCUMENTS) >= 0, before.toString());

    Path reports = tmp.resolve("reports");
    for (String flags : List.of("flags:\n  robust-z:\n    threshold: -1\n",
        "flags:\n  execution-rate:\n    warning-line: 90\n",
        "flags:\n  execution-rate:\n    severe-below: 95\n",
        "metrics:\n  peer-groups: [all, town]\n")) {
      Path conf = Files.writeString(tmp.resolve("bad.yaml"), flags, StandardCharsets.UTF_8);
      int exit = Main.run("nightly", "--conf", conf.toString(), "--landing", landing.toString(),
          "--lake", lake.root(), "--report", reports.toString(), "--master", "local[2]");
      assertEquals(1, exit, flags);
      assertEquals(before, versions(lake), "no table got a new version with\n" + flags);
      assertFalse(Files.exists(reports), "no report either");
    }

    // The same lake and landing with a valid configuration do commit the new document.
    Path good = Files.writeString(tmp.resolve("good.yaml"), "flags:\n  robust-z:\n    threshold: 3\n",
        StandardCharsets.UTF_8);
    assertEquals(RunSummary.SUCCEEDED, ingest(lake, landing, Settings.load(good.toString())).status());
    assertNotEquals(before.get(LakeTable.BRONZE_DOCUMENTS), lake.version(LakeTable.BRONZE_DOCUMENTS));
  }
}
