package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Unit;
import org.fiscalscope.generate.DisclosureTemplate;
import org.fiscalscope.generate.DisclosureTextRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.TablesStyle;
import org.fiscalscope.ingest.UnitIds;
import org.junit.jupiter.api.Test;

/**
 * The rules the extractor follows for the tables and names of real documents, each on generated disclosures changed
 * the way real ones are: a 公开05表 whose amounts slid against their rows, rows whose empty code cells a PDF parser
 * dropped, a unit named without its place in the titles.
 */
class DisclosureTablesRulesTest {

  private static final Pattern CODE_ROW = Pattern.compile("^(\\d{3}(?:\\d{2}){0,2}|\\s*) \\| .*");

  private static List<FinalAccount> district(int units) {
    List<FinalAccount> docs = new ArrayList<>();
    Iterator<FinalAccount> it = new DistrictGenerator(GeneratorSpec.of(units, 2, 20251206L)).documents();
    it.forEachRemaining(docs::add);
    return docs;
  }

  private static FinalAccount read(String text, String name) {
    return DisclosureExtractor.extract(text.getBytes(StandardCharsets.UTF_8), name);
  }

  /** The lines of the table titled {@code title}: from its title to its note. */
  private static int[] table(List<String> lines, String title) {
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (from < 0 && lines.get(i).endsWith(title) && !lines.get(i).contains("、")) {
        from = i;
      } else if (from >= 0 && lines.get(i).startsWith("注")) {
        return new int[] {from, i};
      }
    }
    throw new AssertionError("no table " + title);
  }

  /**
   * A 公开05表 whose amounts slid one row down against the labels (as in one real document) gives no functional line
   * from the table — every line's sums fail — and no wrong figure: the document reads back as its text states it.
   */
  @Test
  void aGeneralBudgetTableWhoseAmountsSlidGivesNoLineAndNoWrongFigure() {
    DisclosureTemplate t = DisclosureTemplate.NATIONAL.withStandardTables();
    int checked = 0;
    for (FinalAccount doc : district(12)) {
      List<String> lines = new ArrayList<>(Arrays.asList(DisclosureTextRenderer.render(doc, new Random(7), t)
          .split("\n", -1)));
      int[] span = table(lines, "一般公共预算财政拨款支出决算表");
      List<Integer> rows = new ArrayList<>();
      for (int i = span[0]; i < span[1]; i++) {
        String[] cells = lines.get(i).split(" \\| ", -1);
        if (CODE_ROW.matcher(lines.get(i)).matches() && cells.length > 4 && cells[cells.length - 1].matches("[\\d,.]+")
            && !lines.get(i).contains("合计")) {
          rows.add(i);
        }
      }
      if (rows.size() < 3) {
        continue;
      }
      List<String[]> amounts = new ArrayList<>();
      int width = 4;
      for (int i : rows) {
        String[] cells = lines.get(i).split(" \\| ", -1);
        amounts.add(Arrays.copyOfRange(cells, cells.length - width, cells.length));
      }
      for (int k = 0; k < rows.size(); k++) {
        String[] cells = lines.get(rows.get(k)).split(" \\| ", -1);
        String[] slid = amounts.get((k + rows.size() - 1) % rows.size());
        System.arraycopy(slid, 0, cells, cells.length - width, width);
        lines.set(rows.get(k), String.join(" | ", cells));
      }
      FinalAccount back = read(String.join("\n", lines), "slid.txt");
      List<String> diffs = new ArrayList<>();
      RoundTripTest.diff(RoundTripTest.figures(doc), RoundTripTest.figures(back), "", diffs);
      assertEquals(List.of(), diffs, doc.unit().name() + " " + doc.fiscalYear());
      assertTrue(back.findings().stream().anyMatch(f -> f.rule().equals("tables.lines_left_out")),
          "the left-out lines are named");
      checked++;
    }
    assertTrue(checked >= 10, "documents checked: " + checked);
  }

  /**
   * Rows of 02, 03 and 05 whose 类/款/项 cells a PDF parser merged into one (2050101 | 行政运行 | …, two cells short)
   * are put back under their columns: the figures are the same as from the whole rows.
   */
  @Test
  void rowsThatLostTheirEmptyCodeCellsAreRealigned() {
    DisclosureTemplate t = DisclosureTemplate.NATIONAL.withStandardTables();
    int collapsed = 0;
    int documents = 0;
    for (FinalAccount doc : district(40)) {
      TablesStyle style = TablesStyle.of(doc.unit().code());
      if (!style.splitCode() || !style.repeatParents()) {
        continue;
      }
      String text = DisclosureTextRenderer.render(doc, new Random(3), t);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      for (int i = 0; i < lines.size(); i++) {
        String[] cells = lines.get(i).split(" \\| ", -1);
        if (cells.length > 5 && cells[0].matches("\\d{3}") && cells[1].matches("\\d{2}") && cells[2].matches("\\d{2}")) {
          List<String> merged = new ArrayList<>(List.of(cells[0] + cells[1] + cells[2]));
          merged.addAll(Arrays.asList(cells).subList(3, cells.length));
          lines.set(i, String.join(" | ", merged));
          collapsed++;
        }
      }
      FinalAccount whole = read(text, "whole.txt");
      FinalAccount back = read(String.join("\n", lines), "collapsed.txt");
      List<String> diffs = new ArrayList<>();
      RoundTripTest.diff(RoundTripTest.figures(whole), RoundTripTest.figures(back), "", diffs);
      assertEquals(List.of(), diffs, doc.unit().name() + " " + doc.fiscalYear());
      assertTrue(back.functions().stream().anyMatch(f -> f.code().length() == 7), "项 lines read");
      documents++;
    }
    assertTrue(documents >= 4 && collapsed >= 40, documents + " documents, " + collapsed + " rows collapsed");
  }

  /**
   * A unit its titles name without the place (社会工作部, 教育局) gets the full name the text prints elsewhere
   * (纳入中共江城市滨江区委社会工作部…的单位包括), the same every year, so its unit_id is stable.
   */
  @Test
  void aUnitNamedWithoutItsPlaceGetsTheFullNameEveryYear() {
    DisclosureTemplate t = DisclosureTemplate.SHANGHAI;
    List<FinalAccount> docs = district(6);
    for (int i = 0; i + 1 < docs.size(); i += 2) {
      String full = i == 0 ? "中共江城市滨江区委社会工作部" : "江城市" + docs.get(i).unit().name();
      List<String> ids = new ArrayList<>();
      for (FinalAccount year : docs.subList(i, i + 2)) {
        Unit u = year.unit();
        FinalAccount named = TemplateVariantsTest.withUnit(year, new Unit(u.code(), full, u.region(), u.kind(),
            u.parentName()));
        String text = DisclosureTextRenderer.render(named, new Random(i), t);
        String withoutCover = text.substring(text.indexOf(" 第一部分"));
        assertTrue(Arrays.stream(withoutCover.split("\n")).filter(l -> l.contains("部分") || l.contains("部门名称")
            || l.contains("部门：")).noneMatch(l -> l.contains(full)), "titles and labels name the unit without its place");
        FinalAccount back = read(withoutCover, "no-cover.txt");
        assertEquals(full, back.unit().name(), "full name from the text");
        assertEquals(full.startsWith("中共") ? "江城市滨江区" : "江城市" + u.name().substring(0, 3), back.unit().region());
        ids.add(UnitIds.of(new Unit(null, back.unit().name(), null, null, null)));
      }
      assertEquals(ids.get(0), ids.get(1), "the same unit_id both years");
    }
  }

  @Test
  void theParentDepartmentIsTheOneAZhuGuanLineNames() {
    String text = "江城市滨江区就业训练中心2023年度单位决算\n主管部门：江城市滨江区人力资源和社会保障局\n"
        + "2023年度收入支出总计 100.00 万元。\n";
    FinalAccount doc = read(text, "parent.txt");
    assertEquals("江城市滨江区就业训练中心", doc.unit().name());
    assertEquals("江城市滨江区人力资源和社会保障局", doc.unit().parentName());
    assertEquals("江城市滨江区", doc.unit().region());
  }
}
