package org.fiscalscope.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A PDF being written top to bottom on A4 pages: a cursor that moves down the page, text drawn with the embedded
 * Chinese font, ruled rectangles, and running headers and footers added to every page at the end. Coordinates are
 * in points from the page's top-left corner. A character the font lacks (☑ and Wingdings boxes) is drawn as ■
 * inside an ActualText span, so that text extraction still reads the original character.
 */
final class PdfPages {

  static final PDRectangle PAGE = PDRectangle.A4;
  static final float MARGIN = 56;
  static final float TOP = 80;
  static final float BOTTOM = PAGE.getHeight() - 80;
  private static final COSName ACTUAL_TEXT = COSName.getPDFName("ActualText");
  private static final COSName SPAN = COSName.getPDFName("Span");

  private final PDDocument document = new PDDocument();
  private final PDType0Font font;
  private final CmapLookup cmap;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream content;
  private float y = TOP;

  PdfPages(TrueTypeFont ttf) {
    try {
      this.font = PDType0Font.load(document, ttf, true /* embed the subset used */);
      this.cmap = ttf.getUnicodeCmapLookup();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The width between the margins. */
  float width() {
    return PAGE.getWidth() - 2 * MARGIN;
  }

  float y() {
    return y;
  }

  void moveDown(float height) {
    y += height;
  }

  int pageCount() {
    return pages.size();
  }

  /** Starts a page when none is open or {@code height} more does not fit on this one (unless it is still empty). */
  void ensure(float height) {
    if (content == null || y + height > BOTTOM && y > TOP) {
      newPage();
    }
  }

  void newPage() {
    closeContent();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    pages.add(page);
    try {
      content = new PDPageContentStream(document, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = TOP;
  }

  /** Whether anything but the cursor's start is on the current page. */
  boolean pageStarted() {
    return content != null && y > TOP;
  }

  float textWidth(String s, float size) {
    float w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += glyphWidth(cp, size);
      i += Character.charCount(cp);
    }
    return w;
  }

  float glyphWidth(int codePoint, float size) {
    try {
      return font.getStringWidth(new String(Character.toChars(printable(codePoint)))) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Draws text with its baseline at {@code baseline} (from the top of the page). */
  void text(float x, float baseline, float size, String s) {
    try {
      StringBuilder run = new StringBuilder();
      float at = x;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        if (printable(cp) == cp) {
          run.appendCodePoint(cp);
          continue;
        }
        at = show(at, baseline, size, run.toString());
        run.setLength(0);
        COSDictionary span = new COSDictionary();
        span.setString(ACTUAL_TEXT, new String(Character.toChars(cp)));
        content.beginMarkedContent(SPAN, PDPropertyList.create(span));
        at = show(at, baseline, size, new String(Character.toChars(printable(cp))));
        content.endMarkedContent();
      }
      show(at, baseline, size, run.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private float show(float x, float baseline, float size, String s) throws IOException {
    if (s.isEmpty()) {
      return x;
    }
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, PAGE.getHeight() - baseline);
    content.showText(s);
    content.endText();
    return x + textWidth(s, size);
  }

  /** The character itself when the font has it, else the stand-in drawn for it. */
  private int printable(int codePoint) {
    return codePoint == ' ' || cmap.getGlyphId(codePoint) != 0 ? codePoint : '■';
  }

  /** A stroked rectangle, its top-left corner at ({@code x}, {@code top}). */
  void rectangle(float x, float top, float w, float h) {
    try {
      content.setLineWidth(0.5f);
      content.addRect(x, PAGE.getHeight() - top - h, w, h);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the running header and the page footer (either may be null) to every page and returns the PDF. */
  byte[] finish(String header, FooterStyle footer) {
    closeContent();
    try {
      for (int i = 0; i < pages.size(); i++) {
        try (PDPageContentStream c = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND,
            true /* compress */)) {
          content = c;
          if (header != null) {
            text(MARGIN, 40, 8, header);
          }
          if (footer != null) {
            String foot = footer.text(i + 1, pages.size());
            text((PAGE.getWidth() - textWidth(foot, 8)) / 2, PAGE.getHeight() - 36, 8, foot);
          }
        }
      }
      content = null;
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        document.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void closeContent() {
    if (content != null) {
      try {
        content.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      content = null;
    }
  }

  /** How pages are numbered at their foot. */
  enum FooterStyle {
    DASHED, CHINESE, BARE, OF_TOTAL;

    String text(int page, int of) {
      return switch (this) {
        case DASHED -> "- " + page + " -";
        case CHINESE -> "第 " + page + " 页";
        case BARE -> String.valueOf(page);
        case OF_TOTAL -> "第 " + page + " 页 共 " + of + " 页";
      };
    }
  }
}
