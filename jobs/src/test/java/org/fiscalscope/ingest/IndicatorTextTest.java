package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.ingest.IndicatorText.Reading;
import org.junit.jupiter.api.Test;

class IndicatorTextTest extends SparkTest {

  private static Reading reading(String operator, String value, String unit, boolean hasNumber) {
    return new Reading(operator, value == null ? null : new BigDecimal(value), unit, hasNumber);
  }

  @Test
  void readsTheComparisonTheFirstNumberAndWhatFollowsIt() {
    assertEquals(reading(">=", "1200.0000", "人", true), IndicatorText.of("≥1,200人"));
    assertEquals(reading(">=", "95.0000", "%", true), IndicatorText.of("  >=95%"));
    assertEquals(reading("<", "5.0000", "次", true), IndicatorText.of("＜5 次"));
    assertEquals(reading("=", "3.0000", null, true), IndicatorText.of("＝3"));
    assertEquals(reading(null, "-2.5000", "%", true), IndicatorText.of("-2.5%"));
    assertEquals(reading(null, "95.0000", "%以上", true), IndicatorText.of("满意度95%以上"));
    assertEquals(reading(null, "100.0000", "%", true), IndicatorText.of("99.99995%"), "rounded half up to four places");
    assertEquals(reading(null, null, null, false), IndicatorText.of("优"));
    assertEquals(reading("<=", null, null, false), IndicatorText.of("≤ 较上年"), "a comparison without a number");
    assertEquals(reading(null, null, null, false), IndicatorText.of(null));
    assertEquals(reading(null, "12.0000", ",34", true), IndicatorText.of("12,34"), "a comma before two digits separates no thousands");
  }

  @Test
  void aNumberTooLongForTheLakeHasNoValueButIsNoQualitativeText() {
    assertEquals(reading(">=", null, "次", true), IndicatorText.of("≥1234567890123456789次"));
    assertEquals(reading(null, "99999999999999.9999", null, true), IndicatorText.of("99999999999999.9999"),
        "the largest amount the lake holds");
    assertEquals(reading(null, null, null, true), IndicatorText.of("99999999999999.99995"), "rounds up beyond it");
  }

  @Test
  void aTextOfSeveralLinesIsReadAsOnOneLineExceptWhereTheUnitStops() {
    assertEquals(reading(null, "95.0000", "%", true), IndicatorText.of("目标\n≥95%"));
    assertEquals(reading(null, "95.0000", null, true), IndicatorText.of("95%\n以上"),
        "what follows the number must run to the end of the text");
    assertEquals(reading(null, "95.0000", "以上", true), IndicatorText.of("95%\n96 以上"),
        "the unit is what follows the first number that runs to the end");
  }

  /**
   * Twenty thousand random texts of the characters that matter (digits, signs, points, commas, white space of every
   * kind, line breaks, comparisons, units) read as the regular expressions of {@link IndicatorText#of}'s comment read
   * them: the scan must agree on each.
   */
  @Test
  void agreesWithTheRegularExpressionsOnRandomTexts() {
    String alphabet = "0123456789-.,, \t\u000B\f\n\r\u0085\u2028\u3000≥≤<>=＞＜＝%人元万亿";
    java.util.Random random = new java.util.Random(20261206L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      assertEquals(byRegularExpressions(t), IndicatorText.of(t), "text '" + t + "'");
    }
  }

  /** The former reading's regular expressions, the reference of both comparisons (Java's engine and Spark's). */
  private static final String OPERATOR_RE = "^\\s*(≥|≤|>=|<=|＞|＜|>|<|=|＝)";
  private static final String THOUSANDS_RE = "(?<=[0-9]),(?=[0-9]{3})";
  private static final String NUMBER_RE = "-?[0-9]+(?:\\.[0-9]+)?";
  private static final String UNIT_RE = NUMBER_RE + "\\s*(.*)$";

  private static final java.util.regex.Pattern OPERATOR = java.util.regex.Pattern.compile(OPERATOR_RE);
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(NUMBER_RE);
  private static final java.util.regex.Pattern NUMBER_AND_UNIT = java.util.regex.Pattern.compile(UNIT_RE);

  private static Reading byRegularExpressions(String text) {
    java.util.regex.Matcher op = OPERATOR.matcher(text);
    String operator = !op.find() ? null : switch (op.group(1)) {
      case "≥", ">=" -> ">=";
      case "≤", "<=" -> "<=";
      case "＞", ">" -> ">";
      case "＜", "<" -> "<";
      default -> "=";
    };
    String plain = text.replaceAll(THOUSANDS_RE, "");
    java.util.regex.Matcher n = NUMBER.matcher(plain);
    if (!n.find()) {
      return reading(operator, null, null, false);
    }
    BigDecimal value = new BigDecimal(n.group()).setScale(4, java.math.RoundingMode.HALF_UP);
    java.util.regex.Matcher u = NUMBER_AND_UNIT.matcher(plain);
    String unit = u.find() ? u.group(1).replaceAll("^ +| +$", "") : "";
    return new Reading(operator, value.precision() > 18 ? null : value, unit.isEmpty() ? null : unit, true);
  }

  /**
   * The same texts read by Spark's own regular-expression functions, as silver read them before (with a cast that
   * gives null, not an error, for a number the lake cannot hold): reading them in one call must not change a row.
   */
  @Test
  void agreesWithSparksRegularExpressionsOnEveryText() {
    List<String> texts = new ArrayList<>(Arrays.asList("≥1,200人", "  >=95%", "＜5 次", "＝3", "-2.5%", "满意度95%以上",
        "99.99995%", "优", "≤ 较上年", "12,34", "1,234,567.5元", "≥1234567890123456789次", "目标\n≥95%", "95%\n以上",
        "95%\n96 以上", "\t≤ 90 万元 ", "约 3.5 亿", "1.", ".5", "--3", "3 \u3000个", "= 0", "100%\r\n", "5\u2028次",
        "", " ", "≥", "第2季度完成80%", "≥ 98 ％", "1,23,456"));
    texts.add(null);
    Dataset<Row> frame = spark.createDataset(texts, Encoders.STRING()).toDF("t")
        .withColumn("one_call", IndicatorText.read(col("t")))
        .withColumn("op", regexOperator(col("t")))
        .withColumn("n", regexNumber(col("t")))
        .withColumn("u", regexUnit(col("t")));
    for (Row r : frame.collectAsList()) {
      Row one = r.getStruct(1);
      String text = r.getString(0);
      assertEquals(Arrays.asList(r.get(2), r.get(3), r.get(4)), Arrays.asList(one.get(0), one.get(1), one.get(2)),
          "text " + (text == null ? null : "'" + text + "'"));
      assertEquals(!regexHasNumber(text), !one.getBoolean(3), "qualitative: " + text);
    }
  }

  private static Column regexOperator(Column text) {
    Column op = regexp_extract(text, OPERATOR_RE, 1);
    return when(op.isin("≥", ">="), lit(">=")).when(op.isin("≤", "<="), lit("<="))
        .when(op.isin("＞", ">"), lit(">")).when(op.isin("＜", "<"), lit("<"))
        .when(op.isin("=", "＝"), lit("="));
  }

  private static Column regexNumber(Column text) {
    Column plain = regexp_replace(text, THOUSANDS_RE, "");
    Column n = regexp_extract(plain, "(" + NUMBER_RE + ")", 1);
    return when(n.equalTo(""), lit(null)).otherwise(n).try_cast(DocumentStruct.AMOUNT);
  }

  private static Column regexUnit(Column text) {
    Column plain = regexp_replace(text, THOUSANDS_RE, "");
    Column u = trim(regexp_extract(plain, UNIT_RE, 1));
    return when(u.equalTo(""), lit(null)).otherwise(u);
  }

  private static boolean regexHasNumber(String text) {
    return text != null && text.replaceAll(THOUSANDS_RE, "").matches("(?s).*[0-9].*");
  }
}
