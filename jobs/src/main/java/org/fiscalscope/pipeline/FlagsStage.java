package org.fiscalscope.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fiscalscope.flags.FlagsJob;
import org.fiscalscope.lake.LakeTable;

/** The flags stage of a run: gold metrics and silver → gold.flags, with the {@code flags} settings. */
public final class FlagsStage implements Stage {

  @Override
  public String name() {
    return LakeTable.Owner.FLAGS.verb();
  }

  @Override
  public String description(RunContext context) {
    return "rule, peer and multivariate flags";
  }

  @Override
  public StageReport run(RunContext context) {
    long start = System.nanoTime();
    FlagsJob.Result result = FlagsJob.run(context.lake(), context.settings().flags(), context.runId());
    Map<String, Long> counts = new LinkedHashMap<>();
    result.flagsByFamily().forEach((family, n) -> counts.put(family + "_flags", n));
    return new StageReport(name(), (System.nanoTime() - start) / 1e9, counts);
  }
}
