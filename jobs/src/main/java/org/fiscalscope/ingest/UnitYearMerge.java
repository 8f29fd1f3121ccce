package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.lake.Materialized;

/**
 * The accepted documents of a batch → one canonical document per unit-year they touch, for silver. A unit-year is
 * made of parts, one per slot: the document (json, text, pdf), the standard tables (xlsx, xls, csv-tables), and each
 * table of a dataset. A new file takes its slot from the one before it; the parts of the other slots that earlier
 * runs accepted are read back from bronze.documents; all current parts are merged ({@link DocumentMerge}). So the
 * order in which a unit's files arrive does not change the result, and a re-run gives the same rows. Unit-years
 * with one part pass through unmerged; only the others are grouped (on executors). Every unit-year, merged or not,
 * is audited ({@link MergedAudit}), whatever files it came from: a document file that alone makes its unit-year as
 * it was read ({@link ReadFiles}), the others here.
 */
public final class UnitYearMerge {

  /** Columns of a unit-year's document for {@link SilverRows}. */
  static final StructType MERGED = new StructType()
      .add("sha256", DataTypes.StringType)
      .add("unit_id", DataTypes.StringType)
      .add("fiscal_year", DataTypes.IntegerType)
      .add("canonical_json", DataTypes.StringType)
      .add("run_id", DataTypes.StringType);

  /** Columns of one part of a unit-year, new or accepted before. */
  private static final StructType PART = new StructType()
      .add("sha256", DataTypes.StringType)
      .add("path", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("slot", DataTypes.StringType)
      .add("modified_at", DataTypes.TimestampType)
      .add("ingested_at", DataTypes.TimestampType)
      .add("unit_id", DataTypes.StringType)
      .add("fiscal_year", DataTypes.IntegerType)
      .add("canonical_json", DataTypes.StringType)
      .add("is_new", DataTypes.BooleanType);

  private UnitYearMerge() {}

  /**
   * The slot of a unit-year a file of that kind and path fills: document, tables (a workbook holds the whole set),
   * tables:&lt;path&gt; (a CSV export usually holds one table, so each file is its own part and the nine exports of a
   * unit-year add up), or dataset:&lt;table&gt;.
   */
  public static String slot(String kind, String path) {
    InputKind k = InputKind.ofLabel(kind);
    return switch (k.family()) {
      case DOCUMENT -> "document";
      case TABLES -> k == InputKind.CSV_TABLES ? "tables:" + path : "tables";
      case DATASET -> datasetSlot(InputKind.datasetTable(path));
      case NONE -> kind;
    };
  }

  static String datasetSlot(String table) {
    return "dataset:" + table;
  }

  /**
   * {@code documents}: the batch's accepted rows ({@link ReadFiles#READ} with run_id), at most one per unit-year and
   * slot; {@code bronze}: bronze.documents as it was before this batch; {@code kept}: the scope that holds the frame
   * computed once here until the caller is done with the result. Returns {@link #MERGED} rows, each document audited
   * by {@link MergedAudit}.
   */
  public static Dataset<Row> merged(Dataset<Row> documents, Dataset<Row> bronze, String runId, Materialized kept) {
    var unitYear = scala.jdk.javaapi.CollectionConverters.asScala(List.of("unit_id", "fiscal_year")).toList();
    Dataset<Row> inBatch = documents.groupBy("unit_id", "fiscal_year").count();
    // Materialised once, as it decides both branches; usually small, often empty (then nothing is grouped).
    Dataset<Row> toMerge = kept.keep(inBatch.filter(col("count").gt(1)).select("unit_id", "fiscal_year")
        .unionByName(inBatch.select("unit_id", "fiscal_year")
            .join(bronze.select("unit_id", "fiscal_year"), unitYear, "left_semi"))
        .distinct());
    // A file that alone makes its unit-year was audited when it was read.
    Dataset<Row> asTheyAre = documents.select(col("sha256"), col("unit_id"), col("fiscal_year"),
        coalesce(col("audited_json"), col("canonical_json")).as("canonical_json"), col("run_id"), col("is_audited"));
    if (toMerge.isEmpty()) {
      return auditedOnce(asTheyAre, null);
    }
    Dataset<Row> single = asTheyAre.join(broadcast(toMerge), unitYear, "left_anti");
    Dataset<Row> parts = documents.join(broadcast(toMerge), unitYear, "left_semi")
        .withColumn("ingested_at", lit(null).cast("timestamp")).withColumn("is_new", lit(true))
        .selectExpr(PART.fieldNames())
        .unionByName(bronze.join(broadcast(toMerge), unitYear, "left_semi")
            .withColumn("slot", lit(null).cast("string")).withColumn("is_new", lit(false))
            .selectExpr(PART.fieldNames()));
    Dataset<Row> merged = parts
        .groupByKey((MapFunction<Row, String>) r -> part(r, "unit_id") + "\u0000" + part(r, "fiscal_year"), Encoders.STRING())
        .flatMapGroups(new MergeParts(runId), Encoders.row(MERGED));
    return auditedOnce(single, merged);
  }

  /**
   * Unit-years of one file each ({@link #MERGED} with is_audited) and merged ones ({@link #MERGED}, or null) → every
   * one audited: those whose file was audited as it was read pass, the others are audited now.
   */
  private static Dataset<Row> auditedOnce(Dataset<Row> single, Dataset<Row> merged) {
    Dataset<Row> toAudit = single.filter(not(col("is_audited"))).drop("is_audited");
    return single.filter(col("is_audited")).drop("is_audited")
        .unionByName(MergedAudit.audited(merged == null ? toAudit : toAudit.unionByName(merged)));
  }

  private static <T> T part(Row r, String column) {
    return DatasetReader.at(r, PART, column);
  }

  /** One unit-year's parts → its current part per slot → the merged document. */
  static final class MergeParts implements FlatMapGroupsFunction<String, Row, Row> {

    /** Newer first: a part of this batch before earlier ones, then the later accepted, the later modified, the later path. */
    private static final Comparator<Row> NEWEST_FIRST = Comparator
        .<Row, Boolean>comparing(r -> part(r, "is_new"), Comparator.reverseOrder())
        .thenComparing(r -> UnitYearMerge.<Timestamp>part(r, "ingested_at"), Comparator.nullsFirst(Comparator.reverseOrder()))
        .thenComparing(r -> UnitYearMerge.<Timestamp>part(r, "modified_at"), Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(r -> UnitYearMerge.<String>part(r, "path"), Comparator.nullsLast(Comparator.reverseOrder()));

    private final String runId;

    MergeParts(String runId) {
      this.runId = runId;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> group) throws IOException {
      Map<String, Row> current = new TreeMap<>();
      while (group.hasNext()) {
        Row r = group.next();
        String slot = part(r, "slot") != null ? part(r, "slot") : slot(part(r, "kind"), part(r, "path"));
        current.merge(slot, r, (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b);
      }
      Row any = current.values().iterator().next();
      if (current.size() == 1) {
        return List.of(RowFactory.create(part(any, "sha256"), part(any, "unit_id"), part(any, "fiscal_year"),
            part(any, "canonical_json"), runId)).iterator();
      }
      List<FinalAccount> docs = new ArrayList<>();
      for (Row r : current.values()) {
        docs.add(DocumentJson.read(UnitYearMerge.<String>part(r, "canonical_json")));
      }
      FinalAccount merged = DocumentMerge.merge(docs);
      return List.of(RowFactory.create(merged.source().sha256(), part(any, "unit_id"), part(any, "fiscal_year"),
          DocumentJson.write(merged), runId)).iterator();
    }
  }
}
