package org.fiscalscope.metrics;

/**
 * The criteria of gold.disclosure_quality with their weights (out of 100), declared once; docs/metrics.md gives the
 * source of each (finance-ministry disclosure inspections, the Tsinghua city and SUFE provincial transparency indices,
 * the 20-day publication rule). A criterion the lake cannot judge for a unit-year is "not known", and the score is
 * taken over the weights of the criteria that are known.
 */
public enum DisclosureCriterion {
  TABLES("tables", "九张公开表", "Nine standard tables", 25),
  SECTIONS("sections", "必备说明部分", "Required sections", 20),
  THREE_PUBLIC("three_public", "“三公”经费细化说明", "Three public costs in detail", 15),
  PROJECTS("projects", "项目自评公开", "Project self-evaluations published", 15),
  CONSISTENCY("consistency", "内部一致性", "Internal consistency", 15),
  TIMELINESS("timeliness", "批复后20日内公开", "Published within 20 days of approval", 10);

  /** Days after approval within which a final account is to be published. */
  public static final int PUBLISH_WITHIN_DAYS = 20;

  private final String id;
  private final String zh;
  private final String en;
  private final int weight;

  DisclosureCriterion(String id, String zh, String en, int weight) {
    this.id = id;
    this.zh = zh;
    this.en = en;
    this.weight = weight;
  }

  public String id() {
    return id;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public int weight() {
    return weight;
  }

  /** The gold column holding this criterion's score (0–100; null when not known). */
  public String column() {
    return "score_" + id;
  }
}
