package org.fiscalscope.cli;

import java.util.List;
import org.fiscalscope.pipeline.ReportStage;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: the nightly HTML report and CSV exports from the lake as it stands. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write <report>/<today, UTC>/index.html — one self-contained page with charts that opens offline —",
        "and csv/<table>.csv for every gold table. Sections whose gold table is missing say \"no data yet\"."},
    footer = {"", "Exit codes: 0 success, 1 failure."})
final class ReportCommand extends RunCommand {

  @Option(names = "--report", paramLabel = "DIR", description = "Folder for reports. Default: paths.reports of the config (reports).")
  String report;

  @Override
  Settings settings() {
    return lakeOptions.settings(null, report);
  }

  @Override
  List<Stage> stages(Settings settings) {
    return List.of(new ReportStage());
  }
}
