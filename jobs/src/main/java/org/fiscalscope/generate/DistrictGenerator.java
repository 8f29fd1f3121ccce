package org.fiscalscope.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.fiscalscope.document.FinalAccount;

/**
 * Generates a fictional district's final accounts (江城市滨江区 and, for larger runs, neighbouring districts),
 * deterministic for a seed, with a known set of planted anomalies.
 *
 * <p>{@link #documents()} streams unit by unit, year by year (oldest first), holding one unit at a time, so any
 * number of unit-years fits in memory. {@link #anomalies()} lists what was planted: after a {@code documents()}
 * iterator has been exhausted it returns what that pass planted; called earlier, it runs a pass of its own
 * (same seed, same result) without keeping the documents.
 */
public final class DistrictGenerator {

  private final GeneratorSpec spec;
  private final int codeWidth;
  private AnomalyPlan plan;
  private List<PlantedAnomaly> anomalies;

  public DistrictGenerator(GeneratorSpec spec) {
    this.spec = spec;
    this.codeWidth = Math.max(4, Integer.toString(spec.units()).length());
  }

  public GeneratorSpec spec() {
    return spec;
  }

  /** A fresh stream of all unit-years, unit by unit, years ascending. */
  public Iterator<FinalAccount> documents() {
    return new Documents();
  }

  /** The planted anomalies in generation order (see the class comment for when they are computed). */
  public List<PlantedAnomaly> anomalies() {
    if (anomalies == null) {
      Iterator<FinalAccount> pass = documents();
      while (pass.hasNext()) {
        pass.next();
      }
    }
    return anomalies;
  }

  private AnomalyPlan plan() {
    if (plan == null) {
      plan = AnomalyPlan.build(spec, unit -> UnitProfile.build(spec.seed(), unit, codeWidth).hasThreePublic());
    }
    return plan;
  }

  /** Builds one unit at a time and hands out its years. */
  private final class Documents implements Iterator<FinalAccount> {

    private final AnomalyPlan plan = plan();
    private final List<PlantedAnomaly> planted = new ArrayList<>(plan.size());
    private final Deque<FinalAccount> pending = new ArrayDeque<>();
    private int nextUnit;

    @Override
    public boolean hasNext() {
      if (pending.isEmpty() && nextUnit < spec.units()) {
        generateUnit(nextUnit++);
      }
      if (pending.isEmpty() && anomalies == null) {
        anomalies = Collections.unmodifiableList(planted);
      }
      return !pending.isEmpty();
    }

    @Override
    public FinalAccount next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private void generateUnit(int index) {
      UnitProfile profile = UnitProfile.build(spec.seed(), index, codeWidth);
      Random random = new Random(Seeds.mix(spec.seed(), index, 1));
      LastYear history = new LastYear();
      for (int y = 0; y < spec.years(); y++) {
        UnitYearBuilder.UnitYear unitYear =
            UnitYearBuilder.build(profile, history, random, spec.firstYear() + y, plan.kind(index, y),
                spec.threePublicTotals(), spec.scoringTemplate(index), spec.budgetPhases());
        pending.add(spec.headcounts()
            ? Staffing.apply(unitYear.document(), profile, spec.seed(), spec.firstYear()) : unitYear.document());
        if (unitYear.anomaly() != null) {
          planted.add(unitYear.anomaly());
        }
      }
    }
  }
}
