package org.fiscalscope.flags;

import java.util.Arrays;

/**
 * Median/MAD robust z-score (Iglewicz and Hoaglin): z = 0.6745 · (x − median) ÷ MAD, MAD = median |x − median|.
 * Medians of an even count average the two middle values (as Spark's {@code median}).
 */
public final class RobustZ {

  /** 0.6745 makes the MAD a consistent estimator of the standard deviation for normal data. */
  public static final double CONSISTENCY = 0.6745;

  private RobustZ() {}

  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }

  public static double mad(double[] values) {
    double m = median(values);
    return median(Arrays.stream(values).map(v -> Math.abs(v - m)).toArray());
  }

  /** The robust z of {@code x} among {@code peers}; NaN when the MAD is 0 (half the peers share one value). */
  public static double z(double x, double[] peers) {
    double mad = mad(peers);
    return mad == 0 ? Double.NaN : CONSISTENCY * (x - median(peers)) / mad;
  }
}
