package org.fiscalscope.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Source;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.generate.DisclosurePdfRenderer;
import org.fiscalscope.generate.DisclosureTemplate;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.fiscalscope.ingest.DocumentMerge;
import org.junit.jupiter.api.Test;

/**
 * The same standard tables sent as a workbook and printed inside a published PDF (ruled, with its 情况说明) give the
 * same figures — totals, appropriation by fund, 人员/公用经费, 三公, every functional line down to 项 — and the two
 * files of one unit-year merge without a disagreement.
 */
class WorkbookAndPdfTest {

  @Test
  void aWorkbookAndThePdfOfTheSameTablesGiveTheSameFigures() {
    DisclosurePdfRenderer renderer = new DisclosurePdfRenderer();
    Iterator<FinalAccount> docs = new DistrictGenerator(GeneratorSpec.of(14, 2, 20251205L)).documents();
    List<String> differences = new ArrayList<>();
    int compared = 0;
    int n = 0;
    while (docs.hasNext()) {
      FinalAccount doc = docs.next();
      String name = doc.unit().code() + "-" + doc.fiscalYear();
      byte[] xlsx = StandardTablesRenderer.workbook(doc, StandardTablesRenderer.WorkbookFormat.XLSX,
          TablesStyle.of(doc.unit().code()));
      FinalAccount fromWorkbook = assertInstanceOf(StandardTablesReader.Result.Read.class,
          StandardTablesReader.read(List.of(new StandardTablesReader.TableFile(name + ".xlsx", xlsx)))).document();
      byte[] pdf = renderer.render(doc, new Random(n++), DisclosureTemplate.NATIONAL.withStandardTables()).pdf();
      FinalAccount fromPdf = DisclosureExtractor.extractPdf(pdf, name + ".pdf");
      Map<String, BigDecimal> workbook = TableFigures.of(fromWorkbook, fromWorkbook.functions());
      Map<String, BigDecimal> printed = TableFigures.of(fromPdf, fromPdf.functions());
      TableFigures.differences(workbook, printed).forEach(d -> differences.add(name + ": " + d));
      compared += workbook.size();
      FinalAccount merged = DocumentMerge.merge(List.of(
          fromWorkbook.withSource(new Source("xlsx", name + ".xlsx", null)), fromPdf));
      merged.findings().stream().filter(f -> f.rule().equals(DocumentMerge.DISAGREE)).map(Finding::message)
          .forEach(m -> differences.add(name + " merged: " + m));
      assertTrue(fromPdf.provenance().values().stream().allMatch(p -> p.page() != null), "every figure on its page");
    }
    System.out.printf("workbook and PDF: %d unit-years, %d figures compared, %d differences%n", n, compared,
        differences.size());
    assertTrue(compared > n * 30, "figures compared: " + compared);
    assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())));
  }
}
