package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.TableName;
import org.fiscalscope.lake.Tables;

/**
 * Landing folder → bronze.documents / bronze.rejects → silver.*. A file seen before (same path, size and time, or
 * same content) is skipped; each new file is read on an executor into a canonical document or a one-sentence
 * reason; silver tables are replaced per unit-year, and bronze is written last, so a run killed half-way is
 * completed by the next one.
 */
public final class IngestJob {

  /** Columns of a read landing file. */
  static final StructType READ = new StructType()
      .add("sha256", DataTypes.StringType, false)
      .add("path", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("size_bytes", DataTypes.LongType)
      .add("modified_at", DataTypes.TimestampType)
      .add("content", DataTypes.BinaryType)
      .add("is_accepted", DataTypes.BooleanType)
      .add("reason", DataTypes.StringType)
      .add("unit_id", DataTypes.StringType)
      .add("unit_name", DataTypes.StringType)
      .add("fiscal_year", DataTypes.IntegerType)
      .add("canonical_json", DataTypes.StringType);

  /** What one ingest did: files seen, new documents, files skipped as seen before, refused files, copies. */
  public record Result(long filesSeen, long newDocuments, long skipped, long rejected, long duplicateFiles,
                       Map<String, Long> rowsWritten) {}

  private IngestJob() {}

  public static Result run(Lake lake, String landing, String runId, long maxFileBytes) {
    SparkSession spark = lake.spark();
    String root = qualifiedRoot(lake, landing);

    java.util.List<Row> files = LandingListing.list(root, spark.sparkContext().hadoopConfiguration());
    int slices = Math.max(spark.sparkContext().defaultParallelism(), files.size() / 5_000);
    Dataset<Row> listing = spark.createDataFrame(
        new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(files, slices),
        LandingListing.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> decided = null;
    Dataset<Row> parsed = null;
    try {
      Dataset<Row> knownFiles = fingerprints(lake, Tables.BRONZE_DOCUMENTS).union(fingerprints(lake, Tables.BRONZE_REJECTS));
      Dataset<Row> unseen = listing.join(broadcast(knownFiles),
          listing.col("relative_path").equalTo(knownFiles.col("known_path"))
              .and(listing.col("length").equalTo(knownFiles.col("known_size")))
              .and(listing.col("modificationTime").equalTo(knownFiles.col("known_modified"))), "left_anti")
          .persist(StorageLevel.MEMORY_AND_DISK());
      if (unseen.isEmpty()) {
        unseen.unpersist();
        return new Result(files.size(), 0, files.size(), 0, 0, Map.of());
      }

      Broadcast<SerializableConfiguration> hadoop = spark.sparkContext().broadcast(
          new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()),
          scala.reflect.ClassTag$.MODULE$.apply(SerializableConfiguration.class));
      Dataset<Row> read = unseen.mapPartitions(new ReadFiles(root, maxFileBytes, hadoop), Encoders.row(READ));

      Dataset<Row> knownContent = lake.read(Tables.BRONZE_DOCUMENTS).select("sha256")
          .union(lake.read(Tables.BRONZE_REJECTS).select("sha256"));
      Dataset<Row> fresh = read.join(broadcast(knownContent), read.col("sha256").equalTo(knownContent.col("sha256")),
          "left_anti");
      decided = decideDuplicateUnitYears(decideDuplicateContent(fresh)).persist(StorageLevel.MEMORY_AND_DISK());

      Row counts = decided.agg(count(lit(1)), sum(when(col("is_accepted"), 1).otherwise(0)),
          sum(when(col("is_copy"), 1).otherwise(0))).head();
      long newFiles = counts.getLong(0);
      long accepted = counts.isNullAt(1) ? 0 : counts.getLong(1);
      long copies = counts.isNullAt(2) ? 0 : counts.getLong(2);
      long seen = files.size();

      Dataset<Row> documents = decided.filter(col("is_accepted")).withColumn("run_id", lit(runId));
      // Materialised once: each of the six silver MERGEs replaces exactly these unit-years.
      Dataset<Row> unitYears = documents.select("unit_id", "fiscal_year").distinct().localCheckpoint();
      Map<String, Long> written = new LinkedHashMap<>();
      if (accepted > 0) {
        // Parsed once: every silver table and each of its writes reads the documents again, and from_json is the cost.
        parsed = Normaliser.parse(documents).persist(StorageLevel.MEMORY_AND_DISK());
        Map<TableName, Dataset<Row>> silver = Normaliser.silverOfParsed(parsed, UnitRegistry.load(spark, root));
        silver.put(Tables.SILVER_FINDING, silver.get(Tables.SILVER_FINDING).unionByName(
            ScaleCheck.findings(silver.get(Tables.SILVER_UNIT_YEAR), lake.read(Tables.SILVER_UNIT_YEAR))));
        for (Map.Entry<TableName, Dataset<Row>> e : silver.entrySet()) {
          spark.sparkContext().setJobGroup("INGEST", "normalise into " + e.getKey(), false);
          DeltaMerge.replaceGroups(lake, e.getKey(), e.getValue(), unitYears);
        }
        spark.sparkContext().setJobGroup("INGEST", "bronze.documents", false);
        DeltaMerge.insertNew(lake, Tables.BRONZE_DOCUMENTS, documents.withColumn("ingested_at", current_timestamp()));
        written.put(Tables.BRONZE_DOCUMENTS.toString(), accepted);
      }
      long refused = newFiles - accepted;
      if (refused > 0) {
        spark.sparkContext().setJobGroup("INGEST", "bronze.rejects", false);
        DeltaMerge.insertNew(lake, Tables.BRONZE_REJECTS, decided.filter(col("is_accepted").equalTo(false))
            .withColumn("run_id", lit(runId)).withColumn("rejected_at", current_timestamp()));
        written.put(Tables.BRONZE_REJECTS.toString(), refused);
      }
      return new Result(seen, accepted, seen - newFiles, refused, copies, written);
    } finally {
      listing.unpersist();
      if (decided != null) {
        decided.unpersist();
      }
      if (parsed != null) {
        parsed.unpersist();
      }
    }
  }

  /** (path, size, modification time) of the files a bronze table holds. */
  private static Dataset<Row> fingerprints(Lake lake, TableName table) {
    return lake.read(table).select(col("path").as("known_path"), col("size_bytes").as("known_size"),
        col("modified_at").as("known_modified"));
  }

  /** Of files with identical content, the first path is read; the others are refused as copies of it. */
  static Dataset<Row> decideDuplicateContent(Dataset<Row> read) {
    var w = Window.partitionBy(col("sha256")).orderBy(col("path"));
    Column copy = row_number().over(w).gt(1);
    return read
        .withColumn("is_copy", copy)
        .withColumn("reason", when(copy, concat(col("path"), lit(": has the same content as "),
            first(col("path")).over(w), lit(", which is read instead; remove one of the two files."))).otherwise(col("reason")))
        .withColumn("is_accepted", when(copy, lit(false)).otherwise(col("is_accepted")));
  }

  /**
   * Of two new files that hold the same unit-year with different content, the newer (then the later path) is
   * taken and the others are refused with a reason naming the file that was taken.
   */
  static Dataset<Row> decideDuplicateUnitYears(Dataset<Row> read) {
    var w = Window.partitionBy(col("unit_id"), col("fiscal_year"), col("is_accepted"))
        .orderBy(col("modified_at").desc(), col("path").desc());
    Dataset<Row> ranked = read
        .withColumn("rank_in_unit_year", when(col("is_accepted"), row_number().over(w)))
        .withColumn("taken_path", when(col("is_accepted"), first(col("path")).over(w)));
    Column loses = col("is_accepted").and(col("rank_in_unit_year").gt(1));
    return ranked
        .withColumn("reason", when(loses, concat(col("path"),
            lit(": another file of this batch, "), col("taken_path"), lit(", also holds the "),
            col("fiscal_year").cast("string"), lit(" accounts of "), col("unit_name"),
            lit(" with different figures and is newer, so it was taken and this one was not; send one file per unit and year.")))
            .otherwise(col("reason")))
        .withColumn("is_accepted", when(loses, lit(false)).otherwise(col("is_accepted")))
        .drop("rank_in_unit_year", "taken_path");
  }

  private static String qualifiedRoot(Lake lake, String landing) {
    try {
      Path p = new Path(landing);
      FileSystem fs = p.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new FiscalScopeException("landing folder " + landing + " does not exist; pass an existing folder with --landing");
      }
      if (!fs.getFileStatus(p).isDirectory()) {
        throw new FiscalScopeException("landing " + landing + " is a file, not a folder; pass the folder that holds it with --landing");
      }
      String q = fs.makeQualified(p).toString();
      return q.endsWith("/") ? q : q + "/";
    } catch (IOException e) {
      throw new FiscalScopeException("landing folder " + landing + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads each listed landing file of a partition into a {@link #READ} row (runs on executors, one file at a time). */
  static final class ReadFiles implements MapPartitionsFunction<Row, Row> {

    private final String root;
    private final long maxBytes;
    private final Broadcast<SerializableConfiguration> hadoop;

    ReadFiles(String root, long maxBytes, Broadcast<SerializableConfiguration> hadoop) {
      this.root = root;
      this.maxBytes = maxBytes;
      this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return files.hasNext();
        }

        @Override
        public Row next() {
          return read(files.next());
        }
      };
    }

    private Row read(Row f) {
      String path = f.getAs("relative_path");
      long size = f.<Long>getAs("length");
      Timestamp modified = f.getAs("modificationTime");
      String kind = InputKind.of(path).label();
      LandingFile.Content file = LandingFile.read(f.getAs("path"), path, root, size, modified.getTime(), maxBytes,
          hadoop.value().value());
      if (!file.isRead()) {
        return RowFactory.create(file.sha256(), path, kind, size, modified, null, false, path + ": " + file.refusal(),
            null, null, null, null);
      }
      ReadOutcome outcome = DocumentReader.read(path, file.content(), file.sha256());
      if (outcome instanceof ReadOutcome.Accepted a) {
        FinalAccount doc = a.document();
        return RowFactory.create(file.sha256(), path, kind, size, modified, file.content(), true, null,
            UnitIds.of(doc.unit()), doc.unit().name(), doc.fiscalYear(), DocumentJson.write(doc));
      }
      String reason = ((ReadOutcome.Rejected) outcome).reason();
      return RowFactory.create(file.sha256(), path, kind, size, modified, file.content(), false, reason,
          null, null, null, null);
    }
  }
}
