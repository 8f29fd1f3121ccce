package org.fiscalscope.generate;

import java.math.BigDecimal;

/** What one unit's next year is generated from: last year's budget scale, carry-over, total and three-public costs. */
final class LastYear {

  /** Listed budget (basic + projects) of the last year, before any planted anomaly. */
  BigDecimal budget;
  BigDecimal carryoverEnd;
  BigDecimal expenditureTotal;
  /** Three-public actuals on the unit's declining path, per category of {@link org.fiscalscope.document.ThreePublicCategory#SPENDING}. */
  BigDecimal[] threePublicPath;
  /** Three-public actuals as printed last year (the path, or a planted increase). */
  BigDecimal[] threePublicPrinted;
  /** Three-public budgets on the unit's path, before any planted anomaly (kept only with the totals kept). */
  BigDecimal[] threePublicBudgetPath;
  /** Three-public budgets as printed last year (kept only with the totals kept). */
  BigDecimal[] threePublicBudgetPrinted;
  int years;
}
