package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.metrics.MetricsConfig;
import org.fiscalscope.metrics.MetricsJob;
import org.fiscalscope.metrics.SilverFixtures;
import org.junit.jupiter.api.Test;

class FlagsJobTest extends SilverFixtures {

  private static FlagsConfig withoutModel() throws Exception {
    return FlagsConfig.from(new ObjectMapper().readTree("{\"multivariate\": {\"enabled\": false}}"));
  }

  @Test
  void flagsKeepTheirFirstRunAndVanishWhenNoLongerRaised() throws Exception {
    Lake lake = new Lake(spark, tmp.toString());
    assertTrue(FlagsJob.run(lake, withoutModel(), "r0").isEmpty(), "empty silver: nothing judged");
    assertFalse(lake.exists(LakeTable.GOLD_FLAGS));

    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, unitYears(SAMPLE));
    DeltaMerge.upsert(lake, LakeTable.SILVER_PROJECT, sampleProjects());
    DeltaMerge.upsert(lake, LakeTable.SILVER_PROVENANCE, provenance("{\"unit_id\":\"QS\",\"fiscal_year\":2023,"
        + "\"field\":\"/performance/projects/2/execution_rate_pct\",\"line\":1383,\"text\":\"170 142.94 84.08% 16.8\"}"));
    java.util.List<String> held = heldBlocks();
    MetricsJob.run(lake, MetricsConfig.defaults(), "r1");
    FlagsJob.Result first = FlagsJob.run(lake, withoutModel(), "r1");
    assertEquals(held, heldBlocks(), "metrics and flags released the rows they kept");
    assertTrue(first.hasChanged());
    assertEquals(List.of("[r1,low_execution,2023年市级就业资金,1383,170 142.94 84.08% 16.8]"),
        sorted(lake.read(LakeTable.GOLD_FLAGS).select("run_id", "rule", "subject", "source_line", "source_text")));

    FlagsJob.Result again = FlagsJob.run(lake, withoutModel(), "r2");
    assertFalse(again.hasChanged(), "same flags: no commit");
    assertEquals(first.tableVersion(), again.tableVersion());

    // The next year's disclosure, its project again under-executed: its flag is appended (no MERGE of the table);
    // 2023's flag keeps run r1.
    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, unitYears(nextYear(SAMPLE)));
    DeltaMerge.upsert(lake, LakeTable.SILVER_PROJECT, projects(nextYear(
        project("2024年市级就业资金", "170", "142.94", "84.08", "16.8", "96.8", 3))));
    MetricsJob.run(lake, MetricsConfig.defaults(), "r2");
    assertTrue(FlagsJob.run(lake, withoutModel(), "r2").hasChanged());
    assertEquals("WRITE", lastOperation(lake));
    assertEquals(List.of("[r1,2023,low_execution]", "[r2,2024,low_execution]"),
        sorted(lake.read(LakeTable.GOLD_FLAGS).select("run_id", "fiscal_year", "rule")));

    DeltaMerge.upsert(lake, LakeTable.SILVER_PROJECT, projects(
        project("2023年市级就业资金", "170", "160", "94.12", "18.82", "98.82", 3)));
    MetricsJob.run(lake, MetricsConfig.defaults(), "r3");
    FlagsJob.Result corrected = FlagsJob.run(lake, withoutModel(), "r3");
    assertTrue(corrected.hasChanged());
    assertEquals("MERGE", lastOperation(lake));
    assertEquals(List.of("[r2,2024,low_execution]"),
        sorted(lake.read(LakeTable.GOLD_FLAGS).select("run_id", "fiscal_year", "rule")),
        "the corrected project is no longer flagged; the other unit-year's flag is left as it was");
  }

  private static String nextYear(String json) {
    return json.replace("\"fiscal_year\":2023", "\"fiscal_year\":2024").replace("\"sha-qs\"", "\"sha-qs-2024\"");
  }

  private static String lastOperation(Lake lake) {
    return lake.delta(LakeTable.GOLD_FLAGS).history(1).select("operation").head().getString(0);
  }

  /**
   * A province's flags, written as their partitions lie, are one partition per fiscal year, so each file holds one
   * year; a later change of one year's flags rewrites that year's files and leaves the others' as they were.
   */
  @Test
  void aLargeNewTableHoldsAYearPerFileAndAChangeOfOneYearRewritesOnlyItsFiles() {
    Lake lake = new Lake(spark, tmp.toString());
    java.util.function.Function<String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> flags = severity2024 ->
        rows(LakeTable.GOLD_FLAGS.schema(), java.util.stream.IntStream.rangeClosed(2021, 2024).boxed()
            .flatMap(year -> java.util.stream.Stream.of("A", "B").map(unit -> String.format("{\"run_id\":\"r1\","
                + "\"rule\":\"low_execution\",\"family\":\"rule\",\"unit_id\":\"%s\",\"fiscal_year\":%d,"
                + "\"subject\":\"unit\",\"severity\":\"%s\"}", unit, year, year == 2024 ? severity2024 : "warning")))
            .toArray(String[]::new)).repartition(3);
    // The count stands for a province's, so the table is written as its partitions lie.
    assertTrue(FlagsJob.replaceAll(lake, flags.apply("warning"), FlagsJob.UNBINNED_FLAGS, 4));
    Map<Integer, String> before = fileOfEachYear(lake);
    assertEquals(4, new java.util.HashSet<>(before.values()).size(), "one file per year: " + before);

    assertTrue(FlagsJob.replaceAll(lake, flags.apply("severe"), FlagsJob.UNBINNED_FLAGS, 4));
    Map<Integer, String> after = fileOfEachYear(lake);
    for (int year = 2021; year <= 2023; year++) {
      assertEquals(before.get(year), after.get(year), year + "'s flags did not change: their file is not rewritten");
    }
    assertFalse(before.get(2024).equals(after.get(2024)), "2024's flags changed: its file is rewritten");
    assertEquals(List.of("[2024,severe]", "[2024,severe]"), sorted(lake.read(LakeTable.GOLD_FLAGS)
        .where("fiscal_year = 2024").select("fiscal_year", "severity")));
  }

  /** The file holding each fiscal year's flags (failing when a year's flags lie in several files or a file holds two years). */
  private static Map<Integer, String> fileOfEachYear(Lake lake) {
    Map<Integer, String> files = new java.util.TreeMap<>();
    for (org.apache.spark.sql.Row r : lake.read(LakeTable.GOLD_FLAGS)
        .select(col("fiscal_year"), input_file_name()).distinct().collectAsList()) {
      assertEquals(null, files.put(r.getInt(0), r.getString(1)), "a year's flags in one file");
    }
    assertEquals(files.size(), new java.util.HashSet<>(files.values()).size(), "a file holds one year: " + files);
    return files;
  }
}
