package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PefaTest {

  static final List<BigDecimal> BANDS = MetricsConfig.defaults().credibility().outturnBandsPct();

  static List<BigDecimal> pcts(String... values) {
    return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
  }

  @Test
  void outturnGradesOneExamplePerGrade() {
    assertEquals("A", Pefa.outturnGrade(pcts("96.00", "104.99", "80.00"), BANDS), "two years within 95–105");
    assertEquals("A", Pefa.outturnGrade(pcts("95.00", "105.00", "100.00"), BANDS), "band edges count as inside");
    assertEquals("B", Pefa.outturnGrade(pcts("92.00", "109.00", "99.00"), BANDS), "only one within 95–105, three within 90–110");
    assertEquals("C", Pefa.outturnGrade(pcts("86.00", "114.00", "70.00"), BANDS), "two within 85–115");
    assertEquals("D", Pefa.outturnGrade(pcts("84.99", "120.00", "100.00"), BANDS), "only one year within any band");
  }

  @Test
  void compositionGradesOneExamplePerGrade() {
    assertEquals("A", Pefa.compositionGrade(pcts("4.99", "0.00", "30.00"), BANDS));
    assertEquals("B", Pefa.compositionGrade(pcts("5.00", "9.99", "2.00"), BANDS), "5% is not below 5%");
    assertEquals("C", Pefa.compositionGrade(pcts("14.00", "10.00", "40.00"), BANDS));
    assertEquals("D", Pefa.compositionGrade(pcts("15.00", "16.00", "1.00"), BANDS));
  }

  @Test
  void noGradeWithoutThreeKnownYears() {
    assertNull(Pefa.outturnGrade(pcts("100.00", "100.00"), BANDS));
    assertNull(Pefa.compositionGrade(pcts("1.00", null, "1.00"), BANDS));
  }
}
