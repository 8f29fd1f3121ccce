package org.fiscalscope.document;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The weight of 预算执行率 in a self-evaluation table when the table itself prints none. The weight a table prints
 * (（20分）, a 分值 column) is the rule for that table; a template is only the fallback, chosen per region.
 * {@link #NATIONAL} is the national 项目支出绩效自评表 (产出 50, 效益 30, 满意度 10, 预算执行率 10 of 100);
 * {@link #WUHAN} the Wuhan form of the sample disclosure (20 of 100 for a project, 25 for the unit-level table).
 */
public enum ScoringTemplate {
  NATIONAL("national", "全国项目支出绩效自评表", new BigDecimal("10"), new BigDecimal("10")),
  WUHAN("wuhan", "武汉市绩效自评表", new BigDecimal("20"), new BigDecimal("25"));

  private final String key;
  private final String zh;
  private final BigDecimal projectExecutionWeight;
  private final BigDecimal unitExecutionWeight;

  ScoringTemplate(String key, String zh, BigDecimal projectExecutionWeight, BigDecimal unitExecutionWeight) {
    this.key = key;
    this.zh = zh;
    this.projectExecutionWeight = projectExecutionWeight;
    this.unitExecutionWeight = unitExecutionWeight;
  }

  /** The word the config file and gold.execution.execution_weight_source use. */
  public String key() {
    return key;
  }

  public String zh() {
    return zh;
  }

  /** Points of 预算执行率 in a project table (of 100). */
  public BigDecimal projectExecutionWeight() {
    return projectExecutionWeight;
  }

  /** Points of 预算执行率 in the unit-level (部门整体) table (of 100). */
  public BigDecimal unitExecutionWeight() {
    return unitExecutionWeight;
  }

  /** The template named {@code key}, or null. */
  public static ScoringTemplate of(String key) {
    for (ScoringTemplate t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    return null;
  }

  /** Every template's key, for messages. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(ScoringTemplate::key).toList();
  }
}
