package org.fiscalscope.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;

/** A lake root: where each {@code layer.table} lives, creating tables from their DDL, reading them. */
public final class Lake {

  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  /** Reads the commit files of the Delta log. */
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private final SparkSession spark;
  private final String root;
  /** Tables whose columns were checked against their DDL by this instance. */
  private final java.util.Set<LakeTable> checked = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A lake at {@code root}: a folder relative to the working folder or absolute, or a URI ({@code hdfs://…},
   * {@code s3a://…}). The root is qualified here, once, into a full Hadoop URI ({@code file:/…/lake}), so every
   * path and {@code delta.`…`} identifier built from it is absolute: Delta reads a path identifier as a path only
   * when it is absolute.
   */
  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = qualify(spark, root);
  }

  private static String qualify(SparkSession spark, String root) {
    if (root == null || root.isBlank()) {
      throw Problem.LAKE_ROOT_EMPTY.failure();
    }
    Path path = new Path(root.strip());
    try {
      String q = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
      return q.endsWith("/") && q.length() > 1 ? q.substring(0, q.length() - 1) : q;
    } catch (IOException | RuntimeException e) {
      throw new FiscalScopeException(Problem.LAKE_CANNOT_OPEN.with(root, FiscalScopeException.oneLine(e)), e);
    }
  }

  public SparkSession spark() {
    return spark;
  }

  /** The qualified root, e.g. {@code file:<working folder>/lake} or {@code hdfs://nn:8020/finance/lake}. */
  public String root() {
    return root;
  }

  /** {@code <lake>/<layer>/<table>}. */
  public String path(LakeTable table) {
    return root + "/" + table.tableName().layer() + "/" + table.tableName().table();
  }

  public boolean exists(LakeTable table) {
    return version(table) >= 0;
  }

  /**
   * Columns added to a table after lakes were written, with the value their earlier rows get, where empty would break
   * the column's promise: every reject has a code.
   */
  private static final Map<String, String> FILL_EARLIER_ROWS = Map.of(
      "bronze.rejects.reason_code", Problem.REJECT_UNCODED.code());

  /**
   * Creates the table from its DDL if it is not there yet. A table written by an earlier version that lacks columns
   * the DDL now declares gets them added, each after the column the DDL puts before it: one metadata commit, no data
   * rewritten; the rows it holds leave them empty, or take the value {@link #FILL_EARLIER_ROWS} gives (one more
   * commit).
   */
  public void ensure(LakeTable table) {
    String location = "delta.`" + path(table).replace("`", "``") + "`";
    if (!exists(table)) {
      spark.sql(table.ddl().replace("${table}", location));
    } else if (!checked.contains(table)) {
      org.apache.spark.sql.types.StructType actual = spark.read().format("delta").load(path(table)).schema();
      String previous = null;
      for (org.apache.spark.sql.types.StructField f : table.schema().fields()) {
        if (actual.getFieldIndex(f.name()).isEmpty()) {
          spark.sql("ALTER TABLE " + location + " ADD COLUMNS (`" + f.name() + "` " + f.dataType().sql()
              + (previous == null ? " FIRST" : " AFTER `" + previous + "`") + ")");
          String fill = FILL_EARLIER_ROWS.get(table + "." + f.name());
          if (fill != null) {
            spark.sql("UPDATE " + location + " SET `" + f.name() + "` = '" + fill.replace("'", "''") + "'");
          }
        }
        previous = f.name();
      }
    }
    checked.add(table);
  }

  /** The table's current rows; an empty frame with the declared schema when the table does not exist yet. */
  public Dataset<Row> read(LakeTable table) {
    if (!exists(table)) {
      return spark.createDataFrame(java.util.List.of(), table.schema());
    }
    return spark.read().format("delta").load(path(table));
  }

  /** The table as of a version. */
  public Dataset<Row> read(LakeTable table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /**
   * The table's current rows for queries that read all of them (a stage's input, the report's sections and
   * exports), pinned to the version current now; an empty frame with the declared schema when the table does not
   * exist yet. Where the version's checksum file lists every data file of the version (the Delta protocol's optional
   * {@code allFiles}, which Delta writes for a table of few files), the frame scans those files through Delta's batch
   * file index: without the Spark jobs of Delta's read — the version's state rebuilt from its log the first time it
   * is read, and each query's file list filtered from that state. Those files are all read, whatever a query's
   * filter: a query that selects a few of many files (a MERGE's years) uses {@link #read(LakeTable)}, where Delta
   * skips files by their statistics. Without such a list, or where a listed file has a deletion vector, Delta reads
   * the version as usual.
   */
  public Dataset<Row> scan(LakeTable table) {
    long version = version(table);
    if (version < 0) {
      return spark.createDataFrame(java.util.List.of(), table.schema());
    }
    return scan(table, version);
  }

  /** The table as of a version, for queries that read all of its rows, as {@link #scan(LakeTable)} reads it. */
  public Dataset<Row> scan(LakeTable table, long version) {
    return listedInChecksum(table, version).orElseGet(() -> read(table, version));
  }

  /** The version's rows read from the files its checksum file lists, when it lists them all without deletion vectors. */
  java.util.Optional<Dataset<Row>> listedInChecksum(LakeTable table, long version) {
    return listed(table, version).map(l -> l.log().createDataFrame(l.snapshot(), l.files(), false, scala.Option.empty()));
  }

  /** A version of a table with the files its checksum file lists. */
  private record Listed(org.apache.spark.sql.delta.DeltaLog log, org.apache.spark.sql.delta.Snapshot snapshot,
      scala.collection.immutable.Seq<org.apache.spark.sql.delta.actions.AddFile> files) {}

  /**
   * The files of a version as its checksum file lists them (read by Delta, which keeps the latest version's): empty
   * when the file is missing or unreadable, does not list every file, or lists a file with a deletion vector.
   */
  private java.util.Optional<Listed> listed(LakeTable table, long version) {
    org.apache.spark.sql.delta.DeltaLog log = org.apache.spark.sql.delta.DeltaLog.forTable(spark, path(table));
    org.apache.spark.sql.delta.Snapshot snapshot = log.getSnapshotAt(version, scala.Option.empty(), scala.Option.empty(),
        false);
    scala.Option<org.apache.spark.sql.delta.VersionChecksum> sum = snapshot.checksumOpt();
    if (sum.isEmpty() || sum.get().allFiles().isEmpty()) {
      return java.util.Optional.empty();
    }
    scala.collection.immutable.Seq<org.apache.spark.sql.delta.actions.AddFile> files = sum.get().allFiles().get();
    if (files.size() != sum.get().numFiles() || files.exists(f -> f.deletionVector() != null)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Listed(log, snapshot, files));
  }

  /**
   * The latest committed version, or -1 when the table does not exist. Read from the names of the commit files in
   * {@code _delta_log} (the Delta protocol numbers them), which costs one listing rather than a Spark job.
   */
  public long version(LakeTable table) {
    Path log = logFolder(table);
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(log)) {
        return -1;
      }
      long latest = -1;
      for (FileStatus f : fs.listStatus(log)) {
        Matcher m = COMMIT.matcher(f.getPath().getName());
        if (m.matches()) {
          latest = Math.max(latest, Long.parseLong(m.group(1)));
        }
      }
      return latest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of the table's latest version (0 when the table does not exist). Summed from the record counts in the
   * statistics of its files where the version's checksum file lists them (the Delta protocol's optional
   * {@code allFiles}, which Delta writes for a table of few files): a file read, not a Spark job; otherwise counted by
   * Spark. The same list {@link #scan(LakeTable)} reads.
   */
  public long rowCount(LakeTable table) {
    long version = version(table);
    return version < 0 ? 0 : rowCount(table, version);
  }

  /** The rows of the given version of the table, as {@link #rowCount(LakeTable)} counts them. */
  public long rowCount(LakeTable table, long version) {
    return rowsInChecksum(table, version).orElseGet(() -> read(table, version).count());
  }

  /**
   * The rows of a version as its checksum file states them: empty when the file does not list every file of the
   * version ({@link #listed}) or a listed file lacks its record count.
   */
  java.util.OptionalLong rowsInChecksum(LakeTable table, long version) {
    return listed(table, version).map(l -> {
      long rows = 0;
      for (org.apache.spark.sql.delta.actions.AddFile f : scala.jdk.javaapi.CollectionConverters.asJava(l.files())) {
        scala.Option<Object> records = f.numLogicalRecords();
        if (records.isEmpty()) {
          return java.util.OptionalLong.empty();
        }
        rows += (Long) records.get();
      }
      return java.util.OptionalLong.of(rows);
    }).orElse(java.util.OptionalLong.empty());
  }

  /**
   * The names of the data files a version's commit adds, read from its commit file in {@code _delta_log} (one action
   * per line, the Delta protocol's {@code add} with the file's path): a file read, not a Spark job.
   */
  public java.util.Set<String> addedFiles(LakeTable table, long version) {
    Path commit = commitFile(table, version);
    java.util.Set<String> added = new java.util.HashSet<>();
    try {
      FileSystem fs = commit.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (java.io.BufferedReader in = new java.io.BufferedReader(
          new java.io.InputStreamReader(fs.open(commit), java.nio.charset.StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          com.fasterxml.jackson.databind.JsonNode path = JSON.readTree(line).path("add").path("path");
          if (path.isTextual()) {
            added.add(new Path(java.net.URI.create(path.asText())).getName());
          }
        }
      }
      return added;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the commit " + commit + ": " + e.getMessage(), e);
    }
  }

  private Path logFolder(LakeTable table) {
    return new Path(path(table), "_delta_log");
  }

  /** A version's commit file in the table's log, as the Delta protocol names it. */
  private Path commitFile(LakeTable table, long version) {
    return new Path(logFolder(table), String.format(java.util.Locale.ROOT, "%020d.json", version));
  }

  public DeltaTable delta(LakeTable table) {
    ensure(table);
    return DeltaTable.forPath(spark, path(table));
  }

  /** The data files under the table's folder (Parquet outside its log), whether a version refers to them or not. */
  public java.util.List<Path> dataFiles(LakeTable table) throws IOException {
    Path dir = new Path(path(table));
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files =
        dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).listFiles(dir, true);
    java.util.List<Path> data = new java.util.ArrayList<>();
    while (files.hasNext()) {
      Path f = files.next().getPath();
      if (f.getName().endsWith(".parquet") && !f.toUri().getPath().contains("/_delta_log/")) {
        data.add(f);
      }
    }
    return data;
  }

  /** Whether the root folder exists (a lake no run has written to yet does not). */
  public boolean rootExists() {
    try {
      return hadoopRoot().getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(hadoopRoot());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at the lake " + root + ": " + e.getMessage(), e);
    }
  }

  /** The lake root as a Hadoop path (local dir, HDFS or object store). */
  public Path hadoopRoot() {
    return new Path(root);
  }
}
