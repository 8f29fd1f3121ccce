package org.fiscalscope.tables;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Amount cells: a number however it is stored (numeric, text with thousands separators or full-width digits), in 万元. */
final class AmountCells {

  /** A workbook stores numbers as binary doubles; 15 significant digits give back the decimal that was typed. */
  private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
  private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[-+]?\\.\\d+");
  private static final Pattern NIL = Pattern.compile("[-－—–/／]+");

  private AmountCells() {}

  /** The decimal a workbook's double stands for. */
  static BigDecimal ofDouble(double d) {
    return plain(new BigDecimal(d).round(DOUBLE_DIGITS));
  }

  /** The value of a cell: its number, or its text read as a number; null for an empty, nil ("-") or non-numeric cell. */
  static BigDecimal of(Grid grid, int row, int col) {
    BigDecimal n = grid.number(row, col);
    return n != null ? n : parse(grid.text(row, col));
  }

  /** A printed number ("1,234.50", "１２３", " 0 "), or null when the text is not one. */
  static BigDecimal parse(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00a0]", "");
    if (s.isEmpty() || NIL.matcher(s).matches() || !NUMBER.matcher(s).matches()) {
      return null;
    }
    return plain(new BigDecimal(s.replace(",", "").replace("+", "")));
  }

  /** True when the cell holds something that is meant as a number. */
  static boolean isNumeric(Grid grid, int row, int col) {
    return of(grid, row, col) != null;
  }

  /** The amount in 万元: figures in 元 are divided by 10,000 exactly (no rounding). */
  static BigDecimal toTenThousandYuan(BigDecimal value, Scale scale) {
    return scale == Scale.YUAN ? plain(value.movePointLeft(4)) : value;
  }

  /** Trailing zeros dropped, never in exponent form: 123.4500 → 123.45, 1E+2 → 100. */
  static BigDecimal plain(BigDecimal v) {
    if (v.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** The amount unit a table states. */
  enum Scale { YUAN, TEN_THOUSAND_YUAN }
}
