package org.fiscalscope.generate;

import org.fiscalscope.problem.Problem;


/**
 * What to generate: how many units, how many consecutive fiscal years ending in {@code lastYear}, and the seed.
 * {@code threePublicTotals} (off unless asked for) keeps each unit's 三公 budget and actual totals from rising
 * unless an anomaly is planted there, plants rises of the total as their own kind, and plants single-category rises
 * and overspends within an unchanged total. {@code budgetPhases} (off unless asked for) states each unit-year's
 * full-year budget and, where spending draws on it, the carry-over funding the year beside the initial budget, and
 * plants spending above the initial budget that no stated carry-over explains.
 */
public record GeneratorSpec(int units, int years, int lastYear, long seed, boolean threePublicTotals,
    boolean budgetPhases) {

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

  public GeneratorSpec(int units, int years, int lastYear, long seed) {
    this(units, years, lastYear, seed, false, false);
  }

  public GeneratorSpec(int units, int years, int lastYear, long seed, boolean threePublicTotals) {
    this(units, years, lastYear, seed, threePublicTotals, false);
  }

  /** The same district with the 三公 totals kept and their rises planted. */
  public GeneratorSpec withThreePublicTotals() {
    return new GeneratorSpec(units, years, lastYear, seed, true, budgetPhases);
  }

  /** The same district with the budget phases (full-year budget, carry-over) stated and over-execution planted. */
  public GeneratorSpec withBudgetPhases() {
    return new GeneratorSpec(units, years, lastYear, seed, threePublicTotals, true);
  }

  /** Whether this spec plants anomalies of {@code kind} (a kind that must be asked for is planted only then). */
  public boolean plants(AnomalyKind kind) {
    return switch (kind) {
      case THREE_PUBLIC_TOTAL_INCREASE -> threePublicTotals;
      case OVER_EXECUTION -> budgetPhases;
      default -> true;
    };
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
