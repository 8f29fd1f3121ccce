package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.udf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
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
 * once (not at all without a comma), and the number and what follows it found by one match. As Spark expressions the
 * comparison, the number and the unit were three regular expressions and two rewrites per text.
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

  /** The comparison a text starts with, as printed (full-width, ≥ and ≤ included), and how silver states it. */
  private static final Pattern OPERATOR = Pattern.compile("^\\s*(≥|≤|>=|<=|＞|＜|>|<|=|＝)");
  private static final Map<String, String> OPERATORS = Map.of("≥", ">=", ">=", ">=", "≤", "<=", "<=", "<=",
      "＞", ">", ">", ">", "＜", "<", "<", "<", "=", "=", "＝", "=");

  /** A comma between digits followed by three more: a thousands separator, removed before the number is read. */
  private static final Pattern THOUSANDS = Pattern.compile("(?<=[0-9]),(?=[0-9]{3})");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
  /** The first number and what follows it to the end of the text (one line; a text of several lines is read in two steps). */
  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)\\s*(.*)$");
  /** What {@code .} does not match: a text holding one of these is read with {@link #NUMBER} and {@link #NUMBER_AND_UNIT} apart. */
  private static final Pattern LINE_BREAK = Pattern.compile("[\n\r\u0085\u2028\u2029]");

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

  /** The comparison, first number (rounded half up to four places) and unit of a printed value; all null for null. */
  public static Reading of(String text) {
    if (text == null) {
      return Reading.NONE;
    }
    Matcher op = OPERATOR.matcher(text);
    String operator = op.find() ? OPERATORS.get(op.group(1)) : null;
    String plain = text.indexOf(',') < 0 ? text : THOUSANDS.matcher(text).replaceAll("");
    String number;
    String unit;
    if (!LINE_BREAK.matcher(plain).find()) {
      // On one line the tail always matches, so both are found where the first number starts.
      Matcher m = NUMBER_AND_UNIT.matcher(plain);
      if (!m.find()) {
        return new Reading(operator, null, null, false);
      }
      number = m.group(1);
      unit = m.group(2);
    } else {
      Matcher n = NUMBER.matcher(plain);
      if (!n.find()) {
        return new Reading(operator, null, null, false);
      }
      number = n.group();
      Matcher u = NUMBER_AND_UNIT.matcher(plain);
      unit = u.find() ? u.group(2) : "";
    }
    unit = trimSpaces(unit);
    return new Reading(operator, amount(number), unit.isEmpty() ? null : unit, true);
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
