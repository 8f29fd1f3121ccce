package org.fiscalscope.report;

import java.io.ByteArrayInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.lake.Materialized;
import org.fiscalscope.lake.Partitions;

/** {@code <reports>/<run date>/}: where one day's report and its CSV exports are written (local folder, HDFS or S3). */
final class ReportFolder {

  private final SparkSession spark;
  private final String location;
  private final Path dir;
  private final LocalDate runDate;

  ReportFolder(SparkSession spark, String reportsRoot, LocalDate runDate) {
    this.spark = spark;
    String root = reportsRoot.endsWith("/") ? reportsRoot.substring(0, reportsRoot.length() - 1) : reportsRoot;
    this.location = root + "/" + runDate;
    // Qualified here: a relative folder would be resolved by each executor against its own working folder.
    try {
      Path given = new Path(location);
      this.dir = given.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(given);
    } catch (IOException e) {
      throw new UncheckedIOException("opening the report folder " + location, e);
    }
    this.runDate = runDate;
  }

  /** The index page's path as configured, e.g. {@code reports/2026-11-29/index.html}. */
  String indexPath() {
    return location + "/index.html";
  }

  /** Writes index.html (replacing an earlier report of the same day). */
  void writeIndex(String html) {
    writeReplacing(dir, "index.html", out -> out.write(html.getBytes(StandardCharsets.UTF_8)), "the report");
  }

  /**
   * Writes {@code csv/<table>.csv} ({@link CsvExport}: RFC 4180, BOM, formulas neutralised) of {@code rows} in the
   * order of their partitions: each task prints its partition's records into a hidden staging folder
   * ({@code csv/.<table>.parts}, one part per partition, {@link PartWriter}), then the head and the parts, byte for
   * byte in partition order, go into a hidden partial file renamed into place, so a reader never sees half a file; an
   * earlier file of the same day is replaced, and no staging folder is left behind. No record passes through the
   * driver (it printed every one before: a province's gold.execution, 1.2 M rows, one after another on one core).
   * Returns the first partition's first {@code firstRows} rows, with their values as Spark gives them: a workbook
   * sheet's rows, taken in the same pass (fewer when the first partition holds fewer).
   */
  List<Row> exportCsv(String table, Dataset<Row> rows, int firstRows) {
    Path folder = new Path(dir, "csv");
    Path parts = new Path(folder, "." + table + ".parts");
    try {
      FileSystem fs = fs();
      fs.delete(parts, true);
      fs.mkdirs(parts);
      try {
        StructType schema = rows.schema();
        List<Row> first = CsvExport.withText(rows).mapPartitions(new PartWriter(
            HadoopConf.of(spark.sparkContext().hadoopConfiguration()), parts.toString(), CsvExport.numeric(schema),
            firstRows), Encoders.row(schema)).collectAsList();
        List<Path> files = partFiles(fs, parts);
        String head = CsvExport.head(schema);
        writeReplacing(folder, table + ".csv", out -> {
          out.write(head.getBytes(StandardCharsets.UTF_8));
          for (Path part : files) {
            try (InputStream in = fs.open(part)) {
              in.transferTo(out);
            }
          }
        }, "the export of " + table);
        return first;
      } finally {
        fs.delete(parts, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the export of " + table + " to " + folder, e);
    }
  }

  /** A part of an export: the records of one partition. */
  private static final Pattern PART = Pattern.compile("part-(\\d+)");

  /** The parts {@link PartWriter} left in {@code folder}, in the order of their partitions. */
  private static List<Path> partFiles(FileSystem fs, Path folder) throws IOException {
    record Part(long partition, Path path) {}
    List<Part> parts = new ArrayList<>();
    for (FileStatus f : fs.listStatus(folder)) {
      Matcher m = PART.matcher(f.getPath().getName());
      if (f.isFile() && m.matches()) {
        parts.add(new Part(Long.parseLong(m.group(1)), f.getPath()));
      }
    }
    parts.sort(Comparator.comparingLong(Part::partition));
    return parts.stream().map(Part::path).toList();
  }

  /**
   * Prints the records of one partition of {@link CsvExport#withText} rows into {@code folder/part-<partition>} and
   * returns, for the first partition only, its first {@code firstRows} rows' values; runs on the executors.
   */
  private record PartWriter(HadoopConf conf, String folder, boolean[] numeric, int firstRows)
      implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws Exception {
      int partition = TaskContext.getPartitionId();
      Path dir = new Path(folder);
      FileSystem fs = raw(dir.getFileSystem(conf.get()));
      List<Row> first = new ArrayList<>();
      try (Writer out = new BufferedWriter(new OutputStreamWriter(
          fs.create(new Path(dir, String.format(java.util.Locale.ROOT, "part-%05d", partition)), true),
          StandardCharsets.UTF_8), 1 << 16)) {
        CsvExport.Printer printer = new CsvExport.Printer(out, numeric, numeric.length);
        while (rows.hasNext()) {
          Row r = rows.next();
          printer.print(r);
          if (partition == 0 && first.size() < firstRows) {
            Object[] values = new Object[numeric.length];
            for (int i = 0; i < values.length; i++) {
              values[i] = r.get(i);
            }
            first.add(RowFactory.create(values));
          }
        }
        printer.flush();
      }
      return first.iterator();
    }
  }

  /** The workbook's path as configured, e.g. {@code reports/2026-11-29/fiscalscope-2026-11-29.xlsx}. */
  String workbookPath() {
    return location + "/" + workbookName();
  }

  String workbookName() {
    return "fiscalscope-" + runDate + ".xlsx";
  }

  /** Writes the workbook through a hidden partial file renamed into place, replacing an earlier one of the day. */
  void writeWorkbook(WorkbookExport workbook) {
    writeReplacing(dir, workbookName(), workbook::write, "the workbook");
  }

  /** What writes a file's bytes. */
  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code folder/name} through the hidden partial file {@code folder/.name.partial} renamed into place, so a
   * reader never sees half a file; an earlier file of the same name is replaced, and no partial file is left behind.
   */
  private void writeReplacing(Path folder, String name, Content content, String what) {
    Path target = new Path(folder, name);
    Path partial = new Path(folder, "." + name + ".partial");
    try {
      FileSystem fs = fs();
      fs.mkdirs(folder);
      try {
        try (OutputStream out = fs.create(partial, true)) {
          content.writeTo(out);
        }
        fs.delete(target, false);
        if (!fs.rename(partial, target)) {
          throw new IOException("could not move " + partial + " to " + target);
        }
      } finally {
        fs.delete(partial, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + what + " " + target, e);
    }
  }

  /**
   * Writes {@code units/}: one page per row of {@code content}, rendered and written by Spark where the row is (each
   * task writes its partition's pages through Hadoop's file system, so no page passes through the driver), the shared
   * script and the index of all units, whose rows ({@link UnitPages#indexRow}) the tasks hand back as they write the
   * pages. The content is computed once, by the job that writes the pages, and not cached: a province's 200,000 units
   * filled partitions of over 700 MB each, more than the executors' memory kept, and in the 1 M nightly the tasks
   * writing the pages spent 192 s in garbage collection against 169 s of work (bench/RESULTS.md). Only the index
   * rows, one short row per unit, are kept until the index is written. Everything goes to a hidden staging folder that
   * replaces {@code units/} at the end. Returns the number of pages.
   */
  long writeUnitPages(Dataset<Row> content, String css, String script) {
    Path target = new Path(dir, "units");
    Path staging = new Path(dir, ".units.partial");
    try (Materialized kept = new Materialized()) {
      FileSystem fs = fs();
      fs.delete(staging, true);
      fs.mkdirs(staging);
      Dataset<Row> withIndexRow = content.withColumn(INDEX_ROW, UnitPages.indexRow());
      StructType indexRow = (StructType) withIndexRow.schema().apply(INDEX_ROW).dataType();
      Dataset<Row> written = kept.keep(withIndexRow.mapPartitions(new PageWriter(
          HadoopConf.of(spark.sparkContext().hadoopConfiguration()), staging.toString(), runDate.toString(), css),
          Encoders.row(indexRow)));
      try (OutputStream out = fs.create(new Path(staging, UnitPage.SCRIPT), true)) {
        out.write(script.getBytes(StandardCharsets.UTF_8));
      }
      long pages;
      try (OutputStream out = fs.create(new Path(staging, "index.html"), true)) {
        pages = UnitIndex.write(UnitPages.index(written), runDate.toString(), css, out);
      }
      fs.delete(target, true);
      if (!fs.rename(staging, target)) {
        throw new IOException("could not move " + staging + " to " + target);
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the unit pages to " + target, e);
    }
  }

  /** The column of a unit's index row beside its page's content. */
  private static final String INDEX_ROW = "_index_row";

  /** Renders and writes the pages of one partition of units and returns their index rows; runs on the executors. */
  private record PageWriter(HadoopConf conf, String folder, String runDate, String css)
      implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws Exception {
      Path dir = new Path(folder);
      FileSystem fs = raw(dir.getFileSystem(conf.get()));
      return Partitions.eachMapped(rows, row -> {
        UnitPageData unit = UnitPageData.of(row);
        byte[] html = UnitPage.render(unit, runDate, css).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = fs.create(new Path(dir, Html.unitFile(unit.unitId())), true)) {
          out.write(html);
        } catch (IOException e) {
          throw new UncheckedIOException("writing the page of unit " + unit.unitId() + " to " + folder, e);
        }
        return row.getStruct(row.fieldIndex(INDEX_ROW));
      });
    }
  }

  /** A Hadoop configuration that travels to the executors (serialised with its own Writable form). */
  record HadoopConf(byte[] bytes) implements Serializable {
    static HadoopConf of(Configuration conf) {
      try {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
          conf.write(out);
        }
        return new HadoopConf(buffer.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Configuration get() throws IOException {
      Configuration conf = new Configuration(false);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        conf.readFields(in);
      }
      return conf;
    }
  }

  /** The folder's file system; on a local disk the raw one, so no .crc side files land beside the report. */
  private FileSystem fs() throws IOException {
    return raw(dir.getFileSystem(spark.sparkContext().hadoopConfiguration()));
  }

  private static FileSystem raw(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }
}
