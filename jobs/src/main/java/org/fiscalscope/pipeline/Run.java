package org.fiscalscope.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Column;
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
    History history = History.of(lake);
    History.Nightly nightly = history.lastNightly();
    if (nightly != null) {
      context.recordPreviousRun(nightly.runId(), nightly.configHash(), nightly.versions());
    }
    LOG.info("run {} ({}) with configuration {}", runId, verb, settings.flatten());
    progress.line("fiscalscope " + verb + " run " + runId + " — lake " + lake.root());
    FiscalScopeException stop = checkOutsideChanges(lake, history.lastSuccessful(), context, progress,
        onOutsideChanges);
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
      if (error == null && verb.equals(LakeTable.Owner.RUN.verb())) {
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
      Map<String, Long> rows = rowCounts(lake, history.lastCounted(), before, versions);
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
  private static FiscalScopeException checkOutsideChanges(Lake lake, java.util.Optional<RunRecord> basis,
      RunContext context, Progress progress, OnOutsideChanges on) {
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
    return History.of(lake).lastSuccessful();
  }

  /**
   * What a run takes from the runs recorded before it, read in one query over ops.runs when it starts (the lake's run
   * lock keeps other runs from recording meanwhile): the last nightly that did not fail, the last run that succeeded,
   * and the last run that counted rows; each null or empty when there is none.
   */
  record History(Nightly lastNightly, java.util.Optional<RunRecord> lastSuccessful, Counted lastCounted) {
    static final History NONE = new History(null, java.util.Optional.empty(), null);

    /** A nightly's run id, configuration hash and table versions: what the next nightly compares its inputs with. */
    record Nightly(String runId, String configHash, Map<String, Long> versions) {}

    /** A run's row counts and the table versions they were counted at. */
    record Counted(Map<String, Long> rows, Map<String, Long> versions) {}

    static History of(Lake lake) {
      if (!lake.exists(OPS_RUNS)) {
        return NONE;
      }
      Column finished = col("finished_at");
      Row r = lake.scan(OPS_RUNS).agg(
          max_by(struct(col("run_id"), col("config_hash"), col("table_versions")),
              when(col("status").notEqual(RunSummary.FAILED).and(col("verb").equalTo(LakeTable.Owner.RUN.verb())), finished)),
          max_by(struct(col("run_id"), col("started_at"), col("finished_at"), col("status"), col("table_versions")),
              when(col("status").isin(RunSummary.SUCCEEDED, RunSummary.SUCCEEDED_WITH_REJECTS), finished)),
          max_by(struct(col("table_rows"), col("table_versions")), when(col("table_rows").isNotNull(), finished)))
          .head();
      Row nightly = r.isNullAt(0) ? null : r.getStruct(0);
      Row succeeded = r.isNullAt(1) ? null : r.getStruct(1);
      Row counted = r.isNullAt(2) ? null : r.getStruct(2);
      return new History(
          nightly == null ? null : new Nightly(nightly.getString(0), nightly.getString(1), map(nightly, 2)),
          succeeded == null ? java.util.Optional.empty()
              : java.util.Optional.of(new RunRecord(succeeded.getString(0), succeeded.getTimestamp(1).toInstant(),
                  succeeded.getTimestamp(2).toInstant(), succeeded.getString(3), map(succeeded, 4))),
          counted == null ? null : new Counted(map(counted, 0), map(counted, 1)));
    }

    /** A map column of a row, empty when null. */
    private static Map<String, Long> map(Row r, int i) {
      return r.isNullAt(i) ? Map.of() : r.getJavaMap(i);
    }
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
  private static Map<String, Long> rowCounts(Lake lake, History.Counted lastCounted, Map<String, Long> before,
      Map<String, Long> after) {
    Map<String, Long> previous = new LinkedHashMap<>();
    if (lastCounted != null) {
      lastCounted.rows().forEach((table, n) -> {
        if (java.util.Objects.equals(lastCounted.versions().get(table), after.get(table))) {
          previous.put(table, n);
        }
      });
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
      // Appended: a run id is new (its start time and a random suffix, and the lake's run lock keeps runs apart), and
      // a MERGE of one row cost a nothing-new nightly six Spark jobs.
      DeltaMerge.createAndAppend(lake, OPS_RUNS, df, false);
    } catch (RuntimeException e) {
      LOG.error("run {} could not be recorded in ops.runs", s.runId(), e);
    }
  }

  private static long count(List<StageReport> reports, String key) {
    return reports.stream().mapToLong(r -> r.counts().getOrDefault(key, 0L)).sum();
  }
}
