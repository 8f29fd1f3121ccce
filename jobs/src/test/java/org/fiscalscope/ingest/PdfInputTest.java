package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.PdfDisclosure;
import org.fiscalscope.generate.DisclosurePdfRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A disclosure PDF is read with the page of every figure, or refused with one sentence saying what to send. */
class PdfInputTest {

  private static final String SHA = "0".repeat(64);
  private static byte[] disclosure;

  @BeforeAll
  static void render() {
    disclosure = disclosure();
  }

  /** A generated unit's disclosure as PDF. */
  static byte[] disclosure() {
    FinalAccount doc = new DistrictGenerator(GeneratorSpec.of(1, 1, 7L)).documents().next();
    return new DisclosurePdfRenderer().render(doc, new Random(1)).pdf();
  }

  private static String reason(String path, byte[] pdf) {
    return assertInstanceOf(ReadOutcome.Rejected.class, DocumentReader.read(path, pdf, SHA)).reason();
  }

  @Test
  void aDisclosurePdfIsReadAsKindPdfWithPages() {
    FinalAccount doc = assertInstanceOf(ReadOutcome.Accepted.class,
        DocumentReader.read("in/unit.pdf", disclosure, SHA)).document();
    assertEquals("pdf", doc.source().kind());
    assertEquals(SHA, doc.source().sha256());
    assertTrue(doc.provenance().values().stream().allMatch(p -> p.page() != null && p.page() >= 1),
        "every figure names its page");
  }

  @Test
  void aPdfThatNeedsAPasswordIsRefused() throws IOException {
    assertEquals("locked.pdf: is protected with a password, which cannot be opened here; send the PDF without a"
        + " password (or the disclosure text).", reason("locked.pdf", encrypted("user-secret")));
  }

  @Test
  void aPdfProtectedOnlyAgainstEditingOpensWithoutAPasswordAndIsRead() throws IOException {
    assertInstanceOf(ReadOutcome.Accepted.class, DocumentReader.read("owner.pdf", encrypted(""), SHA));
  }

  @Test
  void aScanWithoutTextIsRefused() throws IOException {
    assertEquals("scan.pdf: has no text layer (a scan?): its 2 pages hold only images — send the PDF with text, or"
        + " the tables as a workbook.", reason("scan.pdf", scan(2)));
  }

  @Test
  void aTruncatedPdfIsRefused() {
    byte[] half = Arrays.copyOf(disclosure, disclosure.length / 2);
    assertEquals("cut.pdf: is truncated (a PDF ends with %%EOF, this one stops after " + half.length
        + " bytes); send the whole file again.", reason("cut.pdf", half));
  }

  @Test
  void aDamagedPdfIsRefused() {
    byte[] damaged = disclosure.clone();
    for (int i = 16; i < damaged.length - 64; i++) {
      damaged[i] = (byte) (i * 31);
    }
    String why = reason("damaged.pdf", damaged);
    assertTrue(why.startsWith("damaged.pdf: is a damaged PDF (") && why.endsWith("; export it again from the original"
        + " document and send it once more."), why);
  }

  @Test
  void textNamedPdfAndTooManyPagesAreRefused() throws IOException {
    assertEquals("notes.pdf: is not a PDF (it does not start with %PDF-); send the disclosure as a PDF, or rename the"
        + " file to its real type.", reason("notes.pdf", "部门决算".getBytes(StandardCharsets.UTF_8)));
    int pages = PdfDisclosure.MAX_PAGES + 1;
    assertEquals("long.pdf: has " + pages + " pages, more than the " + PdfDisclosure.MAX_PAGES + " read from one file;"
        + " send the unit's final-account disclosure on its own.", reason("long.pdf", blankPages(pages)));
  }

  private static byte[] encrypted(String userPassword) throws IOException {
    try (PDDocument doc = Loader.loadPDF(disclosure)) {
      AccessPermission readOnly = new AccessPermission();
      readOnly.setCanModify(false);
      doc.protect(new StandardProtectionPolicy("owner-secret", userPassword, readOnly));
      return bytes(doc);
    }
  }

  private static byte[] scan(int pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      BufferedImage paper = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        PDImageXObject image = LosslessFactory.createFromImage(doc, paper);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
      }
      return bytes(doc);
    }
  }

  private static byte[] blankPages(int pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (int p = 0; p < pages; p++) {
        doc.addPage(new PDPage());
      }
      return bytes(doc);
    }
  }

  private static byte[] bytes(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
