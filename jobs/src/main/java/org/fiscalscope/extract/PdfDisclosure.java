package org.fiscalscope.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.problem.Problem;

/**
 * A disclosure published as PDF → the text the extractor reads, page by page, with tables recovered from the page
 * layout ({@link PageLines}) and running page headers and footers left out. Refuses, in one sentence each, what
 * cannot be read: a PDF that needs a password, a scan without a text layer, a damaged or truncated file, too many
 * pages, one that needs more memory than {@link #MAX_MEMORY_BYTES} to parse, and one built to exhaust its reader
 * (a compression bomb, nesting deeper than a reader follows: {@link PdfLimits}). Stateless: call it from any executor.
 */
public final class PdfDisclosure {

  /** A final-account disclosure runs to some dozens of pages; a file far longer is something else. */
  public static final int MAX_PAGES = 500;
  /** The most memory PDFBox may use besides the file's own bytes (decoded streams, fonts). */
  public static final long MAX_MEMORY_BYTES = 256L << 20;

  private static final Pattern PAGE_NUMBER = Pattern.compile("[-—–第页共,/\\s#]*#[-—–第页共,/\\s#]*");
  /** Running headers and footers sit in this share of the page height at its top and bottom. */
  private static final float MARGIN_SHARE = 0.09f;

  /**
   * The text of a PDF, the page each of its lines comes from, and for each line its table cells by column (null for
   * a line of running text), as {@link TableColumns} places them.
   */
  public record Text(String text, int[] pageOfLine, List<List<String>> cells) {

    /** The 1-based page of a 1-based line of {@link #text()}. */
    public int page(int line) {
      return pageOfLine[Math.max(0, Math.min(line - 1, pageOfLine.length - 1))];
    }

    /** The provenance with the page of every figure's line filled in. */
    public Map<String, Provenance> withPages(Map<String, Provenance> provenance) {
      Map<String, Provenance> out = new LinkedHashMap<>();
      provenance.forEach((field, p) -> out.put(field,
          p.line() == null ? p : new Provenance(page(p.line()), p.line(), p.text())));
      return out;
    }
  }

  private PdfDisclosure() {}

  /**
   * The text of one PDF.
   *
   * @throws org.fiscalscope.FiscalScopeException with one sentence naming the file, what is wrong and what to send instead
   */
  public static Text read(byte[] pdf, String fileName) {
    String file = fileName == null ? "the file" : fileName;
    checkEnvelope(pdf, file);
    PDFParser parser;
    try {
      parser = new PDFParser(new RandomAccessReadBuffer(pdf), "", null, null,
          MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY_BYTES).streamCache);
    } catch (IOException e) {
      throw Problem.PDF_DAMAGED.with(firstLine(e.getMessage())).failure(file);
    }
    try (PDDocument document = parser.parse()) {
      int pages = document.getNumberOfPages();
      if (pages > MAX_PAGES) {
        throw Problem.PDF_TOO_MANY_PAGES.with(pages, MAX_PAGES).failure(file);
      }
      PdfLimits.check(parser, document, file);
      return text(document, pages, file);
    } catch (InvalidPasswordException e) {
      throw Problem.PDF_PASSWORD.with().failure(file);
    } catch (IOException e) {
      String why = firstLine(e.getMessage());
      if (why.contains("Maximum allowed") && why.contains("memory")) {
        throw Problem.PDF_TOO_MUCH_MEMORY.with(MAX_MEMORY_BYTES >> 20).failure(file);
      }
      throw Problem.PDF_DAMAGED.with(why).failure(file);
    }
  }

  /** A PDF starts with %PDF- and ends with %%EOF; a download cut short lacks the end, which PDFBox would forgive. */
  private static void checkEnvelope(byte[] pdf, String file) {
    if (indexOf(pdf, "%PDF-", 0, Math.min(pdf.length, 1024)) < 0) {
      throw Problem.PDF_NOT_A_PDF.with().failure(file);
    }
    if (indexOf(pdf, "%%EOF", Math.max(0, pdf.length - 2048), pdf.length) < 0) {
      throw Problem.PDF_TRUNCATED.with(pdf.length).failure(file);
    }
  }

  private static Text text(PDDocument document, int pages, String file) throws IOException {
    PdfPageReader reader = new PdfPageReader(document);
    List<List<PageLines.Line>> lines = new ArrayList<>(pages);
    float[] heights = new float[pages];
    int withText = 0;
    int images = 0;
    for (int p = 1; p <= pages; p++) {
      LaidOutPage page;
      try {
        page = reader.read(p);
      } catch (IOException | RuntimeException e) {
        throw Problem.PDF_PAGE_UNREADABLE.with(p, firstLine(e.getMessage())).failure(file + ":");
      }
      heights[p - 1] = page.height();
      withText += page.hasText() ? 1 : 0;
      images += page.images();
      lines.add(PageLines.of(page));
    }
    if (withText == 0) {
      org.fiscalscope.problem.Text held = org.fiscalscope.problem.Text.of(pages + " page" + (pages > 1 ? "s hold" : " holds"),
          pages > 1 ? "全部 " + pages + " 页都" : "唯一的一页");
      throw (images > 0 ? Problem.PDF_NO_TEXT_LAYER : Problem.PDF_NO_TEXT_OR_IMAGES).with(held).failure(file);
    }
    dropRunningLines(heights, lines);
    StringBuilder text = new StringBuilder();
    List<Integer> pageOfLine = new ArrayList<>();
    for (int p = 0; p < pages; p++) {
      for (PageLines.Line line : lines.get(p)) {
        text.append(line.text()).append('\n');
        pageOfLine.add(p + 1);
      }
    }
    return new Text(text.toString(), pageOfLine.stream().mapToInt(Integer::intValue).toArray(), TableColumns.of(lines));
  }

  /**
   * Leaves out running headers and footers: the first or last line of a page, inside the page's top or bottom
   * margin, that repeats (digits aside) on at least half of the pages, and page numbers such as "- 3 -" or 第3页.
   */
  private static void dropRunningLines(float[] heights, List<List<PageLines.Line>> lines) {
    Map<String, Integer> count = new HashMap<>();
    for (int p = 0; p < heights.length; p++) {
      for (String key : marginKeys(heights[p], lines.get(p)).values()) {
        count.merge(key, 1, Integer::sum);
      }
    }
    int needed = Math.max(2, (heights.length + 1) / 2);
    for (int p = 0; p < heights.length; p++) {
      Map<PageLines.Line, String> keys = marginKeys(heights[p], lines.get(p));
      lines.get(p).removeIf(line -> {
        String key = keys.get(line);
        return key != null && (count.get(key) >= needed || PAGE_NUMBER.matcher(key.substring(2)).matches());
      });
    }
  }

  /** The first and last line of a page when they lie in its margins and are not table rows, keyed by place and text. */
  private static Map<PageLines.Line, String> marginKeys(float height, List<PageLines.Line> lines) {
    Map<PageLines.Line, String> keys = new HashMap<>();
    if (lines.isEmpty()) {
      return keys;
    }
    PageLines.Line first = lines.get(0);
    PageLines.Line last = lines.get(lines.size() - 1);
    if (!first.tableRow() && first.top() < MARGIN_SHARE * height) {
      keys.put(first, "t:" + shape(first.text()));
    }
    if (!last.tableRow() && last.top() > (1 - MARGIN_SHARE) * height) {
      keys.put(last, "b:" + shape(last.text()));
    }
    return keys;
  }

  /** A line with its digits as # and without spaces, so "- 3 -" and "- 4 -" look alike. */
  private static String shape(String text) {
    return text.replaceAll("[0-9０-９]+", "#").replace(" ", "");
  }

  private static int indexOf(byte[] haystack, String needle, int from, int to) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = from; i + n.length <= to; i++) {
      for (int k = 0; k < n.length; k++) {
        if (haystack[i + k] != n[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String firstLine(String s) {
    if (s == null || s.isBlank()) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    String line = (nl > 0 ? s.substring(0, nl) : s).strip();
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
