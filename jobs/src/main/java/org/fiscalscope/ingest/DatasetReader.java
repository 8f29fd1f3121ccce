package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Rounding;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.Materialized;
import org.fiscalscope.lake.Partitions;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.ReasonColumns;
import org.fiscalscope.problem.Refusal;

/**
 * The tabular dataset files of a batch (CSV and Parquet named after their table, see {@link InputKind}) → rows of
 * {@link ReadFiles#READ}: for every file and unit-year it holds, one accepted part of that unit-year's canonical
 * document; for every refused row, one reject naming the file and row; for a file that cannot be read as its
 * table, one reject for the file. CSV is parsed on executors ({@link CsvDataset}); Parquet is read by Spark, the
 * files of one layout together. Rows are checked on executors ({@link DatasetRow}), then against the unit-years and
 * projects of the batch and the lake, and assembled per file and unit-year ({@link DatasetDocument}).
 *
 * <p>Keys: a part's {@code sha256} is the SHA-256 of {@code unit-year:<file sha256>:<unit_id>:<fiscal_year>}, a
 * refused row's of {@code row:<file sha256>:<row>}; both carry the file's path, size and time, so a re-run skips
 * the file unread and a changed file yields new keys for every unit-year it holds.
 */
final class DatasetReader {

  /** A file's data rows: the row (CSV row number, Parquet row index) and its cells as JSON, or a file problem. */
  static final StructType CELLS = new StructType()
      .add("path", DataTypes.StringType)
      .add("row", DataTypes.LongType)
      .add("cells_json", DataTypes.StringType)
      .add("problem", DataTypes.StringType)
      .add("problem_code", DataTypes.StringType);

  /** A checked row: identity, typed values and raw cells as JSON, or the sentence that refuses it. */
  static final StructType CHECKED = new StructType()
      .add("path", DataTypes.StringType)
      .add("table", DataTypes.StringType)
      .add("row", DataTypes.LongType)
      .add("line", DataTypes.IntegerType)
      .add("label", DataTypes.StringType)
      .add("unit_id", DataTypes.StringType)
      .add("unit_name", DataTypes.StringType)
      .add("fiscal_year", DataTypes.IntegerType)
      .add("project_name", DataTypes.StringType)
      .add("values_json", DataTypes.StringType)
      .add("raw_json", DataTypes.StringType)
      .add("problem", DataTypes.StringType)
      .add("problem_code", DataTypes.StringType);

  /** A Parquet file's footer as {@link ParquetLayout} judged it: where it is, its layout and columns, or a problem. */
  static final StructType LAYOUT = new StructType()
      .add("path", DataTypes.StringType)
      .add("location", DataTypes.StringType)
      .add("signature", DataTypes.StringType)
      .add("columns", DataTypes.createArrayType(DataTypes.StringType))
      .add("problem", DataTypes.StringType)
      .add("problem_code", DataTypes.StringType);

  /** A checked row with its file's key, kind, size and time. */
  static final StructType CHECKED_WITH_FILE = CHECKED
      .add("sha256", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("size_bytes", DataTypes.LongType)
      .add("modified_at", DataTypes.TimestampType);

  private static final Column[] CHECKED_AND_FILE = java.util.Arrays.stream(CHECKED_WITH_FILE.fieldNames())
      .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

  private DatasetReader() {}

  /**
   * {@code files}: the {@link ReadFiles#READ} rows of the batch's dataset files (read, not yet interpreted);
   * {@code root}: the qualified landing folder. The files and their checked rows are materialised once (each is read
   * by several branches), as local checkpoints kept in {@code kept}, which also keeps the plans of the later stages
   * short.
   */
  static Dataset<Row> read(Lake lake, Dataset<Row> files, String root, Broadcast<SerializableConfiguration> hadoop,
      Materialized kept) {
    SparkSession spark = lake.spark();
    Dataset<Row> all = kept.keep(files);
    Dataset<Row> readable = all.filter(col("is_accepted"));

    Dataset<Row> csvCells = readable.filter(col("kind").equalTo(InputKind.CSV.label()))
        .flatMap(new CsvCells(), Encoders.row(CELLS));
    List<Row> layouts = readable.filter(col("kind").equalTo(InputKind.PARQUET.label())).select("path")
        .mapPartitions(new ParquetLayouts(root, hadoop), Encoders.row(LAYOUT)).collectAsList();
    Dataset<Row> cells = csvCells.unionByName(parquetCells(spark, layouts));

    Dataset<Row> fileInfo = readable.select("path", "sha256", "kind", "size_bytes", "modified_at");
    Dataset<Row> checked = kept.keep(cells.mapPartitions(new CheckRows(), Encoders.row(CHECKED))
        .join(broadcast(fileInfo), "path"));

    Dataset<Row> fileRejects = checked.filter(col("row").isNull()).select("path", "problem", "problem_code")
        .join(readable.drop("reason", "reason_code", "is_accepted"), "path")
        .withColumn("is_accepted", lit(false))
        .withColumn("reason", concat(col("path"), lit(": "), col("problem"), lit(".")))
        .withColumn("reason_code", col("problem_code"));
    Dataset<Row> rowRejects = checked.filter(col("row").isNotNull().and(col("problem").isNotNull()))
        .map(new RowReject(), Encoders.row(ReadFiles.READ));
    Dataset<Row> referenced = withReferences(checked.filter(col("problem").isNull()),
        lake.read(LakeTable.SILVER_UNIT_YEAR), lake.read(LakeTable.SILVER_PROJECT));
    Dataset<Row> orphans = referenced.filter(col("problem").isNotNull()).select(CHECKED_AND_FILE)
        .map(new RowReject(), Encoders.row(ReadFiles.READ));
    Dataset<Row> parts = referenced.filter(col("problem").isNull()).select(CHECKED_AND_FILE)
        .groupByKey((MapFunction<Row, String>) r -> at(r, CHECKED_WITH_FILE, "path") + "\u0000"
            + at(r, CHECKED_WITH_FILE, "unit_id") + "\u0000" + at(r, CHECKED_WITH_FILE, "fiscal_year"), Encoders.STRING())
        .flatMapGroups(new AssembleParts(), Encoders.row(ReadFiles.READ));

    StructType read = ReadFiles.READ;
    return DeltaMerge.conform(all.filter(col("is_accepted").equalTo(false)), read)
        .unionByName(DeltaMerge.conform(fileRejects, read))
        .unionByName(rowRejects).unionByName(orphans).unionByName(parts);
  }

  /**
   * Rows of {@link #CELLS} for the Parquet files: a problem row for each file refused by its footer, the data rows of
   * the others, read by Spark one layout at a time (so each read has one schema), every value as text.
   */
  private static Dataset<Row> parquetCells(SparkSession spark, List<Row> layouts) {
    List<Row> problems = new ArrayList<>();
    Map<String, List<Row>> bySignature = new TreeMap<>();
    for (Row l : layouts) {
      if (at(l, LAYOUT, "problem") != null) {
        problems.add(RowFactory.create(at(l, LAYOUT, "path"), null, null, at(l, LAYOUT, "problem"),
            at(l, LAYOUT, "problem_code")));
      } else {
        bySignature.computeIfAbsent(at(l, LAYOUT, "signature"), s -> new ArrayList<>()).add(l);
      }
    }
    Dataset<Row> out = spark.createDataFrame(problems, CELLS);
    for (List<Row> group : bySignature.values()) {
      List<String> columns = group.get(0).getList(LAYOUT.fieldIndex("columns"));
      Column[] values = columns.stream()
          .map(c -> col("`" + c.replace("`", "``") + "`").cast("string").as(DatasetTable.normalisedColumnName(c)))
          .toArray(Column[]::new);
      List<Row> where = new ArrayList<>();
      String[] locations = new String[group.size()];
      for (int i = 0; i < group.size(); i++) {
        String location = at(group.get(i), LAYOUT, "location");
        locations[i] = globEscaped(location);
        where.add(RowFactory.create(new Path(location).toUri().toString(), at(group.get(i), LAYOUT, "path")));
      }
      Dataset<Row> paths = spark.createDataFrame(where, new StructType()
          .add("file_path", DataTypes.StringType).add("path", DataTypes.StringType));
      Dataset<Row> rows = spark.read().parquet(locations)
          .select(col("_metadata.file_path").as("file_path"), col("_metadata.row_index").as("row"),
              to_json(struct(values)).as("cells_json"))
          .join(broadcast(paths), "file_path")
          .select(col("path"), col("row"), col("cells_json"), lit(null).cast("string").as("problem"),
              lit(null).cast("string").as("problem_code"));
      out = out.unionByName(rows);
    }
    return out;
  }

  /** Spark reads a path as a glob pattern; a file name with glob characters must be taken literally. */
  static String globEscaped(String location) {
    return location.replaceAll("([\\\\\\[\\]{}*?])", "\\\\$1");
  }

  /**
   * The rows whose unit-year has no unit_year row (in the batch or in silver.unit_year), and the indicators whose
   * project has no project row (in the batch or in silver.project), get a problem saying so.
   */
  static Dataset<Row> withReferences(Dataset<Row> good, Dataset<Row> silverUnitYears, Dataset<Row> silverProjects) {
    Dataset<Row> unitYears = good.filter(col("table").equalTo("unit_year")).select("unit_id", "fiscal_year")
        .unionByName(silverUnitYears.select("unit_id", "fiscal_year")).distinct()
        .withColumn("has_unit_year", lit(true));
    Dataset<Row> projects = good.filter(col("table").equalTo("project")).select("unit_id", "fiscal_year", "project_name")
        .unionByName(silverProjects.select("unit_id", "fiscal_year", "project_name")).distinct()
        .withColumn("has_project", lit(true));
    Dataset<Row> joined = good.drop("problem")
        .join(unitYears, using("unit_id", "fiscal_year"), "left")
        .join(projects, using("unit_id", "fiscal_year", "project_name"), "left");
    Column where = concat(col("path"), lit(" "), col("label"));
    Column noUnitYear = col("table").notEqual("unit_year").and(col("has_unit_year").isNull());
    Column noProject = col("table").equalTo("indicator").and(col("project_name").isNotNull())
        .and(col("has_project").isNull());
    Column problem = when(noUnitYear, ReasonColumns.line(where, Problem.ROW_NO_UNIT_YEAR, col("unit_name"),
            col("fiscal_year").cast("string")))
        .when(noProject, ReasonColumns.line(where, Problem.ROW_NO_PROJECT, col("project_name"), col("unit_name"),
            col("fiscal_year").cast("string")));
    Column code = when(noUnitYear, ReasonColumns.code(Problem.ROW_NO_UNIT_YEAR))
        .when(noProject, ReasonColumns.code(Problem.ROW_NO_PROJECT));
    return joined.withColumn("problem", problem).withColumn("problem_code", code)
        .drop("has_unit_year", "has_project");
  }

  /**
   * A column of a row by name, through the schema the row was made with: rows handed to typed functions may not
   * carry their schema.
   */
  static <T> T at(Row row, StructType schema, String name) {
    return row.getAs(schema.fieldIndex(name));
  }

  /** A column list for a USING join. */
  private static scala.collection.immutable.Seq<String> using(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  /** The key of a unit-year part of a dataset file in bronze.documents. */
  static String partKey(String fileSha256, String unitId, int fiscalYear) {
    return LandingFile.sha256(("unit-year:" + fileSha256 + ":" + unitId + ":" + fiscalYear).getBytes(StandardCharsets.UTF_8));
  }

  /** The key of a refused row of a dataset file in bronze.rejects. */
  static String rowKey(String fileSha256, long row) {
    return LandingFile.sha256(("row:" + fileSha256 + ":" + row).getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectMapper json() {
    return DocumentMerge.EXACT;
  }

  /** A CSV dataset file's READ row → its data rows, or one problem row. */
  static final class CsvCells implements FlatMapFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Row file) throws JsonProcessingException {
      String path = at(file, ReadFiles.READ, "path");
      CsvDataset.Parsed parsed = CsvDataset.parse(at(file, ReadFiles.READ, "content"),
          DatasetTable.of(InputKind.datasetTable(path)));
      if (parsed.refusal() != null) {
        return List.of(RowFactory.create(path, null, null, parsed.problem(), parsed.refusal().code())).iterator();
      }
      List<Row> out = new ArrayList<>(parsed.rows().size());
      for (CsvDataset.DataRow r : parsed.rows()) {
        out.add(RowFactory.create(path, r.number(), json().writeValueAsString(r.cells()), null, null));
      }
      return out.iterator();
    }
  }

  /** Reads the footer of each Parquet dataset file of a partition. */
  static final class ParquetLayouts implements MapPartitionsFunction<Row, Row> {
    private final String root;
    private final Broadcast<SerializableConfiguration> hadoop;

    ParquetLayouts(String root, Broadcast<SerializableConfiguration> hadoop) {
      this.root = root;
      this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
      List<Row> out = new ArrayList<>();
      while (files.hasNext()) {
        String path = files.next().getString(0);
        String location = root + path;
        ParquetLayout l = ParquetLayout.of(location, path, hadoop.value().value());
        out.add(RowFactory.create(path, location, l.signature(),
            scala.jdk.javaapi.CollectionConverters.asScala(l.columns()).toList(),
            l.problem() == null ? null : l.problem().en(), l.problem() == null ? null : l.problem().code()));
      }
      return out.iterator();
    }
  }

  /** {@link #CELLS} → {@link #CHECKED}: each data row typed and validated ({@link DatasetRow}). */
  static final class CheckRows implements MapPartitionsFunction<Row, Row> {
    private static final TypeReference<LinkedHashMap<String, String>> CELL_MAP = new TypeReference<>() {};

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return Partitions.eachMapped(rows, CheckRows::check);
    }

    private static Row check(Row r) {
      String path = at(r, CELLS, "path");
      Long row = at(r, CELLS, "row");
      if (row == null) {
        return RowFactory.create(path, null, null, null, null, null, null, null, null, null, null, at(r, CELLS, "problem"),
            at(r, CELLS, "problem_code"));
      }
      boolean isCsv = InputKind.of(path) == InputKind.CSV;
      String label = (isCsv ? "row " : "row index ") + row;
      DatasetTable table = DatasetTable.of(InputKind.datasetTable(path));
      Map<String, String> cells;
      try {
        cells = json().readValue(DatasetReader.<String>at(r, CELLS, "cells_json"), CELL_MAP);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      DatasetRow.Checked c = DatasetRow.check(table, cells);
      ObjectNode raw = json().createObjectNode();
      raw.put(isCsv ? "row" : "row_index", row);
      for (DatasetTable.Column column : table.columns()) {
        if (cells.get(column.name()) != null) {
          raw.put(column.name(), cells.get(column.name()));
        }
      }
      cells.keySet().stream().filter(k -> k.startsWith("#")).forEach(k -> raw.put(k, cells.get(k)));
      Refusal refusal = c.isGood() ? null : Refusal.of(path + " " + label, c.reasons());
      return RowFactory.create(path, table.name(), row, isCsv ? Math.toIntExact(row) : null, label, c.unitId(),
          c.unitName(), c.fiscalYear(), c.projectName(), c.values().toString(), raw.toString(),
          refusal == null ? null : refusal.line(), refusal == null ? null : refusal.code());
    }
  }

  /** A refused row (checked row with its file's columns) → its bronze.rejects row. */
  static final class RowReject implements MapFunction<Row, Row> {
    @Override
    public Row call(Row r) {
      StructType s = CHECKED_WITH_FILE;
      String sha = rowKey(at(r, s, "sha256"), DatasetReader.<Long>at(r, s, "row"));
      return RowFactory.create(sha, at(r, s, "path"), at(r, s, "kind"), at(r, s, "size_bytes"), at(r, s, "modified_at"),
          DatasetReader.<String>at(r, s, "raw_json").getBytes(StandardCharsets.UTF_8), false, at(r, s, "problem"),
          null, null, null, null, null, at(r, s, "problem_code"), null, false);
    }
  }

  /**
   * The good rows of one file and unit-year → the unit-year's part of the canonical document (validated like a JSON
   * document, stamped with the file and the part's key), and a reject for each row repeating another's key.
   */
  static final class AssembleParts implements FlatMapGroupsFunction<String, Row, Row> {
    @Override
    public Iterator<Row> call(String key, Iterator<Row> group) throws IOException {
      List<DatasetDocument.Row> rows = new ArrayList<>();
      Row first = null;
      while (group.hasNext()) {
        Row r = group.next();
        first = first == null ? r : first;
        StructType s = CHECKED_WITH_FILE;
        rows.add(new DatasetDocument.Row(at(r, s, "row"), at(r, s, "line"), at(r, s, "label"),
            (ObjectNode) json().readTree(DatasetReader.<String>at(r, s, "values_json")),
            (ObjectNode) json().readTree(DatasetReader.<String>at(r, s, "raw_json"))));
      }
      StructType s = CHECKED_WITH_FILE;
      String path = at(first, s, "path");
      String fileSha = at(first, s, "sha256");
      String kind = at(first, s, "kind");
      long size = at(first, s, "size_bytes");
      Timestamp modified = at(first, s, "modified_at");
      String unitId = at(first, s, "unit_id");
      String unitName = at(first, s, "unit_name");
      int year = at(first, s, "fiscal_year");
      DatasetTable table = DatasetTable.of(at(first, s, "table"));

      DatasetDocument.Assembled assembled = DatasetDocument.assemble(table, rows);
      List<Row> out = new ArrayList<>();
      for (DatasetDocument.Repeat repeat : assembled.repeats()) {
        DatasetDocument.Row r = repeat.row();
        Refusal refusal = Refusal.of(path + " " + r.label(), repeat.problem());
        out.add(RowFactory.create(rowKey(fileSha, r.position()), path, kind, size, modified,
            r.raw().toString().getBytes(StandardCharsets.UTF_8), false, refusal.line(), null, null, null, null, null,
            refusal.code(), null, false));
      }
      String partKey = partKey(fileSha, unitId, year);
      byte[] content = assembled.taken().stream().map(r -> r.raw().toString())
          .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
      List<Reason> problems = DocumentValidator.reasons(assembled.document());
      if (!problems.isEmpty()) {
        String rowsLabel = assembled.taken().stream().map(DatasetDocument.Row::label).collect(Collectors.joining(", "));
        Refusal refusal = Refusal.of(path + " (" + rowsLabel + ", " + unitName + " " + year + ")", problems);
        out.add(RowFactory.create(partKey, path, kind, size, modified, content, false, refusal.line(), null, null, null,
            null, null, refusal.code(), null, false));
        return out.iterator();
      }
      ObjectNode document = assembled.document();
      Rounding.round(document);
      FinalAccount doc = DocumentReader.stamp(DocumentJson.fromTree(document), InputKind.of(path), path, partKey);
      out.add(RowFactory.create(partKey, path, kind, size, modified, content, true, null, unitId, unitName, year,
          DocumentJson.write(doc), UnitYearMerge.datasetSlot(table.name()), null, null, false));
      return out.iterator();
    }
  }
}
