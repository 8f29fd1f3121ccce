package org.fiscalscope.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical document, its JSON mapping and its schema agree with each other and with the corpus. */
class DocumentSchemaTest {

  static final Path SAMPLE_EXPECTED = org.fiscalscope.TestCorpus.SAMPLE_EXPECTED;

  /** The expected figures of the corpus sample, without the corpus' own annotation keys. */
  static ObjectNode sampleFigures() throws IOException {
    ObjectNode tree = (ObjectNode) DocumentJson.mapper().readTree(Files.readAllBytes(SAMPLE_EXPECTED));
    tree.remove(List.of("source_file", "note"));
    return tree;
  }

  @Test
  void theSampleUnitsHandCheckedFiguresFitTheSchema() throws IOException {
    ObjectNode figures = sampleFigures();
    assertEquals(List.of(), DocumentValidator.problems(figures));
    FinalAccount doc = DocumentJson.fromTree(figures);
    assertEquals(0, new BigDecimal("547.39").compareTo(doc.totals().incomeTotal()));
    assertEquals(7, doc.performance().projects().size());
  }

  @Test
  void contentsTakeOnlyKnownPartsAndIsoDates() throws IOException {
    ObjectNode good = sampleFigures();
    good.putObject("contents").put("projects_stated", 7).put("approved_on", "2024-07-01").put("published_on", "2024-07-26")
        .putArray("parts").add("table_09").add("three_public_note").add("three_public_reasons");
    assertEquals(List.of(), DocumentValidator.problems(good));
    assertEquals(new Contents(List.of("table_09", "three_public_note", "three_public_reasons"), 7, "2024-07-01", "2024-07-26"),
        DocumentJson.fromTree(good).contents());
    JsonNode schema = DocumentJson.mapper().readTree(Files.readAllBytes(Path.of("schemas/final-account.schema.json")));
    List<String> ids = new java.util.ArrayList<>();
    schema.at("/properties/contents/properties/parts/items/enum").forEach(n -> ids.add(n.asText()));
    assertEquals(java.util.Arrays.stream(DisclosurePart.values()).map(DisclosurePart::id).toList(), ids,
        "the schema lists the parts DisclosurePart declares");

    ObjectNode badPart = sampleFigures();
    badPart.putObject("contents").putArray("parts").add("table_10");
    List<String> problems = DocumentValidator.problems(badPart);
    assertTrue(problems.size() == 1 && problems.get(0).startsWith("field contents.parts.0 is \"table_10\" but must be one of"),
        problems.toString());

    ObjectNode badDate = sampleFigures();
    badDate.putObject("contents").put("published_on", "26/07/2024");
    problems = DocumentValidator.problems(badDate);
    assertTrue(problems.size() == 1 && problems.get(0).startsWith("field contents.published_on is \"26/07/2024\""),
        problems.toString());
  }

  @Test
  void whatTheProjectWritesValidatesAndReadsBackTheSame() throws IOException {
    FinalAccount doc = DocumentJson.fromTree(sampleFigures())
        .withSource(new Source("json", "qingshan.json", "a".repeat(64)))
        .withFindings(List.of(new Finding("sum.basic_split", Finding.INFO, "人员经费与公用经费之和不等于基本支出",
            "personnel plus public expense differs from basic expenditure", "253.38 + 16.94 = 270.32 ≠ 270.33")));
    String json = DocumentJson.write(doc);
    JsonNode written = DocumentJson.mapper().readTree(json);
    assertEquals(List.of(), DocumentValidator.problems(written), json);
    assertEquals(doc, DocumentJson.read(json));
    assertTrue(json.contains("\"income_total\":547.39"), "amounts are written as plain decimals: " + json);
    assertTrue(json.contains("\"equipment_over_1m\":0"), "the asset key follows the design's spelling");
    assertTrue(!json.contains("carryover_begin"), "a figure the source does not state is absent, not 0");
  }

  @Test
  void problemsNameTheFieldAndTheFix() throws IOException {
    assertEquals(List.of("field totals.income_total is -5 but must be at least 0; correct the figure"),
        problems("{\"fiscal_year\":2023,\"unit\":{\"name\":\"某单位\"},\"totals\":{\"income_total\":-5}}"));
    assertEquals(List.of("required field fiscal_year is missing; add it"),
        problems("{\"unit\":{\"name\":\"某单位\"}}"));
    assertTrue(problems("{\"fiscal_year\":2023,\"unit\":{\"name\":\"某单位\"},\"totals\":{\"income_totl\":1}}").get(0)
        .startsWith("unknown field totals.income_totl is not a key of the canonical document"));
    assertTrue(problems("{\"fiscal_year\":\"2023\",\"unit\":{\"name\":\"某单位\"}}").get(0)
        .startsWith("field fiscal_year is \"2023\" but must be integer"));
    assertTrue(problems("{\"fiscal_year\":2099,\"unit\":{\"name\":\"某单位\"}}").get(0)
        .contains("fiscal_year is 2099"));
    assertEquals(List.of("field functions.0.execution_rate_pct is 5000 but must be at most 1000; check the figure and its unit"),
        problems("{\"fiscal_year\":2023,\"unit\":{\"name\":\"某单位\"},\"functions\":[{\"code\":\"201\",\"execution_rate_pct\":5000}]}"));
  }

  private static List<String> problems(String json) throws IOException {
    return DocumentValidator.problems(DocumentJson.mapper().readTree(json));
  }
}
