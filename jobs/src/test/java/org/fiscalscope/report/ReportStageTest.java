package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.pipeline.Progress;
import org.fiscalscope.pipeline.ReportStage;
import org.fiscalscope.pipeline.Run;
import org.fiscalscope.pipeline.RunSummary;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.StageReport;
import org.junit.jupiter.api.Test;

class ReportStageTest extends SparkTest {

  @Test
  void theStageNamesItsPageAndCountsWhatItDrew() {
    Lake lake = ReportFixtures.fullLake(spark, tmp.resolve("lake"), this::rows);
    String reports = tmp.resolve("reports").toString();
    Settings settings = Settings.load(null).withPaths(null, lake.root(), reports);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    ReportStage stage = new ReportStage(LocalDate.of(2026, 3, 3));

    RunSummary summary = Run.execute("report", lake, settings, List.of(stage),
        new Progress(new PrintStream(progress, true, StandardCharsets.UTF_8), 1));

    assertEquals(RunSummary.SUCCEEDED, summary.status(), summary.error());
    String shown = progress.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("writing " + reports + "/2026-03-03/index.html"), shown);
    StageReport report = summary.stages().get(0);
    assertEquals("report", report.name());
    assertEquals(4L, report.counts().get("unit_pages"));
    assertEquals(12L, report.counts().get("charts"));
    assertEquals(3L, report.counts().get("flags"));
    assertEquals(7L, report.counts().get("csv_tables"), "every gold table of the fixture lake, disclosure quality and per-capita included");
    assertTrue(Files.exists(tmp.resolve("reports/2026-03-03/index.html")));
  }
}
