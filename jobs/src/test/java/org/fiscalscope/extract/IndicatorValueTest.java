package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

  /** The form the reading follows, written as one regular expression: the scan must read every text as it does. */
  private static final Pattern FORM = Pattern.compile(
      "(≥|>=|>|大于等于|大于|不低于|不少于|≤|<=|<|小于等于|小于|不高于|不超过|=)?约?(-?\\d[\\d,]*(?:\\.\\d+)?)(?:余|多)?(.{0,6})");

  private static IndicatorValue byRegularExpression(String printed) {
    Matcher m = FORM.matcher(printed.replace(" ", ""));
    if (!m.matches()) {
      return new IndicatorValue(IndicatorValue.Direction.POSITIVE, null, printed);
    }
    String op = m.group(1) == null ? "" : m.group(1);
    IndicatorValue.Direction d = op.startsWith("≤") || op.startsWith("<") || op.startsWith("小于") || op.equals("不高于")
        || op.equals("不超过") ? IndicatorValue.Direction.NEGATIVE : IndicatorValue.Direction.POSITIVE;
    return new IndicatorValue(d, PrintedNumbers.number(m.group(2)), m.group(3));
  }

  @Test
  void readsComparisonsNumbersAndUnits() {
    assertEquals(new IndicatorValue(IndicatorValue.Direction.POSITIVE, new BigDecimal("1200"), "人次"),
        IndicatorValue.of("≥ 1,200 人次"));
    assertEquals(new IndicatorValue(IndicatorValue.Direction.NEGATIVE, new BigDecimal("5.5"), "%"),
        IndicatorValue.of("不超过约5.5多%"));
    assertEquals(new IndicatorValue(IndicatorValue.Direction.NEGATIVE, new BigDecimal("-3"), "天"),
        IndicatorValue.of("小于等于-3天"));
    assertEquals(new IndicatorValue(IndicatorValue.Direction.POSITIVE, new BigDecimal("12"), ".天"),
        IndicatorValue.of("=12.天"), "a point without decimals after it belongs to the unit");
    assertEquals(new IndicatorValue(IndicatorValue.Direction.POSITIVE, null, "完成"), IndicatorValue.of("完成"));
    assertEquals(new IndicatorValue(IndicatorValue.Direction.POSITIVE, null, "≥95%以上的受益群众"),
        IndicatorValue.of("≥95%以上的受益群众"), "a unit of more than six characters makes the value qualitative");
    assertEquals(new IndicatorValue(IndicatorValue.Direction.POSITIVE, null, "95%\n"), IndicatorValue.of("95%\n"));
    assertEquals(new IndicatorValue(IndicatorValue.Direction.POSITIVE, new BigDecimal("8"), "😀😀😀😀😀😀"),
        IndicatorValue.of("8😀😀😀😀😀😀"), "characters, not UTF-16 units, are counted");
    assertNull(IndicatorValue.of(null));
  }

  @Test
  void readsEveryTextAsTheRegularExpressionDoes() {
    List<String> pieces = List.of("≥", ">=", ">", "大于等于", "大于", "不低于", "不少于", "≤", "<=", "<", "小于等于", "小于",
        "不高于", "不超过", "=", "等于", "不", "约", "余", "多", "-", ".", ",", " ", "0", "1", "7", "9", "12", "3.5",
        "1,000", "%", "人", "万元", "天", "\n", "\r", "\u0085", "\u2028", "\u2029", "\t", "\u3000", "😀", "\uD800", "a");
    Random random = new Random(20261206L);
    int quantitative = 0;
    int negative = 0;
    for (int t = 0; t < 50_000; t++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(9);
      for (int k = 0; k < length; k++) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      String printed = text.toString();
      IndicatorValue expected = byRegularExpression(printed);
      assertEquals(expected, IndicatorValue.of(printed), () -> "read differently: [" + printed + "]");
      quantitative += expected.isQuantitative() ? 1 : 0;
      negative += expected.direction() == IndicatorValue.Direction.NEGATIVE ? 1 : 0;
    }
    assertTrue(quantitative > 4_000 && negative > 400, "the texts reach both readings: " + quantitative + ", " + negative);
  }
}
