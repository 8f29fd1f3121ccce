package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** {@code <reports>/<run date>/}: where one day's report and its CSV exports are written (local folder, HDFS or S3). */
final class ReportFolder {

  private final SparkSession spark;
  private final String location;
  private final Path dir;

  ReportFolder(SparkSession spark, String reportsRoot, LocalDate runDate) {
    this.spark = spark;
    String root = reportsRoot.endsWith("/") ? reportsRoot.substring(0, reportsRoot.length() - 1) : reportsRoot;
    this.location = root + "/" + runDate;
    this.dir = new Path(location);
  }

  /** The index page's path as configured, e.g. {@code reports/2026-11-29/index.html}. */
  String indexPath() {
    return location + "/index.html";
  }

  /** Writes index.html (replacing an earlier report of the same day). */
  void writeIndex(String html) {
    Path target = new Path(dir, "index.html");
    Path partial = new Path(dir, ".index.html.partial");
    try {
      FileSystem fs = fs();
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(partial, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(partial, target)) {
        throw new IOException("could not move " + partial + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report " + target, e);
    }
  }

  /** Writes {@code csv/<table>.csv} with a header row: one Spark write in one partition, then renamed. */
  void exportCsv(String table, Dataset<Row> rows) {
    Path csvDir = new Path(dir, "csv");
    Path staging = new Path(csvDir, "_" + table);
    Path target = new Path(csvDir, table + ".csv");
    flat(rows).coalesce(1).write().mode("overwrite").option("header", "true").csv(staging.toString());
    try {
      FileSystem fs = fs();
      FileStatus[] parts = fs.globStatus(new Path(staging, "part-*"));
      if (parts == null || parts.length != 1) {
        throw new IOException("expected one CSV part in " + staging);
      }
      fs.delete(target, false);
      if (!fs.rename(parts[0].getPath(), target)) {
        throw new IOException("could not move " + parts[0].getPath() + " to " + target);
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("exporting " + table + " to " + target, e);
    }
  }

  /** Nested columns (maps, arrays, structs) as JSON text, which CSV can hold. */
  private static Dataset<Row> flat(Dataset<Row> rows) {
    StructType schema = rows.schema();
    Column[] cols = new Column[schema.fields().length];
    for (int i = 0; i < cols.length; i++) {
      StructField f = schema.fields()[i];
      boolean nested = f.dataType() instanceof MapType || f.dataType() instanceof ArrayType
          || f.dataType() instanceof StructType;
      cols[i] = nested ? to_json(col(f.name())).as(f.name()) : col(f.name());
    }
    return rows.select(cols);
  }

  /** The folder's file system; on a local disk the raw one, so no .crc side files land beside the report. */
  private FileSystem fs() throws IOException {
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }
}
