package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printed target or actual value read for scoring: its direction (≥X positive, ≤X negative, =X or a bare X
 * positive), the number and its unit; {@code number} is null for a qualitative value such as 完成 or 优.
 */
record IndicatorValue(Direction direction, BigDecimal number, String unit) {

  /** How the printed scoring rules treat a target. */
  enum Direction { POSITIVE, NEGATIVE }

  private static final Pattern FORM = Pattern.compile(
      "(≥|>=|>|大于等于|大于|不低于|不少于|≤|<=|<|小于等于|小于|不高于|不超过|=)?约?(-?\\d[\\d,]*(?:\\.\\d+)?)(?:余|多)?(.{0,6})");

  static IndicatorValue of(String printed) {
    if (printed == null) {
      return null;
    }
    Matcher m = FORM.matcher(printed.replace(" ", ""));
    if (!m.matches()) {
      return new IndicatorValue(Direction.POSITIVE, null, printed);
    }
    String op = m.group(1) == null ? "" : m.group(1);
    Direction d = op.startsWith("≤") || op.startsWith("<") || op.startsWith("小于") || op.equals("不高于")
        || op.equals("不超过") ? Direction.NEGATIVE : Direction.POSITIVE;
    return new IndicatorValue(d, PrintedNumbers.number(m.group(2)), m.group(3));
  }

  boolean isQuantitative() {
    return number != null;
  }
}
