package org.fiscalscope.ingest;

import java.sql.Timestamp;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.lake.Partitions;
import org.fiscalscope.problem.Refusal;

/**
 * Reads each listed landing file of a partition into a {@link #READ} row (runs on executors, one file at a time):
 * a document file becomes its canonical document or a reason; a dataset file is only read, its rows are
 * interpreted with the other dataset files of the batch ({@link DatasetReader}).
 */
final class ReadFiles implements MapPartitionsFunction<Row, Row> {

  /**
   * Columns of a read landing file, or of one unit-year part or refused row of a dataset file; a refused one has its
   * reason and the code of its most important problem.
   */
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
      .add("canonical_json", DataTypes.StringType)
      .add("slot", DataTypes.StringType)
      .add("reason_code", DataTypes.StringType)
      // A document file's canonical document with the findings the consistency rules add to it alone (MergedAudit),
      // null when they add none; is_audited says it was decided here. Used when the file alone makes its unit-year
      // (most do): the document is then not parsed again to be audited. Not kept in bronze, whose canonical_json is
      // the file's own reading, the part a later file of the unit-year is merged with.
      .add("audited_json", DataTypes.StringType)
      .add("is_audited", DataTypes.BooleanType, false);

  private final String root;
  private final long maxBytes;
  private final int parseMemoryMb;
  private final Broadcast<SerializableConfiguration> hadoop;

  /** {@code parseMemoryMb}: the heap workbooks and PDFs may take at once per JVM, 0 for half of it ({@link ParseMemory}). */
  ReadFiles(String root, long maxBytes, int parseMemoryMb, Broadcast<SerializableConfiguration> hadoop) {
    this.root = root;
    this.maxBytes = maxBytes;
    this.parseMemoryMb = parseMemoryMb;
    this.hadoop = hadoop;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> files) {
    return Partitions.eachMapped(files, f -> ParseMemory.admit(InputKind.of(f.getAs("relative_path")),
        f.<Long>getAs("length"), parseMemoryMb, () -> read(f)));
  }

  private Row read(Row f) {
    String path = f.getAs("relative_path");
    long size = f.<Long>getAs("length");
    Timestamp modified = f.getAs("modificationTime");
    InputKind kind = InputKind.of(path);
    LandingFile.Content file = LandingFile.read(f.getAs("path"), path, root, size, modified.getTime(), maxBytes,
        hadoop.value().value());
    if (!file.isRead()) {
      Refusal refusal = Refusal.of(path, file.reason());
      return RowFactory.create(file.sha256(), path, kind.label(), size, modified, null, false,
          refusal.line(), null, null, null, null, null, refusal.code(), null, false);
    }
    if (kind.family() == InputKind.Family.DATASET) {
      return RowFactory.create(file.sha256(), path, kind.label(), size, modified, file.content(), true, null,
          null, null, null, null, null, null, null, false);
    }
    ReadOutcome outcome = DocumentReader.read(path, file.content(), file.sha256());
    if (outcome instanceof ReadOutcome.Accepted a) {
      FinalAccount doc = a.document();
      FinalAccount audited = MergedAudit.audit(doc);
      return RowFactory.create(file.sha256(), path, kind.label(), size, modified, file.content(), true, null,
          UnitIds.of(doc.unit()), doc.unit().name(), doc.fiscalYear(), DocumentJson.write(doc),
          UnitYearMerge.slot(kind.label(), path), null, audited == doc ? null : DocumentJson.write(audited), true);
    }
    ReadOutcome.Rejected rejected = (ReadOutcome.Rejected) outcome;
    return RowFactory.create(file.sha256(), path, kind.label(), size, modified, file.content(), false,
        rejected.reason(), null, null, null, null, null, rejected.code(), null, false);
  }
}
