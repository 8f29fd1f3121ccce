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
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.junit.jupiter.api.Test;

/**
 * Complete real published disclosures (corpus/real: one original PDF, texts of others with their tables as rows of
 * cells): every hand-checked fact found, none wrong.
 */
class RealDocumentsTest {

  @Test
  void findsEveryStatedFactAndNoneWrong() throws IOException {
    List<Path> jsons;
    try (Stream<Path> s = Files.list(TestCorpus.REAL)) {
      jsons = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<String> wrong = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int stated = 0;
    int found = 0;
    for (Path json : jsons) {
      String stem = json.getFileName().toString().replace(".json", "");
      FinalAccount doc = read(stem);
      JsonNode actual = DocumentJson.tree(doc);
      JsonNode facts = DocumentJson.mapper().readTree(Corpus.bytes(json)).get("facts");
      int docStated = 0;
      int docFound = 0;
      int docWrong = wrong.size();
      for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> fact = it.next();
        docStated++;
        JsonNode got = actual.at(ExcerptRecallTest.pointer(fact.getKey()));
        String where = stem + " " + fact.getKey();
        if (got.isMissingNode() || got.isNull()) {
          missing.add(where);
        } else if (!got.isNumber() || got.decimalValue().compareTo(fact.getValue().decimalValue()) != 0) {
          wrong.add(where + ": got " + got + ", stated " + fact.getValue());
        } else {
          docFound++;
        }
      }
      System.out.printf("%s: %d of %d stated facts found, %d wrong%n", stem, docFound, docStated,
          wrong.size() - docWrong);
      stated += docStated;
      found += docFound;
    }
    System.out.printf("real documents: %d of %d stated facts found, %d wrong%n", found, stated, wrong.size());
    missing.forEach(m -> System.out.println("  missing: " + m));
    wrong.forEach(m -> System.out.println("  WRONG: " + m));
    assertTrue(wrong.isEmpty(), "wrong figures:\n" + String.join("\n", wrong));
    assertTrue(missing.isEmpty(), "missing facts:\n" + String.join("\n", missing));
  }

  static FinalAccount read(String stem) {
    Path pdf = TestCorpus.REAL.resolve(stem + ".pdf");
    if (Files.exists(pdf)) {
      return DisclosureExtractor.extractPdf(Corpus.bytes(pdf), pdf.getFileName().toString());
    }
    Path txt = TestCorpus.REAL.resolve(stem + ".txt");
    return DisclosureExtractor.extract(Corpus.bytes(txt), txt.getFileName().toString());
  }
}
