package org.fiscalscope.report;

import static org.fiscalscope.report.Html.esc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.fiscalscope.report.FieldCatalogue.Field;
import org.fiscalscope.report.UnitPageData.Line;
import org.fiscalscope.report.UnitPageData.ProjectYear;
import org.fiscalscope.report.UnitPageData.Source;
import org.fiscalscope.report.UnitPageData.Year;

/**
 * Renders one unit's page ({@code units/unit-….html}): its years against its peer group's medians, its functional
 * lines drillable 类 → 款 → 项 per year ({@code <details>}, nothing fetched), its projects with one row per year under
 * each project name, its findings and flags; every figure links to the source that stated it (file, page, line and
 * text, listed at the end). Styles are inline; Chart.js and the chart drawing come from the one shared file
 * {@code units/fiscalscope.js}. Pure: a page from its data, called on the executors.
 */
final class UnitPage {

  /** The shared script every unit page and the units index load, beside them in units/. */
  static final String SCRIPT = "fiscalscope.js";

  private static final Pattern CODED = Pattern.compile("[0-9]{3}([0-9]{2}([0-9]{2})?)?");

  private final UnitPageData unit;
  private final String runDate;
  private final StringBuilder out = new StringBuilder(32 * 1024);
  private final Map<Source, Integer> sources = new LinkedHashMap<>();
  private int charts;

  private UnitPage(UnitPageData unit, String runDate) {
    this.unit = unit;
    this.runDate = runDate;
  }

  /** The page of {@code unit} in the report of {@code runDate}, with {@code css} inline. */
  static String render(UnitPageData unit, String runDate, String css) {
    UnitPage page = new UnitPage(unit, runDate);
    page.page(css);
    return page.out.toString();
  }

  private void page(String css) {
    out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(esc(unit.label())).append(" · FiscalScope ").append(esc(runDate)).append("</title>\n<style>")
        .append(css).append("</style>\n</head>\n<body class=\"unit-page\">\n<header><h1>").append(esc(unit.label()))
        .append("</h1><p class=\"meta\">unit_id <code>").append(esc(unit.unitId())).append("</code> · 同类组 peer group ")
        .append(esc(unit.peerGroup()));
    if (unit.region() != null) {
      out.append(" · 地区 region ").append(esc(unit.region()));
    }
    if (unit.parentName() != null) {
      out.append(" · 主管部门 parent ").append(esc(unit.parentName()));
    }
    out.append(" · report ").append(esc(runDate)).append("</p>\n<nav><a href=\"../index.html\">← 报告 report</a>")
        .append("<a href=\"index.html\">全部单位 all units</a><a href=\"#history\">历年 history</a>")
        .append("<a href=\"#functions\">功能分类 functional lines</a><a href=\"#projects\">项目 projects</a>")
        .append("<a href=\"#findings\">发现 findings</a><a href=\"#flags\">预警 flags</a>")
        .append("<a href=\"#sources\">来源 sources</a></nav></header>\n<main>\n");
    history();
    functions();
    projects();
    findings();
    flags();
    sourceList();
    out.append("</main>\n<script src=\"").append(SCRIPT).append("\"></script>\n</body>\n</html>\n");
  }

  private void history() {
    out.append("<section id=\"history\"><h2>历年 History against the peer group</h2>\n<p>同类组 Peer group: units of the ")
        .append("same kind (单位类型) in the same year; dashed lines are the peer median.</p>\n");
    List<Year> years = unit.years();
    List<Integer> labels = years.stream().map(Year::fiscalYear).toList();
    ChartSpec rate = ChartSpec.line().labels(labels).axisTitles("年度 year", "执行率 %").title("执行率 execution rate")
        .series(unit.label(), years.stream().map(Year::ratePct).toList())
        .series("同类中位数 peer median", years.stream().map(Year::peerRatePct).toList()).dashedLast();
    ChartSpec costs = ChartSpec.line().labels(labels).axisTitles("年度 year", "万元").title("三公经费 three public costs")
        .series(unit.label(), years.stream().map(Year::threePublic).toList())
        .series("同类中位数 peer median", years.stream().map(Year::peerThreePublic).toList()).dashedLast();
    out.append("<div class=\"grid\"><figure>");
    chart(rate, "Execution rate of " + unit.label() + " against its peer median");
    out.append("</figure><figure>");
    chart(costs, "Three public costs of " + unit.label() + " against its peer median");
    out.append("</figure></div>\n<table><thead><tr><th>年度 year</th><th>年初预算 budget (万元)</th><th>决算 actual (万元)</th>")
        .append("<th>执行率 rate</th><th>同类中位数 peer median</th><th>三公 three public (万元)</th><th>同类中位数 peer median</th>")
        .append("<th>自评得分 score</th><th>同类中位数 peer median</th><th>同类单位 peers</th><th>来源文件 source file</th></tr></thead><tbody>");
    for (Year y : years) {
      out.append("<tr><td>").append(y.fiscalYear()).append("</td><td class=\"num\">")
          .append(figure(Html.money(y.budget()), unit.source(y.fiscalYear(), "/totals/budget_initial"))).append("</td><td class=\"num\">")
          .append(figure(Html.money(y.actual()), unit.source(y.fiscalYear(), "/totals/actual_final"))).append("</td><td class=\"num\">")
          .append(Html.pct(y.ratePct())).append("</td><td class=\"num\">").append(Html.pct(y.peerRatePct()))
          .append("</td><td class=\"num\">").append(figure(Html.money(y.threePublic()), unit.source(y.fiscalYear(), "/three_public/actual/total")))
          .append("</td><td class=\"num\">")
          .append(y.peerThreePublic() == null ? "—" : Html.money(BigDecimal.valueOf(y.peerThreePublic())))
          .append("</td><td class=\"num\">").append(figure(Html.num(y.score()), unit.source(y.fiscalYear(), "/performance/unit_evaluation/total_score")))
          .append("</td><td class=\"num\">").append(Html.num(y.peerScore())).append("</td><td class=\"num\">").append(y.peers())
          .append("</td><td class=\"source\"><code>").append(esc(y.sourceFile())).append("</code></td></tr>");
    }
    out.append("</tbody></table></section>\n");
  }

  /** The functional lines of each year as a tree 类 → 款 → 项 by code, the latest year open. */
  private void functions() {
    out.append("<section id=\"functions\"><h2>支出功能分类 Functional lines 类 → 款 → 项</h2>\n");
    if (unit.lines().isEmpty()) {
      out.append("<p class=\"no-data\">无功能分类数据 — no functional lines in silver.function_line for this unit.</p></section>\n");
      return;
    }
    out.append("<p>Open a class (类) for its groups (款), a group for its items (项). 执行率 rate = 决算 ÷ 年初预算, ")
        .append("recomputed; 公开 = as printed. A 款 the document does not list but its 项 imply is shown by its code.")
        .append(cutNote(unit.lines().size(), unit.linesTotal(), "lines", "silver.function_line")).append("</p>\n");
    TreeMap<Integer, List<Line>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
    unit.lines().forEach(l -> byYear.computeIfAbsent(l.fiscalYear(), k -> new ArrayList<>()).add(l));
    boolean latest = true;
    for (Map.Entry<Integer, List<Line>> e : byYear.entrySet()) {
      out.append("<details class=\"fn-year\" id=\"fn-").append(e.getKey()).append("\"").append(latest ? " open" : "")
          .append("><summary>").append(e.getKey()).append(" 年度 (").append(e.getValue().size())
          .append(" lines)</summary>\n");
      tree(e.getKey(), e.getValue());
      out.append("</details>\n");
      latest = false;
    }
    out.append("</section>\n");
  }

  private void tree(int year, List<Line> lines) {
    TreeMap<String, Line> coded = new TreeMap<>();
    List<Line> uncoded = new ArrayList<>();
    for (Line l : lines) {
      if (l.code() != null && CODED.matcher(l.code()).matches()) {
        coded.put(l.code(), l);
      } else {
        uncoded.add(l);
      }
    }
    // Every 类 and 款 that a line implies, listed or not, in code order.
    TreeMap<String, TreeMap<String, List<String>>> classes = new TreeMap<>();
    for (String code : coded.keySet()) {
      TreeMap<String, List<String>> groups = classes.computeIfAbsent(code.substring(0, 3), k -> new TreeMap<>());
      if (code.length() >= 5) {
        List<String> items = groups.computeIfAbsent(code.substring(0, 5), k -> new ArrayList<>());
        if (code.length() == 7) {
          items.add(code);
        }
      }
    }
    out.append("<div class=\"fn-tree\">");
    for (Map.Entry<String, TreeMap<String, List<String>>> c : classes.entrySet()) {
      String id = "fn-" + year + "-" + c.getKey();
      if (c.getValue().isEmpty()) {
        out.append("<div class=\"fn-class fn-leaf\" id=\"").append(id).append("\">");
        lineSummary(c.getKey(), coded.get(c.getKey()), "类");
        out.append("</div>");
        continue;
      }
      out.append("<details class=\"fn-class\" id=\"").append(id).append("\"><summary>");
      lineSummary(c.getKey(), coded.get(c.getKey()), "类");
      out.append("</summary>");
      for (Map.Entry<String, List<String>> g : c.getValue().entrySet()) {
        String gid = "fn-" + year + "-" + g.getKey();
        if (g.getValue().isEmpty()) {
          out.append("<div class=\"fn-group fn-leaf\" id=\"").append(gid).append("\">");
          lineSummary(g.getKey(), coded.get(g.getKey()), "款");
          out.append("</div>");
          continue;
        }
        out.append("<details class=\"fn-group\" id=\"").append(gid).append("\"><summary>");
        lineSummary(g.getKey(), coded.get(g.getKey()), "款");
        out.append("</summary><table class=\"fn-items\"><thead><tr><th>项 item</th><th>").append(label(FieldCatalogue.FUNCTION_NAME))
            .append("</th><th>").append(label(FieldCatalogue.BUDGET_INITIAL)).append("</th><th>")
            .append(label(FieldCatalogue.ACTUAL)).append("</th><th>执行率 rate</th><th>公开 printed</th></tr></thead><tbody>");
        for (String item : g.getValue()) {
          Line l = coded.get(item);
          out.append("<tr class=\"fn-item\" id=\"fn-").append(year).append("-").append(esc(item)).append("\"><td><code>")
              .append(esc(item)).append("</code></td><td>").append(esc(l.name())).append("</td><td class=\"num\">")
              .append(figure(Html.money(l.budget()), unit.source(l, "budget_initial"))).append("</td><td class=\"num\">")
              .append(figure(Html.money(l.actual()), unit.source(l, "actual"))).append("</td><td class=\"num\">")
              .append(Html.pct(rate(l.budget(), l.actual()))).append("</td><td class=\"num\">")
              .append(figure(Html.pct(l.printedRatePct()), unit.source(l, "execution_rate_pct"))).append("</td></tr>");
        }
        out.append("</tbody></table></details>");
      }
      out.append("</details>");
    }
    if (!uncoded.isEmpty()) {
      out.append("<details class=\"fn-class\"><summary>未编码 lines without a code (").append(uncoded.size())
          .append(")</summary><table class=\"fn-items\"><tbody>");
      for (Line l : uncoded) {
        out.append("<tr><td>").append(esc(l.name())).append("</td><td class=\"num\">")
            .append(figure(Html.money(l.budget()), unit.source(l, "budget_initial"))).append("</td><td class=\"num\">")
            .append(figure(Html.money(l.actual()), unit.source(l, "actual"))).append("</td><td class=\"num\">")
            .append(Html.pct(rate(l.budget(), l.actual()))).append("</td></tr>");
      }
      out.append("</tbody></table></details>");
    }
    out.append("</div>\n");
  }

  /** A 类 or 款 line in one row: code, name, budget, actual, rates; a code without its own line says so. */
  private void lineSummary(String code, Line line, String level) {
    out.append("<span class=\"fn-code\"><code>").append(esc(code)).append("</code> <small>").append(level)
        .append("</small></span> ");
    if (line == null) {
      out.append("<span class=\"fn-name muted\">未单独列示 not listed on its own</span>");
      return;
    }
    out.append("<span class=\"fn-name\">").append(esc(line.name())).append("</span><span class=\"fn-figs\">")
        .append("预算 budget ").append(figure(Html.money(line.budget()), unit.source(line, "budget_initial")))
        .append(" · 决算 actual ").append(figure(Html.money(line.actual()), unit.source(line, "actual")))
        .append(" · 执行率 rate ").append(Html.pct(rate(line.budget(), line.actual())))
        .append(" · 公开 printed ").append(figure(Html.pct(line.printedRatePct()), unit.source(line, "execution_rate_pct")))
        .append("</span>");
  }

  /** Projects by name, one row per year, so a project that recurs reads as one block of years. */
  private void projects() {
    out.append("<section id=\"projects\"><h2>项目 Projects across years</h2>\n");
    if (unit.projects().isEmpty()) {
      out.append("<p class=\"no-data\">无项目自评数据 — no project self-evaluations in silver.project for this unit.</p></section>\n");
      return;
    }
    Map<String, List<ProjectYear>> byName = new LinkedHashMap<>();
    unit.projects().forEach(p -> byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p));
    int allYears = (int) unit.years().stream().map(Year::fiscalYear).distinct().count();
    out.append("<p>").append(byName.size()).append(" projects; the same project name is one block, one row per year it ")
        .append("was evaluated (of the unit's ").append(allYears).append(allYears == 1 ? " year" : " years").append(").")
        .append(cutNote(unit.projects().size(), unit.projectsTotal(), "project-years", "silver.project")).append("</p>\n");
    Map<String, FlagList.Flag> flagged = new LinkedHashMap<>();
    for (FlagList.Flag f : unit.flags()) {
      if ("project".equals(f.level())) {
        flagged.putIfAbsent(f.fiscalYear() + "|" + f.subject(), f);
      }
    }
    out.append("<table class=\"projects\"><thead><tr><th>").append(label(FieldCatalogue.PROJECT_NAME))
        .append("</th><th>年度 year</th><th>").append(label(FieldCatalogue.PROJECT_BUDGET)).append("</th><th>")
        .append(label(FieldCatalogue.PROJECT_ACTUAL)).append("</th><th>执行率 rate (公开 printed)</th><th>")
        .append(label(FieldCatalogue.EXECUTION_SCORE)).append("</th><th>").append(label(FieldCatalogue.TOTAL_SCORE))
        .append("</th><th>预警 flag</th></tr></thead><tbody>");
    int n = 0;
    for (Map.Entry<String, List<ProjectYear>> e : byName.entrySet()) {
      List<ProjectYear> rows = e.getValue();
      n++;
      for (int i = 0; i < rows.size(); i++) {
        ProjectYear p = rows.get(i);
        out.append("<tr class=\"project-year\" data-project=\"").append(n).append("\" data-year=\"").append(p.fiscalYear())
            .append("\">");
        if (i == 0) {
          out.append("<th scope=\"rowgroup\" rowspan=\"").append(rows.size()).append("\" class=\"project-name\">")
              .append(esc(p.name())).append("<br><small>").append(rows.size()).append(" / ").append(allYears)
              .append(allYears == 1 ? " year" : " years").append(p.category() == null ? "" : " · " + esc(p.category()))
              .append("</small></th>");
        }
        FlagList.Flag f = flagged.get(p.fiscalYear() + "|" + p.name());
        out.append("<td>").append(p.fiscalYear()).append("</td><td class=\"num\">")
            .append(figure(Html.money(p.budget()), unit.source(p, "budget"))).append("</td><td class=\"num\">")
            .append(figure(Html.money(p.actual()), unit.source(p, "actual"))).append("</td><td class=\"num\">")
            .append(figure(Html.pct(p.printedRatePct()), unit.source(p, "execution_rate_pct"))).append("</td><td class=\"num\">")
            .append(figure(Html.num(p.executionScore()), unit.source(p, "execution_score"))).append("</td><td class=\"num\">")
            .append(figure(Html.num(p.totalScore()), unit.source(p, "total_score"))).append("</td><td>")
            .append(f == null ? "" : "<a href=\"#flags\" class=\"badge sev-" + esc(f.severity()) + "\">" + esc(f.severity()) + "</a>")
            .append("</td></tr>");
      }
    }
    out.append("</tbody></table></section>\n");
  }

  private void findings() {
    out.append("<section id=\"findings\"><h2>一致性发现 Findings while reading the documents</h2>\n");
    if (unit.findings().isEmpty()) {
      out.append("<p>No findings: every document of this unit adds up.</p></section>\n");
      return;
    }
    out.append("<p>").append(unit.findingsTotal()).append(" findings")
        .append(cutNote(unit.findings().size(), unit.findingsTotal(), "findings", "silver.finding")).append("</p>\n")
        .append("<table class=\"findings\"><thead><tr><th>年度 year</th><th>级别 severity</th><th>规则 rule</th>")
        .append("<th>说明 explanation</th><th>证据 evidence</th></tr></thead><tbody>");
    for (UnitPageData.Finding f : unit.findings()) {
      out.append("<tr><td>").append(f.fiscalYear()).append("</td><td><span class=\"badge sev-").append(esc(f.severity()))
          .append("\">").append(esc(f.severity())).append("</span></td><td><code>").append(esc(f.rule())).append("</code></td>")
          .append("<td class=\"explanation\"><div lang=\"zh\">").append(esc(f.message())).append("</div><div lang=\"en\">")
          .append(esc(f.messageEn())).append("</div></td><td class=\"source\">").append(esc(f.evidence())).append("</td></tr>");
    }
    out.append("</tbody></table></section>\n");
  }

  private void flags() {
    out.append("<section id=\"flags\"><h2>预警 Flags</h2>\n");
    if (unit.flagsTotal() > unit.flags().size()) {
      out.append("<p>").append(cutNote(unit.flags().size(), unit.flagsTotal(), "flags", "csv/gold.flags.csv").strip())
          .append("</p>");
    }
    FlagTable.append(out, unit.flags(), null);
    out.append("</section>\n");
  }

  private void sourceList() {
    out.append("<section id=\"sources\"><h2>来源 Sources</h2>\n");
    if (sources.isEmpty()) {
      out.append("<p>No figure of this page has a recorded source line (silver.provenance).</p></section>\n");
      return;
    }
    out.append("<p>Where each linked figure was stated: file, page (PDF), line and the text there.</p><ol class=\"sources\">");
    sources.forEach((s, n) -> {
      out.append("<li id=\"src-").append(n).append("\"><code>").append(esc(s.file())).append(s.page() == null ? "" : " p. " + s.page())
          .append(s.line() == null ? "" : ":" + s.line()).append("</code>");
      if (s.text() != null) {
        out.append(" <q>").append(esc(s.text())).append("</q>");
      }
      out.append("</li>");
    });
    out.append("</ol></section>\n");
  }

  /** A shown figure, linked to its numbered source when provenance has one. */
  private String figure(String shown, Source source) {
    if (source == null || "—".equals(shown)) {
      return shown;
    }
    int n = sources.computeIfAbsent(source, s -> sources.size() + 1);
    String where = (source.file() == null ? "" : source.file()) + (source.page() == null ? "" : " p. " + source.page())
        + (source.line() == null ? "" : ":" + source.line());
    return "<a class=\"src\" href=\"#src-" + n + "\" title=\"" + esc(where) + "\">" + shown + "</a>";
  }

  private static String cutNote(int shown, long total, String what, String where) {
    return total > shown ? " The first " + shown + " of " + total + " " + what + " are shown; all are in " + where + "." : "";
  }

  private static String label(Field f) {
    return esc(f.zh()) + " " + esc(f.en());
  }

  private static BigDecimal rate(BigDecimal budget, BigDecimal actual) {
    if (budget == null || actual == null || budget.signum() <= 0) {
      return null;
    }
    return actual.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP);
  }

  private void chart(ChartSpec spec, String description) {
    String id = "chart-" + (++charts);
    out.append("<div class=\"chart\" style=\"height:220px\"><canvas class=\"fs-chart unit-history\" data-config=\"")
        .append(id).append("\" role=\"img\" aria-label=\"").append(esc(description))
        .append("\"></canvas></div><script type=\"application/json\" id=\"").append(id).append("\">")
        .append(spec.toJson()).append("</script>");
  }
}
