package org.fiscalscope.generate;

import org.fiscalscope.FiscalScopeException;

/** What to generate: how many units, how many consecutive fiscal years ending in {@code lastYear}, and the seed. */
public record GeneratorSpec(int units, int years, int lastYear, long seed) {

  public static final int DEFAULT_LAST_YEAR = 2024;
  public static final long DEFAULT_SEED = 20240601L;

  public GeneratorSpec {
    if (units < 1) {
      throw new FiscalScopeException("--units must be at least 1: got " + units + ".");
    }
    if (years < 1 || years > 50) {
      throw new FiscalScopeException("--years must be between 1 and 50: got " + years + ".");
    }
    if (lastYear - years + 1 < 1990 || lastYear > 2100) {
      throw new FiscalScopeException("--last-year must leave all years within 1990–2100: got last year "
          + lastYear + " with " + years + " years.");
    }
    if ((long) units * years > 100_000_000L) {
      throw new FiscalScopeException("--units × --years must be at most 100,000,000 unit-years: got "
          + (long) units * years + ".");
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
