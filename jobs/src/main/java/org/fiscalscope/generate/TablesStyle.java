package org.fiscalscope.generate;

import java.util.Random;

/**
 * How one unit's standard tables look, chosen per unit (so the same unit looks the same every year): amounts in 元
 * or 万元, all tables in one sheet or one per sheet, the function code in 类/款/项 columns (each row printing all its
 * parts, or only its own part under its parents) or in one column, amounts stored as text with thousands separators,
 * the unit's name in the titles, CSV exports in GBK or UTF-8, and whether 公开05表 has a 年初预算数 column (some
 * provinces print only the year's spending there, the initial budgets in the 情况说明).
 */
public record TablesStyle(boolean inYuan, boolean oneSheet, boolean splitCode, boolean repeatParents,
    boolean numbersAsText, boolean titleWithUnit, boolean csvGbk, boolean budgetColumn) {

  /** The style of a unit, from its code alone. */
  public static TablesStyle of(String unitCode) {
    Random r = new Random(Seeds.mix(unitCode.hashCode(), 11, 13));
    return new TablesStyle(r.nextInt(3) == 0, r.nextInt(3) == 0, r.nextInt(3) != 0, r.nextBoolean(),
        r.nextInt(4) == 0, r.nextBoolean(), r.nextInt(3) == 0, true);
  }

  /** The same style with amounts in 元. */
  public TablesStyle withAmountsInYuan() {
    return new TablesStyle(true, oneSheet, splitCode, repeatParents, numbersAsText, titleWithUnit, csvGbk,
        budgetColumn);
  }

  /** The same style with amounts in 万元. */
  public TablesStyle withAmountsInTenThousandYuan() {
    return new TablesStyle(false, oneSheet, splitCode, repeatParents, numbersAsText, titleWithUnit, csvGbk,
        budgetColumn);
  }

  /** The same style with titles that do not repeat the unit's name. */
  public TablesStyle withoutUnitInTitles() {
    return new TablesStyle(inYuan, oneSheet, splitCode, repeatParents, numbersAsText, false, csvGbk, budgetColumn);
  }

  /** The same style with a 公开05表 that prints no 年初预算数 column. */
  public TablesStyle withoutBudgetColumn() {
    return new TablesStyle(inYuan, oneSheet, splitCode, repeatParents, numbersAsText, titleWithUnit, csvGbk, false);
  }
}
