package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.udf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A printed indicator value of silver.indicator (年初目标值 or 实际完成值, e.g. {@code ≥1,200人}, {@code 95.3%},
 * {@code 优}) read into the comparison it starts with, its first number and what follows that number. Pure Java, one
 * call per text on the executors: the text is converted from Spark's form once, its thousands separators removed
 * once (not at all without a comma), and the comparison, the number and what follows it found by scanning its
 * characters (a regular expression only for a text of several lines). As Spark expressions the comparison, the number
 * and the unit were three regular expressions and two rewrites per text; in one call, by regular expressions, they
 * were still 7 % of the executors' samples in a profile of a 10k ingest.
 *
 * <p>A number that does not fit the lake's amounts (DECIMAL(18,4): more than 14 digits before the point) has no value,
 * like a text without one; the indicator still has a number, so it is not qualitative. Such a number used to stop a
 * whole ingest in Spark's cast.
 */
public final class IndicatorText {

  /** One printed value read; {@code operator} is one of >=, <=, >, <, = or null; {@code value} and {@code unit} may be null. */
  public record Reading(String operator, BigDecimal value, String unit, boolean hasNumber) {

    static final Reading NONE = new Reading(null, null, null, false);
  }

  /** The struct {@link #read(Column)} gives, field for field a {@link Reading}. */
  static final StructType READING = new StructType()
      .add("operator", DataTypes.StringType)
      .add("value", DocumentStruct.AMOUNT)
      .add("unit", DataTypes.StringType)
      .add("has_number", DataTypes.BooleanType, false);

  /**
   * The comparisons a text may start with, as printed (full-width, ≥ and ≤ included), in the order they are tried
   * (two characters before one), and how silver states each.
   */
  private static final String[][] OPERATORS = {{"≥", ">="}, {"≤", "<="}, {">=", ">="}, {"<=", "<="}, {"＞", ">"},
      {"＜", "<"}, {">", ">"}, {"<", "<"}, {"=", "="}, {"＝", "="}};

  /**
   * The first number and what follows it to the end of the text, for a text of several lines only: there the unit
   * must run to the end of the text (or to a line break ending it), which a match finds and a scan would have to
   * reproduce.
   */
  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)\\s*(.*)$");

  private static final int SCALE = 4;
  private static final int PRECISION = 18;

  private static final UserDefinedFunction UDF = udf((UDF1<String, Row>) IndicatorText::row, READING);

  private IndicatorText() {}

  /** The text as a {@link #READING} struct column. */
  public static Column read(Column text) {
    return UDF.apply(text);
  }

  private static Row row(String text) {
    Reading r = of(text);
    return RowFactory.create(r.operator(), r.value(), r.unit(), r.hasNumber());
  }

  /**
   * The comparison, first number (rounded half up to four places) and unit of a printed value; all null for null.
   * Read as the regular expressions {@code ^\s*(≥|≤|>=|<=|＞|＜|>|<|=|＝)} (the comparison), {@code
   * (?<=[0-9]),(?=[0-9]{3})} removed (thousands separators), then {@code (-?[0-9]+(?:\.[0-9]+)?)\s*(.*)$} (the
   * number and the unit, space-trimmed) would read it — by one scan of its characters on one line, the common case.
   */
  public static Reading of(String text) {
    if (text == null) {
      return Reading.NONE;
    }
    String operator = operator(text);
    String plain = text.indexOf(',') < 0 ? text : withoutThousandsSeparators(text);
    int start = firstNumber(plain);
    if (start < 0) {
      return new Reading(operator, null, null, false);
    }
    int end = numberEnd(plain, start);
    String unit;
    if (!hasLineBreak(plain)) {
      int from = end;
      while (from < plain.length() && isRegexSpace(plain.charAt(from))) {
        from++;
      }
      unit = plain.substring(from);
    } else {
      Matcher u = NUMBER_AND_UNIT.matcher(plain);
      unit = u.find() ? u.group(2) : "";
    }
    unit = trimSpaces(unit);
    return new Reading(operator, amount(plain.substring(start, end)), unit.isEmpty() ? null : unit, true);
  }

  /** The comparison the text starts with (after white space), as silver states it, or null. */
  private static String operator(String text) {
    int i = 0;
    while (i < text.length() && isRegexSpace(text.charAt(i))) {
      i++;
    }
    for (String[] op : OPERATORS) {
      if (text.startsWith(op[0], i)) {
        return op[1];
      }
    }
    return null;
  }

  /** The text without each comma that follows a digit and comes before three (in the text as given). */
  private static String withoutThousandsSeparators(String text) {
    StringBuilder plain = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean separator = c == ',' && i > 0 && isDigit(text.charAt(i - 1)) && i + 3 < text.length()
          && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3));
      if (!separator) {
        plain.append(c);
      }
    }
    return plain.toString();
  }

  /** Where the first number starts (its minus sign, if one comes right before a digit), or -1. */
  private static int firstNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c) || c == '-' && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  /** Where the number starting at {@code start} ends: its digits, and a point only with digits after it. */
  private static int numberEnd(String s, int start) {
    int i = s.charAt(start) == '-' ? start + 1 : start;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
      i += 2;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** What {@code \s} matches in a Java regular expression: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Whether the text holds a character {@code .} does not match (a line terminator). */
  private static boolean hasLineBreak(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** The number at the lake's scale, or null when it has more digits before the point than the lake's amounts hold. */
  private static BigDecimal amount(String number) {
    BigDecimal v = new BigDecimal(number).setScale(SCALE, RoundingMode.HALF_UP);
    return v.precision() > PRECISION ? null : v;
  }

  /** Leading and trailing U+0020 removed (as Spark's trim): a tab or a full-width space stays part of the unit. */
  private static String trimSpaces(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }
}
