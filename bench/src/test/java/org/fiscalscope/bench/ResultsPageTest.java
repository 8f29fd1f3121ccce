package org.fiscalscope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fiscalscope.cluster.LakeComparison;
import org.fiscalscope.cluster.StandaloneCluster;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

class ResultsPageTest {

  @Test
  void ratiosAgainstDuckDbAndTheWorkOfEachStageAreShown() {
    StageTimes wall = new StageTimes();
    Map<String, Double> stages = Map.of("ingest", 10.0, "metrics", 6.0, "flags", 4.0);
    wall.add(stages, 22.0);
    StageWork.Series work = new StageWork.Series();
    work.add(stages, Map.of("INGEST", new StageWork.Work(15.0, 40, 3, 5, 7.5),
        "METRICS", new StageWork.Work(8.0, 60, 6, 11, 2.0), "other", new StageWork.Work(0.0, 2, 0, 0, 0.1)),
        Map.of("ingest", 9, "metrics", 6, "nightly", 2));
    ScaleResult r = new ScaleResult(new Scale(10_000, 5, 1, false), wall, work, Timings.of(3.0), Timings.of(0.5),
        List.of(new DuckDbMetrics.Check("execution rate", 10, 10, 0)), 1L << 30, 2.0, 1.0, "0.50");
    String md = ResultsPage.render(new ResultsPage.Context("2026-01-01 00:00 UTC", 2, 4_000_000_000L, "0 0 0", "0.5",
        "local[2]", "17", 50.0, List.of(40.0, 38.0, 41.5), new ExtractionThroughput.Result(64, 36.0, 300.0), 1.0), List.of(r));
    assertTrue(md.contains("| 10k | metrics + flags | DuckDB | 1 | 0.50 | 0.50 | 20.0× (min) / 20.0× (median) |"), md);
    assertTrue(md.contains("| 10k | metrics + flags, computed without the Delta writes | FiscalScope | 1 | 3.00 | 3.00 | "
        + "6.0× (min) / 6.0× (median) |"), md);
    assertTrue(md.contains("| 10k | ingest | 40 | 3 | 5 | 9 | 15.0 | 2.5 |"), md);
    assertTrue(md.contains("from a cold JVM: 50.0 s the first run of a build (no class-data-sharing archive yet: the run "
        + "records the classes it loads); with the launcher's archive mapped, as in every later run: 40.0 s median of 3 "
        + "(40.0, 38.0, 41.5 s).\n"), md);
    assertTrue(md.contains("| 10k | metrics | 60 | 6 | 11 | 6 | 8.0 | 4.0 |"), md);
    assertTrue(md.contains("| 10k | flags | 0 | 0 | 0 | 0 |  | 4.0 |"), md);
    assertTrue(md.contains("| 10k | nightly | 0 | 0 | 0 | 2 |  |  |"), md);
    assertTrue(md.contains("| 10k | all stages | 102 | 9 | 16 | 17 | 23.0 | 10.5 |"), md);
    String section = md.substring(md.indexOf("## Work per stage"));
    assertTrue(section.indexOf("| 10k | ingest |") < section.indexOf("| 10k | flags |")
        && section.indexOf("| 10k | flags |") < section.indexOf("| 10k | nightly |")
        && section.indexOf("| 10k | other |") < section.indexOf("| 10k | all stages |"), "run order, then the rest: " + section);
  }

  @Test
  void theClusterSectionIsReplacedInPlaceAndKeptWhenTheScalesAreRewritten() {
    String page = "# Benchmark results\n\nscales\n\n## Standalone cluster\n\nold run\n\n## Reading these figures\n\nby hand\n";
    String replaced = ResultsPage.withSection(page, ResultsPage.CLUSTER_HEADING, "## Standalone cluster\n\nnew run\n");
    assertEquals("# Benchmark results\n\nscales\n\n## Standalone cluster\n\nnew run\n\n## Reading these figures\n\nby hand\n",
        replaced);
    assertEquals("## Standalone cluster\n\nnew run\n", ResultsPage.section(replaced, ResultsPage.CLUSTER_HEADING));
    assertEquals("# Benchmark results\n\nscales\n\n## Standalone cluster\n\nnew run\n",
        ResultsPage.withSection("# Benchmark results\n\nscales\n", ResultsPage.CLUSTER_HEADING,
            "## Standalone cluster\n\nnew run\n"), "appended to a page without one");
    assertEquals("a page\n", ResultsPage.withSection("a page\n", ResultsPage.CLUSTER_HEADING, null));
    assertNull(ResultsPage.section("# Benchmark results\n\n## Standalone clusters\n", ResultsPage.CLUSTER_HEADING));
  }

  @Test
  void theClusterTargetIsMetOnlyWhenEveryGoldTableIsIdentical() {
    LakeTable gold = LakeTable.GOLD_FLAGS;
    LakeTable silver = LakeTable.SILVER_UNIT_YEAR;
    LakeComparison.Digest g = new LakeComparison.Digest(gold, 33, "aa");
    LakeComparison.Digest s = new LakeComparison.Digest(silver, 178, "bb");
    ClusterBench.Case same = new ClusterBench.Case("demo (data/sample)", Map.of("ingest", 20.0, StageTimes.TOTAL, 60.0),
        Map.of("ingest", 30.0, StageTimes.TOTAL, 90.0),
        List.of(new LakeComparison.Compared(s, s, null), new LakeComparison.Compared(g, g, null)));
    ClusterBench.Case differs = new ClusterBench.Case("10k district (generated)", Map.of(), Map.of(),
        List.of(new LakeComparison.Compared(s, s, null), new LakeComparison.Compared(g,
            new LakeComparison.Digest(gold, 33, "cc"), "gold.flags differs: 33 rows | 33 rows")));
    ResultsPage.Context c = new ResultsPage.Context("2026-01-01 00:00 UTC", 2, 4_000_000_000L, "0 0 0", "0.5",
        "local[2]", "17", Double.NaN, List.of(), null, 1.0);
    ClusterBench.Setup setup = new ClusterBench.Setup(StandaloneCluster.Spec.small(), "spark://127.0.0.1:40123", 9.5);

    String met = ResultsPage.cluster(c, setup, List.of(same));
    assertTrue(met.startsWith(ResultsPage.CLUSTER_HEADING + "\n"), met);
    assertTrue(met.contains("| demo (data/sample) | 178 | standalone cluster (driver JVM start included) | 30.0 |"), met);
    assertTrue(met.contains("| demo (data/sample) | 2 | 2 | yes | 33 | 178 | none |"), met);
    assertTrue(met.contains("spark://127.0.0.1:<port>"), met);
    assertTrue(met.endsWith("| yes |\n"), met);

    String notMet = ResultsPage.cluster(c, setup, List.of(same, differs));
    assertTrue(notMet.contains("| 10k district (generated) | 2 | 1 | **no** | 33 | 178 | gold.flags differs: 33 rows \\| 33 rows |"),
        notMet);
    assertTrue(notMet.endsWith("| **no** |\n"), notMet);
  }
}
