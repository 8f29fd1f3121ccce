package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.Tables;
import org.junit.jupiter.api.Test;

class MetricsJobTest extends SilverFixtures {

  @Test
  void emptySilverWritesNothing() {
    Lake lake = new Lake(spark, tmp.toString());
    assertTrue(MetricsJob.run(lake, MetricsConfig.defaults(), "r1").isEmpty());
    assertFalse(lake.exists(MetricsJob.EXECUTION), "no gold table is created for nothing");
  }

  @Test
  void aSecondRunOverTheSameSilverChangesNoTable() {
    Lake lake = new Lake(spark, tmp.toString());
    DeltaMerge.upsert(lake, Tables.SILVER_UNIT_YEAR, unitYears(SAMPLE));
    DeltaMerge.upsert(lake, Tables.SILVER_FUNCTION_LINE, sampleFunctions());
    DeltaMerge.upsert(lake, Tables.SILVER_PROJECT, sampleProjects());

    MetricsJob.Result first = MetricsJob.run(lake, MetricsConfig.defaults(), "r1");
    assertEquals(7L, first.rows().get("gold.execution"), "unit + 4 functions + 2 projects");
    assertEquals(5L, first.rows().get("gold.three_public_trend"));
    assertEquals(1L, first.rows().get("gold.credibility"));
    assertEquals("95.29", lake.read(MetricsJob.EXECUTION).where("level = 'unit'").first()
        .getAs("rate_recomputed_pct").toString());

    MetricsJob.Result second = MetricsJob.run(lake, MetricsConfig.defaults(), "r2");
    assertEquals(first.rows(), second.rows());
    assertEquals(0, lake.read(MetricsJob.EXECUTION).where("run_id = 'r2'").count(), "unchanged rows keep run r1");
    assertEquals(first.versions(), second.versions(), "nothing changed: no table gets a new version");
  }
}
