package org.fiscalscope.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsPageTest {

  @Test
  void ratiosAgainstDuckDbAndExecutorCpuPerStageAreShown() {
    StageTimes wall = new StageTimes();
    wall.add(Map.of("ingest", 10.0, "metrics", 6.0, "flags", 4.0), 22.0);
    StageTimes cpu = new StageTimes();
    cpu.add(Map.of("ingest", 15.0, "metrics", 8.0), 23.0);
    ScaleResult r = new ScaleResult(new Scale(10_000, 5, 1, false), wall, cpu, Timings.of(3.0), Timings.of(0.5),
        List.of(new DuckDbMetrics.Check("execution rate", 10, 10, 0)), 1L << 30, 2.0, 1.0, "0.50");
    String md = ResultsPage.render(new ResultsPage.Context("2026-01-01 00:00 UTC", 2, 4_000_000_000L, "0 0 0", "0.5",
        "local[2]", "17", 50.0, new ExtractionThroughput.Result(64, 36.0, 300.0), 1.0), List.of(r));
    assertTrue(md.contains("| 10k | metrics + flags | DuckDB | 1 | 0.50 | 0.50 | 20.0× (min) / 20.0× (median) |"), md);
    assertTrue(md.contains("| 10k | metrics + flags, computed without the Delta writes | FiscalScope | 1 | 3.00 | 3.00 | "
        + "6.0× (min) / 6.0× (median) |"), md);
    assertTrue(md.contains("| 10k | metrics | 8.0 |"), md);
    assertTrue(md.contains("| 10k | all stages | 23.0 |"), md);
  }
}
