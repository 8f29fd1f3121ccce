package org.fiscalscope.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lays a disclosure text extracted from a PDF back out as a PDF, the way the original looked: a new page where the
 * text starts one (a line beginning with a space) or after a page number standing alone, the page number at the
 * page's foot, and the flattened table rows of the tables part (第二部分) and the annex (第六部分) as ruled cells at
 * column positions. The cells of each page are drawn last and column by column, so the page's own drawing order
 * scrambles the rows and only a reader that follows the layout gets them back.
 */
public final class SampleTextPdf {

  private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,3}");
  private static final float SIZE = 10;
  private static final float LINE = SIZE * 1.45f;

  private record Token(String text, float x, float baseline, float size, int column) {}

  private SampleTextPdf() {}

  public static byte[] render(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    PdfPages pages = new PdfPages(CjkFont.load());
    List<Token> cells = new ArrayList<>();
    boolean tables = false;
    pages.newPage();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      boolean blankAround = i > 0 && lines[i - 1].isBlank() && (i + 1 == lines.length || lines[i + 1].isBlank());
      if (t.isEmpty()) {
        pages.moveDown(LINE * 0.3f);
        continue;
      }
      if (PAGE_NUMBER.matcher(t).matches() && blankAround) {
        pages.text((PdfPages.PAGE.getWidth() - pages.textWidth(t, 8)) / 2, PdfPages.PAGE.getHeight() - 36, 8, t);
        drawCells(pages, cells);
        pages.newPage();
        continue;
      }
      if (i > 0 && line.startsWith(" ") && pages.pageStarted()) {
        drawCells(pages, cells);
        pages.newPage();
      }
      if (t.startsWith("第二部分") || t.startsWith("第六部分")) {
        tables = true;
      } else if (t.startsWith("第三部分")) {
        tables = false;
      }
      String[] tokens = t.split("\\s+");
      if (!pages.pageStarted() || pages.y() + LINE > PdfPages.BOTTOM) {
        drawCells(pages, cells);
        pages.ensure(LINE);
      }
      if (tables && tokens.length >= 2) {
        row(pages, tokens, cells);
      } else {
        float w = pages.textWidth(t, SIZE);
        float size = w > pages.width() ? SIZE * pages.width() / w : SIZE;
        pages.text(PdfPages.MARGIN, pages.y() + size * 1.05f, size, t);
      }
      pages.moveDown(LINE);
    }
    drawCells(pages, cells);
    return pages.finish(null, null);
  }

  /** The tokens of a flattened row at column positions, two character widths apart at least, in a ruled cell each. */
  private static void row(PdfPages pages, String[] tokens, List<Token> cells) {
    float size = SIZE;
    float grid = pages.width() / Math.max(6, tokens.length);
    for (int attempt = 0; attempt < 3; attempt++) {
      float end = PdfPages.MARGIN;
      for (int k = 0; k < tokens.length; k++) {
        float x = Math.max(PdfPages.MARGIN + k * grid, k == 0 ? PdfPages.MARGIN : end + 2 * size);
        end = x + pages.textWidth(tokens[k], size);
      }
      if (end <= PdfPages.MARGIN + pages.width()) {
        break;
      }
      size *= pages.width() / (end - PdfPages.MARGIN) * 0.98f;
      grid = pages.width() / Math.max(6, tokens.length);
    }
    float end = PdfPages.MARGIN;
    for (int k = 0; k < tokens.length; k++) {
      float x = Math.max(PdfPages.MARGIN + k * grid, k == 0 ? PdfPages.MARGIN : end + 2 * size);
      float w = pages.textWidth(tokens[k], size);
      cells.add(new Token(tokens[k], x, pages.y() + size * 1.05f, size, k));
      pages.rectangle(x - size / 2, pages.y(), w + size, LINE);
      end = x + w;
    }
  }

  /** The page's cells, column by column. */
  private static void drawCells(PdfPages pages, List<Token> cells) {
    cells.sort((a, b) -> a.column() != b.column() ? Integer.compare(a.column(), b.column())
        : Float.compare(a.baseline(), b.baseline()));
    for (Token t : cells) {
      pages.text(t.x(), t.baseline(), t.size(), t.text());
    }
    cells.clear();
  }
}
