package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fiscalscope.document.Contents;
import org.fiscalscope.document.DisclosurePart;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.tables.TableKind;

/**
 * Which {@link DisclosurePart}s a disclosure text contains: a standard table by its title line (公开NN表 titles, as the
 * tables reader recognises them), a section by its heading (第N部分, N、 or （N） followed by the section's name), the
 * reasons for changes of the 三公 costs by a sentence giving a cause (原因, 主要是, 由于) inside the 三公 section; and the
 * number of projects the text says were self-evaluated, with its source line.
 */
final class DisclosureContents {

  /** The pointer of the stated project count in the document's provenance. */
  static final String PROJECTS_STATED = "/contents/projects_stated";

  private static final Pattern HEADING = Pattern.compile(
      "^(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])(.{2,48})$");
  /** A top-level heading: it ends the section before it. */
  private static final Pattern TOP_HEADING = Pattern.compile("^(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}[、.．])");
  private static final Pattern CAUSE = Pattern.compile("原因|主要是|主要系|由于");
  private static final int TITLE_MAX = 60;

  /** Section headings by what their title says, tried in this order (the first that matches names the section). */
  private static final Map<DisclosurePart, Pattern> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put(DisclosurePart.THREE_PUBLIC_NOTE, Pattern.compile("三公.{0,2}经费"));
    SECTIONS.put(DisclosurePart.INCOME_EXPENDITURE_NOTE, Pattern.compile("^(?:部门|单位)?收入支出决算总体情况"));
    SECTIONS.put(DisclosurePart.OPERATING_COSTS_NOTE, Pattern.compile("机关运行经费"));
    SECTIONS.put(DisclosurePart.PROCUREMENT_NOTE, Pattern.compile("政府采购"));
    SECTIONS.put(DisclosurePart.ASSETS_NOTE, Pattern.compile("国有资产"));
    SECTIONS.put(DisclosurePart.PERFORMANCE_NOTE, Pattern.compile("绩效"));
    SECTIONS.put(DisclosurePart.GLOSSARY, Pattern.compile("名词解释"));
    SECTIONS.put(DisclosurePart.OVERVIEW, Pattern.compile("概况$|主要职能|基本职能"));
  }

  private DisclosureContents() {}

  /** The contents of a text, and the provenance of the project count it states (empty when it states none). */
  record Read(Contents contents, Map<String, Provenance> provenance) {}

  static Read read(SourceText text, Map<String, Figures.Candidate> agreed) {
    List<String> parts = new ArrayList<>();
    boolean inThreePublic = false;
    for (int i = 0; i < text.lineCount(); i++) {
      String line = text.normalisedLine(i).strip().replace(" ", "");
      if (line.isEmpty()) {
        continue;
      }
      if (TOP_HEADING.matcher(line).find()) {
        inThreePublic = false;
      }
      if (line.length() <= TITLE_MAX && line.endsWith("表")) {
        TableKind table = TableKind.ofTitle(line);
        if (table != null) {
          add(parts, table.part());
          continue;
        }
      }
      Matcher heading = HEADING.matcher(line);
      // A title with a colon is a term being defined (名词解释: （十六）“三公”经费：…), not a section.
      if (heading.matches() && !line.endsWith("表") && heading.group(1).indexOf(':') < 0 && heading.group(1).indexOf('：') < 0) {
        String title = heading.group(1);
        for (Map.Entry<DisclosurePart, Pattern> s : SECTIONS.entrySet()) {
          if (s.getValue().matcher(title).find()) {
            add(parts, s.getKey());
            if (s.getKey() == DisclosurePart.THREE_PUBLIC_NOTE) {
              inThreePublic = true;
            }
            break;
          }
        }
        continue;
      }
      if (inThreePublic && CAUSE.matcher(line).find()) {
        add(parts, DisclosurePart.THREE_PUBLIC_REASONS);
      }
    }
    Figures.Candidate stated = agreed.get(EvaluationTables.STATED_PROJECTS);
    Integer projects = stated == null ? null : ((BigDecimal) stated.value()).intValue();
    Map<String, Provenance> provenance = stated == null ? Map.of() : Map.of(PROJECTS_STATED, stated.provenance());
    return new Read(new Contents(List.copyOf(parts), projects, null, null), provenance);
  }

  private static void add(List<String> parts, DisclosurePart part) {
    if (!parts.contains(part.id())) {
      parts.add(part.id());
    }
  }
}
