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
