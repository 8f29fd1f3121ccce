package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.ScoringTemplate;
import org.fiscalscope.generate.AnomalyKind;
import org.fiscalscope.generate.DisclosureTextRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.PlantedAnomaly;
import org.junit.jupiter.api.Test;

/** Generated documents rendered as disclosure text and extracted back give their figures with zero differences. */
class RoundTripTest {

  static final int DOCUMENTS = 2_000;

  @Test
  void renderedDocumentsExtractBackToTheirFigures() {
    RandomFinalAccounts generator = new RandomFinalAccounts(20240613L);
    List<String> failures = new ArrayList<>();
    int compared = 0;
    int indicators = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      FinalAccount original = generator.next();
      indicators += indicatorRows(original);
      String text = DisclosureTextRenderer.render(original, new Random(i));
      FinalAccount back = DisclosureExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "doc-" + i + ".txt");
      List<String> diffs = new ArrayList<>();
      diff(figures(original), figures(back), "", diffs);
      if (!diffs.isEmpty() && failures.size() < 40) {
        failures.add("document " + i + ": " + diffs + (System.getenv("ROUND_TRIP_SHOW") != null && failures.isEmpty() ? "\n" + text : ""));
      }
      if (diffs.isEmpty()) {
        compared++;
      }
    }
    System.out.println("round trip: " + compared + " of " + DOCUMENTS + " documents extracted back with zero differences ("
        + indicators + " indicator rows)");
    assertTrue(indicators >= 5_000, "the generated documents hold indicator rows to compare, got " + indicators);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static int indicatorRows(FinalAccount doc) {
    if (doc.performance() == null) {
      return 0;
    }
    int n = 0;
    List<Evaluation> all = new ArrayList<>();
    all.add(doc.performance().unitEvaluation());
    if (doc.performance().projects() != null) {
      all.addAll(doc.performance().projects());
    }
    for (Evaluation e : all) {
      n += e == null || e.indicators() == null ? 0 : e.indicators().size();
    }
    return n;
  }

  /** An object whose fields are all absent is the same as an absent object. */
  private static boolean empty(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return true;
    }
    if (node.isObject()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        if (!empty(it.next())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * District documents read back with their figures; their tables follow the scoring rules except where an anomaly
   * is planted, so every planted total that does not add up is found on its project and nothing else raises an
   * indicator finding.
   */
  @Test
  void districtGeneratorDocumentsExtractBackToTheirFigures() {
    DistrictGenerator generator = new DistrictGenerator(GeneratorSpec.of(700, 3, 20240601L));
    Map<String, String> totalOff = new HashMap<>();
    for (PlantedAnomaly a : generator.anomalies()) {
      if (a.kind().equals(AnomalyKind.SCORE_MISMATCH.id()) && a.detail().startsWith("total score reported")) {
        totalOff.put(a.unitCode() + "/" + a.fiscalYear(), a.subject());
      }
    }
    List<String> unexpected = new ArrayList<>();
    int found = 0;
    Iterator<FinalAccount> docs = generator.documents();
    List<String> failures = new ArrayList<>();
    int n = 0;
    int clean = 0;
    int indicators = 0;
    while (docs.hasNext()) {
      FinalAccount original = docs.next();
      indicators += indicatorRows(original);
      String text = DisclosureTextRenderer.render(original, new Random(n));
      FinalAccount back = DisclosureExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "district-" + n + ".txt");
      String planted = totalOff.get(original.unit().code() + "/" + original.fiscalYear());
      String plantedTotal = null;
      List<Evaluation> projects = original.performance().projects();
      for (int i = 0; planted != null && i < projects.size(); i++) {
        if (projects.get(i).name().equals(planted)) {
          plantedTotal = "/performance/projects/" + i + "/total_score";
        }
      }
      for (Finding f : back.findings()) {
        if (plantedTotal != null && f.rule().equals("sum.indicator_scores") && f.evidence().contains(plantedTotal)) {
          found++;
        } else if (f.rule().startsWith("indicator") || f.rule().startsWith("sum.indicator")
            || f.rule().equals("count.indicators")) {
          unexpected.add(original.unit().code() + " " + original.fiscalYear() + ": " + f);
        }
      }
      List<String> diffs = new ArrayList<>();
      diff(figures(original), figures(back), "", diffs);
      if (diffs.isEmpty()) {
        clean++;
      } else if (failures.size() < 20) {
        failures.add("document " + n + " (" + original.unit().name() + " " + original.fiscalYear() + "): " + diffs);
      }
      n++;
    }
    System.out.println("round trip (district generator): " + clean + " of " + n + " documents with zero differences ("
        + indicators + " indicator rows); " + found + " of " + totalOff.size() + " planted totals off found, "
        + unexpected.size() + " other indicator findings");
    assertTrue(n >= 2_000, "at least 2,000 generated documents, got " + n);
    assertTrue(indicators >= 5_000, "the generated documents hold indicator rows to compare, got " + indicators);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(!totalOff.isEmpty(), "the district holds planted totals that do not add up");
    assertEquals(totalOff.size(), found, "every planted total that does not add up is found on its project");
    assertEquals(List.of(), unexpected.subList(0, Math.min(10, unexpected.size())),
        unexpected.size() + " indicator findings on tables that follow the rules");
  }

  /**
   * The figures of a document: everything but findings, provenance, source and contents (the parts a text holds are
   * judged by the disclosure-quality tests), the unit reduced to its name
   * (code, region and kind are not printed in a disclosure); indicator rows are compared in full.
   */
  static JsonNode figures(FinalAccount doc) {
    ObjectNode tree = (ObjectNode) DocumentJson.tree(doc);
    tree.remove(List.of("findings", "provenance", "source", "contents"));
    if (tree.get("unit") instanceof ObjectNode unit) {
      unit.retain("name");
    }
    // A generated document without the weight templates carries no execution weight, and its disclosure prints the
    // Wuhan form's (20 for a project, 25 for the unit table): the figure the text states.
    if (tree.get("performance") instanceof ObjectNode performance) {
      if (performance.get("unit_evaluation") instanceof ObjectNode u && !u.has("execution_weight")) {
        u.put("execution_weight", ScoringTemplate.WUHAN.unitExecutionWeight());
      }
      if (performance.get("projects") instanceof com.fasterxml.jackson.databind.node.ArrayNode projects) {
        projects.forEach(p -> {
          if (p instanceof ObjectNode o && !o.has("execution_weight")) {
            o.put("execution_weight", ScoringTemplate.WUHAN.projectExecutionWeight());
          }
        });
      }
    }
    return tree;
  }

  static void diff(JsonNode expected, JsonNode actual, String pointer, List<String> out) {
    expected = empty(expected) ? null : expected;
    actual = empty(actual) ? null : actual;
    if (expected == null || expected.isNull() || expected.isMissingNode()) {
      if (actual != null && !actual.isNull() && !actual.isMissingNode()) {
        out.add(pointer + " extra " + actual);
      }
      return;
    }
    if (actual == null || actual.isNull() || actual.isMissingNode()) {
      out.add(pointer + " missing " + expected);
      return;
    }
    if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(pointer + " " + expected + " != " + actual);
      }
    } else if (expected.isObject()) {
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        diff(expected.get(k), actual.get(k), pointer + "/" + k, out);
      }
      for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!expected.has(k)) {
          diff(null, actual.get(k), pointer + "/" + k, out);
        }
      }
    } else if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(pointer + " has " + actual.size() + " items, expected " + expected.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        diff(expected.get(i), actual.get(i), pointer + "/" + i, out);
      }
    } else if (!expected.equals(actual)) {
      out.add(pointer + " " + expected + " != " + actual);
    }
  }
}
