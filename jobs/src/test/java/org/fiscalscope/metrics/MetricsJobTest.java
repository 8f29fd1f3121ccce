package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Encoders;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

class MetricsJobTest extends SilverFixtures {

  @Test
  void emptySilverWritesNothing() {
    Lake lake = new Lake(spark, tmp.toString());
    assertTrue(MetricsJob.run(lake, MetricsConfig.defaults(), "r1").isEmpty());
    assertFalse(lake.exists(LakeTable.GOLD_EXECUTION), "no gold table is created for nothing");
  }

  @Test
  void aSecondRunOverTheSameSilverChangesNoTable() {
    Lake lake = new Lake(spark, tmp.toString());
    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, unitYears(SAMPLE));
    DeltaMerge.upsert(lake, LakeTable.SILVER_FUNCTION_LINE, sampleFunctions());
    DeltaMerge.upsert(lake, LakeTable.SILVER_PROJECT, sampleProjects());

    MetricsJob.Result first = MetricsJob.run(lake, MetricsConfig.defaults(), "r1");
    assertEquals(7L, first.rows().get(LakeTable.GOLD_EXECUTION), "unit + 4 functions + 2 projects");
    assertEquals(5L, first.rows().get(LakeTable.GOLD_THREE_PUBLIC_TREND));
    assertEquals(1L, first.rows().get(LakeTable.GOLD_CREDIBILITY));
    assertEquals("95.29", lake.read(LakeTable.GOLD_EXECUTION).where("level = 'unit'").first()
        .getAs("rate_recomputed_pct").toString());

    java.util.List<String> held = heldBlocks();
    MetricsJob.Result second = MetricsJob.run(lake, MetricsConfig.defaults(), "r2");
    assertEquals(first.rows(), second.rows());
    assertEquals(0, lake.read(LakeTable.GOLD_EXECUTION).where("run_id = 'r2'").count(), "unchanged rows keep run r1");
    assertEquals(first.versions(), second.versions(), "nothing changed: no table gets a new version");
    assertEquals(held, heldBlocks(), "the second run compared the kept gold rows, then released them");
  }

  /**
   * A run after silver gains a unit-year writes the gold rows of the groups that changed, not the tables: the new
   * unit-year's rows are appended (no MERGE), the others keep the run that wrote them; a later change of one unit-year
   * merges only the groups it changes. Each time every gold table holds what a first run over the same silver writes.
   */
  @Test
  void laterRunsWriteOnlyTheGroupsThatChanged() {
    Lake lake = new Lake(spark, tmp.resolve("nightly").toString());
    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, unitYears(SAMPLE));
    DeltaMerge.upsert(lake, LakeTable.SILVER_FUNCTION_LINE, sampleFunctions());
    DeltaMerge.upsert(lake, LakeTable.SILVER_PROJECT, sampleProjects());
    MetricsJob.run(lake, MetricsConfig.defaults(), "r1");

    String nextYear = SAMPLE.replace("\"fiscal_year\":2023", "\"fiscal_year\":2024")
        .replace("\"sha-qs\"", "\"sha-qs-2024\"");
    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, unitYears(nextYear));
    MetricsJob.Result second = MetricsJob.run(lake, MetricsConfig.defaults(), "r2");
    assertEquals("WRITE", lastOperation(lake, LakeTable.GOLD_EXECUTION), "a new unit-year's rows are appended");
    assertEquals("WRITE", lastOperation(lake, LakeTable.GOLD_CREDIBILITY));
    assertEquals(java.util.List.of("2023 r1", "2024 r2"), yearsAndRuns(lake, LakeTable.GOLD_EXECUTION));
    assertEquals(2L, second.rows().get(LakeTable.GOLD_CREDIBILITY));
    assertSameGold(lake, "fresh-2");

    // 2024's actual spending changes: its rows are rewritten by a MERGE of that unit-year; 2023's stay as they were.
    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, unitYears(nextYear.replace("\"actual_final\":547.39",
        "\"actual_final\":500.00")));
    long before = lake.version(LakeTable.GOLD_EXECUTION);
    MetricsJob.run(lake, MetricsConfig.defaults(), "r3");
    assertEquals(before + 1, lake.version(LakeTable.GOLD_EXECUTION));
    assertEquals("MERGE", lastOperation(lake, LakeTable.GOLD_EXECUTION));
    assertEquals(java.util.List.of("2023 r1", "2024 r3"), yearsAndRuns(lake, LakeTable.GOLD_EXECUTION));
    assertSameGold(lake, "fresh-3");
  }

  private static String lastOperation(Lake lake, LakeTable table) {
    return lake.delta(table).history(1).select("operation").head().getString(0);
  }

  /** The distinct (fiscal year, run id) pairs of a gold table, sorted. */
  private static java.util.List<String> yearsAndRuns(Lake lake, LakeTable table) {
    return lake.read(table).selectExpr("concat(fiscal_year, ' ', run_id)").distinct().as(Encoders.STRING())
        .collectAsList().stream().sorted().toList();
  }

  /** Every gold table of {@code lake} holds, run ids aside, what a first run over a copy of its silver writes. */
  private void assertSameGold(Lake lake, String freshFolder) {
    Lake fresh = new Lake(spark, tmp.resolve(freshFolder).toString());
    for (LakeTable silver : java.util.List.of(LakeTable.SILVER_UNIT_YEAR, LakeTable.SILVER_FUNCTION_LINE,
        LakeTable.SILVER_PROJECT)) {
      DeltaMerge.upsert(fresh, silver, lake.read(silver));
    }
    MetricsJob.run(fresh, MetricsConfig.defaults(), "fresh");
    for (LakeTable gold : LakeTable.values()) {
      if (gold.owner() == LakeTable.Owner.METRICS && fresh.exists(gold)) {
        assertEquals(contentOf(fresh, gold), contentOf(lake, gold), gold + " as a first run writes it");
      }
    }
  }

  private static java.util.List<String> contentOf(Lake lake, LakeTable table) {
    return lake.read(table).drop("run_id").toJSON().collectAsList().stream().sorted().toList();
  }
}
