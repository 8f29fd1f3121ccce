package org.fiscalscope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Indicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistrictGeneratorTest {

  private static final GeneratorSpec SPEC = new GeneratorSpec(200, 4, 2024, 42L);
  private static List<FinalAccount> docs;
  private static List<PlantedAnomaly> anomalies;

  @BeforeAll
  static void generate() {
    DistrictGenerator generator = new DistrictGenerator(SPEC);
    docs = new ArrayList<>();
    generator.documents().forEachRemaining(docs::add);
    anomalies = generator.anomalies();
  }

  @Test
  void sameSeedGivesIdenticalJsonAndAnomalies() {
    DistrictGenerator again = new DistrictGenerator(SPEC);
    List<PlantedAnomaly> before = again.anomalies();
    Iterator<FinalAccount> it = again.documents();
    for (FinalAccount doc : docs) {
      assertEquals(DocumentJson.write(doc), DocumentJson.write(it.next()), "same seed must give the same document");
    }
    assertFalse(it.hasNext(), "same seed must give the same number of documents");
    assertEquals(anomalies, before, "anomalies() before iterating must equal those planted while iterating");
    FinalAccount other = new DistrictGenerator(new GeneratorSpec(200, 4, 2024, 43L)).documents().next();
    assertNotEquals(DocumentJson.write(docs.get(0)), DocumentJson.write(other), "another seed must give other figures");
  }

  @Test
  void streamsUnitByUnitYearByYear() {
    assertEquals(SPEC.unitYears(), docs.size(), "one document per unit-year");
    for (int i = 0; i < docs.size(); i++) {
      FinalAccount doc = docs.get(i);
      assertEquals(String.format("BJ%04d", i / 4 + 1), doc.unit().code(), "unit order at " + i);
      assertEquals(2021 + i % 4, doc.fiscalYear(), "year order at " + i);
      assertEquals(doc.unit().code() + "-" + doc.fiscalYear() + ".json", doc.source().file(), "source file");
    }
  }

  @Test
  void everyDocumentValidatesAgainstTheSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/final-account.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    // With every option too: a planted anomaly stays within what a document may state (no total score above 100).
    List<FinalAccount> all = new ArrayList<>(docs);
    new DistrictGenerator(new GeneratorSpec(300, 5, 2024, 20240601L).withThreePublicTotals().withHeadcounts()
        .withScoringTemplates().withBudgetPhases()).documents().forEachRemaining(all::add);
    for (FinalAccount doc : all) {
      JsonNode node = DocumentJson.mapper().readTree(DocumentJson.write(doc));
      Set<ValidationMessage> errors = schema.validate(node);
      assertTrue(errors.isEmpty(), doc.source().file() + " must validate: " + errors);
      assertEquals("1.0", doc.schemaVersion(), "schema version");
      assertEquals("10k_yuan", doc.amountUnit(), "amount unit");
      assertEquals("json", doc.source().kind(), "source kind");
    }
  }

  @Test
  void documentsWithoutAnomalyBreakNoRule() {
    Map<String, PlantedAnomaly> planted = byUnitYear();
    FinalAccount prior = null;
    int clean = 0;
    for (FinalAccount doc : docs) {
      FinalAccount previous = prior != null && prior.unit().code().equals(doc.unit().code()) ? prior : null;
      if (!planted.containsKey(key(doc))) {
        Set<String> broken = RuleCheck.violations(doc, previous);
        assertTrue(broken.isEmpty(), key(doc) + " has no planted anomaly but breaks " + broken);
        clean++;
      }
      prior = doc;
    }
    assertTrue(clean > docs.size() * 0.9, "most documents are clean: " + clean);
  }

  @Test
  void plantedAnomaliesBreakTheirRule() {
    Map<String, FinalAccount> byKey = docs.stream().collect(Collectors.toMap(DistrictGeneratorTest::key, d -> d));
    for (PlantedAnomaly a : anomalies) {
      FinalAccount doc = byKey.get(a.unitCode() + "-" + a.fiscalYear());
      FinalAccount prior = byKey.get(a.unitCode() + "-" + (a.fiscalYear() - 1));
      Set<String> broken = RuleCheck.violations(doc, prior);
      if (a.kind().equals("multivariate")) {
        assertTrue(broken.isEmpty(), a + " must pass every single rule, breaks " + broken);
        assertTrue(multivariateOutlier(doc), a + " must combine high project, public and procurement shares");
      } else {
        assertTrue(broken.contains(a.kind()), a + " must break its rule; breaks " + broken);
      }
      assertFalse(a.subject().isBlank(), "subject set for " + a);
      assertFalse(a.detail().isBlank(), "detail set for " + a);
    }
  }

  @Test
  void cleanDocumentsAreNotMultivariateOutliers() {
    Map<String, PlantedAnomaly> planted = byUnitYear();
    for (FinalAccount doc : docs) {
      if (!planted.containsKey(key(doc))) {
        assertFalse(multivariateOutlier(doc), key(doc) + " looks like a multivariate outlier without being planted");
      }
    }
  }

  @Test
  void anomalyMixIsAboutFivePercentWithEveryKind() {
    double share = anomalies.size() / (double) docs.size();
    assertTrue(share >= 0.03 && share <= 0.06, "share of planted unit-years: " + share);
    Map<String, Long> byKind = anomalies.stream().collect(Collectors.groupingBy(PlantedAnomaly::kind, Collectors.counting()));
    for (AnomalyKind kind : AnomalyKind.values()) {
      if (!SPEC.plants(kind)) {
        continue;
      }
      assertTrue(byKind.getOrDefault(kind.id(), 0L) >= 3, "kind " + kind.id() + " planted at least 3 times: " + byKind);
    }
    assertEquals(anomalies.size(), byUnitYear().size(), "at most one anomaly per unit-year");
  }

  @Test
  void unitsLookLikeADistrict() {
    Set<String> codes = new HashSet<>();
    Map<String, List<String>> projectNames = new HashMap<>();
    for (FinalAccount doc : docs) {
      codes.add(doc.unit().code());
      String district = doc.unit().region().substring(0, 3);
      assertTrue(UnitCatalog.DISTRICTS.contains(district) && doc.unit().name().startsWith(district.substring(0, 2)),
          "unit named after its district: " + doc.unit().name() + " in " + doc.unit().region());
      if (doc.unit().code().compareTo("BJ0059") <= 0) {
        assertTrue(doc.unit().name().startsWith("滨江区"), "the first units are in 滨江区: " + doc.unit().name());
      }
      assertTrue(Set.of("行政", "事业", "参公").contains(doc.unit().kind()), "kind: " + doc.unit().kind());
      assertTrue(doc.functions().size() >= 2 && doc.functions().size() <= 5, "2–5 functional lines");
      doc.functions().forEach(f -> assertTrue(f.code().matches("2[0-2][0-9]") && f.name() != null, "function " + f));
      List<Evaluation> projects = doc.performance().projects();
      assertTrue(projects.size() >= 3 && projects.size() <= 12, "3–12 projects, got " + projects.size());
      List<String> names = projects.stream().map(Evaluation::name).toList();
      List<String> earlier = projectNames.putIfAbsent(doc.unit().code(), names);
      assertTrue(earlier == null || earlier.equals(names), "project names stable across years for " + doc.unit().code());
      for (Evaluation p : projects) {
        assertTrue(p.indicators().size() >= 4 && p.indicators().size() <= 8, "4–8 indicators");
        for (Indicator i : p.indicators()) {
          assertTrue(Set.of("产出指标", "效益指标", "满意度指标").contains(i.level1()), "level1 " + i.level1());
        }
        assertTrue(p.category() != null, "project category");
      }
      assertTrue(doc.totals().budgetInitial().compareTo(new BigDecimal("100")) > 0
          && doc.totals().budgetInitial().compareTo(new BigDecimal("5000")) < 0, "hundreds of 万元");
      assertEquals(2, doc.totals().incomeTotal().scale(), "amounts carry 2 decimals");
    }
    assertEquals(SPEC.units(), codes.size(), "one code per unit");
    long zeroThreePublic = docs.stream().filter(d -> d.threePublic().actual().total().signum() == 0).count();
    assertTrue(zeroThreePublic > 0, "some units spend no three-public costs, like the sample");
  }

  static boolean multivariateOutlier(FinalAccount doc) {
    BigDecimal e = doc.totals().expenditureThisYear();
    BigDecimal projectShare = doc.totals().projectExpenditure().divide(e, 4, java.math.RoundingMode.HALF_UP);
    BigDecimal publicShare = doc.totals().publicExpense().divide(doc.totals().basicExpenditure(), 4,
        java.math.RoundingMode.HALF_UP);
    BigDecimal procurementShare = doc.procurement().total().divide(e, 4, java.math.RoundingMode.HALF_UP);
    return projectShare.compareTo(new BigDecimal("0.72")) > 0 && publicShare.compareTo(new BigDecimal("0.25")) > 0
        && procurementShare.compareTo(new BigDecimal("0.45")) > 0;
  }

  private static Map<String, PlantedAnomaly> byUnitYear() {
    Map<String, PlantedAnomaly> map = new HashMap<>();
    anomalies.forEach(a -> map.put(a.unitCode() + "-" + a.fiscalYear(), a));
    return map;
  }

  @Test
  void withTheThreePublicTotalsKeptOnlyAPlantedTotalRiseLiftsATotalAndTheDemoSpecPlantsNone() {
    GeneratorSpec kept = new GeneratorSpec(200, 5, 2024, 42L).withThreePublicTotals();
    DistrictGenerator generator = new DistrictGenerator(kept);
    Map<String, FinalAccount> prior = new HashMap<>();
    Set<String> rises = new HashSet<>();
    Set<String> categoryRises = new HashSet<>();
    for (Iterator<FinalAccount> it = generator.documents(); it.hasNext(); ) {
      FinalAccount doc = it.next();
      FinalAccount before = prior.put(doc.unit().code(), doc);
      if (before == null) {
        continue;
      }
      var now = doc.threePublic();
      var then = before.threePublic();
      assertEquals(0, sum(now.actual()).compareTo(now.actual().total()), "the total is the sum of its parts: " + key(doc));
      if (now.actual().total().compareTo(then.actual().total()) > 0
          || now.budget().total().compareTo(then.budget().total()) > 0) {
        rises.add(key(doc));
      }
      if (now.actual().reception().compareTo(then.actual().reception()) > 0
          || now.actual().vehicleOperation().compareTo(then.actual().vehicleOperation()) > 0
          || now.actual().outboundTravel().compareTo(then.actual().outboundTravel()) > 0) {
        categoryRises.add(key(doc));
      }
    }
    Set<String> plantedTotals = generator.anomalies().stream().filter(a -> a.kind().equals("three_public_total_increase"))
        .map(a -> a.unitCode() + "-" + a.fiscalYear()).collect(Collectors.toSet());
    Set<String> plantedCategories = generator.anomalies().stream().filter(a -> a.kind().equals("three_public_increase"))
        .map(a -> a.unitCode() + "-" + a.fiscalYear()).collect(Collectors.toSet());
    assertFalse(plantedTotals.isEmpty(), "total rises are planted");
    assertFalse(plantedCategories.isEmpty(), "category rises are planted");
    assertEquals(plantedTotals, rises, "a 三公 total rises exactly where a total rise is planted");
    assertTrue(categoryRises.containsAll(plantedCategories), "a planted category rise is a rise of its category");
    assertTrue(anomalies.stream().noneMatch(a -> a.kind().equals("three_public_total_increase")),
        "a spec that does not ask for it plants no total rise");
  }

  private static BigDecimal sum(org.fiscalscope.document.ThreePublicAmounts a) {
    return a.outboundTravel().add(a.vehiclePurchase()).add(a.vehicleOperation()).add(a.reception());
  }

  private static String key(FinalAccount doc) {
    return doc.unit().code() + "-" + doc.fiscalYear();
  }

  @Test
  void withHeadcountsEveryUnitYearStatesItsStaffAndOnlyOfficesHaveOperatingCosts() {
    GeneratorSpec plain = new GeneratorSpec(59, 3, 2024, 42L);
    java.util.List<FinalAccount> without = new java.util.ArrayList<>();
    new DistrictGenerator(plain).documents().forEachRemaining(without::add);
    java.util.List<FinalAccount> with = new java.util.ArrayList<>();
    new DistrictGenerator(plain.withHeadcounts()).documents().forEachRemaining(with::add);
    assertEquals(without.size(), with.size());
    java.util.Map<String, Integer> bands = new java.util.TreeMap<>();
    for (int i = 0; i < with.size(); i++) {
      FinalAccount a = without.get(i);
      FinalAccount b = with.get(i);
      org.fiscalscope.document.Totals t = b.totals();
      assertNull(a.totals().staffActual(), "headcounts only when asked for");
      assertTrue(t.staffInService() >= 1 && t.staffInService() <= t.staffAuthorised()
          && t.staffInService() <= t.staffActual(), "in service within the posts and the actual staff: " + t);
      // 万元 per person in service stays within what the unit's kind pays (9–22, rising 3% a year), give or take the
      // rounding to whole persons (at most 10% from five persons up).
      java.math.BigDecimal perHead = t.personnelExpense().divide(java.math.BigDecimal.valueOf(t.staffInService()), 2,
          java.math.RoundingMode.HALF_UP);
      assertTrue(t.staffInService() < 5 || perHead.compareTo(java.math.BigDecimal.valueOf(8)) > 0
          && perHead.compareTo(java.math.BigDecimal.valueOf(26)) < 0, "personnel per head " + perHead + " of " + t);
      boolean office = !b.unit().kind().equals("事业");
      assertEquals(office, b.operatingCosts() != null, b.unit().kind() + " operating costs " + b.operatingCosts());
      if (office) {
        assertEquals(a.operatingCosts(), b.operatingCosts());
      }
      // Every other figure as without headcounts: the staff are drawn from a stream of their own.
      assertEquals(a.totals(), new org.fiscalscope.document.Totals(
          t.incomeTotal(), t.expenditureTotal(), t.incomeThisYear(), t.expenditureThisYear(), t.carryoverBegin(),
          t.carryoverEnd(), t.fiscalAppropriationIncome(), t.generalBudgetAppropriation(), t.govFundAppropriation(),
          t.soeCapitalAppropriation(), t.basicExpenditure(), t.projectExpenditure(), t.personnelExpense(),
          t.publicExpense(), t.budgetInitial(), t.actualFinal(), t.executionRatePct(), t.priorYearTotal(),
          t.yoyChangeAmount(), t.yoyChangePct(), null, null, null));
      int actual = t.staffActual();
      bands.merge(actual <= 20 ? "1-20" : actual <= 50 ? "21-50" : actual <= 100 ? "51-100" : ">100", 1, Integer::sum);
    }
    assertTrue(bands.size() >= 3, "the district spans the size bands: " + bands);
  }
}
