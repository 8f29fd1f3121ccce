package org.fiscalscope.document;

/**
 * The budget an execution rate divides by — gold.execution.basis. A rate is only comparable with rates on the same
 * basis: 完成年初预算的% divides by the initial budget, 预算执行率 on a self-evaluation table by the full-year budget,
 * which may include carry-over from earlier years that the year's spending draws on.
 *
 * <p>A row's basis is the fullest budget its source states: the full-year budget when stated ({@link #ADJUSTED}, or
 * {@link #ADJUSTED_INCL_CARRYOVER} when carry-over is stated beside it — the national self-evaluation form counts
 * 上年结转资金 within 年度资金总额's 全年预算数); without it, the initial budget plus stated carry-over
 * ({@link #ADJUSTED_INCL_CARRYOVER}); else the initial budget ({@link #INITIAL}).
 */
public enum BudgetBasis {
  INITIAL("initial", "年初预算", "initial budget"),
  ADJUSTED("adjusted", "全年预算", "full-year budget"),
  ADJUSTED_INCL_CARRYOVER("adjusted_incl_carryover", "全年预算（含年初结转）", "full-year budget incl. carry-over");

  private final String key;
  private final String zh;
  private final String en;

  BudgetBasis(String key, String zh, String en) {
    this.key = key;
    this.zh = zh;
    this.en = en;
  }

  /** The word gold.execution.basis holds. */
  public String key() {
    return key;
  }

  /** 年初预算, 全年预算 …: how a flag names the basis it judged. */
  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The basis of a key, or null. */
  public static BudgetBasis ofKey(String key) {
    for (BudgetBasis b : values()) {
      if (b.key.equals(key)) {
        return b;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return key;
  }
}
