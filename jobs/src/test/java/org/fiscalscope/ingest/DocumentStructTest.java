package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;

/**
 * A document put into the document's Spark schema on the executor that read it is the row {@code from_json} makes of
 * its canonical JSON, for documents of every origin: the sample disclosure and the real ones as extracted (findings,
 * provenance, contents, functional lines of three levels), and generated districts with every option on.
 */
class DocumentStructTest extends SparkTest {

  private static List<FinalAccount> documents() throws IOException {
    List<FinalAccount> docs = new ArrayList<>();
    docs.add(DisclosureExtractor.extract(Files.readAllBytes(TestCorpus.SAMPLE), "sample.txt"));
    try (Stream<Path> real = Files.list(TestCorpus.REAL)) {
      for (Path txt : real.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        docs.add(DisclosureExtractor.extract(Files.readAllBytes(txt), txt.getFileName().toString()));
      }
    }
    GeneratorSpec all = new GeneratorSpec(12, 2, 2024, 11L, true, true, true, true);
    for (GeneratorSpec spec : List.of(new GeneratorSpec(12, 2, 2024, 5L), all)) {
      Iterator<FinalAccount> generated = new DistrictGenerator(spec).documents();
      generated.forEachRemaining(d -> docs.add(MergedAudit.audit(d)));
    }
    return docs;
  }

  @Test
  void eachDocumentsRowIsWhatFromJsonMakesOfItsJson() throws IOException {
    List<FinalAccount> docs = documents();
    List<Row> texts = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      texts.add(RowFactory.create(i, DocumentJson.write(docs.get(i))));
      rows.add(RowFactory.create(i, DocumentStruct.row(docs.get(i))));
    }
    List<Row> parsed = spark.createDataFrame(texts, StructType.fromDDL("i INT, json STRING"))
        .select(col("i"), from_json(col("json"), DocumentStruct.schema()).as("doc")).orderBy("i").collectAsList();
    List<Row> built = spark.createDataFrame(rows, new StructType().add("i", "int").add("doc", DocumentStruct.schema()))
        .orderBy("i").collectAsList();
    assertEquals(docs.size(), built.size());
    for (int i = 0; i < docs.size(); i++) {
      assertEquals(parsed.get(i), built.get(i), "document " + i + " (" + docs.get(i).source() + ")");
    }
    assertTrue(docs.size() > 40, "documents compared: " + docs.size());
    assertTrue(built.stream().anyMatch(r -> !r.getStruct(1).<scala.collection.Map<?, ?>>getAs("provenance").isEmpty()),
        "provenance, a map, is among the compared fields");
  }

  @Test
  void anAmountIsRoundedHalfUpToTheColumnsScaleAndOneBeyondItsPrecisionIsNull() throws IOException {
    String json = "{\"fiscal_year\": 2023, \"totals\": {\"income_total\": 1.00005, \"expenditure_total\": "
        + "123456789012345.5}}";
    FinalAccount doc = DocumentJson.read(json);
    Row totals = spark.createDataFrame(List.of(RowFactory.create(DocumentStruct.row(doc))),
        new StructType().add("doc", DocumentStruct.schema())).head().getStruct(0).getAs("totals");
    assertEquals(new BigDecimal("1.0001"), totals.getAs("income_total"));
    assertNull(totals.getAs("expenditure_total"), "15 digits before the point do not fit DECIMAL(18,4)");
    Row parsed = spark.createDataFrame(List.of(RowFactory.create(DocumentJson.write(doc))),
        StructType.fromDDL("json STRING")).select(from_json(col("json"), DocumentStruct.schema())).head().getStruct(0);
    assertEquals(parsed.getAs("totals"), totals, "as from_json of the document's JSON");
  }
}
