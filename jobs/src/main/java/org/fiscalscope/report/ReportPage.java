package org.fiscalscope.report;

import static org.fiscalscope.report.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.metrics.DisclosureCriterion;

/** Renders the report's content as one self-contained HTML page: styles, data and the chart library inline. */
final class ReportPage {

  /** What was rendered: the page and how many charts and unit sections it holds. */
  record Rendered(String html, int charts, int unitSections) {}

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final String NO_DATA = "<p class=\"no-data\">暂无数据 — no data yet: %s is not in the lake (the %s job has not run).</p>";

  /** The note standing in for a section whose table its stage has not written yet. */
  private static String noData(LakeTable table) {
    return String.format(NO_DATA, table, table.owner().verb());
  }

  private final ReportContent content;
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private int charts;

  private ReportPage(ReportContent content) {
    this.content = content;
  }

  static Rendered render(ReportContent content) {
    ReportPage page = new ReportPage(content);
    page.page();
    return new Rendered(page.out.toString(), page.charts, content.units().size());
  }

  private void page() {
    out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>FiscalScope 部门决算 nightly report ").append(esc(content.runDate())).append("</title>\n")
        .append("<style>").append(resource("report.css")).append("</style>\n</head>\n<body>\n");
    out.append("<header><h1>FiscalScope 部门决算对比 · nightly report</h1><p class=\"meta\">run date ")
        .append(esc(content.runDate())).append(" · generated ").append(esc(STAMP.format(content.generatedAt())))
        .append("</p>\n<nav><a href=\"#summary\">概况 Summary</a><a href=\"#ranking\">执行率 Execution</a>")
        .append("<a href=\"#scores\">绩效得分 Scores</a><a href=\"#three-public\">三公经费 Three public costs</a>")
        .append("<a href=\"#disclosure\">公开质量 Disclosure</a><a href=\"#flags\">预警 Flags</a><a href=\"#units\">单位 Units</a><a href=\"units/index.html\">全部单位 All units</a><a href=\"#exports\">CSV · Excel</a></nav></header>\n<main>\n");
    summary();
    ranking();
    scores();
    threePublic();
    disclosure();
    flags();
    units();
    exports();
    out.append("</main>\n<script>").append(library()).append("</script>\n<script>").append(resource("report.js"))
        .append("</script>\n</body>\n</html>\n");
  }

  private void summary() {
    Headline h = content.headline();
    out.append("<section id=\"summary\"><h2>概况 Summary</h2>\n<div class=\"cards\">");
    card("单位 units", String.valueOf(h.units()));
    card("单位年度 unit-years", String.valueOf(h.unitYears()));
    if (!h.years().isEmpty()) {
      Headline.YearTotals latest = h.years().get(0);
      card(latest.fiscalYear() + " 年初预算 budget (万元)", Html.money(latest.budget()));
      card(latest.fiscalYear() + " 决算 actual (万元)", Html.money(latest.actual()));
      card(latest.fiscalYear() + " 执行率 execution", Html.pct(latest.ratePct()));
    }
    content.flags().ifPresent(f -> f.bySeverity().forEach((severity, n) ->
        card("预警 flags · " + severity, String.valueOf(n), "sev-" + severity)));
    out.append("</div>\n");
    if (h.units() == 0) {
      out.append("<p class=\"no-data\">暂无数据 — no data yet: silver.unit_year is empty (run the ingest stage first).</p>");
    } else {
      out.append("<table><thead><tr><th>年度 year</th><th>单位 units</th><th>年初预算 budget (万元)</th>")
          .append("<th>决算 actual (万元)</th><th>执行率 execution</th></tr></thead><tbody>");
      for (Headline.YearTotals y : h.years()) {
        out.append("<tr><td>").append(y.fiscalYear()).append("</td><td class=\"num\">").append(y.units())
            .append("</td><td class=\"num\">").append(Html.money(y.budget())).append("</td><td class=\"num\">")
            .append(Html.money(y.actual())).append("</td><td class=\"num\">").append(Html.pct(y.ratePct())).append("</td></tr>");
      }
      out.append("</tbody></table>");
    }
    if (content.flags().isEmpty()) {
      out.append(noData(LakeTable.GOLD_FLAGS));
    }
    out.append("</section>\n");
  }

  private void card(String label, String value) {
    card(label, value, "");
  }

  private void card(String label, String value, String cssClass) {
    out.append("<div class=\"card ").append(esc(cssClass)).append("\"><div class=\"value\">").append(esc(value))
        .append("</div><div class=\"label\">").append(esc(label)).append("</div></div>");
  }

  private void ranking() {
    out.append("<section id=\"ranking\"><h2>执行率排名 Execution-rate ranking</h2>\n");
    if (content.ranking().isEmpty()) {
      out.append(noData(LakeTable.GOLD_EXECUTION)).append("</section>\n");
      return;
    }
    ExecutionRanking r = content.ranking().get();
    out.append("<p>").append(r.fiscalYear()).append(" 年度, ").append(r.units())
        .append(" 个单位 units; 执行率 = 决算 ÷ 年初预算 (recomputed; as reported when not recomputable).");
    if (r.hidden() > 0) {
      out.append(" Showing the highest ").append(r.highest().size()).append(" and the lowest ")
          .append(r.lowest().size()).append("; ").append(r.hidden())
          .append(" units in between are in csv/gold.execution.csv.");
    }
    out.append("</p>\n");
    List<ExecutionRanking.RankedUnit> shown = r.shown();
    double lowest = shown.stream().map(ExecutionRanking.RankedUnit::ratePct).mapToDouble(BigDecimal::doubleValue).min().orElse(0);
    double highest = shown.stream().map(ExecutionRanking.RankedUnit::ratePct).mapToDouble(BigDecimal::doubleValue).max().orElse(100);
    double[] axis = {Math.max(0, Math.floor((lowest - 2) / 5) * 5), Math.ceil(highest / 5) * 5};
    out.append("<div class=\"pair\">");
    rankingChart(r.highest(), r.lowest().isEmpty() ? "执行率 execution rate %" : "最高 highest " + r.highest().size(),
        ChartSpec.PALETTE[0], axis, r.fiscalYear());
    if (!r.lowest().isEmpty()) {
      rankingChart(r.lowest(), "最低 lowest " + r.lowest().size(), ChartSpec.PALETTE[1], axis, r.fiscalYear());
    }
    out.append("</div>");
    out.append("<details><summary>表格 table</summary><table><thead><tr><th>排名 rank</th><th>单位 unit</th><th>年初预算 budget (万元)</th><th>决算 actual (万元)</th>")
        .append("<th>执行率 rate</th><th>公开 reported</th></tr></thead><tbody>");
    for (int i = 0; i < shown.size(); i++) {
      ExecutionRanking.RankedUnit u = shown.get(i);
      if (i == r.highest().size() && r.hidden() > 0) {
        out.append("<tr class=\"gap\"><td colspan=\"6\">… ").append(r.hidden()).append(" units …</td></tr>");
      }
      out.append("<tr><td class=\"num\">").append(u.rank()).append("</td><td>").append(unitLink(u.unitId(), u.unitName()))
          .append("</td><td class=\"num\">").append(Html.money(u.budget())).append("</td><td class=\"num\">")
          .append(Html.money(u.actual())).append("</td><td class=\"num\">").append(Html.pct(u.ratePct()))
          .append("</td><td class=\"num\">").append(Html.pct(u.reportedPct())).append("</td></tr>");
    }
    out.append("</tbody></table></details></section>\n");
  }

  private void disclosure() {
    out.append("<section id=\"disclosure\"><h2>信息公开质量 Disclosure quality by district</h2>\n");
    if (content.disclosure().isEmpty()) {
      out.append(String.format(NO_DATA, "gold.disclosure_quality", "metrics")).append("</section>\n");
      return;
    }
    DisclosureRanking r = content.disclosure().get();
    out.append("<p>").append(r.fiscalYear()).append(" 年度. 得分 score 0–100 = weighted mean of the criteria known (权重 weight): ");
    StringBuilder heads = new StringBuilder();
    for (DisclosureCriterion c : DisclosureCriterion.values()) {
      out.append(c == DisclosureCriterion.TABLES ? "" : " · ").append(esc(c.zh())).append(" ").append(esc(c.en()))
          .append(" (").append(c.weight()).append(")");
      heads.append("<th>").append(esc(c.zh())).append("</th>");
    }
    out.append(". — 未知 = not known (the lake cannot judge it), not failed.");
    if (r.districtsTotal() > r.districts().size()) {
      out.append(" Showing ").append(r.districts().size()).append(" of ").append(r.districtsTotal())
          .append(" districts; all are in csv/gold.disclosure_quality.csv and the workbook.");
    }
    out.append("</p>\n");
    for (DisclosureRanking.District d : r.districts()) {
      out.append("<details class=\"district\"><summary>").append(esc(d.region())).append(" — ").append(d.units())
          .append(" 个单位 units, 平均 mean ").append(Html.num(d.meanScore())).append("</summary>")
          .append("<table><thead><tr><th>排名 rank</th><th>单位 unit</th><th>得分 score</th>").append(heads)
          .append("<th>缺失 missing</th></tr></thead><tbody>");
      int columns = 4 + DisclosureCriterion.values().length;
      List<DisclosureRanking.RatedUnit> shown = d.shown();
      for (int i = 0; i < shown.size(); i++) {
        DisclosureRanking.RatedUnit u = shown.get(i);
        if (i == d.bestShown() && d.hidden() > 0) {
          out.append("<tr class=\"gap\"><td colspan=\"").append(columns).append("\">… ").append(d.hidden())
              .append(" units …</td></tr>");
        }
        out.append("<tr><td class=\"num\">").append(u.rank()).append("</td><td>").append(unitLink(u.unitId(), u.unitName()))
            .append("</td><td class=\"num\"><strong>").append(Html.num(u.score())).append("</strong></td>");
        for (BigDecimal c : u.criteria()) {
          out.append("<td class=\"num\">").append(c == null ? "<span class=\"muted\" title=\"not known\">未知</span>"
              : Html.num(c)).append("</td>");
        }
        out.append("<td>").append(esc(u.missing() == null ? "—" : u.missing())).append("</td></tr>");
      }
      out.append("</tbody></table></details>\n");
    }
    out.append("</section>\n");
  }

  /** One end of the ranking; both ends share the axis range {min, max} so their bars compare. */
  private void rankingChart(List<ExecutionRanking.RankedUnit> units, String title, String colour, double[] axis, int year) {
    ChartSpec chart = ChartSpec.horizontalBar().title(title)
        .labels(units.stream().map(u -> "#" + u.rank() + " " + label(u.unitId(), u.unitName())).toList())
        .series("执行率 execution rate %", units.stream().map(ExecutionRanking.RankedUnit::ratePct).toList())
        .barColours(units.stream().map(u -> colour).toList())
        .valueAxis("x", axis[0], axis[1])
        .axisTitles("执行率 %", null);
    out.append("<figure>");
    chart(chart, "ranking", 80 + 16 * units.size(), "Execution rate by unit, " + year + ": " + title);
    out.append("</figure>");
  }

  private void scores() {
    out.append("<section id=\"scores\"><h2>绩效自评得分分布 Performance-score distribution</h2>\n");
    if (content.scores().isEmpty()) {
      out.append(noData(LakeTable.GOLD_SCORE_DISTRIBUTION)).append("</section>\n");
      return;
    }
    ScoreHistograms s = content.scores().get();
    out.append("<p>").append(s.fiscalYear()).append(" 年度 self-evaluation total scores per peer group (")
        .append(s.peerGroups()).append(" groups");
    if (s.peerGroups() > s.shown().size()) {
      out.append(", the largest ").append(s.shown().size()).append(" shown; all in csv/gold.score_distribution.csv");
    }
    out.append("), as a share of each scope's scores; counts are in the CSV. A tall 100 bar means score inflation. Under each chart, the count of each official grade band: "
        + esc(java.util.Arrays.stream(org.fiscalscope.document.ScoreGrade.values()).map(org.fiscalscope.document.ScoreGrade::range)
            .collect(java.util.stream.Collectors.joining(", "))) + ".</p>\n<div class=\"grid\">");
    for (ScoreHistograms.PeerGroup g : s.shown()) {
      ChartSpec chart = ChartSpec.bar().labels(ScoreHistograms.BIN_LABELS).axisTitles("得分 score", "占比 share %")
          .title(g.name());
      StringBuilder caption = new StringBuilder();
      for (Map.Entry<String, ScoreHistograms.Histogram> e : g.byScope().entrySet()) {
        ScoreHistograms.Histogram h = e.getValue();
        chart.series(e.getKey() + " (n=" + h.n() + ")", h.sharesPct());
        caption.append(esc(e.getKey())).append(": n=").append(h.n()).append(", median ").append(Html.num(h.median()))
            .append(", 满分 100 share ").append(h.perfectShare() == null ? "—" : Html.pct(h.perfectShare() * 100));
        if (h.grades() != null) {
          caption.append("; ");
          for (org.fiscalscope.document.ScoreGrade grade : org.fiscalscope.document.ScoreGrade.values()) {
            caption.append(grade == org.fiscalscope.document.ScoreGrade.EXCELLENT ? "" : " · ")
                .append(esc(grade.zh())).append(' ').append(h.grades().get(grade.ordinal()));
          }
        }
        caption.append("<br>");
      }
      out.append("<figure>");
      chart(chart, "score-histogram", 240, "Score histogram of " + g.name());
      out.append("<figcaption>").append(caption).append("</figcaption></figure>");
    }
    out.append("</div></section>\n");
  }

  private void threePublic() {
    out.append("<section id=\"three-public\"><h2>三公经费 只减不增 Three public costs that rose</h2>\n");
    if (content.threePublic().isEmpty()) {
      out.append(noData(LakeTable.GOLD_THREE_PUBLIC_TREND)).append("</section>\n");
      return;
    }
    ThreePublicBreaks t = content.threePublic().get();
    if (t.units() == 0) {
      out.append("<p>No unit's three public costs rose over the prior year (只减不增 kept everywhere).</p></section>\n");
      return;
    }
    out.append("<p>").append(t.units()).append(t.units() == 1 ? " unit" : " units").append(" spent more than in the prior year in at least one category")
        .append(t.units() > t.shown().size() ? "; the " + t.shown().size() + " with the largest increase are shown" : "")
        .append(". Red points mark the years that broke 只减不增. Amounts in 万元.</p>\n<div class=\"grid\">");
    for (ThreePublicBreaks.UnitTrend u : t.shown()) {
      ChartSpec chart = ChartSpec.line().labels(u.years()).axisTitles("年度 year", "万元").title(label(u.unitId(), u.unitName()));
      u.actual().forEach((category, values) -> {
        chart.series(ThreePublicBreaks.CATEGORY_NAMES.getOrDefault(category, category), values);
        chart.markLast(u.breaks().get(category));
      });
      out.append("<figure>");
      chart(chart, "three-public", 260, "Three public costs of " + label(u.unitId(), u.unitName()));
      out.append("<figcaption>").append(unitLink(u.unitId(), u.unitName())).append(" — rose in: ")
          .append(esc(String.join(", ", u.brokenCategories().stream()
              .map(c -> ThreePublicBreaks.CATEGORY_NAMES.getOrDefault(c, c)).toList()))).append("</figcaption></figure>");
    }
    out.append("</div></section>\n");
  }

  private void flags() {
    out.append("<section id=\"flags\"><h2>预警 Flags</h2>\n");
    if (content.flags().isEmpty()) {
      out.append(noData(LakeTable.GOLD_FLAGS)).append("</section>\n");
      return;
    }
    FlagList f = content.flags().get();
    out.append("<p>").append(f.total()).append(" flags");
    if (f.hidden() > 0) {
      out.append("; the ").append(f.shown().size()).append(" most severe are listed, ").append(f.hidden())
          .append(" more in csv/gold.flags.csv");
    }
    out.append(".</p>\n");
    flagTable(f.shown(), true);
    out.append("</section>\n");
  }

  private void flagTable(List<FlagList.Flag> flags, boolean withUnit) {
    FlagTable.append(out, flags, withUnit ? x -> unitLink(x.unitId(), x.unitName()) : null);
  }

  private void units() {
    out.append("<section id=\"units\"><h2>单位 Units against their peer group</h2>\n");
    if (content.units().isEmpty()) {
      out.append("<p class=\"no-data\">暂无数据 — no data yet: no unit is flagged or ranked.</p></section>\n");
      return;
    }
    out.append("<p>Flagged units and the lowest execution rates, ").append(content.units().size())
        .append(" units. Peer group: units of the same kind (单位类型) in the same year; dashed lines are the peer median.</p>\n<ul class=\"unit-index\">");
    for (UnitHistory u : content.units()) {
      out.append("<li><a href=\"#").append(Html.unitAnchor(u.unitId())).append("\">").append(esc(label(u.unitId(), u.unitName())))
          .append("</a></li>");
    }
    out.append("</ul>\n<p>Every unit has its own page: functional lines 类 → 款 → 项, projects across years, findings, ")
        .append("flags and sources — <a href=\"units/index.html\">全部单位 all units</a>.</p>\n");
    for (UnitHistory u : content.units()) {
      unit(u);
    }
    out.append("</section>\n");
  }

  private void unit(UnitHistory u) {
    out.append("<article class=\"unit\" id=\"").append(Html.unitAnchor(u.unitId())).append("\"><h3>")
        .append(esc(label(u.unitId(), u.unitName()))).append("</h3><p class=\"meta\">unit_id <code>").append(esc(u.unitId()))
        .append("</code> · peer group ").append(esc(u.peerGroup())).append(" · <a href=\"units/").append(Html.unitFile(u.unitId()))
        .append("\">单位页面 unit page →</a> · <a href=\"#units\">↑ units</a></p>");
    List<Integer> years = u.years().stream().map(UnitHistory.Year::fiscalYear).toList();
    ChartSpec rate = ChartSpec.line().labels(years).axisTitles("年度 year", "执行率 %").title("执行率 execution rate")
        .series(label(u.unitId(), u.unitName()), u.years().stream().map(UnitHistory.Year::ratePct).toList())
        .series("同类中位数 peer median", u.years().stream().map(UnitHistory.Year::peerRatePct).toList()).dashedLast();
    ChartSpec costs = ChartSpec.line().labels(years).axisTitles("年度 year", "万元").title("三公经费 three public costs")
        .series(label(u.unitId(), u.unitName()), u.years().stream().map(UnitHistory.Year::threePublic).toList())
        .series("同类中位数 peer median", u.years().stream().map(UnitHistory.Year::peerThreePublic).toList()).dashedLast();
    out.append("<div class=\"grid\"><figure>");
    chart(rate, "unit-history", 220, "Execution rate of " + label(u.unitId(), u.unitName()) + " against its peer median");
    out.append("</figure><figure>");
    chart(costs, "unit-history", 220, "Three public costs of " + label(u.unitId(), u.unitName()) + " against its peer median");
    out.append("</figure></div>");
    out.append("<table><thead><tr><th>年度 year</th><th>年初预算 budget</th><th>决算 actual</th><th>执行率 rate</th>")
        .append("<th>同类中位数 peer median</th><th>三公 three public</th><th>同类中位数 peer median</th>")
        .append("<th>自评得分 score</th><th>同类中位数 peer median</th><th>同类单位 peers</th></tr></thead><tbody>");
    for (UnitHistory.Year y : u.years()) {
      out.append("<tr><td>").append(y.fiscalYear()).append("</td><td class=\"num\">").append(Html.money(y.budget()))
          .append("</td><td class=\"num\">").append(Html.money(y.actual())).append("</td><td class=\"num\">")
          .append(Html.pct(y.ratePct())).append("</td><td class=\"num\">").append(Html.pct(y.peerRatePct()))
          .append("</td><td class=\"num\">").append(Html.money(y.threePublic())).append("</td><td class=\"num\">")
          .append(y.peerThreePublic() == null ? "—" : Html.money(BigDecimal.valueOf(y.peerThreePublic())))
          .append("</td><td class=\"num\">").append(Html.num(y.score())).append("</td><td class=\"num\">")
          .append(Html.num(y.peerScore())).append("</td><td class=\"num\">").append(y.peers()).append("</td></tr>");
    }
    out.append("</tbody></table>");
    if (!u.flags().isEmpty()) {
      out.append("<h4>预警 flags</h4>");
      flagTable(u.flags(), false);
    }
    out.append("</article>\n");
  }

  private void exports() {
    out.append("<section id=\"exports\"><h2>CSV · Excel exports</h2>");
    if (content.workbookFile() != null) {
      out.append("<p>工作簿 Workbook: <a href=\"").append(esc(content.workbookFile())).append("\">").append(esc(content.workbookFile()))
          .append("</a> — a sheet per gold table (Chinese and English headers) and per flagged unit; its first sheet says ")
          .append("what each sheet holds and what is cut.</p>");
    }
    if (content.csvTables().isEmpty()) {
      out.append("<p class=\"no-data\">暂无数据 — no gold table is in the lake yet.</p>");
    } else {
      out.append("<ul>");
      for (String t : content.csvTables()) {
        out.append("<li><a href=\"csv/").append(esc(t)).append(".csv\">").append(esc(t)).append(".csv</a></li>");
      }
      out.append("</ul>");
    }
    out.append("</section>\n");
  }

  /** A chart: a sized canvas and its configuration beside it, drawn by report.js. */
  private void chart(ChartSpec spec, String kind, int height, String description) {
    String id = "chart-" + (++charts);
    out.append("<div class=\"chart\" style=\"height:").append(height).append("px\"><canvas class=\"fs-chart ")
        .append(esc(kind)).append("\" data-config=\"").append(id).append("\" role=\"img\" aria-label=\"")
        .append(esc(description)).append("\"></canvas></div><script type=\"application/json\" id=\"").append(id)
        .append("\">").append(spec.toJson()).append("</script>");
  }

  /** A unit's name linking to its page under units/ (every unit of silver.unit_year has one). */
  private static String unitLink(String unitId, String unitName) {
    return "<a href=\"units/" + Html.unitFile(unitId) + "\">" + esc(label(unitId, unitName)) + "</a>";
  }

  private static String label(String unitId, String unitName) {
    return unitName == null || unitName.isBlank() ? unitId : unitName;
  }

  /** The vendored Chart.js, without its source-map comment (the map is not shipped). */
  static String library() {
    return resource("chart.umd.min.js").replaceAll("(?m)^//# sourceMappingURL=.*$", "");
  }

  static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream("/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("report asset missing from the jar: report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
