package org.fiscalscope.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * The scoring rules printed in the self-evaluation tables: execution score = weight × min(B/A, 1); a positive
 * indicator (≥X) scores weight × actual/target, a negative one (≤X) weight × target/actual, never above the weight;
 * qualitative indicators are graded in tiers by the evaluator and cannot be recomputed. Results have 2 decimals, HALF_UP.
 */
public final class ScoreRules {

  /** Operators of a negative indicator (smaller is better); every other operator, or none, is positive. */
  public static final Set<String> NEGATIVE_OPERATORS = Set.of("<=", "<", "≤");

  /** The figures of one indicator row as silver holds them; {@code target} is null for a qualitative indicator. */
  public record IndicatorFigures(String operator, BigDecimal target, BigDecimal actual, BigDecimal weight) {}

  private ScoreRules() {}

  /** weight × min(actual ÷ budget, 1); null when the budget is zero or a figure is missing. */
  public static BigDecimal executionScore(BigDecimal weight, BigDecimal budget, BigDecimal actual) {
    if (weight == null || budget == null || actual == null || budget.signum() == 0) {
      return null;
    }
    BigDecimal score = weight.multiply(actual).divide(budget, 2, RoundingMode.HALF_UP);
    return score.min(weight.setScale(2, RoundingMode.HALF_UP));
  }

  /** The indicator's score by the printed rule, or null when it cannot be recomputed (qualitative or missing figures). */
  public static BigDecimal indicatorScore(IndicatorFigures f) {
    if (f.target() == null || f.actual() == null || f.weight() == null) {
      return null;
    }
    BigDecimal weight = f.weight().setScale(2, RoundingMode.HALF_UP);
    boolean negative = f.operator() != null && NEGATIVE_OPERATORS.contains(f.operator());
    BigDecimal numerator = negative ? f.target() : f.actual();
    BigDecimal denominator = negative ? f.actual() : f.target();
    if (denominator.signum() == 0) {
      return numerator.signum() >= 0 ? weight : BigDecimal.ZERO.setScale(2);
    }
    BigDecimal score = f.weight().multiply(numerator).divide(denominator, 2, RoundingMode.HALF_UP);
    return score.max(BigDecimal.ZERO.setScale(2)).min(weight);
  }
}
