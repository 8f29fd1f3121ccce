package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Indicator;
import org.fiscalscope.document.Provenance;

/**
 * Rules on the indicator rows of every self-evaluation table: each score against the printed scoring rules
 * (≥X: weight × B/A, ≤X: weight × A/B, never above the weight; qualitative tiers 100–80%, 80–50%, 50–0% of the
 * weight) — {@link #scoreRules}, part of {@link DocumentRules} and so run on every merged unit-year — and, on a
 * document read from text, scores and weights adding up with the execution part to the total score and to 100, and
 * the number of indicators the narrative states. A gap of at most 0.01 per term is rounding (info), up to one point a
 * warning; a score the rule gives once rounded to the printed digits is rounding too.
 */
final class IndicatorAudit {

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal TOP_TIER = new BigDecimal("0.8");
  private static final BigDecimal LOW_TIER = new BigDecimal("0.5");
  private static final MathContext MC = MathContext.DECIMAL64;
  private static final Set<String> ACHIEVED = Set.of("完成", "已完成", "全部完成", "达成", "已达成", "达到", "实现", "已实现",
      "是", "达标", "合格", "已落实", "落实");
  private static final Set<String> MISSED = Set.of("未完成", "未达成", "未达到", "未实现", "否", "不达标", "不合格", "未落实");

  private final FinalAccount doc;
  private final Map<String, Figures.Candidate> figures;
  private final DocumentRules.Citation citation;
  private final List<Finding> findings = new ArrayList<>();

  private IndicatorAudit(FinalAccount doc, Map<String, Figures.Candidate> figures, DocumentRules.Citation citation) {
    this.doc = doc;
    this.figures = figures;
    this.citation = citation;
  }

  /** Each indicator's score against its printed weight and the printed scoring rules, in every table. */
  static List<Finding> scoreRules(FinalAccount doc, DocumentRules.Citation citation) {
    IndicatorAudit a = new IndicatorAudit(doc, Map.of(), citation);
    a.eachTable((p, e) -> {
      List<Indicator> rows = e.indicators();
      for (int j = 0; rows != null && j < rows.size(); j++) {
        a.indicator(p + "indicators/" + j + "/", rows.get(j));
      }
    });
    return a.findings;
  }

  /** The rules a document read from text adds: score and weight sums, the stated number of indicators. */
  static List<Finding> audit(FinalAccount doc, Map<String, Figures.Candidate> figures) {
    IndicatorAudit a = new IndicatorAudit(doc, figures, null);
    a.eachTable((p, e) -> {
      if (e.indicators() != null && !e.indicators().isEmpty()) {
        a.scoreSum(p, e);
        a.weightSum(p, e);
      }
    });
    if (doc.performance() != null && doc.performance().unitEvaluation() != null) {
      a.statedCount(doc.performance().unitEvaluation());
    }
    return a.findings;
  }

  private void eachTable(java.util.function.BiConsumer<String, Evaluation> rule) {
    if (doc.performance() == null) {
      return;
    }
    Evaluation u = doc.performance().unitEvaluation();
    if (u != null) {
      rule.accept("/performance/unit_evaluation/", u);
    }
    List<Evaluation> projects = doc.performance().projects();
    for (int i = 0; projects != null && i < projects.size(); i++) {
      rule.accept("/performance/projects/" + i + "/", projects.get(i));
    }
  }

  private void indicator(String p, Indicator in) {
    BigDecimal w = in.weight();
    BigDecimal s = in.score();
    if (w == null || s == null) {
      return;
    }
    if (s.compareTo(w) > 0) {
      findings.add(new Finding("indicator.score_above_weight", Finding.ERROR,
          "指标“" + in.name() + "”得分 " + plain(s) + " 超过其分值 " + plain(w) + "，得分不得突破权重。",
          "The indicator “" + in.name() + "” scores " + plain(s) + ", above its weight " + plain(w)
              + "; a score may not exceed its weight.",
          cite(p + "score", s) + "; " + cite(p + "weight", w)));
      return;
    }
    IndicatorValue target = IndicatorValue.of(in.target());
    IndicatorValue actual = IndicatorValue.of(in.actual());
    if (target == null || actual == null) {
      return;
    }
    if (target.isQuantitative() && actual.isQuantitative()) {
      quantitative(p, in, target, actual);
    } else if (!target.isQuantitative() && !actual.isQuantitative()) {
      qualitative(p, in);
    }
  }

  private void quantitative(String p, Indicator in, IndicatorValue target, IndicatorValue actual) {
    if (!target.unit().equals(actual.unit())) {
      return;
    }
    BigDecimal w = in.weight();
    BigDecimal a = target.number();
    BigDecimal b = actual.number();
    boolean positive = target.direction() == IndicatorValue.Direction.POSITIVE;
    BigDecimal numerator = positive ? b : a;
    BigDecimal denominator = positive ? a : b;
    BigDecimal expected = denominator.signum() <= 0 ? w : w.multiply(numerator).divide(denominator, MC).min(w).max(BigDecimal.ZERO);
    BigDecimal gap = expected.subtract(in.score()).abs();
    BigDecimal half = BigDecimal.ONE.movePointLeft(Math.max(in.score().scale(), 0)).divide(BigDecimal.valueOf(2));
    if (gap.compareTo(HALF_CENT) <= 0) {
      return;
    }
    String exp = expected.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    String rule = positive ? "分值 × 实际完成值 ÷ 目标值" : "分值 × 目标值 ÷ 实际完成值";
    String ruleEn = positive ? "weight × actual ÷ target" : "weight × target ÷ actual";
    String severity = gap.compareTo(half) <= 0 ? Finding.INFO : severity(gap, CENT);
    findings.add(new Finding("indicator.score_rule", severity,
        "指标“" + in.name() + "”（目标 " + in.target() + "，完成 " + in.actual() + "）得分 " + plain(in.score())
            + "，按评分规则（" + rule + "，不超过分值）应为 " + exp + "，相差 " + plain(gap.setScale(2, java.math.RoundingMode.HALF_UP))
            + (severity.equals(Finding.INFO) ? "（舍入差异）" : "") + "。",
        "The indicator “" + in.name() + "” (target " + in.target() + ", actual " + in.actual() + ") scores "
            + plain(in.score()) + " but the printed rule (" + ruleEn + ", at most the weight) gives " + exp + ".",
        cite(p + "score", in.score()) + "; " + cite(p + "weight", in.weight()) + "; target " + in.target()
            + ", actual " + in.actual()));
  }

  private void qualitative(String p, Indicator in) {
    String a = in.actual().replace(" ", "");
    BigDecimal w = in.weight();
    BigDecimal s = in.score();
    boolean met = a.equals(in.target().replace(" ", "")) || ACHIEVED.contains(a);
    boolean missed = MISSED.contains(a);
    BigDecimal floor = w.multiply(TOP_TIER);
    BigDecimal ceiling = w.multiply(LOW_TIER);
    String zh;
    String en;
    if (met && s.compareTo(floor) < 0) {
      zh = "已达成预期，应在分值的 100%—80% 档（" + plain(floor) + "—" + plain(w) + "）";
      en = "is met, so it belongs in the 100–80% tier (" + plain(floor) + "–" + plain(w) + ")";
    } else if (missed && s.compareTo(ceiling) >= 0) {
      zh = "未达成预期，应在分值的 50%—0% 档（低于 " + plain(ceiling) + "）";
      en = "is not met, so it belongs in the 50–0% tier (below " + plain(ceiling) + ")";
    } else {
      return;
    }
    BigDecimal gap = met ? floor.subtract(s) : s.subtract(ceiling);
    findings.add(new Finding("indicator.score_tier", severity(gap, CENT),
        "定性指标“" + in.name() + "”（目标 " + in.target() + "，完成 " + in.actual() + "）得分 " + plain(s) + "，" + zh + "。",
        "The qualitative indicator “" + in.name() + "” (target " + in.target() + ", actual " + in.actual() + ") scores "
            + plain(s) + " but " + en + ".",
        cite(p + "score", s) + "; " + cite(p + "weight", w) + "; target " + in.target() + ", actual " + in.actual()));
  }

  /** Execution score plus the indicator scores against the printed total. */
  private void scoreSum(String p, Evaluation e) {
    if (e.executionScore() == null || e.totalScore() == null) {
      return;
    }
    BigDecimal sum = e.executionScore();
    List<Indicator> rows = e.indicators();
    for (Indicator row : rows) {
      sum = sum.add(row.score());
    }
    BigDecimal gap = sum.subtract(e.totalScore()).abs();
    if (gap.signum() == 0) {
      return;
    }
    StringBuilder evidence = new StringBuilder(cite(p + "execution_score", e.executionScore()));
    for (int j = 0; j < rows.size(); j++) {
      evidence.append(" + ").append(cite(p + "indicators/" + j + "/score", rows.get(j).score()));
    }
    evidence.append(" = ").append(plain(sum)).append(" vs ").append(cite(p + "total_score", e.totalScore()));
    String severity = severity(gap, CENT.multiply(BigDecimal.valueOf(rows.size() + 1L)));
    String rounding = severity.equals(Finding.INFO) ? "（舍入差异）" : "";
    findings.add(new Finding("sum.indicator_scores", severity,
        "执行率得分与 " + rows.size() + " 个指标得分之和 " + plain(sum) + " 与总分 " + plain(e.totalScore()) + " 相差 "
            + plain(gap) + rounding + "。",
        "The execution score plus the " + rows.size() + " indicator scores add up to " + plain(sum)
            + " but the total score is " + plain(e.totalScore()) + ", a gap of " + plain(gap)
            + (rounding.isEmpty() ? "." : " (rounding)."),
        evidence.toString()));
  }

  /** Execution weight plus the indicator weights against 100, when every weight is printed. */
  private void weightSum(String p, Evaluation e) {
    List<Indicator> rows = e.indicators();
    if (e.executionWeight() == null || rows.stream().anyMatch(r -> r.weight() == null)) {
      return;
    }
    BigDecimal sum = e.executionWeight();
    for (Indicator row : rows) {
      sum = sum.add(row.weight());
    }
    BigDecimal gap = sum.subtract(HUNDRED).abs();
    if (gap.signum() == 0) {
      return;
    }
    StringBuilder evidence = new StringBuilder(cite(p + "execution_weight", e.executionWeight()));
    for (int j = 0; j < rows.size(); j++) {
      evidence.append(" + ").append(cite(p + "indicators/" + j + "/weight", rows.get(j).weight()));
    }
    evidence.append(" = ").append(plain(sum)).append(" vs 100");
    String severity = severity(gap, CENT.multiply(BigDecimal.valueOf(rows.size() + 1L)));
    findings.add(new Finding("sum.indicator_weights", severity,
        "执行率分值与 " + rows.size() + " 个指标分值之和为 " + plain(sum) + "，不等于 100。",
        "The execution weight plus the " + rows.size() + " indicator weights add up to " + plain(sum) + ", not 100.",
        evidence.toString()));
  }

  /** "部门共设置 8 个绩效指标" against the rows of the unit table. */
  private void statedCount(Evaluation u) {
    Figures.Candidate stated = figures.get(EvaluationTables.STATED_UNIT_INDICATORS);
    if (stated == null || u.indicators() == null) {
      return;
    }
    int n = ((BigDecimal) stated.value()).intValue();
    int rows = u.indicators().size();
    if (n == rows) {
      return;
    }
    Provenance first = doc.provenance().get("/performance/unit_evaluation/indicators/0/name");
    findings.add(new Finding("count.indicators", Finding.WARNING,
        "文中称部门共设置 " + n + " 个绩效指标，但整体绩效自评表列有 " + rows + " 个指标。",
        "The text says the unit set " + n + " performance indicators but its self-evaluation table lists " + rows + ".",
        "line " + stated.provenance().line() + ": " + stated.provenance().text().replace('\n', ' ')
            + "; table rows from line " + (first == null ? "?" : first.line())));
  }

  private static String severity(BigDecimal gap, BigDecimal rounding) {
    return gap.compareTo(rounding) <= 0 ? Finding.INFO : gap.compareTo(BigDecimal.ONE) <= 0 ? Finding.WARNING : Finding.ERROR;
  }

  private String cite(String pointer, BigDecimal value) {
    if (citation != null) {
      return citation.cite(pointer, value);
    }
    Provenance p = doc.provenance() == null ? null : doc.provenance().get(pointer);
    return pointer + "=" + plain(value) + (p == null ? "" : " (line " + p.line() + ")");
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
