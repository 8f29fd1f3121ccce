package org.fiscalscope.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.ThreePublic;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.Totals;
import org.fiscalscope.extract.TextDecoder;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.junit.jupiter.api.Test;

/**
 * Generated unit-years rendered as standard tables (XLSX, XLS, CSV; 元 and 万元; every layout the generator varies)
 * read back to exactly the generated figures, with no finding unless a contradiction was planted in the tables.
 */
class StandardTablesRoundTripTest {

  private static final GeneratorSpec SPEC = new GeneratorSpec(110, 2, 2024, 20251135L);

  /** What one pass compared. */
  private record Tally(int files, int figures, List<String> differences, Set<String> kinds) {}

  private static List<FinalAccount> documents() {
    List<FinalAccount> docs = new ArrayList<>();
    Iterator<FinalAccount> it = new DistrictGenerator(SPEC).documents();
    while (it.hasNext()) {
      docs.add(it.next());
    }
    return docs;
  }

  /**
   * Unit-years whose planted anomaly puts a contradiction into one table. Procurement is in no table, and personnel
   * plus public expense against basic expenditure compares 06 (一般公共预算 funds) with 03 (all funds), which may
   * differ, so neither shows.
   */
  private static Set<String> contradictions() {
    return new DistrictGenerator(SPEC).anomalies().stream()
        .filter(a -> a.kind().equals("parts_not_adding_up") && !a.subject().equals("procurement")
            && !a.detail().startsWith("personnel"))
        .map(a -> a.unitCode() + "-" + a.fiscalYear()).collect(Collectors.toSet());
  }

  private static FinalAccount read(List<StandardTablesReader.TableFile> files) {
    StandardTablesReader.Result r = StandardTablesReader.read(files);
    if (r instanceof StandardTablesReader.Result.Refused refused) {
      throw new AssertionError(refused.reason());
    }
    return assertInstanceOf(StandardTablesReader.Result.Read.class, r).document();
  }

  private static void compare(FinalAccount generated, FinalAccount read, Set<String> contradictions, List<String> out,
      String file) {
    if (!generated.unit().name().equals(read.unit().name()) || !generated.unit().code().equals(read.unit().code())
        || !generated.fiscalYear().equals(read.fiscalYear())) {
      out.add(file + ": unit/year " + read.unit() + " " + read.fiscalYear());
    }
    Map<String, BigDecimal> want = TableFigures.of(generated, StandardTablesRenderer.functionLines(generated));
    Map<String, BigDecimal> have = TableFigures.of(read, read.functions());
    TableFigures.differences(want, have).forEach(d -> out.add(file + ": " + d));
    boolean planted = contradictions.contains(generated.unit().code() + "-" + generated.fiscalYear());
    if (planted == read.findings().isEmpty()) {
      out.add(file + ": " + (planted ? "planted contradiction not found" : "findings " + read.findings()));
    }
  }

  @Test
  void workbooksReadBackToTheGeneratedFigures() {
    Set<String> contradictions = contradictions();
    List<String> differences = new ArrayList<>();
    int files = 0;
    int figures = 0;
    int yuan = 0;
    int xls = 0;
    long started = System.nanoTime();
    for (FinalAccount doc : documents()) {
      TablesStyle style = TablesStyle.of(doc.unit().code());
      StandardTablesRenderer.WorkbookFormat format = files % 2 == 0
          ? StandardTablesRenderer.WorkbookFormat.XLSX : StandardTablesRenderer.WorkbookFormat.XLS;
      String name = doc.unit().code() + "-" + doc.fiscalYear() + "." + format.name().toLowerCase();
      byte[] bytes = StandardTablesRenderer.workbook(doc, format, style);
      FinalAccount back = read(List.of(new StandardTablesReader.TableFile(name, bytes)));
      compare(doc, back, contradictions, differences, name);
      figures += TableFigures.of(doc, StandardTablesRenderer.functionLines(doc)).size();
      files++;
      yuan += style.inYuan() ? 1 : 0;
      xls += format == StandardTablesRenderer.WorkbookFormat.XLS ? 1 : 0;
    }
    System.out.printf("standard tables, workbooks: %d files (%d XLS, %d in 元), %d figures compared, %d differences,"
        + " %d planted contradiction(s) found, no finding elsewhere, %.1f s%n", files, xls, yuan, figures,
        differences.size(), contradictions.size(), (System.nanoTime() - started) / 1e9);
    assertTrue(files >= 200 && xls >= 100 && yuan >= 30 && files - yuan >= 30, "a mix of formats and units");
    assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())));
  }

  @Test
  void csvExportsReadBackToTheGeneratedFigures() {
    Set<String> contradictions = contradictions();
    List<String> differences = new ArrayList<>();
    int sets = 0;
    int files = 0;
    int joined = 0;
    int figures = 0;
    long started = System.nanoTime();
    for (FinalAccount doc : documents()) {
      Map<String, byte[]> csv = StandardTablesRenderer.csv(doc, TablesStyle.of(doc.unit().code()));
      List<StandardTablesReader.TableFile> set = new ArrayList<>();
      if (sets % 4 == 3) {
        String all = csv.values().stream().map(TextDecoder::plainText).collect(Collectors.joining("\r\n"));
        set.add(new StandardTablesReader.TableFile("all-tables.csv", all.getBytes(StandardCharsets.UTF_8)));
        joined++;
      } else {
        csv.forEach((name, bytes) -> set.add(new StandardTablesReader.TableFile(name, bytes)));
      }
      compare(doc, read(set), contradictions, differences, doc.unit().code() + "-" + doc.fiscalYear() + " CSV");
      figures += TableFigures.of(doc, StandardTablesRenderer.functionLines(doc)).size();
      sets++;
      files += csv.size();
    }
    System.out.printf("standard tables, CSV: %d sets (%d files; %d sets as one file of nine tables), %d figures"
        + " compared, %d differences, %.1f s%n", sets, files, joined, figures, differences.size(),
        (System.nanoTime() - started) / 1e9);
    assertTrue(sets >= 200, "200 or more CSV sets");
    assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())));
  }

  @Test
  void contradictionsPutIntoTheTablesAreFound() {
    List<FinalAccount> docs = documents().subList(0, 30);
    for (int i = 0; i < docs.size(); i++) {
      FinalAccount doc = docs.get(i);
      Totals t = doc.totals();
      String expected;
      FinalAccount changed;
      switch (i % 3) {
        case 0 -> {
          List<FunctionLine> fns = new ArrayList<>(doc.functions());
          FunctionLine f = fns.get(0);
          fns.set(0, new FunctionLine(f.code(), f.name(), f.budgetInitial(), f.actual().add(BigDecimal.ONE), null, null));
          changed = with(doc, t, fns, doc.threePublic());
          expected = "sum.table_total";
        }
        case 1 -> {
          changed = with(doc, new Totals(t.incomeTotal(), t.expenditureTotal(), t.incomeThisYear(),
              t.expenditureThisYear(), t.carryoverBegin(), t.carryoverEnd(), t.fiscalAppropriationIncome(),
              t.generalBudgetAppropriation(), t.govFundAppropriation(), t.soeCapitalAppropriation(),
              t.basicExpenditure().add(BigDecimal.ONE), t.projectExpenditure(), t.personnelExpense(),
              t.publicExpense(), t.budgetInitial(), t.actualFinal(), null, null, null, null, t.staffAuthorised(),
              t.staffActual(), t.staffInService()), doc.functions(),
              doc.threePublic());
          expected = "sum.row_split";
        }
        default -> {
          ThreePublicAmounts a = doc.threePublic().actual();
          ThreePublic tp = doc.threePublic();
          changed = with(doc, t, doc.functions(), new ThreePublic(tp.budget(), new ThreePublicAmounts(
              a.outboundTravel(), a.vehiclePurchase(), a.vehicleOperation(), a.reception(),
              a.total().add(new BigDecimal("0.50"))), null, null, null, null, null, null));
          expected = "sum.three_public_actual";
        }
      }
      FinalAccount back = read(List.of(new StandardTablesReader.TableFile("c.xlsx", StandardTablesRenderer.workbook(
          changed, StandardTablesRenderer.WorkbookFormat.XLSX, TablesStyle.of(doc.unit().code())))));
      assertTrue(back.findings().stream().anyMatch(f -> f.rule().equals(expected)),
          doc.unit().code() + " " + expected + ": " + back.findings());
    }
  }

  private static FinalAccount with(FinalAccount d, Totals totals, List<FunctionLine> functions, ThreePublic tp) {
    return new FinalAccount(d.schemaVersion(), d.fiscalYear(), d.amountUnit(), d.unit(), d.source(), totals, functions,
        tp, d.operatingCosts(), d.procurement(), d.assets(), d.performance(), d.findings(), d.provenance());
  }

  @Test
  void yuanAndTenThousandYuanGiveTheSameDocument() {
    int compared = 0;
    for (FinalAccount doc : documents().subList(0, 40)) {
      TablesStyle style = TablesStyle.of(doc.unit().code());
      FinalAccount inYuan = read(List.of(new StandardTablesReader.TableFile("y.xlsx",
          StandardTablesRenderer.workbook(doc, StandardTablesRenderer.WorkbookFormat.XLSX, style.withAmountsInYuan()))));
      FinalAccount inWan = read(List.of(new StandardTablesReader.TableFile("w.xls",
          StandardTablesRenderer.workbook(doc, StandardTablesRenderer.WorkbookFormat.XLS,
              style.withAmountsInTenThousandYuan()))));
      Map<String, BigDecimal> a = TableFigures.of(inYuan, inYuan.functions());
      Map<String, BigDecimal> b = TableFigures.of(inWan, inWan.functions());
      assertEquals(List.of(), TableFigures.differences(a, b), doc.unit().code() + "-" + doc.fiscalYear());
      assertEquals(inYuan.findings(), inWan.findings(), "the same findings in 元 and 万元");
      compared += a.size();
    }
    assertTrue(compared > 40 * 30, "figures compared: " + compared);
  }
}
