package org.fiscalscope.cli;

import java.util.List;
import org.fiscalscope.pipeline.IngestStage;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ingest}: landing folder → bronze and silver tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Read new files of a landing folder into bronze.documents / bronze.rejects and the silver tables.",
        "Files already ingested (same content) are skipped; a corrected document replaces its unit-year."},
    footer = {"", "Exit codes: 0 success, 1 failure (nothing half-written), 3 success with rejected inputs."})
final class IngestCommand extends RunCommand {

  @Option(names = "--landing", paramLabel = "DIR", description = "Folder of input files. Default: paths.landing of the config (data/sample).")
  String landing;

  @Override
  Settings settings() {
    return lakeOptions.settings(landing, null);
  }

  @Override
  List<Stage> stages(Settings settings) {
    return List.of(new IngestStage());
  }
}
