package org.fiscalscope.generate;

import java.util.List;
import java.util.Random;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.fiscalscope.document.FinalAccount;

/**
 * Renders a canonical document as a PDF disclosure: the phrasing of {@link DisclosureTextRenderer} for the running
 * text, real ruled tables (columns at their x positions, names wrapping inside their cells, merged level cells,
 * text at the top, middle or bottom of a cell, cells drawn row by row or column by column), several A4 pages with a
 * running header and page numbers, parts on pages of their own or run on, and tables that continue across a page
 * break. The Chinese font is embedded
 * ({@link CjkFont}). The choices are drawn from the given Random, so a seed reproduces the PDF. One renderer per
 * thread: the font it holds is read as PDFs are written.
 */
public final class DisclosurePdfRenderer {

  /** A rendered PDF, its page count and how many page breaks its tables cross. */
  public record Rendered(byte[] pdf, int pages, int tableBreaks) {}

  private final TrueTypeFont font;

  /**
   * A renderer with the font found in the standard font folders.
   *
   * @throws org.fiscalscope.FiscalScopeException naming the Debian package to install when the font is missing
   */
  public DisclosurePdfRenderer() {
    this.font = CjkFont.load();
  }

  public Rendered render(FinalAccount doc, Random random) {
    return render(doc, random, DisclosureTemplate.NATIONAL);
  }

  /** The PDF of one document following the template of another province or year (its standard tables ruled). */
  public Rendered render(FinalAccount doc, Random random, DisclosureTemplate template) {
    Pages layout = new Pages(new PdfPages(font), random);
    String unit = doc.unit() == null || doc.unit().name() == null ? "" : doc.unit().name();
    String header = random.nextInt(4) == 0 ? null
        : unit + (doc.fiscalYear() == null ? "" : doc.fiscalYear() + "年度") + "部门决算公开";
    PdfPages.FooterStyle footer = PdfPages.FooterStyle.values()[random.nextInt(PdfPages.FooterStyle.values().length)];
    DisclosureTextRenderer.render(doc, random, layout, template);
    layout.flush();
    int pages = layout.pages.pageCount();
    return new Rendered(layout.pages.finish(header, footer), pages, layout.tableBreaks);
  }

  /** The disclosure laid out on pages: lines and paragraphs at the left margin, tables ruled. */
  private static final class Pages implements DisclosureLayout {

    final PdfPages pages;
    private final float bodySize;
    private final float tableSize;
    private final PdfTable.Align align;
    private final boolean columnByColumn;
    private final boolean repeatHeader;
    private final boolean pageEachPart;
    private PdfTable indicators;
    private PdfTable.Cell level1;
    private PdfTable.Cell level2;
    int tableBreaks;

    Pages(PdfPages pages, Random random) {
      this.pages = pages;
      this.bodySize = 10 + random.nextInt(5) * 0.5f;
      this.tableSize = 8.5f + random.nextInt(4) * 0.5f;
      this.align = PdfTable.Align.values()[random.nextInt(PdfTable.Align.values().length)];
      this.columnByColumn = random.nextBoolean();
      this.repeatHeader = random.nextBoolean();
      this.pageEachPart = random.nextBoolean();
    }

    @Override
    public void line(String text) {
      flush();
      String t = text.strip();
      float lineHeight = bodySize * 1.5f;
      if (t.isEmpty()) {
        if (pages.pageStarted()) {
          pages.moveDown(lineHeight / 2);
        }
        return;
      }
      float w = pages.textWidth(t, bodySize);
      float size = w > pages.width() ? bodySize * pages.width() / w : bodySize;
      pages.ensure(lineHeight);
      pages.text(PdfPages.MARGIN, pages.y() + size * 1.05f, size, t);
      pages.moveDown(lineHeight);
    }

    @Override
    public void paragraph(String text) {
      flush();
      float lineHeight = bodySize * 1.5f;
      for (String l : PdfTable.wrap(pages, text, pages.width(), bodySize)) {
        pages.ensure(lineHeight);
        pages.text(PdfPages.MARGIN, pages.y() + bodySize * 1.05f, bodySize, l);
        pages.moveDown(lineHeight);
      }
    }

    /** A new page, or only a gap in a PDF that runs its parts on (its tables then meet the foot of a page). */
    @Override
    public void pageBreak() {
      flush();
      if (pageEachPart && pages.pageStarted()) {
        pages.newPage();
      } else if (pages.pageStarted()) {
        pages.moveDown(bodySize * 2);
      }
    }

    @Override
    public void table(List<List<String>> rows) {
      flush();
      draw(PdfTable.of(rows));
    }

    /** A standard table ruled as printed: every cell drawn (empty ones too), merged areas as one cell. */
    @Override
    public void standardTable(PrintedTable table) {
      flush();
      line(table.title());
      line("单位：" + table.amountUnit());
      int width = table.cells().length == 0 ? 1 : table.cells()[0].length;
      PdfTable t = new PdfTable(width);
      for (int r = 0; r < table.cells().length; r++) {
        t.addRow();
        for (int c = 0; c < width; c++) {
          if (table.covered(r, c)) {
            continue;
          }
          PrintedTable.Span span = table.spanAt(r, c);
          PdfTable.Cell cell = t.cell(table.cells()[r][c], c, span == null ? 1 : span.cols());
          cell.rows = span == null ? 1 : span.rows();
        }
      }
      draw(t);
      line(table.note());
    }

    /** 预算执行情况 merged over the header and the values row, beside the row's label and the four columns. */
    @Override
    public void budgetExecution(int weight, List<String> header, List<String> rowLabel, List<String> values) {
      flush();
      PdfTable t = new PdfTable(2 + header.size());
      t.addRow();
      t.cell("预算执行情况（万元）（" + weight + "分）", 0, 1).rows = 2;
      t.cell("", 1, 1);
      for (int i = 0; i < header.size(); i++) {
        t.cell(header.get(i), 2 + i, 1);
      }
      t.addRow();
      t.cell(String.join("", rowLabel), 1, 1);
      for (int i = 0; i < values.size(); i++) {
        t.cell(values.get(i), 2 + i, 1);
      }
      draw(t);
    }

    @Override
    public void indicatorHeader(List<String> header) {
      flush();
      indicators = new PdfTable(header.size());
      indicators.addRow();
      for (int i = 0; i < header.size(); i++) {
        indicators.cell(header.get(i), i, 1);
      }
      if (repeatHeader) {
        indicators.repeatHeader(1);
      }
    }

    /** A level printed once is one cell merged down over the rows that share it. */
    @Override
    public void indicator(String l1, String l2, String name, List<String> values) {
      indicators.addRow();
      if (l1 != null) {
        level1 = indicators.cell(l1, 0, 1);
      } else {
        level1.rows++;
      }
      if (l2 != null) {
        level2 = indicators.cell(l2, 1, 1);
      } else {
        level2.rows++;
      }
      indicators.cell(name, 2, 1);
      for (int i = 0; i < values.size(); i++) {
        indicators.cell(values.get(i), 3 + i, 1);
      }
    }

    /** Draws the indicator table being built, once its last row is known. */
    void flush() {
      if (indicators != null) {
        PdfTable t = indicators;
        indicators = null;
        draw(t);
      }
    }

    private void draw(PdfTable t) {
      tableBreaks += t.draw(pages, tableSize, align, columnByColumn);
      pages.moveDown(tableSize);
    }
  }
}
