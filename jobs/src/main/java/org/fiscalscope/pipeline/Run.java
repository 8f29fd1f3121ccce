package org.fiscalscope.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.JobLabel;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.OutsideWrites;
import org.fiscalscope.lake.RunMark;
import org.fiscalscope.lake.RunRecord;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.LakeTable.Layer;
import org.fiscalscope.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stages in order as one run with a run id: each stage labelled, timed and counted, progress on stderr,
 * and one row in ops.runs whatever the outcome. A stage that fails stops the run; what it wrote is either
 * committed whole or not at all (one Delta transaction per table), so a re-run completes the work. Every commit of
 * the run carries its mark ({@link RunMark}), so a table changed by anything else is noticed by the next run.
 */
public final class Run {

  private static final Logger LOG = LoggerFactory.getLogger(Run.class);
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Every table the stages of a run may write (all but the run's own record), in the order they are reported. */
  public static final List<LakeTable> TABLES = LakeTable.inLayers(Layer.BRONZE, Layer.SILVER, Layer.GOLD);

  private static final LakeTable OPS_RUNS = LakeTable.OPS_RUNS;

  private Run() {}

  public static String newRunId(Instant at) {
    return ID.format(at) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** What a run does when it finds tables changed outside a FiscalScope run (besides reporting them). */
  public enum OnOutsideChanges {
    /** Stop before any stage when bronze or silver rows were changed (gold is rebuilt, being derived). */
    STOP,
    /** Build on the changed tables: gold is rebuilt from them. */
    BUILD_ON_THEM
  }

  public static RunSummary execute(String verb, Lake lake, Settings settings, List<Stage> stages, Progress progress) {
    return execute(verb, lake, settings, stages, progress, OnOutsideChanges.STOP);
  }

  /**
   * Runs the stages as one run. First the lake is checked for tables changed outside a FiscalScope run since the
   * last successful one (each reported on the console, in the run log, the summary and ops.runs): rows of bronze or
   * silver changed that way stop the run unless {@code onOutsideChanges} says to build on them; gold changed that way
   * is rebuilt.
   */
  public static RunSummary execute(String verb, Lake lake, Settings settings, List<Stage> stages, Progress progress,
                                   OnOutsideChanges onOutsideChanges) {
    Instant started = Instant.now();
    String runId = newRunId(started);
    String label = verb + " run " + runId;
    JobLabel.callSite(lake.spark(), label);
    try {
      return execute(verb, runId, label, started, lake, settings, stages, progress, onOutsideChanges);
    } finally {
      JobLabel.clear(lake.spark());
    }
  }

  private static RunSummary execute(String verb, String runId, String label, Instant started, Lake lake,
      Settings settings, List<Stage> stages, Progress progress, OnOutsideChanges onOutsideChanges) {
    RunContext context = new RunContext(runId, settings, lake, started, progress);
    if (lake.exists(OPS_RUNS)) {
      List<Row> last = lake.read(OPS_RUNS).filter("status <> 'failed' AND verb = 'nightly'")
          .orderBy(org.apache.spark.sql.functions.col("finished_at").desc())
          .select("run_id", "config_hash", "table_versions").limit(1).collectAsList();
      if (!last.isEmpty()) {
        context.recordPreviousRun(last.get(0).getString(0), last.get(0).getString(1), last.get(0).getJavaMap(2));
      }
    }
    LOG.info("run {} ({}) with configuration {}", runId, verb, settings.flatten());
    progress.line("fiscalscope " + verb + " run " + runId + " — lake " + lake.root());
    FiscalScopeException stop = checkOutsideChanges(lake, context, progress, onOutsideChanges);
    String error = stop == null ? null : "lake check: " + stop.getMessage();
    String errorCode = stop == null ? null : stop.code();
    Map<String, Long> before = versions(lake);
    List<StageReport> reports = new ArrayList<>();
    try (RunMark marked = RunMark.open(lake.spark(), runId)) {
      for (Stage stage : error == null ? stages : List.<Stage>of()) {
        progress.start(stage.name(), stage.description(context));
        JobLabel.set(lake.spark(), JobLabel.group(stage.name()), stage.name() + " run " + runId);
        try {
          // Ingest chooses once it has listed the landing folder (its files count too).
          if (!(stage instanceof IngestStage)) {
            context.queryMode().forLake(lake, 0);
          }
          StageReport report = stage.run(context);
          reports.add(report);
          progress.done(report);
        } catch (RuntimeException e) {
          LOG.debug("stage {} of run {} failed", stage.name(), runId, e);
          error = stage.name() + ": " + FiscalScopeException.oneLine(e);
          errorCode = FiscalScopeException.of(e).code();
          break;
        } finally {
          JobLabel.clear(lake.spark());
          JobLabel.callSite(lake.spark(), label);
        }
      }
      context.queryMode().restore();
      if (error == null && verb.equals("nightly")) {
        // A complete lake has every table, even one no row has reached yet (no reject, say), so readers never
        // meet a missing table.
        for (LakeTable t : TABLES) {
          lake.ensure(t);
        }
      }
      long newDocs = count(reports, "new_documents");
      long skipped = count(reports, "skipped");
      long rejected = count(reports, "rejected");
      String status = error != null ? RunSummary.FAILED
          : rejected > 0 ? RunSummary.SUCCEEDED_WITH_REJECTS : RunSummary.SUCCEEDED;
      Map<String, Long> versions = versions(lake);
      Map<String, Long> rows = rowCounts(lake, before, versions);
      List<String> outside = context.outsideChanges().stream().map(OutsideWrites.Change::describe).toList();
      RunSummary summary = new RunSummary(runId, verb, status, error, errorCode, started, Instant.now(), lake.root(),
          settings.paths().landing(), null, settings.hash(), newDocs, skipped, rejected, reports, rows, versions,
          outside.isEmpty() ? null : outside);
      record(lake, summary, context.outsideChanges());
      return summary;
    }
  }

  /**
   * Reports the tables changed outside a run since the last successful run and returns the error that stops this
   * run, or null.
   */
  private static FiscalScopeException checkOutsideChanges(Lake lake, RunContext context, Progress progress, OnOutsideChanges on) {
    java.util.Optional<RunRecord> basis = lastSuccessful(lake);
    if (basis.isEmpty()) {
      return null;
    }
    List<OutsideWrites.Change> changes = OutsideWrites.since(lake, TABLES, basis.get());
    context.recordOutsideChanges(changes);
    OutsideWrites.Change stopping = null;
    for (OutsideWrites.Change c : changes) {
      // Shown on the console by the progress line; the log file gets it at info so the console does not repeat it.
      LOG.info("warning: {}", c.describe());
      progress.line("warning: " + c.describe());
      if (stopping == null && c.hasChangedRows() && c.table().layer() != Layer.GOLD) {
        stopping = c;
      }
    }
    if (stopping != null && on == OnOutsideChanges.STOP) {
      return Problem.LAKE_CHANGED_OUTSIDE.failure(stopping.describe());
    }
    if (context.hasRowsChangedOutside()) {
      progress.line("warning: gold is rebuilt by this run from the tables as they are now");
    }
    return null;
  }

  /** The last run of any verb that succeeded, whose table versions are what the lake should still hold. */
  public static java.util.Optional<RunRecord> lastSuccessful(Lake lake) {
    if (!lake.exists(OPS_RUNS)) {
      return java.util.Optional.empty();
    }
    List<Row> last = lake.read(OPS_RUNS)
        .filter(org.apache.spark.sql.functions.col("status").isin(RunSummary.SUCCEEDED, RunSummary.SUCCEEDED_WITH_REJECTS))
        .orderBy(org.apache.spark.sql.functions.col("finished_at").desc())
        .select("run_id", "started_at", "finished_at", "status", "table_versions").limit(1).collectAsList();
    if (last.isEmpty()) {
      return java.util.Optional.empty();
    }
    Row r = last.get(0);
    return java.util.Optional.of(new RunRecord(r.getString(0), r.getTimestamp(1).toInstant(),
        r.getTimestamp(2).toInstant(), r.getString(3), r.isNullAt(4) ? Map.of() : r.getJavaMap(4)));
  }

  /** The Delta version of every existing lake table. */
  static Map<String, Long> versions(Lake lake) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (LakeTable t : TABLES) {
      long version = lake.version(t);
      if (version >= 0) {
        v.put(t.toString(), version);
      }
    }
    return v;
  }

  /**
   * Rows per table: counted for the tables this run wrote, taken from the last recorded run for the others
   * (a run that wrote nothing costs no scan).
   */
  private static Map<String, Long> rowCounts(Lake lake, Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> previous = new LinkedHashMap<>();
    if (lake.exists(OPS_RUNS)) {
      List<Row> last = lake.read(OPS_RUNS).filter("table_rows IS NOT NULL").orderBy(
          org.apache.spark.sql.functions.col("finished_at").desc()).select("table_rows", "table_versions").limit(1)
          .collectAsList();
      if (!last.isEmpty()) {
        Map<String, Long> rows = last.get(0).getJavaMap(0);
        Map<String, Long> versions = last.get(0).getJavaMap(1);
        rows.forEach((table, n) -> {
          if (java.util.Objects.equals(versions.get(table), after.get(table))) {
            previous.put(table, n);
          }
        });
      }
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : after.entrySet()) {
      Long known = java.util.Objects.equals(before.get(e.getKey()), e.getValue()) ? previous.get(e.getKey()) : null;
      rows.put(e.getKey(), known != null ? known : lake.rowCount(LakeTable.named(e.getKey()).orElseThrow()));
    }
    return rows;
  }

  private static void record(Lake lake, RunSummary s, List<OutsideWrites.Change> outside) {
    StructType schema = OPS_RUNS.schema();
    List<Row> changes = outside.stream().map(c -> RowFactory.create(c.table().toString(), c.recordedVersion(),
        c.currentVersion(), c.hasChangedRows(), c.describe())).toList();
    Row row = RowFactory.create(s.runId(), s.verb(), java.sql.Timestamp.from(s.startedAt()),
        java.sql.Timestamp.from(s.finishedAt()), s.status(), s.error(), s.errorCode(), s.landing(), s.configHash(),
        s.newDocuments(), s.skippedDocuments(), s.rejectedDocuments(), s.stagesJson(),
        scala.jdk.javaapi.CollectionConverters.asScala(s.tableVersions()),
        scala.jdk.javaapi.CollectionConverters.asScala(s.rowsPerTable()),
        changes.isEmpty() ? null : scala.jdk.javaapi.CollectionConverters.asScala(changes).toSeq());
    Dataset<Row> df = lake.spark().createDataFrame(List.of(row), schema);
    try {
      DeltaMerge.insertNew(lake, OPS_RUNS, df);
    } catch (RuntimeException e) {
      LOG.error("run {} could not be recorded in ops.runs", s.runId(), e);
    }
  }

  private static long count(List<StageReport> reports, String key) {
    return reports.stream().mapToLong(r -> r.counts().getOrDefault(key, 0L)).sum();
  }
}
