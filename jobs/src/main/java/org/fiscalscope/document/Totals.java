package org.fiscalscope.document;

import java.math.BigDecimal;

/**
 * 收入支出决算总体情况 and the whole-unit budget execution, in 万元; rates as printed (percent); and the unit's
 * headcounts (编制人数, 实有人数, 在职人数) where its overview states them; and the budget phases beside the initial
 * budget: the full-year (adjusted) budget and the carry-over funding the year, where stated.
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
    Integer staffInService,
    BigDecimal budgetAdjusted,
    BigDecimal budgetCarryover) {

  /** Totals without the full-year budget and carry-over (a source that states only the initial budget). */
  public Totals(BigDecimal incomeTotal, BigDecimal expenditureTotal, BigDecimal incomeThisYear,
      BigDecimal expenditureThisYear, BigDecimal carryoverBegin, BigDecimal carryoverEnd,
      BigDecimal fiscalAppropriationIncome, BigDecimal generalBudgetAppropriation, BigDecimal govFundAppropriation,
      BigDecimal soeCapitalAppropriation, BigDecimal basicExpenditure, BigDecimal projectExpenditure,
      BigDecimal personnelExpense, BigDecimal publicExpense, BigDecimal budgetInitial, BigDecimal actualFinal,
      BigDecimal executionRatePct, BigDecimal priorYearTotal, BigDecimal yoyChangeAmount, BigDecimal yoyChangePct,
      Integer staffAuthorised, Integer staffActual, Integer staffInService) {
    this(incomeTotal, expenditureTotal, incomeThisYear, expenditureThisYear, carryoverBegin, carryoverEnd,
        fiscalAppropriationIncome, generalBudgetAppropriation, govFundAppropriation, soeCapitalAppropriation,
        basicExpenditure, projectExpenditure, personnelExpense, publicExpense, budgetInitial, actualFinal,
        executionRatePct, priorYearTotal, yoyChangeAmount, yoyChangePct, staffAuthorised, staffActual, staffInService,
        null, null);
  }

  /** The same totals with the unit-year's headcounts (编制人数, 实有人数, 在职人数). */
  public Totals withStaff(Integer authorised, Integer actual, Integer inService) {
    return new Totals(incomeTotal, expenditureTotal, incomeThisYear, expenditureThisYear, carryoverBegin, carryoverEnd,
        fiscalAppropriationIncome, generalBudgetAppropriation, govFundAppropriation, soeCapitalAppropriation,
        basicExpenditure, projectExpenditure, personnelExpense, publicExpense, budgetInitial, actualFinal,
        executionRatePct, priorYearTotal, yoyChangeAmount, yoyChangePct, authorised, actual, inService, budgetAdjusted,
        budgetCarryover);
  }
}
