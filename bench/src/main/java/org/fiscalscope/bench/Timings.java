package org.fiscalscope.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one thing, in seconds: their minimum and median. */
public record Timings(List<Double> seconds) {

  public Timings {
    seconds = List.copyOf(seconds);
  }

  public static Timings of(double... values) {
    List<Double> list = new ArrayList<>();
    for (double v : values) {
      list.add(v);
    }
    return new Timings(list);
  }

  public int repetitions() {
    return seconds.size();
  }

  public double min() {
    return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  /** The middle value; for an even count the mean of the two middle values. */
  public double median() {
    if (seconds.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(seconds);
    Collections.sort(s);
    int mid = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(mid) : (s.get(mid - 1) + s.get(mid)) / 2;
  }

  /** Element-wise sum of two series of the same repetitions (e.g. metrics + flags of each run). */
  public Timings plus(Timings other) {
    List<Double> sum = new ArrayList<>();
    for (int i = 0; i < Math.min(seconds.size(), other.seconds.size()); i++) {
      sum.add(seconds.get(i) + other.seconds.get(i));
    }
    return new Timings(sum);
  }
}
