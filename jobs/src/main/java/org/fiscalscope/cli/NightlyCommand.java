package org.fiscalscope.cli;

import java.util.List;
import org.fiscalscope.pipeline.NightlyStages;
import org.fiscalscope.pipeline.RunSummary;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nightly}: the whole run — ingest, metrics, flags, report. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {"Run the nightly comparison: ingest → normalise → metrics → flags → report.",
        "With no options it runs the embedded demo: data/sample/ into ./lake."},
    footer = {"", "Exit codes: 0 success, 1 failure (nothing half-written), 3 success with rejected inputs."})
final class NightlyCommand extends RunCommand {

  @Option(names = "--landing", paramLabel = "DIR", description = "Folder of input files. Default: paths.landing of the config (data/sample).")
  String landing;

  @Option(names = "--report", paramLabel = "DIR", description = "Folder for reports. Default: paths.reports of the config (reports).")
  String report;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Date the report is filed under (yyyy-MM-dd), e.g. to redo last night's run. Default: today (UTC).")
  java.time.LocalDate asOf;

  @Override
  Settings settings() {
    return lakeOptions.settings(landing, report);
  }

  @Override
  List<Stage> stages(Settings settings) {
    return NightlyStages.all(settings, asOf);
  }

  @Override
  void afterRun(RunSummary result, Settings settings, org.apache.spark.sql.SparkSession spark) {
    java.time.LocalDate date = asOf != null ? asOf : java.time.LocalDate.ofInstant(result.startedAt(), java.time.ZoneOffset.UTC);
    String root = settings.paths().reports();
    String index = (root.endsWith("/") ? root : root + "/") + date + "/index.html";
    if (org.fiscalscope.lake.Locations.exists(index, spark.sparkContext().hadoopConfiguration())) {
      System.err.println("report: " + index);
    }
  }
}
