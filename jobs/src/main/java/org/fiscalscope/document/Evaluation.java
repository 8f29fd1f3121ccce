package org.fiscalscope.document;

import java.math.BigDecimal;
import java.util.List;

/**
 * One self-evaluation table: 预算数 A (the full-year budget), 执行数 B, 执行率, execution score, indicators and total
 * score; 年初预算数 and the carry-over (上年结转资金) where the table states them. {@code name} and {@code category}
 * are set for projects and absent for the unit-level table.
 */
public record Evaluation(
    String name,
    String category,
    BigDecimal budget,
    BigDecimal actual,
    BigDecimal executionRatePct,
    BigDecimal executionScore,
    BigDecimal totalScore,
    List<Indicator> indicators,
    BigDecimal budgetInitial,
    BigDecimal budgetCarryover) {

  /** A table stating only its full-year budget among the budget phases. */
  public Evaluation(String name, String category, BigDecimal budget, BigDecimal actual, BigDecimal executionRatePct,
      BigDecimal executionScore, BigDecimal totalScore, List<Indicator> indicators) {
    this(name, category, budget, actual, executionRatePct, executionScore, totalScore, indicators, null, null);
  }
}
