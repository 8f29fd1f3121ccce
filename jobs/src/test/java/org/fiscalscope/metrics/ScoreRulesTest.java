package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.fiscalscope.metrics.ScoreRules.IndicatorFigures;
import org.junit.jupiter.api.Test;

class ScoreRulesTest {

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void executionScoreIsWeightTimesRateCappedAtTheWeight() {
    assertEquals(d("16.82"), ScoreRules.executionScore(d("20"), d("170"), d("142.94")), "20 × 142.94/170 = 16.816");
    assertEquals(d("23.82"), ScoreRules.executionScore(d("25"), d("574.45"), d("547.39")), "25 × 0.95289");
    assertEquals(d("20.00"), ScoreRules.executionScore(d("20"), d("10"), d("12")), "over-execution is capped");
    assertNull(ScoreRules.executionScore(d("20"), d("0"), d("5")), "zero budget: no score");
    assertNull(ScoreRules.executionScore(d("20"), null, d("5")), "missing budget: no score");
  }

  @Test
  void positiveIndicatorScoresActualOverTargetNeverAboveTheWeight() {
    assertEquals(d("10.00"), ScoreRules.indicatorScore(new IndicatorFigures(">=", d("150"), d("170"), d("10"))));
    assertEquals(d("8.00"), ScoreRules.indicatorScore(new IndicatorFigures(">=", d("100"), d("80"), d("10"))));
    assertEquals(d("6.67"), ScoreRules.indicatorScore(new IndicatorFigures("=", d("3"), d("2"), d("10"))), "HALF_UP");
    assertEquals(d("5.00"), ScoreRules.indicatorScore(new IndicatorFigures(">=", d("0"), d("3"), d("5"))), "target 0 is met");
  }

  @Test
  void negativeIndicatorScoresTargetOverActual() {
    assertEquals(d("5.00"), ScoreRules.indicatorScore(new IndicatorFigures("<=", d("10"), d("8"), d("5"))));
    assertEquals(d("4.00"), ScoreRules.indicatorScore(new IndicatorFigures("<=", d("8"), d("10"), d("5"))));
    assertEquals(d("5.00"), ScoreRules.indicatorScore(new IndicatorFigures("<", d("8"), d("0"), d("5"))), "nothing spent");
  }

  @Test
  void qualitativeIndicatorsAreNotRecomputed() {
    assertNull(ScoreRules.indicatorScore(new IndicatorFigures(null, null, null, d("10"))));
  }
}
