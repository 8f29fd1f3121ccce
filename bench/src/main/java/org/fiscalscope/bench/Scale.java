package org.fiscalscope.bench;

/** One benchmark size: unit-years = units × years, and how many timed repetitions it gets after its warm-up. */
public record Scale(long unitYears, int years, int repetitions, boolean hasWarmUp) {

  public Scale {
    if (unitYears % years != 0) {
      throw new IllegalArgumentException("unit-years must be a multiple of " + years + ": got " + unitYears);
    }
  }

  public int units() {
    return (int) (unitYears / years);
  }

  /** 1k, 10k, 100k. */
  public String label() {
    return unitYears % 1000 == 0 ? unitYears / 1000 + "k" : String.valueOf(unitYears);
  }
}
