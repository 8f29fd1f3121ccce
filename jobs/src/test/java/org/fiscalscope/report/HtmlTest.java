package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlTest {

  /** What the report printed amounts with before: Java's formatter, exact for BigDecimal. */
  private static String reference(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
  }

  @Test
  void escapingReplacesTheFiveMarkupCharactersWhereverTheyStand() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;局", Html.esc("<script>alert('x')</script>局"));
    assertEquals("执行率 &quot;84.08%&quot; &amp; 预算", Html.esc("执行率 \"84.08%\" & 预算"));
    assertEquals("&amp;", Html.esc("&"));
    assertEquals("末尾&gt;", Html.esc("末尾>"));
    assertEquals("公务接待费 12.50 万元", Html.esc("公务接待费 12.50 万元"));
    assertEquals("", Html.esc(""));
    assertEquals("", Html.esc(null));
  }

  @Test
  void moneyGroupsThousandsWithTwoDecimalsRoundedHalfUp() {
    assertEquals("1,234,567.89", Html.money(new BigDecimal("1234567.885")));
    assertEquals("-1,234.50", Html.money(new BigDecimal("-1234.5")));
    assertEquals("0.00", Html.money(new BigDecimal("-0.001")));
    assertEquals("999.99", Html.money(new BigDecimal("999.99")));
    assertEquals("1,000.00", Html.money(new BigDecimal("999.995")));
    assertEquals("-100,000.00", Html.money(new BigDecimal("-1E+5")));
    assertEquals("—", Html.money(null));
  }

  @Test
  void moneyAgreesWithJavasFormatterAtEveryLengthAndSign() {
    Random random = new Random(42);
    for (int digits = 1; digits <= 19; digits++) {
      for (int i = 0; i < 200; i++) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
        for (int d = 0; d < digits; d++) {
          s.append((char) ('0' + random.nextInt(10)));
        }
        BigDecimal amount = new BigDecimal(s.toString()).movePointLeft(random.nextInt(6));
        assertEquals(reference(amount), Html.money(amount), amount.toPlainString());
      }
    }
  }
}
