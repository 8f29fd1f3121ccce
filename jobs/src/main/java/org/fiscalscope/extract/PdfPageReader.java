package org.fiscalscope.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.fiscalscope.extract.LaidOutPage.Glyph;
import org.fiscalscope.extract.LaidOutPage.Rule;

/**
 * One page of a loaded PDF → {@link LaidOutPage}: PDFBox's text stripper supplies the characters (with its handling
 * of fonts, ActualText spans and overprinted duplicates), a graphics pass supplies the straight lines that rule
 * tables and counts the images. Not thread-safe: one reader per document.
 */
final class PdfPageReader {

  /** Beyond this many ruling segments a page is a drawing, not a table; its text is read without cells. */
  static final int MAX_RULES = 5_000;

  private final PDDocument document;
  private final GlyphCollector glyphs = new GlyphCollector();

  PdfPageReader(PDDocument document) {
    this.document = document;
  }

  /** The page with the 1-based {@code number}. */
  LaidOutPage read(int number) throws IOException {
    PDPage page = document.getPage(number - 1);
    PDRectangle box = page.getCropBox();
    List<Glyph> text = glyphs.collect(document, number);
    RuleCollector graphics = new RuleCollector(page, box);
    graphics.processPage(page);
    List<Rule> rules = page.getRotation() % 360 == 0 && graphics.rules.size() <= MAX_RULES ? graphics.rules : List.of();
    return new LaidOutPage(box.getWidth(), box.getHeight(), text, rules, graphics.images);
  }

  /** The characters of one page, in the order the page draws them, with coordinates adjusted to the text direction. */
  private static final class GlyphCollector extends PDFTextStripper {

    private List<Glyph> out;

    List<Glyph> collect(PDDocument document, int number) throws IOException {
      out = new ArrayList<>();
      setStartPage(number);
      setEndPage(number);
      writeText(document, Writer.nullWriter());
      return out;
    }

    @Override
    protected void writePage() {
      for (List<TextPosition> article : charactersByArticle) {
        for (TextPosition t : article) {
          String unicode = t.getUnicode();
          if (unicode != null && !unicode.isEmpty()) {
            out.add(new Glyph(t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size(t), unicode));
          }
        }
      }
    }

    /** The size the character is printed at; the height when the font size is folded into the text matrix. */
    private static float size(TextPosition t) {
      float size = t.getFontSizeInPt();
      return size > 1 ? size : Math.max(1, t.getHeightDir() * 1.4f);
    }
  }

  /**
   * Collects the axis-parallel segments of stroked and filled paths (lines, rectangle edges, thin filled bars) in
   * top-down page coordinates, and counts images. Text is skipped here: the stripper reads it.
   */
  private static final class RuleCollector extends PDFGraphicsStreamEngine {

    private static final float STRAIGHT = 0.5f;
    private static final float SHORTEST = 2f;

    final List<Rule> rules = new ArrayList<>();
    int images;
    private final PDRectangle box;
    private final List<float[]> path = new ArrayList<>();
    private Point2D current = new Point2D.Float();
    private Point2D start = new Point2D.Float();

    RuleCollector(PDPage page, PDRectangle box) {
      super(page);
      this.box = box;
    }

    @Override
    public void showTextString(byte[] string) {
      // the text pass reads text
    }

    @Override
    public void showTextStrings(COSArray array) {
      // the text pass reads text
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      segment(p0, p1);
      segment(p1, p2);
      segment(p2, p3);
      segment(p3, p0);
      current = p0;
      start = p0;
    }

    @Override
    public void moveTo(float x, float y) {
      current = new Point2D.Float(x, y);
      start = current;
    }

    @Override
    public void lineTo(float x, float y) {
      Point2D to = new Point2D.Float(x, y);
      segment(current, to);
      current = to;
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
      return current;
    }

    @Override
    public void closePath() {
      segment(current, start);
      current = start;
    }

    @Override
    public void endPath() {
      path.clear();
    }

    @Override
    public void strokePath() {
      commit();
    }

    @Override
    public void fillPath(int windingRule) {
      commit();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
      commit();
    }

    @Override
    public void clip(int windingRule) {
      // a clipping path draws nothing; endPath discards it
    }

    @Override
    public void drawImage(PDImage pdImage) {
      images++;
    }

    @Override
    public void shadingFill(COSName shadingName) {
      // shading draws no rule
    }

    private void segment(Point2D a, Point2D b) {
      path.add(new float[] {(float) a.getX(), (float) a.getY(), (float) b.getX(), (float) b.getY()});
    }

    private void commit() {
      for (float[] s : path) {
        if (rules.size() > MAX_RULES) {
          break;
        }
        float x0 = s[0] - box.getLowerLeftX();
        float x1 = s[2] - box.getLowerLeftX();
        float y0 = box.getUpperRightY() - s[1];
        float y1 = box.getUpperRightY() - s[3];
        if (Math.abs(y0 - y1) < STRAIGHT && Math.abs(x1 - x0) >= SHORTEST) {
          float y = (y0 + y1) / 2;
          rules.add(new Rule(Math.min(x0, x1), y, Math.max(x0, x1), y));
        } else if (Math.abs(x0 - x1) < STRAIGHT && Math.abs(y1 - y0) >= SHORTEST) {
          float x = (x0 + x1) / 2;
          rules.add(new Rule(x, Math.min(y0, y1), x, Math.max(y0, y1)));
        }
      }
      path.clear();
    }
  }
}
