package org.fiscalscope.generate;

import org.fiscalscope.problem.Problem;


/** What to generate: how many units, how many consecutive fiscal years ending in {@code lastYear}, and the seed. */
public record GeneratorSpec(int units, int years, int lastYear, long seed) {

  public static final int DEFAULT_LAST_YEAR = 2024;
  public static final long DEFAULT_SEED = 20240601L;

  public GeneratorSpec {
    if (units < 1) {
      throw Problem.GENERATE_UNITS.failure(units);
    }
    if (years < 1 || years > 50) {
      throw Problem.GENERATE_YEARS.failure(years);
    }
    if (lastYear - years + 1 < 1990 || lastYear > 2100) {
      throw Problem.GENERATE_LAST_YEAR_RANGE.failure(lastYear, years);
    }
    if ((long) units * years > 100_000_000L) {
      throw Problem.GENERATE_TOO_MANY.failure((long) units * years);
    }
  }

  /** Years ending in {@link #DEFAULT_LAST_YEAR}. */
  public static GeneratorSpec of(int units, int years, long seed) {
    return new GeneratorSpec(units, years, DEFAULT_LAST_YEAR, seed);
  }

  public int firstYear() {
    return lastYear - years + 1;
  }

  public long unitYears() {
    return (long) units * years;
  }
}
