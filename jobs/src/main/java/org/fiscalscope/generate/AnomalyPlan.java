package org.fiscalscope.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which unit-years get a planted anomaly and of which kind, decided up front from the seed: 5% of unit-years
 * (1% multivariate, the rest spread evenly over the seven rule kinds), each kind placed only where it can occur
 * (three-public kinds need a unit with three-public costs; an increase needs a prior year).
 */
final class AnomalyPlan {

  static final double SHARE = 0.05;
  static final double MULTIVARIATE_SHARE = 0.01;

  private final Map<Long, AnomalyKind> bySlot;
  private final int years;

  private AnomalyPlan(Map<Long, AnomalyKind> bySlot, int years) {
    this.bySlot = bySlot;
    this.years = years;
  }

  /** {@code hasThreePublic} tells, for a unit index, whether the unit spends three-public costs. */
  static AnomalyPlan build(GeneratorSpec spec, IntPredicate hasThreePublic) {
    long n = spec.unitYears();
    int planted = (int) Math.round(n * SHARE);
    int multivariate = Math.min(planted, (int) Math.round(n * MULTIVARIATE_SHARE));
    Random random = new Random(Seeds.mix(spec.seed(), -1, 7));

    List<AnomalyKind> kinds = new ArrayList<>(planted);
    for (int i = 0; i < multivariate; i++) {
      kinds.add(AnomalyKind.MULTIVARIATE);
    }
    List<AnomalyKind> rules = Arrays.stream(AnomalyKind.values()).filter(k -> k != AnomalyKind.MULTIVARIATE)
        .filter(spec::plants).toList();
    for (int i = 0; kinds.size() < planted; i++) {
      kinds.add(rules.get(i % rules.size()));
    }
    Collections.shuffle(kinds, random);

    long[] slots = sample(n, planted, random);
    Arrays.sort(slots);
    AnomalyKind[] assigned = kinds.toArray(new AnomalyKind[0]);
    Map<Integer, Boolean> threePublic = new HashMap<>();
    IntPredicate cached = unit -> threePublic.computeIfAbsent(unit, hasThreePublic::test);
    for (int i = 0; i < slots.length; i++) {
      if (!fits(assigned[i], slots[i], spec.years(), cached)) {
        swapIntoPlace(i, slots, assigned, spec.years(), cached);
      }
    }
    Map<Long, AnomalyKind> bySlot = new HashMap<>(slots.length * 2);
    for (int i = 0; i < slots.length; i++) {
      bySlot.put(slots[i], assigned[i]);
    }
    return new AnomalyPlan(bySlot, spec.years());
  }

  /** The kind planted in this unit-year, or null. */
  AnomalyKind kind(int unitIndex, int yearIndex) {
    return bySlot.get((long) unitIndex * years + yearIndex);
  }

  int size() {
    return bySlot.size();
  }

  private static boolean fits(AnomalyKind kind, long slot, int years, IntPredicate hasThreePublic) {
    int unit = (int) (slot / years);
    int yearIndex = (int) (slot % years);
    return (!kind.needsPriorYear() || yearIndex > 0) && (!kind.needsThreePublic() || hasThreePublic.test(unit));
  }

  /** Trades kinds with another slot so both fit; falls back to a kind that fits anywhere. */
  private static void swapIntoPlace(int i, long[] slots, AnomalyKind[] assigned, int years,
      IntPredicate hasThreePublic) {
    for (int j = 0; j < slots.length; j++) {
      if (j != i && fits(assigned[i], slots[j], years, hasThreePublic)
          && fits(assigned[j], slots[i], years, hasThreePublic)) {
        AnomalyKind kind = assigned[i];
        assigned[i] = assigned[j];
        assigned[j] = kind;
        return;
      }
    }
    assigned[i] = AnomalyKind.SCORE_MISMATCH;
  }

  /** {@code k} distinct numbers in [0, n) (Floyd's algorithm: memory proportional to k, not n). */
  private static long[] sample(long n, int k, Random random) {
    Set<Long> chosen = new HashSet<>(k * 2);
    for (long j = n - k; j < n; j++) {
      long t = (long) (random.nextDouble() * (j + 1));
      if (!chosen.add(t)) {
        chosen.add(j);
      }
    }
    return chosen.stream().mapToLong(Long::longValue).toArray();
  }
}
