package org.fiscalscope.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** One unit's page content as plain values, read from a row of {@link UnitPages#content} (on an executor). */
record UnitPageData(String unitId, String unitName, String peerGroup, String region, String parentName,
    List<Year> years, List<Line> lines, long linesTotal, List<ProjectYear> projects, long projectsTotal,
    List<Finding> findings, long findingsTotal, List<FlagList.Flag> flags, long flagsTotal,
    Map<String, Source> sources) {

  /** Where a figure was stated: file, page (PDF), line and the text there. */
  record Source(String file, Integer page, Integer line, String text) {}

  /** The unit's figures of one year beside its peer group's medians. */
  record Year(int fiscalYear, BigDecimal budget, BigDecimal actual, BigDecimal ratePct, Double peerRatePct,
      BigDecimal threePublic, Double peerThreePublic, BigDecimal score, Double peerScore, long peers, String sourceFile) {}

  /** A functional line (类, 款 or 项) of one year, at position {@code seq} of its document. */
  record Line(int fiscalYear, String code, String name, BigDecimal budget, BigDecimal actual, BigDecimal printedRatePct,
      Integer seq) {}

  /** A project's self-evaluation figures of one year, at position {@code seq} of its document. */
  record ProjectYear(String name, int fiscalYear, String category, BigDecimal budget, BigDecimal actual,
      BigDecimal printedRatePct, BigDecimal executionScore, BigDecimal totalScore, Integer seq) {}

  /** Where a figure of the unit's document of {@code fiscalYear} at {@code pointer} was stated; null if unknown. */
  Source source(int fiscalYear, String pointer) {
    return sources.get(UnitPages.sourceKey(fiscalYear, pointer));
  }

  /** The source of a figure of a functional line. */
  Source source(Line l, String figure) {
    return l.seq() == null ? null : source(l.fiscalYear(), "/functions/" + (l.seq() - 1) + "/" + figure);
  }

  /** The source of a figure of a project. */
  Source source(ProjectYear p, String figure) {
    return p.seq() == null ? null : source(p.fiscalYear(), "/performance/projects/" + (p.seq() - 1) + "/" + figure);
  }

  /** A consistency finding raised while reading the unit's document of one year. */
  record Finding(int fiscalYear, String rule, String subject, String severity, String message, String messageEn,
      String evidence) {}

  String label() {
    return unitName == null || unitName.isBlank() ? unitId : unitName;
  }

  static UnitPageData of(Row r) {
    List<Year> years = list(r, "years", y -> new Year(Frames.integer(y, "fiscal_year"), Frames.decimal(y, "budget"),
        Frames.decimal(y, "actual"), Frames.decimal(y, "rate_pct"), Frames.real(y, "peer_rate_pct"),
        Frames.decimal(y, "three_public"), Frames.real(y, "peer_three_public"), Frames.decimal(y, "score"),
        Frames.real(y, "peer_score"), Frames.count(y, "peers"), Frames.string(y, "source_file")));
    years.sort(Comparator.comparingInt(Year::fiscalYear));
    List<Line> lines = list(r, "lines", l -> new Line(Frames.integer(l, "fiscal_year"), Frames.string(l, "code"),
        Frames.string(l, "name"), Frames.decimal(l, "budget_initial"), Frames.decimal(l, "actual"),
        Frames.decimal(l, "execution_rate_pct"), Frames.integer(l, "line_seq")));
    List<ProjectYear> projects = list(r, "projects", p -> new ProjectYear(Frames.string(p, "project_name"),
        Frames.integer(p, "fiscal_year"), Frames.string(p, "category"), Frames.decimal(p, "budget"),
        Frames.decimal(p, "actual"), Frames.decimal(p, "execution_rate_pct"), Frames.decimal(p, "execution_score"),
        Frames.decimal(p, "total_score"), Frames.integer(p, "project_seq")));
    projects.sort(Comparator.comparing(ProjectYear::name).thenComparingInt(ProjectYear::fiscalYear));
    List<Finding> findings = list(r, "findings", f -> new Finding(Frames.integer(f, "fiscal_year"),
        Frames.string(f, "rule"), Frames.string(f, "subject"), Frames.string(f, "severity"),
        Frames.string(f, "message"), Frames.string(f, "message_en"), Frames.string(f, "evidence")));
    findings.sort(Comparator.comparing(Finding::fiscalYear, Comparator.reverseOrder())
        .thenComparing(f -> severityRank(f.severity())).thenComparing(Finding::rule)
        .thenComparing(Finding::subject, Comparator.nullsFirst(Comparator.naturalOrder())));
    List<FlagList.Flag> flags = list(r, "flags", FlagList::flag);
    flags.sort(Comparator.comparing((FlagList.Flag f) -> FlagList.SEVERITIES.indexOf(f.severity()))
        .thenComparing(FlagList.Flag::fiscalYear, Comparator.reverseOrder()).thenComparing(FlagList.Flag::rule)
        .thenComparing(FlagList.Flag::subject));
    return new UnitPageData(Frames.string(r, "unit_id"), Frames.string(r, "unit_name"), Frames.string(r, "peer_group"),
        Frames.string(r, "region"), Frames.string(r, "parent_name"), years, lines, Frames.count(r, "lines_total"),
        projects, Frames.count(r, "projects_total"), findings, Frames.count(r, "findings_total"), flags,
        Frames.count(r, "flags_total"), sources(r));
  }

  private static int severityRank(String severity) {
    return "error".equals(severity) ? 0 : "warning".equals(severity) ? 1 : 2;
  }

  private static <T> List<T> list(Row r, String field, Function<Row, T> read) {
    int i = r.fieldIndex(field);
    List<T> out = new ArrayList<>();
    if (!r.isNullAt(i)) {
      for (Object o : r.getList(i)) {
        out.add(read.apply((Row) o));
      }
    }
    return out;
  }

  private static Map<String, Source> sources(Row r) {
    int i = r.fieldIndex("sources");
    Map<String, Source> out = new LinkedHashMap<>();
    if (!r.isNullAt(i)) {
      Map<String, Row> m = r.getJavaMap(i);
      m.forEach((figure, s) -> out.put(figure, new Source(Frames.string(s, "file"), Frames.integer(s, "page"),
          Frames.integer(s, "line"), Frames.string(s, "text"))));
    }
    return out;
  }
}
