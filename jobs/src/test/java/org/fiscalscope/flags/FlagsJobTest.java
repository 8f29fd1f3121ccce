package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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

    DeltaMerge.upsert(lake, LakeTable.SILVER_PROJECT, projects(
        project("2023年市级就业资金", "170", "160", "94.12", "18.82", "98.82", 3)));
    MetricsJob.run(lake, MetricsConfig.defaults(), "r3");
    FlagsJob.Result corrected = FlagsJob.run(lake, withoutModel(), "r3");
    assertTrue(corrected.hasChanged());
    assertEquals(0, lake.read(LakeTable.GOLD_FLAGS).count(), "the corrected project is no longer flagged");
  }
}
