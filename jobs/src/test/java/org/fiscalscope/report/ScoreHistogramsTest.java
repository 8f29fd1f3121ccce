package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.document.ScoreGrade;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

class ScoreHistogramsTest extends SparkTest {

  private static String row(int year, String group, String scope, Integer n, int binBelow60) {
    return "{\"fiscal_year\":" + year + ",\"peer_group\":\"" + group + "\"," + (scope == null ? "" : "\"scope\":\"" + scope + "\",")
        + "\"n\":" + n + ",\"median\":88.5,\"bin_below_60\":" + binBelow60 + ",\"grade_poor\":" + binBelow60 + "}";
  }

  @Test
  void theLatestYearsGroupsAllFirstThenTheLargestThenByName() {
    Dataset<Row> distribution = rows(LakeTable.GOLD_SCORE_DISTRIBUTION.schema(),
        row(2023, "all", "project", 50, 1), row(2023, "kind:old", "project", 40, 1), row(2023, "region:old", "project", 30, 1),
        row(2024, "region:X", "project", 6, 2), row(2024, "kind:行政", "unit", 2, 0), row(2024, "kind:行政", "project", 6, 3),
        row(2024, "all", "unit", 3, 0), row(2024, "all", "project", 10, 5), row(2024, "kind:事业", "project", 4, 1),
        row(2024, "class:201", null, null, 0));

    ScoreHistograms h = WindowWarnings.none(() -> ScoreHistograms.of(distribution, 3).orElseThrow());
    assertEquals(2024, h.fiscalYear());
    assertEquals(5, h.peerGroups(), "every group of the latest year is counted, shown or not");
    assertEquals(List.of("all", "kind:行政", "region:X"), h.shown().stream().map(ScoreHistograms.PeerGroup::name).toList(),
        "all first, then by size (6 and 6: by name)");
    ScoreHistograms.PeerGroup all = h.shown().get(0);
    assertEquals(List.of("project", "unit"), List.copyOf(all.byScope().keySet()));
    assertEquals(10, all.byScope().get("project").n());
    assertEquals(5L, all.byScope().get("project").bins().get(0));
    int poor = java.util.Arrays.asList(ScoreGrade.values()).indexOf(ScoreGrade.POOR);
    assertEquals(5L, all.byScope().get("project").grades().get(poor));
    assertEquals(88.5, all.byScope().get("unit").median());

    ScoreHistograms one = ScoreHistograms.of(distribution, 10).orElseThrow();
    assertEquals(5, one.shown().size());
    ScoreHistograms.PeerGroup last = one.shown().get(4);
    assertEquals("class:201", last.name(), "a group without a size comes last");
    assertTrue(last.byScope().containsKey("project"), "a row without a scope is a project row");
    assertNull(last.byScope().get("project").mean());

    assertTrue(ScoreHistograms.of(distribution.limit(0), 3).isEmpty(), "no rows, no histograms");
  }
}
