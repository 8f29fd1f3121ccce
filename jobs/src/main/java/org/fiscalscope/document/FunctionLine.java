package org.fiscalscope.document;

import java.math.BigDecimal;

/**
 * One line of the functional classification (类 3 digits, 款 5, 项 7): initial budget, actual, printed rate and share;
 * the full-year (adjusted) budget and the carry-over funding the line where stated.
 */
public record FunctionLine(
    String code, String name, BigDecimal budgetInitial, BigDecimal actual,
    BigDecimal executionRatePct, BigDecimal sharePct, BigDecimal budgetAdjusted, BigDecimal budgetCarryover) {

  /** A line stating only its initial budget among the budget phases. */
  public FunctionLine(String code, String name, BigDecimal budgetInitial, BigDecimal actual,
      BigDecimal executionRatePct, BigDecimal sharePct) {
    this(code, name, budgetInitial, actual, executionRatePct, sharePct, null, null);
  }
}
