package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Provenance;

/**
 * General consistency rules run on every extracted document: parts against their totals, printed rates and
 * shares against their ratios and scores against the printed scoring rules ({@link DocumentRules}, which run again on
 * every merged unit-year, whatever its files), references to years other
 * than the fiscal and the prior year, stated counts against table rows, and one project named two ways.
 * A gap of at most 0.01 per added term is rounding (info): each printed part may be off by half a cent.
 */
final class ConsistencyAudit {

  private static final Pattern YEAR_COMPARISON = Pattern.compile("(?:相比|较|比|与|同比|对比)(20\\d{2})年(?:度)?(?![(\\d])");

  private final FinalAccount doc;
  private final Map<String, Figures.Candidate> figures;
  private final SourceText text;
  private final List<Finding> findings = new ArrayList<>();

  private ConsistencyAudit(FinalAccount doc, Map<String, Figures.Candidate> figures, SourceText text) {
    this.doc = doc;
    this.figures = figures;
    this.text = text;
  }

  static List<Finding> audit(FinalAccount doc, Map<String, Figures.Candidate> figures, SourceText text) {
    ConsistencyAudit a = new ConsistencyAudit(doc, figures, text);
    a.findings.addAll(DocumentRules.audit(doc, a::cite));
    a.years();
    a.projects();
    a.findings.addAll(IndicatorAudit.audit(doc, figures));
    return a.findings;
  }

  /** A figure and the pointer it was read at. */
  private record Term(String pointer, BigDecimal value) {}

  private String cite(Term t) {
    return cite(t.pointer(), t.value());
  }

  /** How a figure of the text is cited: {@code /totals/basic_expenditure=270.33 (line 12)}. */
  private String cite(String pointer, BigDecimal value) {
    Provenance p = doc.provenance().get(pointer);
    return pointer + "=" + value.toPlainString() + (p == null ? "" : " (line " + p.line() + ")");
  }

  /** A comparison with a year that is neither the fiscal year nor the one before it. */
  private void years() {
    Integer fy = doc.fiscalYear();
    if (fy == null) {
      return;
    }
    String flow = text.flow();
    Matcher m = YEAR_COMPARISON.matcher(flow).useTransparentBounds(true);
    for (int at = flow.indexOf('年'); at >= 0; at = flow.indexOf('年', at + 1)) {
      m.region(Math.max(0, at - 6), at + 1);
      if (!m.find()) {
        continue;
      }
      int y = Integer.parseInt(m.group(1));
      if (y == fy || y == fy - 1) {
        continue;
      }
      Provenance p = text.provenance(m.start(), m.end());
      findings.add(new Finding("year.reference", Finding.WARNING,
          fy + " 年度决算中与 " + y + " 年比较（第 " + p.line() + " 行），应为 " + (fy - 1) + " 年或 " + fy + " 年。",
          "The " + fy + " accounts compare with " + y + " (line " + p.line() + "), which is neither the fiscal year nor the prior year.",
          "line " + p.line() + ": " + p.text().replace('\n', ' ')));
    }
  }

  private void projects() {
    List<Evaluation> projects = doc.performance() == null || doc.performance().projects() == null
        ? List.of() : doc.performance().projects();
    Figures.Candidate stated = figures.get(EvaluationTables.STATED_PROJECTS);
    boolean fromTables = figures.keySet().stream().anyMatch(k -> k.startsWith("/performance/projects/"));
    if (stated != null && fromTables && ((BigDecimal) stated.value()).intValue() != projects.size()) {
      findings.add(new Finding("count.projects", Finding.WARNING,
          "文中称共涉及 " + stated.value() + " 个项目，但附有 " + projects.size() + " 张项目自评表。",
          "The text says " + stated.value() + " projects were evaluated but " + projects.size() + " project tables follow.",
          "line " + stated.provenance().line() + ": " + stated.provenance().text().replace('\n', ' ')));
    }
    if (!fromTables) {
      return;
    }
    for (int i = 0; figures.containsKey(EvaluationTables.NARRATIVE + i + "/name"); i++) {
      String prefix = EvaluationTables.NARRATIVE + i + "/";
      Figures.Candidate name = figures.get(prefix + "name");
      Figures.Candidate budget = figures.get(prefix + "budget");
      Figures.Candidate actual = figures.get(prefix + "actual");
      if (budget == null || actual == null) {
        continue;
      }
      List<Integer> same = new ArrayList<>();
      for (int k = 0; k < projects.size(); k++) {
        Evaluation e = projects.get(k);
        if (e.budget() != null && e.actual() != null && e.budget().compareTo((BigDecimal) budget.value()) == 0
            && e.actual().compareTo((BigDecimal) actual.value()) == 0) {
          same.add(k);
        }
      }
      if (same.size() != 1 || projects.get(same.get(0)).name() == null) {
        continue;
      }
      String tableName = projects.get(same.get(0)).name();
      String narrativeName = (String) name.value();
      if (!key(tableName).equals(key(narrativeName))) {
        Provenance tp = doc.provenance().get("/performance/projects/" + same.get(0) + "/budget");
        findings.add(new Finding("project.name_mismatch", Finding.WARNING,
            "同一项目（预算 " + budget.value() + " 万元，执行 " + actual.value() + " 万元）在说明中称“" + narrativeName
                + "”，在自评表中称“" + tableName + "”。",
            "The same project (budget " + budget.value() + ", actual " + actual.value() + ") is called “" + narrativeName
                + "” in the narrative and “" + tableName + "” in its self-evaluation table.",
            "line " + name.provenance().line() + ": " + narrativeName + "; line " + (tp == null ? "?" : tp.line()) + ": " + tableName));
      }
    }
  }

  private static String key(String name) {
    return name.replaceAll("^20\\d{2}年(?:度)?", "").replaceAll("项目$", "").replaceAll("[“”\"'‘’]", "");
  }
}
