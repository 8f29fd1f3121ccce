package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleDisclosureTest {

  private static FinalAccount doc;
  private static JsonNode actual;

  @BeforeAll
  static void extract() {
    doc = DisclosureExtractor.extract(Corpus.bytes(Corpus.SAMPLE), Corpus.SAMPLE.getFileName().toString());
    actual = DocumentJson.tree(doc);
  }

  @Test
  void reproducesEveryHandCheckedFigure() throws Exception {
    ObjectNode expected = (ObjectNode) DocumentJson.mapper().readTree(Corpus.bytes(Corpus.SAMPLE_EXPECTED));
    expected.remove("source_file");
    expected.remove("note");
    List<String> problems = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> leaves = Corpus.numericLeaves(expected, "");
    for (Map.Entry<String, JsonNode> e : leaves) {
      JsonNode got = actual.at(e.getKey());
      if (!got.isNumber()) {
        problems.add(e.getKey() + " missing (expected " + e.getValue() + ")");
      } else if (got.decimalValue().compareTo(e.getValue().decimalValue()) != 0) {
        problems.add(e.getKey() + " = " + got + " but expected " + e.getValue());
      }
    }
    assertEquals("武汉市青山区人才服务中心", doc.unit().name(), "unit name");
    for (int i = 0; i < expected.at("/performance/projects").size(); i++) {
      String pointer = "/performance/projects/" + i + "/name";
      if (!expected.at(pointer).asText().equals(actual.at(pointer).asText())) {
        problems.add(pointer + " = " + actual.at(pointer) + " but expected " + expected.at(pointer));
      }
    }
    for (int i = 0; i < expected.at("/functions").size(); i++) {
      String pointer = "/functions/" + i + "/name";
      if (!expected.at(pointer).asText().equals(actual.at(pointer).asText())) {
        problems.add(pointer + " = " + actual.at(pointer) + " but expected " + expected.at(pointer));
      }
    }
    System.out.println("sample: " + (leaves.size() - problems.size()) + " of " + leaves.size() + " figures matched");
    assertTrue(problems.isEmpty(), "figures that differ from the hand-checked ones:\n" + String.join("\n", problems));
    assertTrue(leaves.size() >= 96, "the expected file holds 96 figures, read " + leaves.size());
  }

  @Test
  void everyFigureHasProvenance() {
    JsonNode figures = actual.deepCopy();
    ((ObjectNode) figures).remove(List.of("provenance", "findings", "source", "fiscal_year"));
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : Corpus.numericLeaves(figures, "")) {
      if (!doc.provenance().containsKey(e.getKey())) {
        missing.add(e.getKey());
      }
    }
    assertTrue(missing.isEmpty(), "figures without provenance: " + missing);
    assertEquals(547.39, doc.provenance().get("/totals/income_total").line() > 0 ? 547.39 : 0, "provenance line is 1-based");
  }

  @Test
  void flagsTheWrongYearAndThePersonnelPublicRoundingGap() {
    Finding year = doc.findings().stream().filter(f -> f.rule().equals("year.reference")).findFirst().orElse(null);
    assertTrue(year != null && year.evidence().contains("2020"), "wrong-year finding: " + doc.findings());
    Finding basic = doc.findings().stream().filter(f -> f.rule().equals("sum.basic_split")).findFirst().orElse(null);
    assertTrue(basic != null, "personnel + public vs basic finding: " + doc.findings());
    assertEquals(Finding.INFO, basic.severity(), "a 0.01 gap over two terms is rounding");
    assertTrue(basic.evidence().contains("270.32") && basic.evidence().contains("270.33"), basic.evidence());
  }

  @Test
  void noFigureContradictsTheText() {
    assertEquals(0, new BigDecimal("547.39").compareTo(doc.totals().incomeTotal()));
    assertTrue(doc.totals().priorYearTotal() == null, "the sample states no prior-year total");
  }
}
