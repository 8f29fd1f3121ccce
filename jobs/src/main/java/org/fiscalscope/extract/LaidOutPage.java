package org.fiscalscope.extract;

import java.util.List;

/**
 * What one PDF page holds for reading, in points from the page's top-left corner: the characters as drawn, the
 * straight ruling lines (table borders) and how many images. Plain data, so the layout logic runs without PDFBox.
 */
record LaidOutPage(float width, float height, List<Glyph> glyphs, List<Rule> rules, int images) {

  /** One character as drawn: left edge, baseline (from the top), advance width, font size and its Unicode text. */
  record Glyph(float x, float baseline, float width, float size, String text) {

    float centreX() {
      return x + width / 2;
    }

    /** Halfway up the body of a character, which sits above the baseline. */
    float centreY() {
      return baseline - size * 0.35f;
    }

    boolean isBlank() {
      return text.isBlank();
    }
  }

  /** A horizontal ({@code y0 == y1}) or vertical ({@code x0 == x1}) ruling segment, from the smaller coordinate. */
  record Rule(float x0, float y0, float x1, float y1) {

    boolean horizontal() {
      return y0 == y1;
    }
  }

  /** Whether any character other than white space is drawn on the page. */
  boolean hasText() {
    return glyphs.stream().anyMatch(g -> !g.isBlank());
  }
}
