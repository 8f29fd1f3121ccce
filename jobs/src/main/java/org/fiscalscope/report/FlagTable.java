package org.fiscalscope.report;

import static org.fiscalscope.report.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The HTML table of flags the main page and the unit pages share: what, where, judged against what, why, source. */
final class FlagTable {

  private FlagTable() {}

  /**
   * Appends the table of {@code flags}; {@code unitCell} renders the unit column (a link to the unit's page), or is
   * null on a unit's own page, which has no unit column.
   */
  static void append(StringBuilder out, List<FlagList.Flag> flags, Function<FlagList.Flag, String> unitCell) {
    if (flags.isEmpty()) {
      out.append("<p>No flags.</p>");
      return;
    }
    out.append("<table class=\"flags\"><thead><tr><th>级别 severity</th><th>规则 rule</th>")
        .append(unitCell != null ? "<th>单位 unit</th>" : "").append("<th>年度 year</th><th>对象 subject</th>")
        .append("<th>值 value</th><th>判据 judged against</th><th>说明 explanation</th><th>来源 source</th></tr></thead><tbody>");
    for (FlagList.Flag x : flags) {
      out.append("<tr><td><span class=\"badge sev-").append(esc(x.severity())).append("\">").append(esc(x.severity()))
          .append("</span></td><td><code>").append(esc(x.rule())).append("</code>")
          .append(x.family() == null ? "" : "<br><small>" + esc(x.family()) + "</small>").append("</td>");
      if (unitCell != null) {
        out.append("<td class=\"unit-name\">").append(unitCell.apply(x)).append("</td>");
      }
      out.append("<td>").append(x.fiscalYear()).append("</td><td>").append(esc(x.subject()))
          .append(x.level() == null ? "" : "<br><small>" + esc(x.level()) + "</small>")
          .append("</td><td class=\"num\">").append(FlagList.shownValue(x.value())).append("</td><td>")
          .append(FlagList.shownValue(x.threshold()))
          .append(x.thresholdText() == null ? "" : "<br><small>" + esc(x.thresholdText()) + "</small>")
          .append("</td><td class=\"explanation\"><div lang=\"zh\">").append(esc(x.explanationZh())).append("</div><div lang=\"en\">")
          .append(esc(x.explanationEn())).append("</div></td><td class=\"source\">").append(source(x)).append("</td></tr>");
    }
    out.append("</tbody></table>");
  }

  /** The flag's source: file, page and line, the provenance field, and the quoted source text. */
  static String source(FlagList.Flag x) {
    List<String> parts = new ArrayList<>();
    String page = x.sourcePage() == null ? "" : " p. " + x.sourcePage();
    if (x.sourceFile() != null) {
      parts.add("<code>" + esc(x.sourceFile()).replace("/", "/<wbr>") + page
          + (x.sourceLine() == null ? "" : ":" + x.sourceLine()) + "</code>");
    } else if (x.sourceLine() != null) {
      parts.add((page.isEmpty() ? "" : page.strip() + ", ") + "line " + x.sourceLine());
    }
    if (x.sourceField() != null) {
      parts.add("<code>" + esc(x.sourceField()).replace("/", "/<wbr>") + "</code>");
    }
    if (x.sourceText() != null) {
      parts.add("<q>" + esc(x.sourceText()) + "</q>");
    }
    return parts.isEmpty() ? "—" : String.join("<br>", parts);
  }
}
