package org.fiscalscope.flags;

import java.util.Arrays;

/**
 * The test oracle of {@link PeerOutliers#robustZ}: median/MAD robust z-score (Iglewicz and Hoaglin),
 * z = 0.6745 · (x − median) ÷ MAD, MAD = median |x − median|, over plain arrays. Medians of an even count average
 * the two middle values (as Spark's {@code median}).
 */
final class RobustZ {

  static final double CONSISTENCY = PeerOutliers.CONSISTENCY;

  private RobustZ() {}

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }

  static double mad(double[] values) {
    double m = median(values);
    return median(Arrays.stream(values).map(v -> Math.abs(v - m)).toArray());
  }

  /** The robust z of {@code x} among {@code peers}; NaN when the MAD is 0 (half the peers share one value). */
  static double z(double x, double[] peers) {
    double mad = mad(peers);
    return mad == 0 ? Double.NaN : CONSISTENCY * (x - median(peers)) / mad;
  }
}
