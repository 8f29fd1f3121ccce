package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Concurrently;
import org.fiscalscope.lake.JobLabel;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.Materialized;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.ReasonColumns;

/**
 * Landing folder → bronze.documents / bronze.rejects → silver.*. A file seen before is skipped unread: one accepted,
 * or refused after its content was read (same path, size and time), or whose content is known; a file refused without
 * being read (unreadable, vanished, over the size limit, not a regular file, a link leading out) is checked again on
 * every run, so fixing it is enough. Each new document file is read on an executor into a canonical document or a
 * one-sentence reason, the dataset files into one part per unit-year and one reason per refused row
 * ({@link DatasetReader}); the parts of each unit-year are merged with those earlier runs accepted
 * ({@link UnitYearMerge}); silver tables are replaced per unit-year, and bronze is written last, so a run killed
 * half-way is completed by the next one. More new files than a batch holds ({@link #BATCH_FILES}) are ingested in
 * batches, each read and committed as one run would.
 */
public final class IngestJob {

  /**
   * What one ingest did: files seen; new rows of bronze.documents (one per document file, one per unit-year of a
   * dataset file); files skipped as seen before; new rows of bronze.rejects (refused files, and refused rows of
   * dataset files); files that were copies of another; files refused again for the reason already recorded (checked
   * again because they were refused without being read, and still not readable).
   */
  public record Result(long filesSeen, long newDocuments, long skipped, long rejected, long duplicateFiles,
                       long stillRefused, Map<String, Long> rowsWritten) {}

  private IngestJob() {}

  public static Result run(Lake lake, String landing, String runId, long maxFileBytes) {
    return run(lake, landing, runId, maxFileBytes, 0);
  }

  /**
   * @param maxFileBytes files larger than this are refused unread
   * @param parseMemoryMb heap the reading of workbooks and PDFs may take at once per JVM; 0 for half the heap
   */
  public static Result run(Lake lake, String landing, String runId, long maxFileBytes, int parseMemoryMb) {
    return run(lake, landing, runId, maxFileBytes, parseMemoryMb, files -> { });
  }

  /** As above; {@code afterListing} runs between listing the landing folder and reading it (files may change then). */
  static Result run(Lake lake, String landing, String runId, long maxFileBytes, Runnable afterListing) {
    return run(lake, landing, runId, maxFileBytes, 0, files -> afterListing.run());
  }

  /** As above; {@code listed} is told how many files the landing folder holds before any is read. */
  public static Result run(Lake lake, String landing, String runId, long maxFileBytes, int parseMemoryMb,
      java.util.function.IntConsumer listed) {
    return run(lake, landing, runId, maxFileBytes, parseMemoryMb, BATCH_FILES, listed, batch -> { });
  }

  /**
   * The new files of a landing folder read and committed {@code batchFiles} at a time ({@link #BATCH_FILES});
   * {@code batches} is told of each batch as it starts when there are several.
   */
  public static Result run(Lake lake, String landing, String runId, long maxFileBytes, int parseMemoryMb,
      int batchFiles, java.util.function.IntConsumer listed, java.util.function.Consumer<Batch> batches) {
    SparkSession spark = lake.spark();
    // Ingest's own settings (SETTINGS) for the settings the session does not name, then the session as it was.
    java.util.List<String> set = SETTINGS.keySet().stream().filter(k -> !spark.conf().contains(k)).toList();
    set.forEach(k -> spark.conf().set(k, SETTINGS.get(k)));
    try {
      return ingest(lake, landing, runId, maxFileBytes, parseMemoryMb, batchFiles, listed, batches);
    } finally {
      set.forEach(k -> spark.conf().unset(k));
    }
  }

  /**
   * Delta's optimized write puts the rows of a write into files in bins of this size (MB) of shuffled rows, each
   * written by one task. Delta's 512 MB put a province's silver.indicator (5.1 M rows, 460 MB shuffled at 100k
   * unit-years) in one bin, written by one task for some 20 s while the other core idled; in 64 MB bins several tasks
   * write it side by side. Ingest only: metrics over a 100k lake took longer with gold written in 64 MB bins
   * (bench/RESULTS.md).
   */
  static final String BIN_SIZE = "spark.databricks.delta.optimizeWrite.binSize";
  static final String INGEST_BIN_MB = "64";

  /**
   * Spark compiles a stage's operators into one class only when its rows have at most this many fields, nested ones
   * counted (100 by default). The document's schema has more ({@link DocumentStruct#nestedFields}): every plan over
   * parsed documents ran operator by operator, each of its tasks generating and looking up the projection of the
   * whole document again. Ingest allows the document with the read file's other columns (executor CPU of a 20k
   * first load 18.2 s against 19.2, medians of three; of a 100k one 62.3, 61.7 s against 63.4, 67.0).
   */
  static final String CODEGEN_MAX_FIELDS = "spark.sql.codegen.maxFields";

  /** What ingest sets for its run, unless the session's settings name it. */
  static final Map<String, String> SETTINGS = Map.of(BIN_SIZE, INGEST_BIN_MB,
      CODEGEN_MAX_FIELDS, String.valueOf(DocumentStruct.nestedFields() + ReadFiles.READ.size()));

  /**
   * New files read and committed together at most, by default. A batch's files, their contents and canonical
   * documents, are held (in memory, spilling to local disk) until its tables are written, about twice the bytes of its
   * files: a province's first load of a million generated files (18 GB) at once would hold some 36 GB. Larger
   * landings are ingested in batches of this many, each committed as a run would commit it, in the order of their
   * modification times (then paths), so that of two files for one slot of a unit-year the newer is still the one kept.
   */
  public static final int BATCH_FILES = 100_000;

  /** Batch {@code number} of {@code of}, of {@code files} new files, is starting. */
  public record Batch(int number, int of, int files) {}

  private static Result ingest(Lake lake, String landing, String runId, long maxFileBytes, int parseMemoryMb,
      int batchFiles, java.util.function.IntConsumer listed, java.util.function.Consumer<Batch> batches) {
    SparkSession spark = lake.spark();
    String root = qualifiedRoot(lake, landing);
    if (lake.exists(LakeTable.BRONZE_REJECTS)) {
      lake.ensure(LakeTable.BRONZE_REJECTS); // a lake written before reason_code gains it even when nothing is refused
    }

    java.util.List<Row> files = LandingListing.list(root, spark.sparkContext().hadoopConfiguration());
    listed.accept(files.size());
    int slices = slices(spark, files.size());
    Dataset<Row> listing = listing(spark, files, slices).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> unseen = null;
    try {
      Dataset<Row> knownFiles = fingerprints(lake, LakeTable.BRONZE_DOCUMENTS).union(fingerprints(lake, LakeTable.BRONZE_REJECTS));
      unseen = listing.join(broadcast(knownFiles),
          listing.col("relative_path").equalTo(knownFiles.col("known_path"))
              .and(listing.col("length").equalTo(knownFiles.col("known_size")))
              .and(listing.col("modificationTime").equalTo(knownFiles.col("known_modified"))), "left_anti")
          .persist(StorageLevel.MEMORY_AND_DISK());
      long newFiles = unseen.count();
      if (newFiles == 0) {
        return new Result(files.size(), 0, files.size(), 0, 0, 0, Map.of());
      }
      Broadcast<SerializableConfiguration> hadoop = spark.sparkContext().broadcast(
          new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()),
          scala.reflect.ClassTag$.MODULE$.apply(SerializableConfiguration.class));
      ReadFiles readFiles = new ReadFiles(root, maxFileBytes, parseMemoryMb, hadoop);
      if (files.size() <= batchFiles) {
        // The new files in the slices they need, not the listing's: a nightly's 500 new files in a province's lake were
        // read in the 20 slices of its 100,000, and every later stage of the batch ran in multiples of them (80 and
        // 160 tasks for 500 documents).
        int newSlices = slices(spark, (int) newFiles);
        return batch(lake, root, runId, newSlices < slices ? unseen.coalesce(newSlices) : unseen, newSlices,
            files.stream().anyMatch(IngestJob::isDataset), readFiles, hadoop).result(files.size());
      }
      // The landing's listing is on the driver already; its new files, in the order they are taken, go there too.
      java.util.List<Row> pending = unseen.orderBy(col("modificationTime"), col("relative_path")).collectAsList();
      int of = (pending.size() + batchFiles - 1) / batchFiles;
      Written total = Written.NONE;
      for (int b = 0; b < of; b++) {
        java.util.List<Row> these = pending.subList(b * batchFiles, Math.min(pending.size(), (b + 1) * batchFiles));
        if (of > 1) {
          batches.accept(new Batch(b + 1, of, these.size()));
        }
        int batchSlices = slices(spark, these.size());
        Dataset<Row> batch = listing(spark, these, batchSlices);
        total = total.plus(batch(lake, root, runId, batch, batchSlices, these.stream().anyMatch(IngestJob::isDataset),
            readFiles, hadoop));
      }
      return total.result(files.size());
    } finally {
      java.util.stream.Stream.of(listing, unseen).filter(java.util.Objects::nonNull).forEach(Dataset::unpersist);
    }
  }

  /** Slices a listing of {@code files} files is read in: the cores, or one per 5,000 files when there are more. */
  private static int slices(SparkSession spark, int files) {
    return Math.max(spark.sparkContext().defaultParallelism(), files / 5_000);
  }

  private static Dataset<Row> listing(SparkSession spark, java.util.List<Row> files, int slices) {
    return spark.createDataFrame(
        new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(files, slices),
        LandingListing.SCHEMA);
  }

  /**
   * What a batch wrote: its new files (read, refused or copies; not those whose content was known), accepted
   * documents, refused files, copies, files refused again, and the rows written per table.
   */
  private record Written(long newFiles, long accepted, long refused, long copies, long stillRefused,
                         Map<String, Long> rows) {
    static final Written NONE = new Written(0, 0, 0, 0, 0, Map.of());

    Written plus(Written o) {
      Map<String, Long> sum = new LinkedHashMap<>(rows);
      o.rows.forEach((table, n) -> sum.merge(table, n, Long::sum));
      return new Written(newFiles + o.newFiles, accepted + o.accepted, refused + o.refused, copies + o.copies,
          stillRefused + o.stillRefused, sum);
    }

    Result result(long seen) {
      return new Result(seen, accepted, seen - newFiles, refused, copies, stillRefused, rows);
    }
  }

  /**
   * Reads, decides and commits one batch of listed files not seen before ({@code unseen}, in {@code slices} slices):
   * the silver tables first, bronze last. The rows it keeps are released when it ends.
   */
  private static Written batch(Lake lake, String root, String runId, Dataset<Row> unseen, int slices,
      boolean anyDataset, ReadFiles readFiles, Broadcast<SerializableConfiguration> hadoop) {
    SparkSession spark = lake.spark();
    // The frames computed once for the branches that read them (the files read, the parse, …), released at the end.
    Materialized kept = new Materialized();
    try {
      Dataset<Row> read = unseen.filter((FilterFunction<Row>) f -> !isDataset(f))
          .mapPartitions(readFiles, Encoders.row(ReadFiles.READ));
      if (anyDataset) {
        JobLabel.set(spark, LakeTable.Owner.INGEST, "tabular datasets");
        read = read.unionByName(DatasetReader.read(lake, unseen.filter((FilterFunction<Row>) IngestJob::isDataset)
            .mapPartitions(readFiles, Encoders.row(ReadFiles.READ)), root, hadoop, kept));
      }

      Dataset<Row> knownContent = lake.scan(LakeTable.BRONZE_DOCUMENTS).select("sha256")
          .union(lake.scan(LakeTable.BRONZE_REJECTS).select("sha256"));
      Dataset<Row> checked = read.join(broadcast(knownContent.distinct().withColumn("is_known", lit(true))), "sha256", "left")
          .withColumn("is_known", coalesce(col("is_known"), lit(false)));
      // The files are read once, into a checkpoint (like the parse below, so the tasks that read it do not carry the
      // reading of the files); known rows are kept beside the decided new ones (without their content and documents)
      // only to be counted.
      Dataset<Row> readOnce = kept.keep(checked.withColumn(ROW, monotonically_increasing_id()));
      Dataset<Row> decided = decideDuplicates(readOnce.filter(not(col("is_known"))), kept)
          .unionByName(readOnce.filter(col("is_known")).withColumn("content", lit(null).cast("binary"))
              .withColumn("canonical_json", lit(null).cast("string")).withColumn("audited_json", lit(null).cast("string"))
              .withColumn("is_copy", lit(false)))
          .drop(ROW);

      Column isNew = not(col("is_known"));
      Row counts = decided.agg(countDistinct(when(isNew, col("path"))),
          sum(when(isNew.and(col("is_accepted")), 1).otherwise(0)),
          sum(when(isNew.and(not(col("is_accepted"))), 1).otherwise(0)),
          countDistinct(when(col("is_copy"), col("path"))),
          countDistinct(when(col("is_known").and(not(col("is_accepted"))), col("path")))).head();
      long newFiles = counts.getLong(0);
      long accepted = counts.isNullAt(1) ? 0 : counts.getLong(1);
      long refused = counts.isNullAt(2) ? 0 : counts.getLong(2);
      long copies = counts.getLong(3);
      long stillRefused = counts.getLong(4);
      boolean binned = binned(accepted, slices);

      Dataset<Row> documents = decided.filter(isNew.and(col("is_accepted"))).withColumn("run_id", lit(runId));
      Map<String, Long> written = new LinkedHashMap<>();
      if (accepted > 0) {
        JobLabel.set(spark, LakeTable.Owner.INGEST, "merge the parts of each unit-year");
        Dataset<Row> merged = UnitYearMerge.merged(documents, lake.scan(LakeTable.BRONZE_DOCUMENTS), runId, kept);
        // Materialised once: each of the six silver MERGEs replaces exactly these unit-years.
        Dataset<Row> unitYears = kept.keep(documents.select("unit_id", "fiscal_year").distinct());
        // The batch's years (a few): each MERGE reads the silver rows of those years only.
        java.util.Set<Integer> years = new java.util.TreeSet<>(unitYears.select("fiscal_year").distinct()
            .as(Encoders.INT()).collectAsList());
        // Parsed once: every silver table and each of its writes reads the documents again, and the parse is the cost.
        // Checkpointed rather than cached: a cached plan keeps its lineage, and every task of the six MERGEs would
        // deserialize the parse with the document's whole schema (a fifth of a small batch's CPU went there).
        // An executor lost during ingest fails the run, which the next run completes.
        Dataset<Row> parsed = kept.keep(SilverRows.parse(merged));
        Map<LakeTable, Dataset<Row>> silver = SilverRows.silverOfParsed(parsed, UnitRegistry.load(spark, root));
        silver.put(LakeTable.SILVER_FINDING, silver.get(LakeTable.SILVER_FINDING).unionByName(
            ScaleCheck.findings(silver.get(LakeTable.SILVER_UNIT_YEAR), lake.scan(LakeTable.SILVER_UNIT_YEAR))));
        // One transaction per silver table, side by side; bronze.documents only after all of them (a failed MERGE
        // leaves the documents unrecorded, so the next run reads them again).
        Concurrently.runAll(spark, silver.entrySet().stream().<Runnable>map(e -> () -> {
          JobLabel.set(spark, LakeTable.Owner.INGEST, "normalise into " + e.getKey());
          DeltaMerge.replaceGroups(lake, e.getKey(), e.getValue(), unitYears, years,
              binned || !MANY_ROWS_PER_DOCUMENT.contains(e.getKey()));
        }).toList());
        JobLabel.set(spark, LakeTable.Owner.INGEST, LakeTable.BRONZE_DOCUMENTS.toString());
        // Appended, not merged: every key is new (no copy shares a content hash; each was checked against the table
        // above, and the lake's run lock keeps other runs out), and a MERGE would shuffle every file's bytes.
        DeltaMerge.createAndAppend(lake, LakeTable.BRONZE_DOCUMENTS, documents.withColumn("ingested_at", current_timestamp()),
            binned);
        written.put(LakeTable.BRONZE_DOCUMENTS.toString(), accepted);
      }
      if (refused > 0) {
        JobLabel.set(spark, LakeTable.Owner.INGEST, LakeTable.BRONZE_REJECTS.toString());
        DeltaMerge.insertNew(lake, LakeTable.BRONZE_REJECTS, decided.filter(isNew.and(not(col("is_accepted"))))
            .withColumn("run_id", lit(runId)).withColumn("rejected_at", current_timestamp()));
        written.put(LakeTable.BRONZE_REJECTS.toString(), refused);
      }
      return new Written(newFiles, accepted, refused, copies, stillRefused, written);
    } finally {
      kept.close();
    }
  }

  /**
   * Documents per slice of the listing from which bronze.documents (and silver.indicator, when the batch creates it)
   * is written as the batch's partitions lie, without Delta's optimized write: at 100k unit-years that write shuffled
   * 607 MB of file contents into bins for 5 s of executor CPU, though a slice of 5,000 files already makes a file of
   * some 90 MB. Below it the bins keep a small batch (a nightly's few new files) in one file instead of one per slice.
   */
  static final long UNBINNED_DOCUMENTS_PER_SLICE = 2_500;

  /**
   * The silver tables of many rows per document (silver.indicator: some 50; 92 MB shuffled into bins for a 20k first
   * load, the other tables 8.5 MB or less): a batch that fills its slices creates them as its partitions lie. The
   * others stay binned, one file instead of one per slice — written unbinned they took no less.
   */
  private static final java.util.Set<LakeTable> MANY_ROWS_PER_DOCUMENT = java.util.Set.of(LakeTable.SILVER_INDICATOR);

  /**
   * Whether the batch's bronze.documents and its new tables of many rows per document are written through Delta's
   * optimized write: unless the batch fills its slices ({@link #UNBINNED_DOCUMENTS_PER_SLICE}).
   */
  static boolean binned(long accepted, int slices) {
    return accepted < UNBINNED_DOCUMENTS_PER_SLICE * slices;
  }

  /** A listed landing file ({@link LandingListing#SCHEMA}) of a tabular dataset, read with the batch's other dataset files. */
  private static boolean isDataset(Row listed) {
    return InputKind.of(listed.getString(1)).family() == InputKind.Family.DATASET;
  }

  /**
   * (path, size, modification time) of the files a bronze table holds whose content was read: a reject without content
   * was refused unread, and is checked again. Read whole ({@link Lake#scan}): a nightly with nothing new spent half its
   * ingest in Delta's planning of these two reads.
   */
  private static Dataset<Row> fingerprints(Lake lake, LakeTable table) {
    return lake.scan(table).filter(col("content").isNotNull()).select(col("path").as("known_path"),
        col("size_bytes").as("known_size"), col("modified_at").as("known_modified"));
  }

  /** A row id over the batch's read files, so decisions made on a few columns can be joined back to the rows. */
  private static final String ROW = "_fs_row";

  /** Verdicts up to this many are joined back by broadcast (each a row id and four short columns). */
  private static final long BROADCAST_VERDICTS = 200_000;

  /**
   * {@link #decideDuplicateContent} then {@link #decideDuplicateUnitYears} on the new rows of a batch (with a
   * {@link #ROW} id), without moving their content: the two windows run over every column but the file's bytes and
   * its canonical document, and only the rows whose verdict changed (copies, superseded files: usually none) are
   * joined back. A window over the whole rows shuffled and sorted every document twice, the batch's largest cost.
   */
  static Dataset<Row> decideDuplicates(Dataset<Row> rows, Materialized kept) {
    Dataset<Row> verdicts = kept.keep(decideDuplicateUnitYears(decideDuplicateContent(
        rows.drop("content", "canonical_json", "audited_json").withColumn("was_accepted", col("is_accepted"))))
        .filter(col("is_copy").or(col("was_accepted").and(not(col("is_accepted")))))
        .select(col(ROW), col("sha256").as("v_sha256"), col("reason").as("v_reason"),
            col("reason_code").as("v_reason_code"), col("is_accepted").as("v_is_accepted"), col("is_copy").as("v_is_copy")));
    long changed = verdicts.count();
    if (changed == 0) {
      return rows.withColumn("is_copy", lit(false));
    }
    Dataset<Row> joined = rows.join(changed <= BROADCAST_VERDICTS ? broadcast(verdicts) : verdicts,
        DeltaMerge.scalaSeq(java.util.List.of(ROW)), "left");
    Column hasVerdict = col("v_is_copy").isNotNull();
    for (String c : new String[] {"sha256", "reason", "reason_code", "is_accepted"}) {
      joined = joined.withColumn(c, when(hasVerdict, col("v_" + c)).otherwise(col(c)));
    }
    return joined.withColumn("is_copy", coalesce(col("v_is_copy"), lit(false)))
        .drop("v_sha256", "v_reason", "v_reason_code", "v_is_accepted", "v_is_copy");
  }

  /**
   * Of files with identical content, the first path is read; the others are refused as copies of it, each keyed by the
   * SHA-256 of {@code copy:<content sha256>:<path>} (one reject per copy, however many there are).
   */
  static Dataset<Row> decideDuplicateContent(Dataset<Row> read) {
    var w = Window.partitionBy(col("sha256")).orderBy(col("path"));
    Column copy = row_number().over(w).gt(1);
    return read
        .withColumn("is_copy", copy)
        .withColumn("reason", when(col("is_copy"), ReasonColumns.line(col("path"), Problem.FILE_DUPLICATE,
            first(col("path")).over(w))).otherwise(col("reason")))
        .withColumn("reason_code", when(col("is_copy"), ReasonColumns.code(Problem.FILE_DUPLICATE))
            .otherwise(col("reason_code")))
        .withColumn("is_accepted", when(col("is_copy"), lit(false)).otherwise(col("is_accepted")))
        // Last: the window above is over the content hash.
        .withColumn("sha256", when(col("is_copy"), sha2(concat(lit("copy:"), col("sha256"), lit(":"), col("path")), 256))
            .otherwise(col("sha256")));
  }

  /**
   * Of two new files that fill the same slot of a unit-year ({@link UnitYearMerge#slot}: two documents, two sets of
   * standard tables, two files of one dataset table) with different content, the newer (then the later path) is
   * taken and the others are refused with a reason naming the file that was taken. Files of different slots are
   * all taken: they are merged.
   */
  static Dataset<Row> decideDuplicateUnitYears(Dataset<Row> read) {
    var w = Window.partitionBy(col("unit_id"), col("fiscal_year"), col("slot"), col("is_accepted"))
        .orderBy(col("modified_at").desc(), col("path").desc());
    Dataset<Row> ranked = read
        .withColumn("rank_in_unit_year", when(col("is_accepted"), row_number().over(w)))
        .withColumn("taken_path", when(col("is_accepted"), first(col("path")).over(w)));
    Column loses = col("is_accepted").and(col("rank_in_unit_year").gt(1));
    Column isDatasetPart = col("slot").startsWith("dataset:");
    Column reason = when(isDatasetPart, ReasonColumns.line(col("path"), Problem.DATASET_ROWS_SUPERSEDED,
        substring_index(col("slot"), ":", -1), col("fiscal_year").cast("string"), col("unit_name"), col("taken_path")))
        .otherwise(ReasonColumns.line(col("path"), Problem.FILE_SUPERSEDED, col("taken_path"),
            col("fiscal_year").cast("string"), col("unit_name")));
    Column code = when(isDatasetPart, ReasonColumns.code(Problem.DATASET_ROWS_SUPERSEDED))
        .otherwise(ReasonColumns.code(Problem.FILE_SUPERSEDED));
    return ranked
        .withColumn("reason", when(loses, reason).otherwise(col("reason")))
        .withColumn("reason_code", when(loses, code).otherwise(col("reason_code")))
        .withColumn("is_accepted", when(loses, lit(false)).otherwise(col("is_accepted")))
        .drop("rank_in_unit_year", "taken_path");
  }

  private static String qualifiedRoot(Lake lake, String landing) {
    try {
      Path p = new Path(landing);
      FileSystem fs = p.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw Problem.LANDING_MISSING.failure(landing);
      }
      if (!fs.getFileStatus(p).isDirectory()) {
        throw Problem.LANDING_NOT_A_FOLDER.failure(landing);
      }
      String q = fs.makeQualified(p).toString();
      return q.endsWith("/") ? q : q + "/";
    } catch (IOException e) {
      throw new FiscalScopeException(Problem.LANDING_UNREADABLE.with(landing, e.getMessage()), e);
    }
  }
}
