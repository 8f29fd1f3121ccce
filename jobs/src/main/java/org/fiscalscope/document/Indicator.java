package org.fiscalscope.document;

import java.math.BigDecimal;

/** One performance indicator row: 一级/二级/三级指标, target and actual as printed (e.g. "≥95%"), weight and score. */
public record Indicator(
    String level1, String level2, String name, String target, String actual,
    BigDecimal weight, BigDecimal score) {}
