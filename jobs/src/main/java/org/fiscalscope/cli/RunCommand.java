package org.fiscalscope.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.RunLock;
import org.fiscalscope.pipeline.Progress;
import org.fiscalscope.pipeline.Run;
import org.fiscalscope.pipeline.RunSummary;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.Stage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A verb that runs stages over the lake as one recorded run and exits 0, 1 or 3 by its outcome. */
abstract class RunCommand implements Callable<Integer> {

  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--summary", paramLabel = "FILE", description = "Also write the JSON run summary to FILE (a local path, hdfs://… or s3a://…).")
  String summary;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
      description = "If another run is writing to the lake, wait up to SECONDS for it before giving up (default: ${DEFAULT-VALUE}).")
  long waitSeconds;

  @Option(names = "--accept-outside-changes",
      description = {"Build on bronze or silver tables changed outside a FiscalScope run (a DELETE, UPDATE or RESTORE made"
          + " through Delta directly) instead of stopping: gold is rebuilt from them. Without it such a run stops"
          + " and names the change and the RESTORE statement that undoes it."})
  boolean acceptOutsideChanges;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** The verb, as the command line names it. */
  String verb() {
    return spec.name();
  }

  /** The configuration with this command line's flags; verbs with their own path options override it. */
  Settings settings() {
    return lakeOptions.settings(null, null);
  }

  abstract List<Stage> stages(Settings settings);

  @Override
  public Integer call() {
    Settings settings = settings();
    SparkSession spark = LakeOptions.spark(verb(), settings);
    Lake lake = LakeOptions.lake(spark, settings);
    List<Stage> stages = stages(settings);
    RunSummary result;
    try (RunLock lock = RunLock.acquire(lake, verb(), Duration.ofSeconds(waitSeconds))) {
      result = Run.execute(verb(), lake, settings, stages, new Progress(System.err, stages.size()),
          acceptOutsideChanges ? Run.OnOutsideChanges.BUILD_ON_THEM : Run.OnOutsideChanges.STOP);
    }
    if (summary != null) {
      result.writeTo(summary, spark.sparkContext().hadoopConfiguration());
    }
    System.err.println(outcome(result));
    afterRun(result, settings, spark);
    return result.exitCode();
  }

  /** What a verb tells once its run is recorded (e.g. where the report is). */
  void afterRun(RunSummary result, Settings settings, SparkSession spark) {}

  private static String outcome(RunSummary s) {
    return switch (s.status()) {
      case RunSummary.FAILED -> "run " + s.runId() + " FAILED in " + s.error().replaceFirst(": ", ": [" + s.errorCode() + "] ")
          + " — tables keep their last committed version; fix the cause and run again";
      case RunSummary.SUCCEEDED_WITH_REJECTS -> "run " + s.runId() + " done: " + s.newDocuments() + " new, "
          + s.skippedDocuments() + " already seen, " + s.rejectedDocuments()
          + " rejected (see: fiscalscope sql \"SELECT path, reason FROM bronze.rejects WHERE run_id = '" + s.runId() + "'\")";
      default -> "run " + s.runId() + " done: " + s.newDocuments() + " new, " + s.skippedDocuments() + " already seen, 0 rejected";
    };
  }
}
