package org.fiscalscope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.junit.jupiter.api.Test;

/** The committed demo landing zone: the real sample unit plus the generated district, in step with the generator. */
class DemoLandingZoneTest {

  static final Path SAMPLE = Path.of("data/sample");
  static final GeneratorSpec DEMO = new GeneratorSpec(59, 3, 2023, 20240613L).withThreePublicTotals().withHeadcounts()
      .withScoringTemplates().withBudgetPhases();

  @Test
  void generatedUnitsAreWhatTheGeneratorWrites() throws IOException {
    DistrictGenerator generator = new DistrictGenerator(DEMO);
    Iterator<FinalAccount> docs = generator.documents();
    while (docs.hasNext()) {
      FinalAccount doc = docs.next();
      Path file = SAMPLE.resolve(doc.source().file());
      assertEquals(DocumentJson.writePretty(doc), Files.readString(file, StandardCharsets.UTF_8),
          file + " is out of date: regenerate with the command in data/sample/_README.md");
    }
    Manifest manifest = Manifest.read(SAMPLE.resolve(Manifest.FILE_NAME));
    assertEquals(generator.anomalies(), manifest.anomalies(), "the manifest lists the planted anomalies");
    assertEquals(177, manifest.documents(), "59 units × 3 years");
  }

  @Test
  void landingZoneHoldsTheRealUnitAndTheDistrict() throws IOException {
    List<Path> documents;
    try (Stream<Path> files = Files.list(SAMPLE)) {
      documents = files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("_"))
          .toList();
    }
    assertEquals(177, documents.size(), "177 generated unit-years as JSON");
    assertTrue(Files.isRegularFile(SAMPLE.resolve("qingshan-talent-service-center-2023.txt")),
        "and the real sample unit's disclosure text");
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/final-account.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    for (Path file : documents) {
      JsonNode node = DocumentJson.mapper().readTree(file.toFile());
      assertTrue(schema.validate(node).isEmpty(), file + " validates: " + schema.validate(node));
      FinalAccount doc = DocumentJson.read(Files.readAllBytes(file));
      assertEquals(file.getFileName().toString(), doc.source().file(), "source.file names the file");
    }
  }

  @Test
  void realSampleCarriesItsDisclosedFigures() throws IOException {
    FinalAccount doc = DocumentJson.read(Files.readAllBytes(SAMPLE.resolve("_reference/qingshan-talent-service-center-2023.json")));
    assertEquals("武汉市青山区人才服务中心", doc.unit().name(), "unit name");
    assertEquals("武汉市青山区", doc.unit().region(), "region");
    assertEquals("事业", doc.unit().kind(), "kind");
    assertNull(doc.unit().code(), "the disclosure gives no unit code");
    assertEquals(2023, doc.fiscalYear(), "fiscal year");
    assertEquals(0, new BigDecimal("547.39").compareTo(doc.totals().expenditureThisYear()), "本年支出合计");
    assertEquals(0, new BigDecimal("84.08").compareTo(doc.performance().projects().get(2).executionRatePct()),
        "2023年市级就业资金 executed 84.08%");
    JsonNode want = DocumentJson.mapper().readTree(org.fiscalscope.TestCorpus.SAMPLE_EXPECTED.toFile());
    JsonNode have = DocumentJson.mapper().readTree(SAMPLE.resolve("_reference/qingshan-talent-service-center-2023.json").toFile());
    for (String key : List.of("totals", "functions", "three_public", "procurement", "assets", "performance")) {
      assertEquals(want.get(key), have.get(key), key + " as in the hand-checked figures");
    }
  }
}
