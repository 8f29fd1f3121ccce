package org.fiscalscope.document;

/** The two sides of the three public costs a disclosure states: the budget and the actual (决算). */
public enum ThreePublicSide {
  BUDGET("budget", "预算数"),
  ACTUAL("actual", "决算数");

  private final String key;
  private final String zh;

  ThreePublicSide(String key, String zh) {
    this.key = key;
    this.zh = zh;
  }

  /** The key in the document: {@code /three_public/budget/…}. */
  public String key() {
    return key;
  }

  public String zh() {
    return zh;
  }

  /** The side of a key, or null. */
  public static ThreePublicSide ofKey(String key) {
    for (ThreePublicSide s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }
}
