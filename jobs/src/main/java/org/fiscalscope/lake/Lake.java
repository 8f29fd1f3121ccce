package org.fiscalscope.lake;

import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A lake root: where each {@code layer.table} lives, creating tables from their DDL, reading them. */
public final class Lake {

  private final SparkSession spark;
  private final String root;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  /** {@code <lake>/<layer>/<table>}. */
  public String path(TableName table) {
    return root + "/" + table.layer() + "/" + table.table();
  }

  public boolean exists(TableName table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** Creates the table from its DDL if it is not there yet. */
  public void ensure(TableName table) {
    if (!exists(table)) {
      String location = "delta.`" + path(table).replace("`", "``") + "`";
      spark.sql(Tables.ddl(table).replace("${table}", location));
    }
  }

  /** The table's current rows; an empty frame with the declared schema when the table does not exist yet. */
  public Dataset<Row> read(TableName table) {
    if (!exists(table)) {
      return spark.createDataFrame(java.util.List.of(), Tables.schema(table));
    }
    return spark.read().format("delta").load(path(table));
  }

  /** The table as of a version. */
  public Dataset<Row> read(TableName table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /** The latest committed version, or -1 when the table does not exist. */
  public long version(TableName table) {
    if (!exists(table)) {
      return -1;
    }
    return DeltaTable.forPath(spark, path(table)).history(1).select("version").head().getLong(0);
  }

  public DeltaTable delta(TableName table) {
    ensure(table);
    return DeltaTable.forPath(spark, path(table));
  }

  /** The lake root as a Hadoop path (local dir, HDFS or object store). */
  public Path hadoopRoot() {
    return new Path(root);
  }
}
