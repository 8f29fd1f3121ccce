package org.fiscalscope.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays a disclosure out as the text PDF extraction delivers: paragraphs wrapped at a fixed width (even inside a
 * number, with blank lines between when the PDF spaced its lines), "- n -" page markers, and tables one row per
 * line, one cell per line or {@code |}-separated, indicator names wrapped at their column's width.
 */
final class TextLayout implements DisclosureLayout {

  /** How tables are laid out. */
  enum TableStyle { ROWS, CELL_PER_LINE, PIPES }

  private final Random random;
  private final boolean spaced;
  private final TableStyle style;
  private final int width;
  private final boolean brokenHeader;
  private final int nameWidth;
  private final StringBuilder out = new StringBuilder(40_000);
  private int page = 1;

  TextLayout(Random random, boolean spaced, TableStyle style, int width, boolean brokenHeader, int nameWidth) {
    this.random = random;
    this.spaced = spaced;
    this.style = style;
    this.width = width;
    this.brokenHeader = brokenHeader;
    this.nameWidth = nameWidth;
  }

  String text() {
    return out.toString();
  }

  @Override
  public void line(String s) {
    out.append(s).append('\n');
  }

  /** A paragraph wrapped the way PDF text arrives: fixed width, anywhere, even inside a number. */
  @Override
  public void paragraph(String text) {
    if (text.isEmpty()) {
      return;
    }
    String blank = spaced ? "\n\n" : "\n";
    int i = 0;
    while (i < text.length()) {
      int end = Math.min(text.length(), i + width - 3 + random.nextInt(6));
      out.append(text, i, end);
      out.append(end < text.length() ? blank : "\n");
      i = end;
    }
  }

  @Override
  public void pageBreak() {
    line("");
    line("- " + page++ + " -");
    line("");
  }

  @Override
  public void table(List<List<String>> rows) {
    for (List<String> row : rows) {
      switch (style) {
        case ROWS -> line(String.join(" ", row));
        case CELL_PER_LINE -> row.forEach(this::line);
        case PIPES -> line(String.join(" | ", row) + " |");
      }
    }
  }

  /**
   * A standard table the way a PDF parser exports it: one row per line, every cell kept (an empty one too, and a
   * merged one in its first cell), separated by {@code " | "}; title, unit and note as lines of text.
   */
  @Override
  public void standardTable(PrintedTable table) {
    line(table.title());
    line("单位：" + table.amountUnit());
    for (int r = 0; r < table.cells().length; r++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < table.cells()[r].length; c++) {
        cells.add(table.covered(r, c) ? "" : table.cells()[r][c]);
      }
      if (cells.stream().anyMatch(c -> !c.isEmpty())) {
        line(String.join(" | ", cells));
      }
    }
    line(table.note());
  }

  @Override
  public void budgetExecution(int weight, List<String> header, List<String> rowLabel, List<String> values) {
    line("预算执行情况");
    line("（万元）");
    line("（" + weight + "分）");
    table(List.of(header, rowLabel, values));
  }

  @Override
  public void indicatorHeader(List<String> header) {
    if (style == TableStyle.ROWS && brokenHeader) {
      line("一级");
      line("指标");
      line("二级指标 三级指标");
      line("");
      line("年初目标");
      line("值（A）");
      line("实际完成值");
      line("（B）");
      if (header.contains("分值")) {
        line("分值");
      }
      line("得分");
      return;
    }
    table(List.of(header));
  }

  /** Merged level cells printed once, labels broken over lines, names wrapped at the column's width. */
  @Override
  public void indicator(String level1, String level2, String name, List<String> values) {
    if (style == TableStyle.PIPES) {
      List<String> cells = new ArrayList<>(List.of(level1 != null ? level1 : "", level2 != null ? level2 : "", name));
      cells.addAll(values);
      line(String.join(" | ", cells) + " |");
      return;
    }
    List<String> fragments = wrap(name);
    if (style == TableStyle.CELL_PER_LINE) {
      if (level1 != null) {
        line(level1);
      }
      if (level2 != null) {
        line(level2);
      }
      fragments.forEach(this::line);
      values.forEach(this::line);
      return;
    }
    StringBuilder row = new StringBuilder();
    if (level1 != null) {
      if (random.nextBoolean() && level1.length() > 3) {
        int cut = level1.length() - 2;
        line(level1.substring(0, cut));
        line(level1.substring(cut));
      } else {
        row.append(level1).append(' ');
      }
    }
    if (level2 != null) {
      if (row.length() == 0 && random.nextBoolean()) {
        line(level2);
      } else {
        row.append(level2).append(' ');
      }
    }
    if (fragments.size() > 1 && row.length() > 0) {
      line(row.toString().strip());
      row.setLength(0);
    }
    for (String f : fragments.subList(0, fragments.size() - 1)) {
      line(f);
    }
    row.append(fragments.get(fragments.size() - 1)).append(' ').append(String.join(" ", values));
    line(row.toString());
  }

  /** A name cut into lines of the column's printed width (a wide character counts two, a full-width form one). */
  private List<String> wrap(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int w = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      int cw = c < 0x80 || c >= '\uFF01' && c <= '\uFF5E' ? 1 : 2;
      if (w + cw > nameWidth && current.length() > 0) {
        out.add(current.toString());
        current.setLength(0);
        w = 0;
      }
      current.append(c);
      w += cw;
    }
    out.add(current.toString());
    return out;
  }
}
