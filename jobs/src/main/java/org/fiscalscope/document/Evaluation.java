package org.fiscalscope.document;

import java.math.BigDecimal;
import java.util.List;

/**
 * One self-evaluation table: 预算数 A, 执行数 B, 执行率, execution score, indicators and total score.
 * {@code name} and {@code category} are set for projects and absent for the unit-level table.
 * {@code executionWeight} is the weight the table prints for 预算执行率 (（20分）, a 分值 column), null when it prints none.
 */
public record Evaluation(
    String name,
    String category,
    BigDecimal budget,
    BigDecimal actual,
    BigDecimal executionRatePct,
    BigDecimal executionScore,
    BigDecimal totalScore,
    BigDecimal executionWeight,
    List<Indicator> indicators) {

  /** A table that prints no weight for 预算执行率. */
  public Evaluation(String name, String category, BigDecimal budget, BigDecimal actual, BigDecimal executionRatePct,
      BigDecimal executionScore, BigDecimal totalScore, List<Indicator> indicators) {
    this(name, category, budget, actual, executionRatePct, executionScore, totalScore, null, indicators);
  }

  /** The same table with the weight it prints for 预算执行率. */
  public Evaluation withExecutionWeight(BigDecimal weight) {
    return new Evaluation(name, category, budget, actual, executionRatePct, executionScore, totalScore, weight,
        indicators);
  }
}
