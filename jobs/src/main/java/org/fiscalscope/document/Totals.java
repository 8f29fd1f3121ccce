package org.fiscalscope.document;

import java.math.BigDecimal;

/**
 * 收入支出决算总体情况 and the whole-unit budget execution, in 万元; rates as printed (percent); and the unit's
 * headcounts (编制人数, 实有人数, 在职人数) where its overview states them.
 */
public record Totals(
    BigDecimal incomeTotal,
    BigDecimal expenditureTotal,
    BigDecimal incomeThisYear,
    BigDecimal expenditureThisYear,
    BigDecimal carryoverBegin,
    BigDecimal carryoverEnd,
    BigDecimal fiscalAppropriationIncome,
    BigDecimal generalBudgetAppropriation,
    BigDecimal govFundAppropriation,
    BigDecimal soeCapitalAppropriation,
    BigDecimal basicExpenditure,
    BigDecimal projectExpenditure,
    BigDecimal personnelExpense,
    BigDecimal publicExpense,
    BigDecimal budgetInitial,
    BigDecimal actualFinal,
    BigDecimal executionRatePct,
    BigDecimal priorYearTotal,
    BigDecimal yoyChangeAmount,
    BigDecimal yoyChangePct,
    Integer staffAuthorised,
    Integer staffActual,
    Integer staffInService) {}
