package org.fiscalscope.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The test oracle of {@link Credibility}'s grades: PEFA-style budget-credibility grades over three fiscal years
 * (docs/metrics.md), over plain values. A grade is earned when at least two of the three years fall inside its band;
 * A, B, C by the configured bands, D otherwise.
 */
final class Pefa {

  private static final String[] GRADES = {"A", "B", "C"};

  private Pefa() {}

  /** PI-1 from the outturn (actual ÷ budget × 100) of each of three years; null unless all three are known. */
  static String outturnGrade(List<BigDecimal> outturnPcts, List<BigDecimal> bandsPct) {
    if (!complete(outturnPcts)) {
      return null;
    }
    for (int g = 0; g < GRADES.length; g++) {
      BigDecimal band = bandsPct.get(g);
      long inside = outturnPcts.stream()
          .filter(x -> x.subtract(BigDecimal.valueOf(100)).abs().compareTo(band) <= 0).count();
      if (inside >= 2) {
        return GRADES[g];
      }
    }
    return "D";
  }

  /** PI-2 from the composition variance (percent) of each of three years; null unless all three are known. */
  static String compositionGrade(List<BigDecimal> variancePcts, List<BigDecimal> bandsPct) {
    if (!complete(variancePcts)) {
      return null;
    }
    for (int g = 0; g < GRADES.length; g++) {
      BigDecimal band = bandsPct.get(g);
      long below = variancePcts.stream().filter(x -> x.compareTo(band) < 0).count();
      if (below >= 2) {
        return GRADES[g];
      }
    }
    return "D";
  }

  private static boolean complete(List<BigDecimal> values) {
    return values != null && values.size() == 3 && values.stream().allMatch(Objects::nonNull);
  }
}
