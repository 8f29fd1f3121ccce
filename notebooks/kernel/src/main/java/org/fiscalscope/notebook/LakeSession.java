package org.fiscalscope.notebook;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.lake.AsOf;
import org.fiscalscope.lake.LakeCatalog;
import org.fiscalscope.lake.LakeSql;
import org.fiscalscope.lake.RunRecord;
import org.fiscalscope.lake.SparkSessions;
import org.fiscalscope.lake.LakeTable;

/**
 * The notebook's view of the lake: a SparkSession started in the background when the kernel starts (so Jupyter's
 * handshake is answered at once), which lake is open and which run its tables are pinned to. Cells run through the
 * lake's {@link LakeSql}, the same read-only path as the sql verb.
 */
final class LakeSession {

  /** Environment variable naming the lake when a notebook does not say. */
  static final String LAKE_VARIABLE = "FISCALSCOPE_LAKE";

  private final CompletableFuture<SparkSession> spark;
  private LakeSql lake;
  private RunRecord pinned;

  LakeSession() {
    spark = CompletableFuture.supplyAsync(LakeSession::startSpark);
  }

  /** A session over a running Spark (tests). */
  LakeSession(SparkSession spark) {
    this.spark = CompletableFuture.completedFuture(spark);
  }

  private static SparkSession startSpark() {
    Map<String, String> settings = new HashMap<>(LakeSql.catalogSettings());
    settings.put("spark.databricks.delta.snapshotPartitions", "1");
    settings.put("spark.sql.shuffle.partitions", "4");
    settings.put("spark.ui.enabled", "false");
    String master = System.getenv().getOrDefault("FISCALSCOPE_MASTER", "local[*]");
    return SparkSessions.create("fiscalscope notebook", master, settings);
  }

  /** The session, waiting for its start if needed (interruptible). */
  SparkSession spark() {
    try {
      return spark.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlError("interrupted while Spark was starting");
    } catch (ExecutionException e) {
      throw new SqlError("Spark did not start: " + LakeSql.oneLine(e.getCause()), e.getCause());
    }
  }

  boolean started() {
    return spark.isDone();
  }

  /** Cancels the running Spark jobs of every cell. */
  void cancel() {
    if (spark.isDone() && !spark.isCompletedExceptionally()) {
      spark.join().sparkContext().cancelAllJobs();
    }
  }

  /**
   * Opens a lake (latest versions, nothing pinned); null or blank means $FISCALSCOPE_LAKE, else ./lake. A relative
   * folder is taken from the kernel's working folder; a URI (hdfs://…, s3a://…) as it is.
   */
  String open(String path) {
    String p = path == null || path.isBlank() ? System.getenv().getOrDefault(LAKE_VARIABLE, "lake") : path;
    LakeSql opened;
    try {
      opened = LakeSql.open(spark(), p);
    } catch (org.fiscalscope.FiscalScopeException e) {
      throw new SqlError(e.getMessage(), e);
    }
    if (!opened.lake().rootExists()) {
      throw new SqlError("lake " + opened.lake().root() + " does not exist; run `./fiscalscope nightly --lake " + p
          + "` first or set " + LAKE_VARIABLE);
    }
    lake = opened;
    pinned = null;
    Map<LakeTable, Long> tables = lake.register(null);
    return "lake " + lake.lake().root() + ": " + tables.size() + " tables (" + names(tables) + "), latest versions";
  }

  /** Pins every table to the versions the named run recorded; {@code off} returns to the latest versions. */
  String pin(String target) {
    LakeSql l = lake();
    if (target.equalsIgnoreCase("off")) {
      pinned = null;
      return "unpinned: " + l.register(null).size() + " tables at their latest versions";
    }
    RunRecord run = LakeCatalog.run(l.lake(), AsOf.parse(target));
    Map<LakeTable, Long> tables = l.register(run);
    pinned = run;
    return "as of run " + run.runId() + " (" + run.status() + ", finished " + run.finishedAt() + "): "
        + tables.entrySet().stream().map(e -> e.getKey() + (e.getValue() < 0 ? " latest" : " v" + e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** A temporary view of one table as a run left it. */
  String snapshot(String table, String target, String view) {
    RunRecord run = LakeCatalog.run(lake().lake(), AsOf.parse(target));
    long version = lake().snapshot(LakeTable.of(table), run, view);
    return view + " = " + table + " v" + version + " as of run " + run.runId() + " (finished " + run.finishedAt() + ")";
  }

  RunRecord pinned() {
    return pinned;
  }

  /** The open lake, opening the default one first if none is. */
  LakeSql lake() {
    if (lake == null) {
      open(null);
    }
    return lake;
  }

  Dataset<Row> query(String sql) {
    return lake().query(sql);
  }

  private static String names(Map<LakeTable, Long> tables) {
    return tables.keySet().stream().map(LakeTable::toString).collect(Collectors.joining(", "));
  }
}
