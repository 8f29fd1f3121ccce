package org.fiscalscope.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

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

  /**
   * Writes {@code csv/<table>.csv} ({@link CsvExport}: RFC 4180, BOM, formulas neutralised), streamed from Spark
   * into a hidden partial file and then renamed, so a reader never sees half a file; an earlier file of the same
   * day is replaced.
   */
  void exportCsv(String table, Dataset<Row> rows) {
    Path csvDir = new Path(dir, "csv");
    Path partial = new Path(csvDir, "." + table + ".csv.partial");
    Path target = new Path(csvDir, table + ".csv");
    try {
      FileSystem fs = fs();
      fs.mkdirs(csvDir);
      try {
        try (OutputStream out = fs.create(partial, true)) {
          CsvExport.write(rows, out);
        }
        fs.delete(target, false);
        if (!fs.rename(partial, target)) {
          throw new IOException("could not move " + partial + " to " + target);
        }
      } finally {
        fs.delete(partial, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("exporting " + table + " to " + target, e);
    }
  }

  /** The folder's file system; on a local disk the raw one, so no .crc side files land beside the report. */
  private FileSystem fs() throws IOException {
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }
}
