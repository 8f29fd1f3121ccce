package org.fiscalscope.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fiscalscope.pipeline.RunContext;
import org.fiscalscope.pipeline.Stage;
import org.fiscalscope.pipeline.StageReport;

/** The metrics stage of a run: silver → the gold metric tables, with the {@code metrics} config section. */
public final class MetricsStage implements Stage {

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public String description(RunContext context) {
    return "execution rates, three-public trends, score distributions, credibility, disclosure quality";
  }

  @Override
  public StageReport run(RunContext context) {
    long start = System.nanoTime();
    MetricsJob.Result result = MetricsJob.run(context.lake(), MetricsConfig.from(context.settings().metrics()),
        context.runId());
    Map<String, Long> counts = new LinkedHashMap<>();
    result.rows().forEach((table, n) -> counts.put(table.substring(table.indexOf('.') + 1) + "_rows", n));
    return new StageReport(name(), (System.nanoTime() - start) / 1e9, counts);
  }
}
