package org.fiscalscope.document;

import java.math.BigDecimal;
import java.util.List;

/**
 * One self-evaluation table: 预算数 A, 执行数 B, 执行率, execution score, indicators and total score.
 * {@code name} and {@code category} are set for projects and absent for the unit-level table.
 */
public record Evaluation(
    String name,
    String category,
    BigDecimal budget,
    BigDecimal actual,
    BigDecimal executionRatePct,
    BigDecimal executionScore,
    BigDecimal totalScore,
    List<Indicator> indicators) {}
