package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.DocumentJson;
import org.junit.jupiter.api.Test;

/**
 * A document read into its Spark row by {@link DocumentRow} is the row Spark's {@code from_json} makes of the same
 * text: for every document of the demo landing and the real disclosures (read here, not passed on to
 * {@code from_json}), and for text that is not a canonical document (given to {@code from_json}, with its answer).
 */
class DocumentRowTest extends SparkTest {

  private static final StructType DOCUMENTS = StructType.fromDDL(
      "sha256 STRING, unit_id STRING, fiscal_year INT, run_id STRING, canonical_json STRING");

  @Test
  void everyDocumentOfTheDemoAndTheRealDisclosuresIsReadAsFromJsonReadsIt() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> demo = Files.list(Path.of("data", "sample")); Stream<Path> real = Files.list(TestCorpus.REAL)) {
      // Not the landing's own notes, manifest and unit registry (named _…), nor the real disclosures' stated facts.
      Stream.concat(demo, real).filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("_")
          && !p.getFileName().toString().endsWith(".md")
          && !(p.startsWith(TestCorpus.REAL) && p.toString().endsWith(".json"))).sorted().forEach(files::add);
    }
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      byte[] content = Files.readAllBytes(f);
      ReadOutcome read = DocumentReader.read(f.getFileName().toString(), content, sha256(content));
      texts.add(DocumentJson.write(MergedAudit.audit(
          assertInstanceOf(ReadOutcome.Accepted.class, read, f + " read into a document").document())));
    }
    assertTrue(texts.size() >= 180, "documents of the demo landing and the real disclosures: " + texts.size());
    assertSameAsFromJson(texts, true);
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value in every column of the document's schema: lists of two items, maps of two keys, figures at scale 5. */
  @Test
  void aDocumentWithAValueInEveryColumnIsReadAsFromJsonReadsIt() {
    String json = everywhere(DocumentStruct.schema(), new int[] {0});
    assertSameAsFromJson(List.of(json), true);
  }

  /** JSON holding a value of the column's type in every column of {@code type}; {@code n} numbers them. */
  private static String everywhere(DataType type, int[] n) {
    n[0]++;
    if (type instanceof StructType s) {
      StringBuilder out = new StringBuilder("{");
      for (StructField f : s.fields()) {
        out.append(out.length() > 1 ? "," : "").append('"').append(f.name()).append("\":")
            .append(everywhere(f.dataType(), n));
      }
      return out.append('}').toString();
    }
    if (type instanceof ArrayType a) {
      return "[" + everywhere(a.elementType(), n) + "," + everywhere(a.elementType(), n) + "]";
    }
    if (type instanceof MapType m) {
      return "{\"k" + n[0] + "\":" + everywhere(m.valueType(), n)
          + ",\"甲" + n[0] + "\":" + everywhere(m.valueType(), n) + "}";
    }
    if (type instanceof DecimalType) {
      return n[0] + ".12345";
    }
    if (type instanceof IntegerType) {
      return String.valueOf(n[0]);
    }
    return "\"文字 \\\" " + n[0] + "\"";
  }

  /**
   * Absent keys, JSON nulls, keys the schema does not know, decimals of any scale: read here, as from_json reads them.
   */
  @Test
  void nullsUnknownKeysAndDecimalsOfAnyScaleAreReadHere() {
    List<String> texts = List.of(
        "{}",
        "{\"fiscal_year\": null, \"unit\": null, \"functions\": null, \"performance\": {\"projects\": [null, {}]}}",
        "{\"no_such_key\": {\"nested\": [1, {\"a\": \"b\"}]}, \"fiscal_year\": 2023, \"also_unknown\": [[]]}",
        "{\"totals\": {\"basic_expenditure\": 270.33333, \"project_expenditure\": 1E+2, \"income\": -0.00005},"
            + " \"functions\": [{\"code\": \"2010101\", \"actual\": 12}]}",
        "{\"fiscal_year\": 2023, \"fiscal_year\": 2024}");
    assertSameAsFromJson(texts, true);
  }

  /** Values of another kind than their column's and text that is no JSON object: from_json's answer, given by it. */
  @Test
  void valuesOfAnotherKindAndMalformedTextAreLeftToFromJson() {
    List<String> texts = List.of(
        "{\"fiscal_year\": \"2023\"}",
        "{\"fiscal_year\": 2023.5}",
        "{\"fiscal_year\": 4294967296}",
        "{\"unit\": {\"name\": 12}}",
        "{\"functions\": {\"code\": \"2010101\"}}",
        "{\"totals\": {\"basic_expenditure\": \"270.33\"}}",
        "{\"totals\": {\"basic_expenditure\": 12345678901234567.5}}",
        "{\"fiscal_year\": 2023",
        "{\"fiscal_year\": 2023} {\"fiscal_year\": 2024}",
        "[1, 2]",
        "null",
        "");
    assertSameAsFromJson(texts, false);
  }

  @Test
  void aDocumentWithoutTextHasNoRow() {
    Dataset<Row> parsed = DocumentRow.parsed(spark.createDataFrame(
        List.of(RowFactory.create("h1", "U1", 2023, "r1", null)), DOCUMENTS));
    Row row = parsed.collectAsList().get(0);
    assertEquals(List.of("h1", "U1", 2023, "r1"), List.of(row.get(0), row.get(1), row.get(2), row.get(3)));
    assertTrue(row.isNullAt(4));
  }

  private static List<Row> withJson(Dataset<Row> parsed) {
    return parsed.withColumn("json", to_json(col("doc"))).orderBy("sha256").collectAsList();
  }

  /** {@code readHere}: whether each text is read by {@link DocumentRow#of} or left to from_json. */
  private void assertSameAsFromJson(List<String> texts, boolean readHere) {
    for (String json : texts) {
      InternalRow row = DocumentRow.of(json.getBytes(StandardCharsets.UTF_8));
      assertEquals(readHere, row != null, (readHere ? "left to from_json: " : "read without from_json: ") + json);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create("h" + i, "U" + i, 2020 + i % 5, "run-1", texts.get(i)));
    }
    Dataset<Row> documents = spark.createDataFrame(rows, DOCUMENTS).repartition(2);
    Dataset<Row> parsed = DocumentRow.parsed(documents);
    assertEquals(List.of("sha256", "unit_id", "fiscal_year", "run_id", "doc"), List.of(parsed.columns()));
    assertEquals(DocumentStruct.schema(), parsed.schema().apply("doc").dataType());
    // Compared as rows and as JSON again: a row's maps compare equal in any order, their JSON only in the same.
    List<Row> expected = withJson(documents.select(col("sha256"), col("unit_id"), col("fiscal_year"), col("run_id"),
        from_json(col("canonical_json"), DocumentStruct.schema()).as("doc")));
    List<Row> actual = withJson(parsed);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "document " + expected.get(i).getString(0));
    }
  }

}
