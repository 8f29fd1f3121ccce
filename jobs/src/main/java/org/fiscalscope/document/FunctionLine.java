package org.fiscalscope.document;

import java.math.BigDecimal;

/** One line of the functional classification (类 3 digits, 款 5, 项 7): initial budget, actual, printed rate and share. */
public record FunctionLine(
    String code, String name, BigDecimal budgetInitial, BigDecimal actual,
    BigDecimal executionRatePct, BigDecimal sharePct) {}
