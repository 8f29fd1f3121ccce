package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Number syntax of the disclosures (thousands separators, percent signs) and the exact conversion of 元 to 万元. */
final class PrintedNumbers {

  private static final String BODY = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
  /** A printed number: digits with optional thousands separators and decimals, not glued to a neighbouring digit. */
  static final String NUM = "(?<![\\d.])(" + BODY + ")(?!\\d)";
  /** An amount with its unit; 万 at the very end of a truncated text counts as 万元. */
  static final String AMT = NUM + "(万元|元|万$)";
  /** A percentage, optionally negative. */
  static final String PCT = "(?<![\\d.])(-?(?:" + BODY + "))%";

  private static final Pattern NUMERIC_CELL = Pattern.compile("[-+]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?%?");

  private PrintedNumbers() {}

  static BigDecimal number(String printed) {
    return new BigDecimal(printed.replace(",", ""));
  }

  /** The amount in 万元: 元 figures are divided by 10,000 exactly. */
  static BigDecimal tenThousandYuan(String printed, String unit) {
    BigDecimal v = number(printed);
    if (unit.startsWith("元")) {
      v = v.movePointLeft(4);
      v = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
      if (v.scale() < 0) {
        v = v.setScale(0);
      }
    }
    return v;
  }

  static boolean isNumericCell(String cell) {
    return NUMERIC_CELL.matcher(cell).matches();
  }

  /** A numeric cell's value (percent sign dropped). */
  static BigDecimal cellValue(String cell) {
    String s = cell.endsWith("%") ? cell.substring(0, cell.length() - 1) : cell;
    return number(s.startsWith("+") ? s.substring(1) : s);
  }
}
