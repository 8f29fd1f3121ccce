package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Unit;
import org.fiscalscope.generate.DisclosurePdfRenderer;
import org.fiscalscope.generate.DisclosureTemplate;
import org.fiscalscope.generate.DisclosureTextRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.junit.jupiter.api.Test;

/**
 * Generated unit-years rendered in the templates of other provinces and years ({@link DisclosureTemplate}) read back
 * to their figures with zero differences — one test per rule the extractor follows for real documents.
 */
class TemplateVariantsTest {

  private static final int UNITS = 30;

  private static List<FinalAccount> district() {
    List<FinalAccount> docs = new ArrayList<>();
    Iterator<FinalAccount> it = new DistrictGenerator(GeneratorSpec.of(UNITS, 2, 20251204L)).documents();
    it.forEachRemaining(docs::add);
    return docs;
  }

  /**
   * The figures a document rendered with a template reads back as: with its standard tables, the functional lines
   * the tables print (类, 款, 项) with the 类's printed rate and share, and without a 年初预算数 column in 公开05表
   * (the item-lines template) the 款 without a budget (no sentence states one).
   */
  static FinalAccount expected(FinalAccount doc, DisclosureTemplate template) {
    List<FunctionLine> functions = doc.functions();
    if (template.standardTables() && functions != null) {
      Map<String, FunctionLine> classes = new HashMap<>();
      functions.forEach(f -> classes.put(f.code(), f));
      List<FunctionLine> lines = new ArrayList<>();
      for (FunctionLine f : StandardTablesRenderer.functionLines(doc)) {
        FunctionLine c = classes.get(f.code());
        boolean noBudget = template.itemLines() && f.code().length() == 5;
        lines.add(new FunctionLine(f.code(), f.name(), noBudget ? null : f.budgetInitial(), f.actual(),
            c == null ? null : c.executionRatePct(), c == null ? null : c.sharePct()));
      }
      functions = lines;
    }
    Unit unit = doc.unit();
    org.fiscalscope.document.Performance performance = doc.performance();
    if (template.projectSummary() && performance != null && performance.projects() != null) {
      List<org.fiscalscope.document.Evaluation> projects = new ArrayList<>();
      for (org.fiscalscope.document.Evaluation e : performance.projects()) {
        projects.add(new org.fiscalscope.document.Evaluation(e.name(), null, e.budget(), e.actual(),
            e.executionRatePct(), null, e.totalScore(), null));
      }
      performance = new org.fiscalscope.document.Performance(performance.unitEvaluation(), projects);
    }
    return new FinalAccount(doc.schemaVersion(), doc.fiscalYear(), doc.amountUnit(), unit, doc.source(), doc.totals(),
        functions, doc.threePublic(), doc.operatingCosts(), doc.procurement(), doc.assets(), performance,
        doc.findings(), doc.provenance());
  }

  /** Renders every document with the template (as text, or as PDF) and returns the differences found. */
  private static List<String> roundTrip(List<FinalAccount> docs, DisclosureTemplate template, boolean pdf,
      BiConsumer<FinalAccount, FinalAccount> check) {
    DisclosurePdfRenderer renderer = pdf ? new DisclosurePdfRenderer() : null;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      FinalAccount original = docs.get(i);
      FinalAccount back;
      if (pdf) {
        back = DisclosureExtractor.extractPdf(renderer.render(original, new Random(i), template).pdf(), "v-" + i + ".pdf");
      } else {
        String text = DisclosureTextRenderer.render(original, new Random(i), template);
        back = DisclosureExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "v-" + i + ".txt");
      }
      List<String> diffs = new ArrayList<>();
      RoundTripTest.diff(RoundTripTest.figures(expected(original, template)), RoundTripTest.figures(back), "", diffs);
      back.findings().stream().filter(f -> f.rule().equals("value.conflict") || f.rule().equals("tables.conflict"))
          .forEach(f -> diffs.add(f.rule() + " " + f.evidence()));
      if (check != null) {
        try {
          check.accept(original, back);
        } catch (AssertionError e) {
          diffs.add(e.getMessage());
        }
      }
      if (!diffs.isEmpty() && failures.size() < 10) {
        failures.add("document " + i + " (" + original.unit().name() + " " + original.fiscalYear() + "): " + diffs);
      }
    }
    return failures;
  }

  private static void assertNoDifference(String what, List<String> failures) {
    System.out.println(what + ": " + (failures.isEmpty() ? "zero differences" : failures.size() + " documents differ"));
    assertTrue(failures.isEmpty(), what + ":\n" + String.join("\n", failures));
  }

  @Test
  void standardTablesAsRowsOfCellsInTheText() {
    assertNoDifference("standard tables in the text", roundTrip(district(), DisclosureTemplate.NATIONAL
        .withStandardTables(), false, (original, back) -> assertTrue(back.functions().stream()
        .anyMatch(f -> f.code().length() == 7), "项 lines from 公开05表")));
  }

  @Test
  void standardTablesRuledInThePdf() {
    assertNoDifference("standard tables in the PDF", roundTrip(district().subList(0, 24), DisclosureTemplate.NATIONAL
        .withStandardTables(), true, (original, back) -> assertTrue(back.provenance().entrySet().stream()
        .filter(e -> e.getKey().startsWith("/functions/")).allMatch(e -> e.getValue().page() != null),
        "every line's figure has its page")));
  }

  @Test
  void totalsPhrasedInFull() {
    assertNoDifference("收入支出总计 phrasing", roundTrip(district(), DisclosureTemplate.NATIONAL.withTotalsInFull(), false,
        null));
  }

  @Test
  void procurementByContract() {
    assertNoDifference("政府采购金额 phrasing", roundTrip(district(), DisclosureTemplate.NATIONAL
        .withContractProcurement(), false, null));
  }

  @Test
  void abbreviatedThreePublicLabelsAndTheirTableOneCellPerLine() {
    assertNoDifference("abbreviated 三公 labels", roundTrip(district(), DisclosureTemplate.NATIONAL
        .withAbbreviatedThreePublic(), false, null));
    assertNoDifference("三公 table one cell per line", roundTrip(district(), DisclosureTemplate.NATIONAL
        .withAbbreviatedThreePublic().withThreePublicCellPerLine(), false, null));
  }

  @Test
  void projectsListedOneRowEach() {
    assertNoDifference("projects one row each (text)", roundTrip(district(), DisclosureTemplate.NATIONAL
        .withProjectSummary(), false, (original, back) -> assertTrue(back.performance().projects().size()
        == original.performance().projects().size(), "every project")));
    assertNoDifference("projects one row each (PDF)", roundTrip(district().subList(0, 8), DisclosureTemplate.NATIONAL
        .withProjectSummary(), true, null));
  }

  @Test
  void nextYearsThreePublicBudgetBesideThisYearsAccount() {
    assertNoDifference("next year's 三公 budget", roundTrip(district(), DisclosureTemplate.NATIONAL
        .withNextYearThreePublic(), false, null));
  }

  @Test
  void itemsNamedUnderTheirClassGiveTheirInitialBudget() {
    DisclosureTemplate t = DisclosureTemplate.NATIONAL.withStandardTables().withItemLines();
    assertNoDifference("项 budgets from the text", roundTrip(district(), t, false, (original, back) ->
        assertTrue(back.functions().stream().filter(f -> f.code().length() == 7).allMatch(f -> f.budgetInitial() != null),
            "every 项 has the budget its sentences state")));
  }

  @Test
  void coverAndShortNameGiveTheFullName() {
    List<FinalAccount> docs = new ArrayList<>();
    for (FinalAccount d : district().subList(0, 20)) {
      Unit u = d.unit();
      String full = "江城市" + u.name();
      docs.add(withUnit(d, new Unit(u.code(), full, u.region(), u.kind(), u.parentName())));
    }
    assertNoDifference("cover and short name", roundTrip(docs, DisclosureTemplate.SHANGHAI, false,
        (original, back) -> assertEquals(original.unit().name(), back.unit().name())));
  }

  @Test
  void aDistrictAggregateIsNamedAsSuch() {
    List<FinalAccount> docs = new ArrayList<>();
    for (FinalAccount d : district().subList(0, 10)) {
      Unit u = d.unit();
      docs.add(withUnit(d, new Unit(u.code(), "江城市滨江区（汇总）", u.region(), u.kind(), u.parentName())));
    }
    assertNoDifference("district aggregate", roundTrip(docs, DisclosureTemplate.NATIONAL.withAggregate(), false,
        (original, back) -> {
          assertEquals("江城市滨江区（汇总）", back.unit().name());
          assertEquals("汇总", back.unit().kind());
          assertEquals("江城市滨江区", back.unit().region());
        }));
  }

  @Test
  void theShanghaiTemplateAsTextAndAsPdf() {
    List<FinalAccount> docs = new ArrayList<>();
    for (FinalAccount d : district().subList(0, 16)) {
      Unit u = d.unit();
      docs.add(withUnit(d, new Unit(u.code(), "江城市" + u.name(), u.region(), u.kind(), u.parentName())));
    }
    assertNoDifference("Shanghai template, text", roundTrip(docs, DisclosureTemplate.SHANGHAI, false, null));
    assertNoDifference("Shanghai template, PDF", roundTrip(docs, DisclosureTemplate.SHANGHAI, true, null));
  }

  static FinalAccount withUnit(FinalAccount d, Unit unit) {
    return new FinalAccount(d.schemaVersion(), d.fiscalYear(), d.amountUnit(), unit, d.source(), d.totals(),
        d.functions(), d.threePublic(), d.operatingCosts(), d.procurement(), d.assets(), d.performance(), d.findings(),
        d.provenance());
  }

  static JsonNode figures(FinalAccount doc) {
    return RoundTripTest.figures(doc);
  }
}
