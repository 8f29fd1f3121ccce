package org.fiscalscope.cli;

import java.util.List;
import org.fiscalscope.pipeline.FlagsStage;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.Stage;
import picocli.CommandLine.Command;

/** {@code flags}: gold metrics and silver → gold.flags. */
@Command(name = "flags", mixinStandardHelpOptions = true,
    description = {"Judge every unit-year and make gold.flags hold the current flags: rules (low execution,",
        "mismatches, perfect scores, three-public policy), robust peer z-scores and KMeans outliers.",
        "Run after metrics. A flag keeps the run id that raised it; a run finding the same flags commits nothing."},
    footer = {"", "Exit codes: 0 success, 1 failure (nothing half-written)."})
final class FlagsCommand extends RunCommand {

  @Override
  List<Stage> stages(Settings settings) {
    return List.of(new FlagsStage());
  }
}
