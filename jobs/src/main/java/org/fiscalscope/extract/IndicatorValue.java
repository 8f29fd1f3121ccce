package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * A printed target or actual value read for scoring: its direction (≥X positive, ≤X negative, =X or a bare X
 * positive), the number and its unit; {@code number} is null for a qualitative value such as 完成 or 优.
 */
record IndicatorValue(Direction direction, BigDecimal number, String unit) {

  /** How the printed scoring rules treat a target. */
  enum Direction { POSITIVE, NEGATIVE }

  /** A comparison a value may start with, and the direction it gives a target. */
  private record Comparison(String printed, Direction direction) {}

  /** The comparisons, in the order they are tried (a longer one before its prefix). */
  private static final List<Comparison> COMPARISONS = List.of(
      new Comparison("≥", Direction.POSITIVE), new Comparison(">=", Direction.POSITIVE),
      new Comparison(">", Direction.POSITIVE), new Comparison("大于等于", Direction.POSITIVE),
      new Comparison("大于", Direction.POSITIVE), new Comparison("不低于", Direction.POSITIVE),
      new Comparison("不少于", Direction.POSITIVE), new Comparison("≤", Direction.NEGATIVE),
      new Comparison("<=", Direction.NEGATIVE), new Comparison("<", Direction.NEGATIVE),
      new Comparison("小于等于", Direction.NEGATIVE), new Comparison("小于", Direction.NEGATIVE),
      new Comparison("不高于", Direction.NEGATIVE), new Comparison("不超过", Direction.NEGATIVE),
      new Comparison("=", Direction.POSITIVE));
  /** A value without a comparison: positive. */
  private static final Comparison NONE = new Comparison("", Direction.POSITIVE);
  /** Characters a unit may have at most, after the number. */
  private static final int UNIT_LENGTH = 6;

  /**
   * Reads {@code printed} (spaces left out) as: a comparison, 约 (about), the number (a sign, digits with thousands
   * commas, decimals), 余 or 多 (more than), then a unit of up to six characters on the same line; anything else is
   * qualitative. One pass over the characters: every indicator of every document is read twice by the audit.
   */
  static IndicatorValue of(String printed) {
    if (printed == null) {
      return null;
    }
    String s = printed.replace(" ", "");
    int n = s.length();
    Comparison comparison = NONE;
    for (Comparison c : COMPARISONS) {
      if (s.startsWith(c.printed())) {
        comparison = c;
        break;
      }
    }
    int i = comparison.printed().length();
    if (i < n && s.charAt(i) == '约') {
      i++;
    }
    int start = i;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n || !isDigit(s.charAt(i))) {
      return qualitative(printed);
    }
    while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == ',')) {
      i++;
    }
    if (i + 1 < n && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
      i += 2;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    }
    int end = i;
    if (i < n && (s.charAt(i) == '余' || s.charAt(i) == '多')) {
      i++;
    }
    if (!isUnit(s, i)) {
      return qualitative(printed);
    }
    return new IndicatorValue(comparison.direction(), PrintedNumbers.number(s.substring(start, end)), s.substring(i));
  }

  private static IndicatorValue qualitative(String printed) {
    return new IndicatorValue(Direction.POSITIVE, null, printed);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether {@code s} from {@code from} on is a unit: at most {@link #UNIT_LENGTH} characters, no line break. */
  private static boolean isUnit(String s, int from) {
    if (s.codePointCount(from, s.length()) > UNIT_LENGTH) {
      return false;
    }
    for (int k = from; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  boolean isQuantitative() {
    return number != null;
  }
}
