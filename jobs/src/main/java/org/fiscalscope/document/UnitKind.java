package org.fiscalscope.document;

/**
 * The kinds of budget unit that decide which comparisons apply: 行政单位 and 参公 units (managed under the civil
 * service law) have 机关运行经费; a 事业单位 has none by definition, so its "无机关运行经费支出" means not applicable,
 * not a zero to compare. {@code unit.kind} is stored as the source or the unit registry states it (行政, 参公, 事业,
 * or longer forms such as 公益一类事业单位, 参照公务员法管理的事业单位).
 */
public enum UnitKind {
  // In precedence: a stated kind is the first whose name it contains (参公 before 事业, 行政 before 事业)
  CIVIL_SERVICE_MANAGED("参公", true),
  ADMINISTRATIVE("行政", true),
  PUBLIC_SERVICE("事业", false);

  /** The longer form of a 参公 kind: 参照公务员法管理的事业单位 is 参公 though it names 事业. */
  public static final String CIVIL_SERVICE_MANAGED_IN_FULL = "参照公务员";

  private final String zh;
  private final boolean hasOperatingCosts;

  UnitKind(String zh, boolean hasOperatingCosts) {
    this.zh = zh;
    this.hasOperatingCosts = hasOperatingCosts;
  }

  public String zh() {
    return zh;
  }

  /** Whether 机关运行经费 applies to units of this kind. */
  public boolean hasOperatingCosts() {
    return hasOperatingCosts;
  }
}
