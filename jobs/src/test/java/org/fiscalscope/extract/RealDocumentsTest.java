package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
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
import org.fiscalscope.document.FunctionLine;
import org.junit.jupiter.api.Test;

/**
 * Complete real published disclosures (corpus/real: one original PDF, texts of others with their tables as rows of
 * cells): every hand-checked fact found, none wrong; the functional lines down to 项 as the 公开05表 prints them,
 * each 项's initial budget from the text where it states one; the unit named in full with its region.
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

  /** The 类, 款 and 项 lines each document's 公开05表 prints (counted by hand from the document). */
  private static final Map<String, int[]> LEVELS = Map.of(
      "putuo-finance-bureau-2024", new int[] {4, 4, 11},
      "putuo-ecology-environment-bureau-2025", new int[] {4, 7, 20},
      "putuo-shiquan-road-subdistrict-2025", new int[] {11, 28, 38},
      "putuo-yichuan-road-subdistrict-2025", new int[] {10, 24, 35});

  /** 项 whose amount the document states twice differently (see the corpus README): absent, with a finding. */
  private static final Map<String, List<String>> CONTRADICTED = Map.of(
      "putuo-shiquan-road-subdistrict-2025", List.of("2080505", "2080506"),
      "putuo-yichuan-road-subdistrict-2025", List.of("2080506"));

  /** Lines read by hand from the documents: code → {actual, initial budget (from the 情况说明) or null}. */
  private static final Map<String, Map<String, String[]>> SPOT = Map.of(
      "putuo-finance-bureau-2024", Map.of("2010608", new String[] {"449.52", "450.52"},
          "2210203", new String[] {"258.50", "258.50"}, "20805", new String[] {"326.72", null}),
      "putuo-ecology-environment-bureau-2025", Map.of("2110301", new String[] {"379.96", "420.80"},
          "2111101", new String[] {"1493.39", "1464.65"}, "2110302", new String[] {"213.10", "215.00"}),
      "putuo-shiquan-road-subdistrict-2025", Map.of("2010506", new String[] {"3.39", "3.84"},
          "2010505", new String[] {"20.03", null}),
      "putuo-yichuan-road-subdistrict-2025", Map.of("2010507", new String[] {"39.99", "76.33"},
          "2120199", new String[] {"7957.59", "7851.46"}, "221", new String[] {"1076.78", null}));

  @Test
  void functionalLinesDownToItemsFromTheGeneralBudgetTable() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, int[]> e : LEVELS.entrySet()) {
      String stem = e.getKey();
      FinalAccount doc = read(stem);
      int[] levels = new int[3];
      Map<String, FunctionLine> byCode = new java.util.HashMap<>();
      for (FunctionLine f : doc.functions()) {
        levels[(f.code().length() - 3) / 2]++;
        byCode.put(f.code(), f);
      }
      if (!java.util.Arrays.equals(levels, e.getValue())) {
        problems.add(stem + ": 类/款/项 " + java.util.Arrays.toString(levels) + ", the table prints "
            + java.util.Arrays.toString(e.getValue()));
      }
      List<String> contradicted = CONTRADICTED.getOrDefault(stem, List.of());
      for (FunctionLine f : doc.functions()) {
        boolean expectedAbsent = contradicted.contains(f.code());
        if (f.name() == null || (f.actual() == null) != expectedAbsent) {
          problems.add(stem + " " + f.code() + ": name " + f.name() + ", actual " + f.actual());
        }
        if (expectedAbsent && doc.findings().stream().noneMatch(x -> x.rule().equals("value.conflict")
            && x.evidence().startsWith("/functions/#" + f.code() + "/actual"))) {
          problems.add(stem + " " + f.code() + ": no finding for the two amounts the document states");
        }
        List<FunctionLine> children = doc.functions().stream().filter(c -> c.code().length() == f.code().length() + 2
            && c.code().startsWith(f.code())).toList();
        if (f.actual() != null && !children.isEmpty() && children.stream().allMatch(c -> c.actual() != null)) {
          BigDecimal sum = children.stream().map(FunctionLine::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
          if (sum.subtract(f.actual()).abs().compareTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(children.size()))) > 0) {
            problems.add(stem + " " + f.code() + ": " + f.actual() + " but its lines add up to " + sum);
          }
        }
      }
      SPOT.getOrDefault(stem, Map.of()).forEach((code, values) -> {
        FunctionLine f = byCode.get(code);
        if (f == null || f.actual() == null || f.actual().compareTo(new BigDecimal(values[0])) != 0
            || values[1] != null && (f.budgetInitial() == null || f.budgetInitial().compareTo(new BigDecimal(values[1])) != 0)) {
          problems.add(stem + " " + code + ": " + f + ", read by hand " + java.util.Arrays.toString(values));
        }
      });
      System.out.printf("%s: functional lines 类 %d, 款 %d, 项 %d%n", stem, levels[0], levels[1], levels[2]);
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void aGarbledGeneralBudgetTableGivesNoLineAndSaysSo() {
    FinalAccount doc = read("putuo-culture-tourism-bureau-2025");
    assertTrue(doc.functions().stream().allMatch(f -> f.code().length() == 3), "only the 类 the text states");
    Map<String, String> classes = Map.of("207", "17127.62", "208", "1493.32", "210", "370.37", "215", "4948.72",
        "221", "595.64");
    assertEquals(classes.size(), doc.functions().size());
    for (FunctionLine f : doc.functions()) {
      assertEquals(0, new BigDecimal(classes.get(f.code())).compareTo(f.actual()), f.toString());
    }
    assertTrue(doc.findings().stream().anyMatch(f -> f.rule().equals("tables.lines_left_out")
        && f.message().startsWith("公开05表")), "the left-out lines are named");
  }

  @Test
  void everyUnitIsNamedInFullWithItsRegion() throws IOException {
    try (Stream<Path> s = Files.list(TestCorpus.REAL)) {
      for (Path json : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String stem = json.getFileName().toString().replace(".json", "");
        JsonNode stated = DocumentJson.mapper().readTree(Corpus.bytes(json));
        FinalAccount doc = read(stem);
        assertEquals(stated.get("unit_name").asText(), doc.unit().name(), stem);
        assertEquals("上海市普陀区", doc.unit().region(), stem);
        assertEquals(stated.get("fiscal_year").asInt(), doc.fiscalYear(), stem);
      }
    }
  }

  private static final Map<String, FinalAccount> READ = new java.util.concurrent.ConcurrentHashMap<>();

  /** The document of one stem, read once per test run. */
  static FinalAccount read(String stem) {
    return READ.computeIfAbsent(stem, RealDocumentsTest::extract);
  }

  private static FinalAccount extract(String stem) {
    Path pdf = TestCorpus.REAL.resolve(stem + ".pdf");
    if (Files.exists(pdf)) {
      return DisclosureExtractor.extractPdf(Corpus.bytes(pdf), pdf.getFileName().toString());
    }
    Path txt = TestCorpus.REAL.resolve(stem + ".txt");
    return DisclosureExtractor.extract(Corpus.bytes(txt), txt.getFileName().toString());
  }
}
