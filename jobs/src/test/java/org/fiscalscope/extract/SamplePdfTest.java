package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.generate.SampleTextPdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real sample disclosure laid back out as a PDF (its page breaks, its page numbers at the foot, its flattened
 * table rows as ruled cells at column positions, drawn column by column) reads to the same figures as its text.
 */
class SamplePdfTest {

  private static String text;
  private static byte[] pdf;

  @BeforeAll
  static void render() {
    text = new String(Corpus.bytes(Corpus.SAMPLE), StandardCharsets.UTF_8);
    pdf = SampleTextPdf.render(text);
  }

  @Test
  void thePdfGivesEveryFigureOfTheText() {
    FinalAccount fromText = DisclosureExtractor.extract(text, "qingshan.txt");
    FinalAccount fromPdf = DisclosureExtractor.extractPdf(pdf, "qingshan.pdf");
    List<String> diffs = new ArrayList<>();
    RoundTripTest.diff(RoundTripTest.figures(fromText), RoundTripTest.figures(fromPdf), "", diffs);
    System.out.println("sample PDF: " + fromPdf.provenance().size() + " figures compared with the text's "
        + fromText.provenance().size() + ", " + diffs.size() + " differences");
    assertEquals(List.of(), diffs, "the PDF reads to the text's figures");
    assertEquals(fromText.provenance().keySet(), fromPdf.provenance().keySet(), "the same figures have provenance");
    assertEquals(rules(fromText), rules(fromPdf), "the same consistency findings");
    assertEquals("pdf", fromPdf.source().kind());
  }

  @Test
  void everyFigurePointsAtItsPage() throws IOException {
    FinalAccount doc = DisclosureExtractor.extractPdf(pdf, "qingshan.pdf");
    int pages;
    try (PDDocument d = Loader.loadPDF(pdf)) {
      pages = d.getNumberOfPages();
    }
    for (Map.Entry<String, Provenance> e : doc.provenance().entrySet()) {
      Provenance p = e.getValue();
      assertTrue(p.page() != null && p.page() >= 1 && p.page() <= pages, e.getKey() + " has a page: " + p);
    }
    Provenance budget = doc.provenance().get("/totals/budget_initial");
    assertTrue(budget.text().contains("574.45"), "the line that states the figure: " + budget);
    int first = doc.provenance().get("/totals/income_total").page();
    int last = doc.provenance().get("/performance/projects/0/total_score").page();
    assertTrue(first < last, "the totals come before the project tables: page " + first + " and " + last);
  }

  /** The page draws its cells column by column: text in drawing order loses table figures the layout keeps. */
  @Test
  void drawingOrderAloneLosesTableFigures() throws IOException {
    String plain;
    try (PDDocument d = Loader.loadPDF(pdf)) {
      plain = new PDFTextStripper().getText(d);
    }
    FinalAccount fromPlain = DisclosureExtractor.extract(plain, "plain.txt");
    FinalAccount fromPdf = DisclosureExtractor.extractPdf(pdf, "qingshan.pdf");
    List<String> diffs = new ArrayList<>();
    RoundTripTest.diff(RoundTripTest.figures(fromPdf), RoundTripTest.figures(fromPlain), "", diffs);
    assertFalse(diffs.isEmpty(), "text in drawing order reads the tables differently");
  }

  private static List<String> rules(FinalAccount doc) {
    return doc.findings().stream().map(Finding::rule).sorted().toList();
  }
}
