package org.fiscalscope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimingsTest {

  @Test
  void minAndMedianOfAnOddCount() {
    Timings t = Timings.of(3.0, 1.0, 2.0);
    assertEquals(1.0, t.min());
    assertEquals(2.0, t.median());
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, Timings.of(4.0, 1.0, 2.0, 3.0).median());
  }

  @Test
  void noRepetitionsGiveNaN() {
    assertTrue(Double.isNaN(Timings.of().median()));
    assertTrue(Double.isNaN(Timings.of().min()));
  }

  @Test
  void metricsPlusFlagsAddsEachRepetition() {
    assertEquals(Timings.of(3.0, 5.0), Timings.of(1.0, 2.0).plus(Timings.of(2.0, 3.0)));
  }
}
