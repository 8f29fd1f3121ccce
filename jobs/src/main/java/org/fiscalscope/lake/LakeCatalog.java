package org.fiscalscope.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;

/**
 * Makes every table of a lake answer to its {@code layer.table} name in Spark SQL: one database per layer holding
 * a view over the table (registered in the catalog by its location), at the latest version or pinned to the
 * versions a run recorded in ops.runs.
 */
public final class LakeCatalog {

  /** The layers that become databases. */
  public static final List<String> LAYERS = java.util.Arrays.stream(LakeTable.Layer.values())
      .map(LakeTable.Layer::folder).toList();

  private LakeCatalog() {}

  /** The lake's tables ({@link LakeTable}) present in this lake, in layer order. */
  public static List<LakeTable> tables(Lake lake) {
    return LakeTable.all().stream().filter(lake::exists).toList();
  }

  /** Registers every table at its latest version; returns each registered table with -1 for "latest". */
  public static Map<LakeTable, Long> register(Lake lake) {
    return register(lake, null);
  }

  /**
   * Registers the tables as they were after {@code run}: each at the version the run recorded, ops.runs at its
   * latest, tables the run did not know left out. A null run registers every table at its latest version. Each view
   * carries the table's description as its comment.
   */
  public static Map<LakeTable, Long> register(Lake lake, RunRecord run) {
    return register(lake, run, t -> true);
  }

  /** As {@link #register(Lake, RunRecord)}, only the tables {@code wanted} accepts. */
  public static Map<LakeTable, Long> register(Lake lake, RunRecord run, java.util.function.Predicate<LakeTable> wanted) {
    SparkSession spark = lake.spark();
    dropViews(spark);
    Map<LakeTable, Long> registered = new LinkedHashMap<>();
    for (LakeTable t : tables(lake)) {
      if (!wanted.test(t)) {
        continue;
      }
      Long version = run == null || t == LakeTable.OPS_RUNS ? Long.valueOf(-1) : run.tableVersions().get(t.toString());
      if (version == null) {
        continue;
      }
      if (!spark.catalog().databaseExists(t.layer().folder())) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + t.layer().folder());
      }
      spark.sql("CREATE OR REPLACE VIEW " + t + " COMMENT '" + t.description().replace("\\", "\\\\").replace("'", "\\'")
          + "' AS SELECT * FROM " + source(lake, t, version));
      registered.put(t, version);
    }
    return registered;
  }

  /** A temporary view {@code name} of one table as it was after {@code run}, e.g. to compare two runs in one query. */
  public static long snapshot(Lake lake, LakeTable table, RunRecord run, String name) {
    Long version = run.tableVersions().get(table.toString());
    if (version == null) {
      throw Problem.SNAPSHOT_NO_TABLE.failure(table, run.runId());
    }
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw Problem.SNAPSHOT_BAD_VIEW_NAME.failure(name);
    }
    lake.spark().sql("CREATE OR REPLACE TEMPORARY VIEW " + name + " AS SELECT * FROM " + source(lake, table, version));
    return version;
  }

  /** The runs recorded in ops.runs; empty when the lake has no run log yet. */
  public static List<RunRecord> runs(Lake lake) {
    if (!lake.exists(LakeTable.OPS_RUNS)) {
      return List.of();
    }
    List<RunRecord> out = new ArrayList<>();
    for (Row r : lake.read(LakeTable.OPS_RUNS).select("run_id", "started_at", "finished_at", "status", "table_versions").collectAsList()) {
      Map<String, Long> versions = r.isNullAt(4) ? Map.of() : r.getJavaMap(4);
      out.add(new RunRecord(r.getString(0), instant(r, 1), instant(r, 2), r.getString(3), versions));
    }
    return out;
  }

  /** The run a point in history names, from ops.runs. */
  public static RunRecord run(Lake lake, AsOf asOf) {
    return asOf.resolve(runs(lake));
  }

  private static Instant instant(Row r, int i) {
    return r.isNullAt(i) ? Instant.EPOCH : r.getTimestamp(i).toInstant();
  }

  /**
   * The catalog table a view reads: {@code lake_<hash of the lake root>.<layer>__<table>}, an external table over
   * the Delta folder (registering it commits nothing to the table). Views read the lake through catalog tables rather
   * than {@code delta.`path`} identifiers because query sessions do not read files by path
   * ({@code spark.sql.runSQLOnFiles=false}).
   */
  public static String storedTable(Lake lake, LakeTable t) {
    return storedDatabase(lake) + "." + t.layer().folder() + "__" + t.tableName().table();
  }

  private static String storedDatabase(Lake lake) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(qualified(lake, lake.root()).getBytes(StandardCharsets.UTF_8));
      return "lake_" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored table at a version (latest when negative), registered in the catalog first if needed. */
  private static String source(Lake lake, LakeTable t, long version) {
    String database = storedDatabase(lake);
    String stored = storedTable(lake, t);
    SparkSession spark = lake.spark();
    if (!spark.catalog().tableExists(stored)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
      String location = qualified(lake, lake.path(t)).replace("\\", "\\\\").replace("'", "\\'");
      spark.sql("CREATE TABLE IF NOT EXISTS " + stored + " USING delta LOCATION '" + location + "'");
    }
    return version < 0 ? stored : stored + " VERSION AS OF " + version;
  }

  /** A lake path qualified with its file system (file:/…, hdfs://…), as the catalog keeps locations. */
  private static String qualified(Lake lake, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(lake.spark().sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the lake path " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isView(SessionCatalog catalog, TableIdentifier id) {
    try {
      return catalog.getTableMetadata(id).tableType().equals(CatalogTableType.VIEW());
    } catch (NoSuchTableException | NoSuchNamespaceException e) { // dropped meanwhile
      return false;
    }
  }

  /**
   * Drops the views an earlier registration left; anything else in those databases is kept. Listed through the session
   * catalog, whose identifiers need no row decoding (the public listing decodes rows into its classes).
   */
  private static void dropViews(SparkSession spark) {
    SessionCatalog catalog = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().catalog();
    for (String layer : LAYERS) {
      if (!catalog.databaseExists(layer)) {
        continue;
      }
      for (TableIdentifier id : scala.jdk.javaapi.CollectionConverters.asJava(catalog.listTables(layer))) {
        if (id.database().isDefined() && isView(catalog, id)) {
          spark.sql("DROP VIEW IF EXISTS " + layer + "." + id.table());
        }
      }
    }
  }
}
