package org.fiscalscope.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.metrics.MetricsJob;

/** The metrics stage of a run: silver → the gold metric tables, with the {@code metrics} settings. */
public final class MetricsStage implements Stage {

  @Override
  public String name() {
    return LakeTable.Owner.METRICS.verb();
  }

  @Override
  public String description(RunContext context) {
    return "execution rates, three-public trends, score distributions, credibility, disclosure quality";
  }

  @Override
  public StageReport run(RunContext context) {
    long start = System.nanoTime();
    MetricsJob.Result result = MetricsJob.run(context.lake(), context.settings().metrics(), context.runId());
    Map<String, Long> counts = new LinkedHashMap<>();
    result.rows().forEach((table, n) -> counts.put(table.tableName().table() + "_rows", n));
    return new StageReport(name(), (System.nanoTime() - start) / 1e9, counts);
  }
}
