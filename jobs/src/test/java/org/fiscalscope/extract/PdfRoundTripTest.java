package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.generate.DisclosurePdfRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;

/**
 * Generated documents rendered as PDF (ruled tables, wrapped and merged cells, tables across page breaks, running
 * headers and footers) and read back give their figures with zero differences, every figure on a page of the PDF.
 */
class PdfRoundTripTest {

  static final int RANDOM_DOCUMENTS = 200;
  static final int DISTRICT_UNITS = 10;

  @Test
  void renderedPdfsReadBackToTheirFigures() {
    DisclosurePdfRenderer renderer = new DisclosurePdfRenderer();
    List<FinalAccount> documents = new ArrayList<>();
    RandomFinalAccounts random = new RandomFinalAccounts(20240613L);
    for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
      documents.add(random.next());
    }
    Iterator<FinalAccount> district = new DistrictGenerator(GeneratorSpec.of(DISTRICT_UNITS, 3, 20240601L)).documents();
    district.forEachRemaining(documents::add);

    List<String> failures = new ArrayList<>();
    int clean = 0;
    int figures = 0;
    int pages = 0;
    int tableBreaks = 0;
    for (int i = 0; i < documents.size(); i++) {
      FinalAccount original = documents.get(i);
      DisclosurePdfRenderer.Rendered pdf = renderer.render(original, new Random(i));
      pages += pdf.pages();
      tableBreaks += pdf.tableBreaks();
      FinalAccount back = DisclosureExtractor.extractPdf(pdf.pdf(), "doc-" + i + ".pdf");
      List<String> diffs = new ArrayList<>();
      RoundTripTest.diff(RoundTripTest.figures(original), RoundTripTest.figures(back), "", diffs);
      for (var e : back.provenance().entrySet()) {
        Provenance p = e.getValue();
        if (p.page() == null || p.page() < 1 || p.page() > pdf.pages()) {
          diffs.add(e.getKey() + " points at page " + p.page() + " of " + pdf.pages());
        }
      }
      figures += back.provenance().size();
      if (diffs.isEmpty()) {
        clean++;
      } else if (failures.size() < 20) {
        failures.add("document " + i + ": " + diffs);
      }
      assertEquals("pdf", back.source().kind(), "the source is the PDF");
    }
    System.out.println("PDF round trip: " + clean + " of " + documents.size() + " documents (" + pages + " pages, "
        + tableBreaks + " tables across a page break) read back with zero differences, " + figures
        + " figures with their page");
    assertTrue(documents.size() >= 230, "at least 230 documents, got " + documents.size());
    assertTrue(tableBreaks >= 20, "tables cross page breaks, got " + tableBreaks);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
