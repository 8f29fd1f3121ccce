package org.fiscalscope.generate;

import org.fiscalscope.problem.Problem;


/**
 * What to generate: how many units, how many consecutive fiscal years ending in {@code lastYear}, and the seed.
 * {@code threePublicTotals} (off unless asked for) keeps each unit's 三公 budget and actual totals from rising
 * unless an anomaly is planted there, plants rises of the total as their own kind, and plants single-category rises
 * and overspends within an unchanged total. {@code headcounts} (off unless asked for) states each unit-year's 编制人数,
 * 实有人数 and 在职人数 and leaves 机关运行经费 out of every 事业单位 (not applicable to its kind).
 * {@code scoringTemplates} (off unless asked for) prints the weight of 预算执行率 in every self-evaluation table,
 * national (10 points) for half the units and Wuhan-style (20 for a project, 25 for the unit table) for the other
 * half, scores by it, and plants indicator scores above their printed weight. {@code budgetPhases} (off unless asked
 * for) states each unit-year's full-year budget and, where spending draws on it, the carry-over funding the year
 * beside the initial budget, and plants spending above the initial budget that no stated carry-over explains.
 */
public record GeneratorSpec(int units, int years, int lastYear, long seed, boolean threePublicTotals,
    boolean headcounts, boolean scoringTemplates, boolean budgetPhases) {

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
    this(units, years, lastYear, seed, false, false, false, false);
  }

  public GeneratorSpec(int units, int years, int lastYear, long seed, boolean threePublicTotals) {
    this(units, years, lastYear, seed, threePublicTotals, false, false, false);
  }

  /** The same district with the 三公 totals kept and their rises planted. */
  public GeneratorSpec withThreePublicTotals() {
    return new GeneratorSpec(units, years, lastYear, seed, true, headcounts, scoringTemplates, budgetPhases);
  }

  /** The same district with headcounts stated and operating costs only where the unit's kind has them. */
  public GeneratorSpec withHeadcounts() {
    return new GeneratorSpec(units, years, lastYear, seed, threePublicTotals, true, scoringTemplates, budgetPhases);
  }

  /** The same district with both weight templates printed in its self-evaluation tables (see above). */
  public GeneratorSpec withScoringTemplates() {
    return new GeneratorSpec(units, years, lastYear, seed, threePublicTotals, headcounts, true, budgetPhases);
  }

  /** The same district with the budget phases (full-year budget, carry-over) stated and over-execution planted. */
  public GeneratorSpec withBudgetPhases() {
    return new GeneratorSpec(units, years, lastYear, seed, threePublicTotals, headcounts, scoringTemplates, true);
  }

  /** Whether this spec plants anomalies of {@code kind} (a kind that must be asked for is planted only then). */
  public boolean plants(AnomalyKind kind) {
    return switch (kind) {
      case THREE_PUBLIC_TOTAL_INCREASE -> threePublicTotals;
      case SCORE_ABOVE_WEIGHT -> scoringTemplates;
      case OVER_EXECUTION -> budgetPhases;
      default -> true;
    };
  }

  /** The weight template a unit's tables print, or null when the spec prints none. */
  public org.fiscalscope.document.ScoringTemplate scoringTemplate(int unitIndex) {
    if (!scoringTemplates) {
      return null;
    }
    return unitIndex % 2 == 0 ? org.fiscalscope.document.ScoringTemplate.NATIONAL
        : org.fiscalscope.document.ScoringTemplate.WUHAN;
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
