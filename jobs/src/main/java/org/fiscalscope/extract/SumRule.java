package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.fiscalscope.document.Finding;

/**
 * The one rule for parts that should add up to their total, shared by every reader: no finding when they do, info
 * for a gap of at most 0.01 per added term (each printed part may be off by half a cent), warning up to 1% of the
 * total, error beyond. Messages in Chinese and English; the evidence cites every term where it was read.
 */
public final class SumRule {

  private static final BigDecimal CENT = new BigDecimal("0.01");

  /** A figure and how to cite it in the evidence, e.g. {@code /totals/basic_expenditure=270.33 (line 12)}. */
  public record Term(String citation, BigDecimal value) {}

  private SumRule() {}

  /** The finding when {@code parts} do not add up to {@code total}; none when any term is missing. */
  public static Optional<Finding> check(String rule, String partsZh, String partsEn, Term total, List<Term> parts) {
    if (total == null || parts.isEmpty() || parts.contains(null)) {
      return Optional.empty();
    }
    BigDecimal s = BigDecimal.ZERO;
    StringBuilder evidence = new StringBuilder();
    for (Term part : parts) {
      s = s.add(part.value());
      evidence.append(evidence.length() == 0 ? "" : " + ").append(part.citation());
    }
    BigDecimal gap = s.subtract(total.value()).abs();
    if (gap.signum() == 0) {
      return Optional.empty();
    }
    evidence.append(" = ").append(s.toPlainString()).append(" vs ").append(total.citation());
    BigDecimal tolerance = CENT.multiply(BigDecimal.valueOf(parts.size()));
    String severity = gap.compareTo(tolerance) <= 0 ? Finding.INFO
        : gap.compareTo(total.value().abs().multiply(CENT)) <= 0 ? Finding.WARNING : Finding.ERROR;
    String kind = severity.equals(Finding.INFO) ? "（舍入差异）" : "";
    return Optional.of(new Finding(rule, severity,
        partsZh + " " + s.toPlainString() + " 与合计 " + total.value().toPlainString() + " 相差 " + gap.toPlainString() + kind + "。",
        "The sum of " + partsEn + " is " + s.toPlainString() + " but the total is " + total.value().toPlainString()
            + ", a gap of " + gap.toPlainString() + (severity.equals(Finding.INFO) ? " (rounding)." : "."),
        evidence.toString()));
  }
}
