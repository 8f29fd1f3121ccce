package org.fiscalscope.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seconds per nightly stage over the timed repetitions of one scale, plus the whole run. */
public final class StageTimes {

  public static final String TOTAL = "nightly (total)";

  private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

  /** Records one repetition: stage name → seconds, and the wall-clock seconds of the whole run. */
  public void add(Map<String, Double> stages, double total) {
    stages.forEach((stage, s) -> seconds.computeIfAbsent(stage, k -> new ArrayList<>()).add(s));
    seconds.computeIfAbsent(TOTAL, k -> new ArrayList<>()).add(total);
  }

  public Map<String, Timings> byStage() {
    Map<String, Timings> out = new LinkedHashMap<>();
    seconds.forEach((stage, s) -> out.put(stage, new Timings(s)));
    return out;
  }

  public Timings of(String stage) {
    return new Timings(seconds.getOrDefault(stage, List.of()));
  }
}
