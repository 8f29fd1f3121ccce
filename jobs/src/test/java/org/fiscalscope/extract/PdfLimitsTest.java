package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * PDFs built to exhaust their reader are refused for what they are — a compression bomb, nesting deeper than the
 * reader follows — not as "no text layer (a scan?)"; what merely looks like them (brackets in strings, inline image
 * bytes) is read.
 */
class PdfLimitsTest {

  private static final String TEXT = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n";

  private static String refusal(byte[] pdf) {
    return assertThrows(org.fiscalscope.FiscalScopeException.class, () -> PdfDisclosure.read(pdf, "in.pdf")).getMessage();
  }

  @Test
  void aPageContentThatInflatesBeyondTheBudgetIsACompressionBomb() throws IOException {
    byte[] bomb = deflated(TEXT, ' ', PdfLimits.MAX_INFLATED_BYTES + (1 << 20));
    String why = refusal(Pdf.page(bomb, true, "", ""));
    assertTrue(why.startsWith("in.pdf inflates to more than 256 MB of page content, fonts and objects (object 4 0 R: ")
        && why.endsWith(" inflated) — a compression bomb, not a disclosure; export the PDF again from the original"
        + " document."), why);
  }

  @Test
  void aBombInAFormTheXrefDoesNotListIsFoundFromThePage() throws IOException {
    byte[] bomb = deflated(TEXT, '0', PdfLimits.MAX_INFLATED_BYTES + (1 << 20));
    String form = "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Filter /FlateDecode /Length " + bomb.length
        + " >>";
    byte[] pdf = Pdf.page("/X1 Do\n".getBytes(StandardCharsets.ISO_8859_1), false, "", "/XObject << /X1 6 0 R >>",
        Pdf.unlisted(6, form, bomb));
    assertTrue(refusal(pdf).startsWith("in.pdf inflates to more than 256 MB of page content, fonts and objects"
        + " (object 6 0 R: "), refusal(pdf));
  }

  @Test
  void contentNestedBeyondTheReadersDepthIsRefusedNamingThePage() {
    byte[] content = ("[".repeat(PdfLimits.MAX_NESTING + 1) + "\n" + TEXT).getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("in.pdf nests arrays or dictionaries more than 500 levels deep in the content of page 1, which no"
        + " disclosure does and the PDF reader here does not follow; export the PDF again from the original document.",
        refusal(Pdf.page(content, false, "", "")));
    byte[] dicts = ("<</A ".repeat(PdfLimits.MAX_NESTING + 1) + "\n" + TEXT).getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(refusal(Pdf.page(dicts, false, "", "")).contains("more than 500 levels deep in the content of page 1"));
  }

  @Test
  void anObjectNestedBeyondTheReadersDepthIsRefusedNamingTheObject() {
    String deep = "/X " + "[".repeat(2 * PdfLimits.MAX_NESTING) + "]".repeat(2 * PdfLimits.MAX_NESTING);
    assertEquals("in.pdf nests arrays or dictionaries more than 500 levels deep (object 3 0 R), which no disclosure"
        + " does and the PDF reader here does not follow; export the PDF again from the original document.",
        refusal(Pdf.page(TEXT.getBytes(StandardCharsets.ISO_8859_1), false, deep, "")));
  }

  @Test
  void bracketsInStringsAndInlineImageBytesAreNotNesting() {
    String strings = "BT /F1 12 Tf 72 500 Td (" + "[\\(".repeat(2 * PdfLimits.MAX_NESTING) + ") Tj ET\n";
    byte[] image = new byte[2 * PdfLimits.MAX_NESTING];
    Arrays.fill(image, (byte) '[');
    String inline = "q BI /W " + image.length + " /H 1 /CS /G /BPC 8 ID " + new String(image, StandardCharsets.ISO_8859_1)
        + " EI Q\n";
    String comment = "% " + "[".repeat(2 * PdfLimits.MAX_NESTING) + "\n";
    PdfDisclosure.Text read = PdfDisclosure.read(
        Pdf.page((strings + inline + comment + TEXT).getBytes(StandardCharsets.ISO_8859_1), false, "", ""), "in.pdf");
    assertTrue(read.text().contains("Hello"), read.text());
  }

  @Test
  void pagesWithNeitherTextNorImagesAreNotCalledAScan() {
    String why = refusal(Pdf.page("0 0 m 100 100 l S\n".getBytes(StandardCharsets.ISO_8859_1), false, "", ""));
    assertEquals("in.pdf has no text layer: its 1 page holds neither text nor images (text drawn as outlines?) — send"
        + " the PDF with text, or the tables as a workbook.", why);
  }

  /** {@code head}, then {@code fill} up to {@code bytes}, deflated fast. */
  private static byte[] deflated(String head, char fill, long bytes) throws IOException {
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) fill);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(1))) {
      d.write(head.getBytes(StandardCharsets.ISO_8859_1));
      for (long n = 0; n < bytes; n += chunk.length) {
        d.write(chunk);
      }
    }
    return out.toByteArray();
  }

  /** A one-page PDF written by hand, so it can be as hostile as a test needs. */
  static final class Pdf {

    private Pdf() {}

    /** An object after the cross-reference table's objects, which the table does not list. */
    static byte[] unlisted(int number, String dictionary, byte[] stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes((number + " 0 obj\n" + dictionary + "\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(stream);
      out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
      return out.toByteArray();
    }

    /**
     * Catalog (1), pages (2), page (3) with {@code pageExtra} in its dictionary and {@code resources} beside its font,
     * the page content (4, deflated already when {@code isDeflated}), a font (5), then {@code extra} unlisted.
     */
    static byte[] page(byte[] content, boolean isDeflated, String pageExtra, String resources, byte[]... extra) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<Integer> offsets = new ArrayList<>();
      write(out, "%PDF-1.7\n");
      offsets.add(out.size());
      write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
      offsets.add(out.size());
      write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
      offsets.add(out.size());
      write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " + pageExtra
          + " /Resources << /Font << /F1 5 0 R >> " + resources + " >> >>\nendobj\n");
      offsets.add(out.size());
      write(out, "4 0 obj\n<< /Length " + content.length + (isDeflated ? " /Filter /FlateDecode" : "") + " >>\nstream\n");
      out.writeBytes(content);
      write(out, "\nendstream\nendobj\n");
      offsets.add(out.size());
      write(out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
      for (byte[] e : extra) {
        out.writeBytes(e);
      }
      int xref = out.size();
      write(out, "xref\n0 6\n0000000000 65535 f \n");
      for (int o : offsets) {
        write(out, String.format("%010d 00000 n \n", o));
      }
      write(out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
      return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
      out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
  }
}
