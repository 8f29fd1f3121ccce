package org.fiscalscope.cli;

import java.util.List;
import org.fiscalscope.pipeline.MetricsStage;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.Stage;
import picocli.CommandLine.Command;

/** {@code metrics}: silver → gold.execution, gold.three_public_trend, gold.score_distribution, gold.credibility. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = {"Recompute the gold metric tables from silver: execution rates (reported vs recomputed),",
        "three-public trends, score distributions per peer group and PEFA-style budget credibility.",
        "Unchanged rows are not rewritten; empty silver writes nothing."},
    footer = {"", "Exit codes: 0 success, 1 failure (nothing half-written)."})
final class MetricsCommand extends RunCommand {

  @Override
  List<Stage> stages(Settings settings) {
    return List.of(new MetricsStage());
  }
}
