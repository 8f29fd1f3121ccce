package org.fiscalscope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Totals;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.tables.StandardTablesReader;
import org.junit.jupiter.api.Test;

/** The budget phases the generator states when asked to, and the over-execution it plants. */
class BudgetPhasesGeneratorTest {

  private static final BigDecimal LINE = new BigDecimal("1.05");

  private static List<FinalAccount> all(GeneratorSpec spec) {
    List<FinalAccount> docs = new ArrayList<>();
    for (Iterator<FinalAccount> it = new DistrictGenerator(spec).documents(); it.hasNext(); ) {
      docs.add(it.next());
    }
    return docs;
  }

  @Test
  void offByDefaultNoPhaseIsStatedAndNoOverExecutionPlanted() {
    GeneratorSpec spec = new GeneratorSpec(60, 3, 2024, 42L);
    for (FinalAccount d : all(spec)) {
      assertNull(d.totals().budgetAdjusted(), "no full-year budget unless asked for");
      assertNull(d.totals().budgetCarryover());
      d.functions().forEach(f -> assertNull(f.budgetCarryover()));
      d.performance().projects().forEach(p -> assertNull(p.budgetInitial()));
    }
    assertFalse(new DistrictGenerator(spec).anomalies().stream().anyMatch(a -> a.kind().equals("over_execution")));
  }

  @Test
  void withPhasesOverExecutionIsPlantedExactlyWhereSpendingNetOfCarryOverExceedsTheLine() {
    GeneratorSpec spec = new GeneratorSpec(200, 4, 2024, 42L).withBudgetPhases();
    DistrictGenerator generator = new DistrictGenerator(spec);
    List<FinalAccount> docs = new ArrayList<>();
    generator.documents().forEachRemaining(docs::add);
    Set<String> planted = generator.anomalies().stream().filter(a -> a.kind().equals("over_execution"))
        .map(a -> a.unitCode() + "-" + a.fiscalYear()).collect(Collectors.toSet());
    assertFalse(planted.isEmpty(), "over-execution is planted");
    int funded = 0;
    for (FinalAccount d : docs) {
      Totals t = d.totals();
      String key = d.unit().code() + "-" + d.fiscalYear();
      assertTrue(t.budgetAdjusted() != null, "every unit-year states its full-year budget: " + key);
      BigDecimal net = t.actualFinal().subtract(t.budgetCarryover() == null ? BigDecimal.ZERO : t.budgetCarryover());
      assertEquals(planted.contains(key), net.compareTo(t.budgetInitial().multiply(LINE)) > 0, key);
      if (t.budgetCarryover() != null && t.actualFinal().compareTo(t.budgetInitial().multiply(LINE)) > 0) {
        funded++;
      }
      for (Evaluation p : d.performance().projects()) {
        assertTrue(p.actual().compareTo(p.budgetInitial().multiply(LINE)) <= 0, "no project over-executes: " + key);
      }
      if (!planted.contains(key) && t.budgetCarryover() != null) {
        assertEquals(0, t.budgetCarryover().compareTo(d.functions().stream().map(FunctionLine::budgetCarryover)
            .reduce(BigDecimal.ZERO, BigDecimal::add)), "the lines' carry-over adds up to the unit's: " + key);
      }
      if (!planted.contains(key)) {
        for (FunctionLine f : d.functions()) {
          BigDecimal lineNet = f.actual().subtract(f.budgetCarryover() == null ? BigDecimal.ZERO : f.budgetCarryover());
          assertTrue(lineNet.compareTo(f.budgetInitial().multiply(LINE)) <= 0, "line " + f.code() + " of " + key);
        }
      }
    }
    assertTrue(funded > planted.size(), "spending above the initial budget funded by carry-over is common: " + funded);
  }

  @Test
  void theDisclosureTextStatesThePhasesAndTheExtractorReadsThemBack() {
    List<FinalAccount> docs = all(new GeneratorSpec(80, 2, 2024, 7L).withBudgetPhases());
    int withCarryover = 0;
    for (int i = 0; i < docs.size(); i++) {
      FinalAccount d = docs.get(i);
      String text = DisclosureTextRenderer.render(d, new Random(i));
      Totals back = DisclosureExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "d.txt").totals();
      String key = d.unit().code() + "-" + d.fiscalYear();
      assertEquals(0, d.totals().budgetAdjusted().compareTo(back.budgetAdjusted()), "全年预算 of " + key);
      if (d.totals().budgetCarryover() != null) {
        withCarryover++;
        assertEquals(0, d.totals().budgetCarryover().compareTo(back.budgetCarryover()), "年初结转 of " + key);
      } else {
        assertNull(back.budgetCarryover(), key);
      }
    }
    assertTrue(withCarryover > 0, "some unit-years state carry-over");
  }

  @Test
  void theStandardTablesStateThePhasesAndTheReaderReadsThemBack() {
    List<FinalAccount> docs = all(new GeneratorSpec(40, 2, 2024, 7L).withBudgetPhases());
    int withCarryover = 0;
    for (FinalAccount d : docs) {
      String key = d.unit().code() + "-" + d.fiscalYear();
      byte[] workbook = StandardTablesRenderer.workbook(d, StandardTablesRenderer.WorkbookFormat.XLSX,
          TablesStyle.of(d.unit().code()));
      FinalAccount back = ((StandardTablesReader.Result.Read) StandardTablesReader.read(List.of(
          new StandardTablesReader.TableFile(key + ".xlsx", workbook)))).document();
      assertEquals(0, d.totals().budgetAdjusted().compareTo(back.totals().budgetAdjusted()), "全年预算 of " + key);
      assertEquals(0, d.totals().budgetInitial().compareTo(back.totals().budgetInitial()), "年初预算 of " + key);
      List<FunctionLine> printed = StandardTablesRenderer.functionLines(d);
      assertEquals(printed.size(), back.functions().size(), key);
      if (d.totals().budgetCarryover() != null) {
        withCarryover++;
        assertEquals(0, d.totals().budgetCarryover().compareTo(back.totals().budgetCarryover()), "年初结转 of " + key);
        for (int i = 0; i < printed.size(); i++) {
          FunctionLine line = back.functions().get(i);
          assertTrue(line.budgetCarryover() != null, "line " + line.code() + " of " + key + " states its carry-over");
          if (d.functions().stream().allMatch(f -> f.budgetCarryover() != null)) {
            assertEquals(0, printed.get(i).budgetCarryover().compareTo(line.budgetCarryover()), line.code() + " " + key);
          }
        }
      } else {
        assertNull(back.totals().budgetCarryover(), key);
        back.functions().forEach(f -> assertNull(f.budgetCarryover(), key));
      }
    }
    assertTrue(withCarryover > 0, "some unit-years state carry-over");
  }
}
