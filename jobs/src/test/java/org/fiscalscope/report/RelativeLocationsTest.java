package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeCatalog;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.pipeline.Progress;
import org.fiscalscope.pipeline.ReportStage;
import org.fiscalscope.pipeline.Run;
import org.fiscalscope.pipeline.RunSummary;
import org.fiscalscope.pipeline.Settings;
import org.junit.jupiter.api.Test;

/**
 * A lake, a report folder and a run summary given relative to the working folder, as a user types them
 * ({@code --lake lake}): tables are created, read by name and written under the working folder.
 */
class RelativeLocationsTest extends SparkTest {

  @Test
  void aRelativeLakeReportAndSummaryLandUnderTheWorkingFolder() {
    Path base = Path.of("jobs", "target", "relative-" + System.nanoTime());
    assertTrue(!base.isAbsolute());
    try {
      // Creating the tables runs CREATE TABLE delta.`<lake>/…`, which Delta reads as a path only when absolute.
      Lake lake = ReportFixtures.fullLake(spark, base.resolve("lake"), this::rows);
      assertEquals("file:" + base.resolve("lake").toAbsolutePath(), lake.root());
      assertTrue(Files.isDirectory(base.resolve("lake/silver/unit_year/_delta_log")), "the table is under the working folder");

      String reports = base.resolve("reports").toString();
      Settings settings = Settings.load(null).withPaths(null, base.resolve("lake").toString(), reports);
      RunSummary summary = Run.execute("report", new Lake(spark, base.resolve("lake").toString()), settings,
          List.of(new ReportStage(LocalDate.of(2026, 3, 3))), new Progress(new PrintStream(new ByteArrayOutputStream(),
              true, StandardCharsets.UTF_8), 1));
      assertEquals(RunSummary.SUCCEEDED, summary.status(), summary.error());
      assertTrue(Files.isRegularFile(base.resolve("reports/2026-03-03/index.html")));
      assertTrue(Files.isDirectory(base.resolve("reports/2026-03-03/csv")), "the CSV exports beside it");

      summary.writeTo(base.resolve("summaries/run.json").toString(), spark.sparkContext().hadoopConfiguration());
      assertTrue(Files.isRegularFile(base.resolve("summaries/run.json")));

      LakeCatalog.register(new Lake(spark, base.resolve("lake").toString()));
      assertEquals(7L, spark.sql("SELECT count(*) FROM " + LakeTable.SILVER_UNIT_YEAR).head().getLong(0));
      assertEquals(1L, spark.sql("SELECT count(*) FROM ops.runs").head().getLong(0));
    } finally {
      deleteRecursively(base);
    }
  }
}
