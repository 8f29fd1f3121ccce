package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Indicator;
import org.fiscalscope.document.Performance;
import org.fiscalscope.document.Unit;
import org.fiscalscope.generate.DisclosureTextRenderer;
import org.junit.jupiter.api.Test;

/** The indicator rules on project tables rendered in every layout and read back. */
class IndicatorAuditTest {

  private static final int LAYOUTS = 12;

  @Test
  void aPositiveIndicatorShortOfItsTargetScoresWeightTimesActualOverTarget() {
    for (List<Finding> findings : audited(row("≥95%", "90%", "10", "10"), "100")) {
      Finding f = only(findings, "indicator.score_rule");
      assertEquals(Finding.WARNING, f.severity(), f.toString());
      assertTrue(f.message().contains("9.47") && f.evidence().contains("/performance/projects/0/indicators/1/score=10"),
          f.toString());
    }
  }

  @Test
  void aNegativeIndicatorOverItsCeilingScoresWeightTimesTargetOverActual() {
    for (List<Finding> findings : audited(row("≤100万元", "125万元", "10", "10"), "100")) {
      Finding f = only(findings, "indicator.score_rule");
      assertEquals(Finding.ERROR, f.severity(), "a gap of 2 points: " + f);
      assertTrue(f.message().contains("应为 8"), f.message());
    }
  }

  @Test
  void aScoreCappedAtItsWeightOrOffByRoundingOnlyIsNoMistake() {
    for (List<Finding> findings : audited(row("≥95%", "99%", "10", "10"), "100")) {
      assertEquals(List.of(), rules(findings, "indicator."), findings.toString());
    }
    for (List<Finding> findings : audited(row("≥95%", "90%", "10", "9.48"), "99.48")) {
      assertEquals(Finding.INFO, only(findings, "indicator.score_rule").severity(), findings.toString());
    }
  }

  @Test
  void aMetQualitativeIndicatorBelowTheTopTierIsFlagged() {
    for (List<Finding> findings : audited(row("完成", "完成", "10", "6"), "96")) {
      Finding f = only(findings, "indicator.score_tier");
      assertTrue(f.message().contains("100%—80%") && f.messageEn().contains("100–80%"), f.toString());
    }
    for (List<Finding> findings : audited(row("完成", "完成", "10", "9"), "99")) {
      assertEquals(List.of(), rules(findings, "indicator."), findings.toString());
    }
  }

  @Test
  void aScoreAboveItsWeightIsAnError() {
    for (List<Finding> findings : audited(row("≥95%", "99%", "10", "12"), "102")) {
      Finding f = only(findings, "indicator.score_above_weight");
      assertEquals(Finding.ERROR, f.severity());
      assertTrue(f.evidence().contains("weight=10"), f.evidence());
    }
  }

  @Test
  void scoresAndWeightsMustAddUpToTheTotalAndToOneHundred() {
    for (List<Finding> findings : audited(row("≥95%", "99%", "10", "10"), "105")) {
      Finding sum = only(findings, "sum.indicator_scores");
      assertEquals(Finding.ERROR, sum.severity(), "20 + 70 + 10 = 100 against 105, a gap of 5: " + sum);
      assertTrue(sum.evidence().contains("execution_score=20") && sum.evidence().contains("total_score=105"), sum.evidence());
    }
    for (List<Finding> findings : audited(row("≥95%", "99%", "10", "10"), "100.01")) {
      assertEquals(Finding.INFO, only(findings, "sum.indicator_scores").severity(), "0.01 over three terms is rounding");
    }
    Indicator light = new Indicator("产出指标", "数量指标", "开展活动场次", "≥10场", "12场", new BigDecimal("40"),
        new BigDecimal("40"));
    for (List<Finding> findings : audited(light, "130")) {
      Finding weights = only(findings, "sum.indicator_weights");
      assertTrue(weights.message().contains("130"), weights.toString());
    }
  }

  private static Indicator row(String target, String actual, String weight, String score) {
    return new Indicator("产出指标", "质量指标", "服务质量达标率", target, actual, new BigDecimal(weight), new BigDecimal(score));
  }

  /**
   * The findings of one project table (execution 20 of weight 20, a fixed indicator of weight and score 70, then
   * {@code tested}) with the given printed total score, once per rendering layout.
   */
  private static List<List<Finding>> audited(Indicator tested, String total) {
    Indicator fixed = new Indicator("效益指标", "社会效益指标", "政策落实到位率", "=100%", "100%", new BigDecimal("70"),
        new BigDecimal("70"));
    Evaluation project = new Evaluation("窗口服务保障经费", null, new BigDecimal("10"), new BigDecimal("10"),
        new BigDecimal("100"), new BigDecimal("20"), new BigDecimal(total),
        List.of(fixed, tested));
    FinalAccount doc = new FinalAccount(FinalAccount.SCHEMA_VERSION, 2023, FinalAccount.AMOUNT_UNIT,
        new Unit(null, "青山区政务服务中心", null, null, null), null, null, null, null, null, null, null,
        new Performance(null, List.of(project)), List.of(), Map.of());
    List<List<Finding>> out = new ArrayList<>();
    for (int seed = 0; seed < LAYOUTS; seed++) {
      String text = DisclosureTextRenderer.render(doc, new Random(seed));
      FinalAccount back = DisclosureExtractor.extract(text, "audit-" + seed + ".txt");
      assertEquals(project.indicators(), back.performance().projects().get(0).indicators(), "read back:\n" + text);
      out.add(back.findings());
    }
    return out;
  }

  private static List<Finding> rules(List<Finding> findings, String prefix) {
    return findings.stream().filter(f -> f.rule().startsWith(prefix)).toList();
  }

  private static Finding only(List<Finding> findings, String rule) {
    List<Finding> hits = findings.stream().filter(f -> f.rule().equals(rule)).toList();
    assertEquals(1, hits.size(), rule + " once in " + findings);
    return hits.get(0);
  }
}
