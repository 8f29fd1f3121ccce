package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakestLinkTest {

  private static String m1(String... grades) {
    return WeakestLink.combine(Arrays.asList(grades));
  }

  @Test
  void theWorkedExampleOfTheDocs() {
    assertEquals("C+", m1("A", "C", "A"), "docs/metrics.md: PI-1 A, PI-2.1 C, PI-2.2 A");
  }

  @Test
  void theLowestGradeWithAPlusWhenAnyOtherIsHigher() {
    assertEquals("B", m1("B", "B", "B"), "all equal: no plus");
    assertEquals("D+", m1("D", "A"), "a D with a better dimension is D+");
    assertEquals("D", m1("D", "D"));
    assertEquals("B+", m1("A", "B", "B"), "one higher dimension is enough");
    assertEquals("C", m1("C"), "a single dimension is its own grade");
  }

  @Test
  void aDimensionNotRatedTakesNoPart() {
    assertEquals("C+", m1("A", "C", null));
    assertEquals("A", m1(null, "A", null));
    assertNull(m1(null, null, null), "nothing rated: no grade");
    assertNull(WeakestLink.combine(List.of()));
  }

  @Test
  void onlyGradesAToDAreCombined() {
    assertThrows(IllegalArgumentException.class, () -> m1("A", "C+"));
    assertThrows(IllegalArgumentException.class, () -> m1("a"));
  }
}
