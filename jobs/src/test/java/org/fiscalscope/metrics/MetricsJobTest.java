package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
