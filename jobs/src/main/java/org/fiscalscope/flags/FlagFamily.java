package org.fiscalscope.flags;

/** The families of flags gold.flags.family holds: fixed rules, robust z within peers, multivariate clustering. */
public enum FlagFamily {
  RULE("rule"),
  PEER("peer"),
  MULTIVARIATE("multivariate");

  private final String key;

  FlagFamily(String key) {
    this.key = key;
  }

  /** The word gold.flags.family holds. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
