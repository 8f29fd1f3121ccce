package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.junit.jupiter.api.Test;

/** Recall and precision on real excerpts of other units' disclosures: at least 90% of stated facts, none wrong. */
class ExcerptRecallTest {

  private static final Path EXCERPTS = Corpus.ROOT.resolve("excerpts");

  @Test
  void findsNinetyPercentOfStatedFactsAndNoneWrong() throws IOException {
    int statedFacts = 0;
    int found = 0;
    List<String> wrong = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<Path> jsons;
    try (Stream<Path> s = Files.list(EXCERPTS)) {
      jsons = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path json : jsons) {
      String id = json.getFileName().toString().replace(".json", "");
      Path txt = EXCERPTS.resolve(id + ".txt");
      FinalAccount doc = DisclosureExtractor.extractPartial(Corpus.bytes(txt), txt.getFileName().toString());
      JsonNode actual = DocumentJson.tree(doc);
      JsonNode stated = DocumentJson.mapper().readTree(Corpus.bytes(json));
      JsonNode facts = stated.get("facts");
      if (stated.path("fiscal_year").isInt() && !Integer.valueOf(stated.get("fiscal_year").asInt()).equals(doc.fiscalYear())) {
        wrong.add(id + " fiscal_year: got " + doc.fiscalYear() + ", stated " + stated.get("fiscal_year"));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> fact = it.next();
        if (fact.getKey().equals("projects")) {
          for (JsonNode project : fact.getValue()) {
            JsonNode match = project(actual, project.get("name").asText());
            for (Iterator<Map.Entry<String, JsonNode>> f = project.fields(); f.hasNext(); ) {
              Map.Entry<String, JsonNode> field = f.next();
              statedFacts++;
              String where = id + " project " + project.get("name").asText() + " " + field.getKey();
              if (field.getKey().equals("name")) {
                if (match != null) {
                  found++;
                } else {
                  missing.add(where);
                }
                continue;
              }
              String key = field.getKey().equals("score") ? "total_score" : field.getKey();
              JsonNode got = match == null ? null : match.get(key);
              int r = compare(got, field.getValue(), where, wrong, missing);
              found += r;
            }
          }
          continue;
        }
        statedFacts++;
        String pointer = pointer(fact.getKey());
        found += compare(actual.at(pointer), fact.getValue(), id + " " + fact.getKey(), wrong, missing);
      }
    }
    double recall = statedFacts == 0 ? 0 : (double) found / statedFacts;
    System.out.printf("excerpts: %d of %d stated facts found (recall %.3f), %d wrong%n", found, statedFacts, recall, wrong.size());
    missing.forEach(m -> System.out.println("  missing: " + m));
    assertTrue(wrong.isEmpty(), "wrong figures:\n" + String.join("\n", wrong));
    assertTrue(recall >= 0.90, "recall " + recall + " below 0.90; missing: " + missing);
  }

  private static int compare(JsonNode got, JsonNode expected, String where, List<String> wrong, List<String> missing) {
    if (got == null || got.isMissingNode() || got.isNull()) {
      missing.add(where);
      return 0;
    }
    if (!got.isNumber() || got.decimalValue().compareTo(expected.decimalValue()) != 0) {
      wrong.add(where + ": got " + got + ", stated " + expected);
      return 0;
    }
    return 1;
  }

  private static JsonNode project(JsonNode doc, String name) {
    for (JsonNode p : doc.at("/performance/projects")) {
      if (name.equals(p.path("name").asText())) {
        return p;
      }
    }
    return null;
  }

  static String pointer(String flatKey) {
    return switch (flatKey) {
      case "three_public_total_budget" -> "/three_public/budget/total";
      case "three_public_total_actual" -> "/three_public/actual/total";
      case "outbound_travel_actual", "vehicle_purchase_actual", "vehicle_operation_actual", "reception_actual" ->
          "/three_public/actual/" + flatKey.substring(0, flatKey.length() - "_actual".length());
      case "procurement_total" -> "/procurement/total";
      default -> "/totals/" + flatKey;
    };
  }
}
