package org.fiscalscope.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fiscalscope.extract.LaidOutPage.Glyph;
import org.fiscalscope.extract.LaidOutPage.Rule;

/**
 * A laid-out page → lines of text in reading order, the way the extractor reads flattened tables. Characters inside
 * a ruled table cell (a rule above, below, left and right of them) form that cell, whatever the order the page drew
 * them in and however many lines the cell wraps to; the cells whose top edge is the same rule form one table row,
 * printed as one line with its cells in column order, separated by a space. A cell merged over several rows is
 * printed with the first of them. Characters outside any cell are grouped into lines by baseline and ordered by x.
 */
final class PageLines {

  /**
   * One line of text and where it starts on the page (its top, in points); a table row also has its cells, left to
   * right, each with the x of the rules to its left and right.
   */
  record Line(float top, float x, String text, List<Span> cells) {

    boolean tableRow() {
      return cells != null;
    }
  }

  /** One table cell of a row: the x of the rules left and right of it, and its text. */
  record Span(float left, float right, String text) {}

  /** How far a rule may miss a character's centre and still bound it (rules meet at cell corners). */
  private static final float TOLERANCE = 1.0f;
  /** A "cell" taller than this share of the page is a frame around the text, not a table cell. */
  private static final float FRAME_SHARE = 0.4f;
  /** A "cell" with more lines than this is a box around running text, which is read line by line. */
  private static final int MAX_CELL_LINES = 12;

  private PageLines() {}

  static List<Line> of(LaidOutPage page) {
    List<Rule> horizontal = new ArrayList<>();
    List<Rule> vertical = new ArrayList<>();
    for (Rule r : page.rules()) {
      (r.horizontal() ? horizontal : vertical).add(r);
    }
    Map<CellKey, List<Glyph>> cells = new LinkedHashMap<>();
    List<Glyph> free = new ArrayList<>();
    for (Glyph g : page.glyphs()) {
      CellKey key = horizontal.isEmpty() || vertical.isEmpty() ? null : cellOf(g, horizontal, vertical);
      if (key == null) {
        free.add(g);
      } else {
        cells.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
      }
    }
    List<Cell> tableCells = new ArrayList<>();
    for (Map.Entry<CellKey, List<Glyph>> e : cells.entrySet()) {
      CellKey k = e.getKey();
      List<List<Glyph>> lines = lines(e.getValue());
      if (k.bottom() - k.top() > FRAME_SHARE * page.height() || lines.size() > MAX_CELL_LINES) {
        free.addAll(e.getValue());
        continue;
      }
      String text = cellText(lines);
      if (!text.isEmpty()) {
        tableCells.add(new Cell(k, text));
      }
    }
    List<Line> out = new ArrayList<>(rows(tableCells));
    for (List<Glyph> line : lines(free)) {
      String text = lineText(line);
      if (!text.isEmpty()) {
        Glyph first = line.get(0);
        float size = line.stream().map(Glyph::size).max(Float::compare).orElse(first.size());
        out.add(new Line(baseline(line) - size * 0.8f, first.x(), text, null));
      }
    }
    out.sort(Comparator.comparingDouble(Line::top).thenComparingDouble(Line::x));
    return out;
  }

  /** The edges of a table cell, in hundredths of a point so that equal edges compare equal. */
  private record CellKey(float left, float top, float right, float bottom) {}

  private record Cell(CellKey key, String text) {}

  /** The ruled cell around a character, or null when a side has no rule. */
  private static CellKey cellOf(Glyph g, List<Rule> horizontal, List<Rule> vertical) {
    float cx = g.centreX();
    float cy = g.centreY();
    float top = Float.NEGATIVE_INFINITY;
    float bottom = Float.POSITIVE_INFINITY;
    for (Rule h : horizontal) {
      if (h.x0() - TOLERANCE <= cx && cx <= h.x1() + TOLERANCE) {
        if (h.y0() <= cy && h.y0() > top) {
          top = h.y0();
        } else if (h.y0() > cy && h.y0() < bottom) {
          bottom = h.y0();
        }
      }
    }
    if (top == Float.NEGATIVE_INFINITY || bottom == Float.POSITIVE_INFINITY) {
      return null;
    }
    float left = Float.NEGATIVE_INFINITY;
    float right = Float.POSITIVE_INFINITY;
    for (Rule v : vertical) {
      if (v.y0() - TOLERANCE <= cy && cy <= v.y1() + TOLERANCE) {
        if (v.x0() <= cx && v.x0() > left) {
          left = v.x0();
        } else if (v.x0() > cx && v.x0() < right) {
          right = v.x0();
        }
      }
    }
    if (left == Float.NEGATIVE_INFINITY || right == Float.POSITIVE_INFINITY) {
      return null;
    }
    return new CellKey(round(left), round(top), round(right), round(bottom));
  }

  private static float round(float v) {
    return Math.round(v * 100) / 100f;
  }

  /** Cells sharing a top edge (within the tolerance), left to right, as one line each. */
  private static List<Line> rows(List<Cell> cells) {
    cells.sort(Comparator.comparingDouble((Cell c) -> c.key().top()));
    List<Line> rows = new ArrayList<>();
    int i = 0;
    while (i < cells.size()) {
      float top = cells.get(i).key().top();
      int j = i;
      while (j < cells.size() && cells.get(j).key().top() - top <= TOLERANCE) {
        j++;
      }
      List<Cell> row = new ArrayList<>(cells.subList(i, j));
      row.sort(Comparator.comparingDouble(c -> c.key().left()));
      StringBuilder text = new StringBuilder();
      List<Span> spans = new ArrayList<>(row.size());
      for (Cell c : row) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(c.text());
        spans.add(new Span(c.key().left(), c.key().right(), c.text()));
      }
      rows.add(new Line(top, row.get(0).key().left(), text.toString(), List.copyOf(spans)));
      i = j;
    }
    return rows;
  }

  /** Characters grouped into lines by baseline (top to bottom), each line ordered by x. */
  private static List<List<Glyph>> lines(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
    List<List<Glyph>> lines = new ArrayList<>();
    List<Glyph> current = null;
    float base = 0;
    for (Glyph g : sorted) {
      if (current == null || g.baseline() - base > 0.5f * Math.max(g.size(), current.get(0).size())) {
        current = new ArrayList<>();
        lines.add(current);
        base = g.baseline();
      }
      current.add(g);
    }
    for (List<Glyph> line : lines) {
      line.sort(Comparator.comparingDouble(Glyph::x));
    }
    return lines;
  }

  private static float baseline(List<Glyph> line) {
    return line.get(0).baseline();
  }

  /** The characters of one line; a gap wider than a third of the font size where no space is drawn reads as one. */
  private static String lineText(List<Glyph> line) {
    StringBuilder b = new StringBuilder(line.size() + 8);
    Glyph previous = null;
    for (Glyph g : line) {
      if (previous != null && !previous.isBlank() && !g.isBlank()
          && g.x() - (previous.x() + previous.width()) > Math.max(g.size(), previous.size()) / 3) {
        b.append(' ');
      }
      b.append(g.text());
      previous = g;
    }
    return b.toString().strip().replaceAll(" {2,}", " ");
  }

  /**
   * The lines of one cell joined: a cell wraps its text at its width, anywhere in Chinese text and numbers, so the
   * lines join without a space, except between two Latin words.
   */
  private static String cellText(List<List<Glyph>> lines) {
    StringBuilder b = new StringBuilder();
    for (List<Glyph> line : lines) {
      String t = lineText(line);
      if (t.isEmpty()) {
        continue;
      }
      if (b.length() > 0 && isLatinLetter(b.charAt(b.length() - 1)) && isLatinLetter(t.charAt(0))) {
        b.append(' ');
      }
      b.append(t);
    }
    return b.toString();
  }

  private static boolean isLatinLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
