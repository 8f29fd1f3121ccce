package org.fiscalscope.document;

/**
 * How serious a finding or a flag is. Findings (silver.finding) are {@code info}, {@code warning} or {@code error};
 * flags (gold.flags) are {@code info}, {@code warning} or, for the lowest execution rates, {@code severe}.
 */
public enum Severity {
  INFO("info"),
  WARNING("warning"),
  ERROR("error"),
  SEVERE("severe");

  private final String key;

  Severity(String key) {
    this.key = key;
  }

  /** The word the tables and documents hold. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
