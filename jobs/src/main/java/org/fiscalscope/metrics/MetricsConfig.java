package org.fiscalscope.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Settings of the metrics job, bound from the {@code metrics} section of the config file (kebab-case keys, e.g.
 * {@code metrics.project-execution-weight: 20}); {@link #defaults()} holds the values of the national template.
 * {@code size-bands} are the upper bounds of the headcount bands of the {@code size} peer groups (实有人数 1–20,
 * 21–50, 51–100, above 100 by default).
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = false)
public record MetricsConfig(
    BigDecimal projectExecutionWeight,
    BigDecimal unitExecutionWeight,
    BigDecimal indicatorScoreTolerance,
    List<String> peerGroups,
    Credibility credibility,
    ThreePublicRules threePublic,
    List<Integer> sizeBands) {

  /** Peer-group kinds of gold.score_distribution. */
  public static final Set<String> PEER_GROUP_KINDS = Set.of("all", "kind", "region", "class", "size");

  /** PEFA bands: PI-1 half-widths around 100% of the budget, PI-2 upper bounds of the composition variance, for A, B, C. */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record Credibility(List<BigDecimal> outturnBandsPct, List<BigDecimal> compositionBandsPct) {}

  /**
   * The 三公 only-decrease rule (过紧日子): besides the prior year, each year after {@code baseYear} is compared with
   * that year's figures when the lake has them.
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record ThreePublicRules(Integer baseYear) {}

  /** The years a base year may name. */
  public static final int FIRST_BASE_YEAR = 1990;
  public static final int LAST_BASE_YEAR = 2100;

  public MetricsConfig {
    ConfigTree.require(projectExecutionWeight != null && projectExecutionWeight.signum() > 0,
        "metrics.project-execution-weight", "must be a positive number of points", projectExecutionWeight);
    ConfigTree.require(unitExecutionWeight != null && unitExecutionWeight.signum() > 0,
        "metrics.unit-execution-weight", "must be a positive number of points", unitExecutionWeight);
    ConfigTree.require(indicatorScoreTolerance != null && indicatorScoreTolerance.signum() >= 0,
        "metrics.indicator-score-tolerance", "must be a number of points >= 0", indicatorScoreTolerance);
    ConfigTree.require(peerGroups != null && PEER_GROUP_KINDS.containsAll(peerGroups),
        "metrics.peer-groups", "must list some of all, kind, region, class, size", peerGroups);
    ConfigTree.require(credibility != null && bands(credibility.outturnBandsPct()) && bands(credibility.compositionBandsPct()),
        "metrics.credibility", "must give outturn-bands-pct and composition-bands-pct as three increasing percentages", credibility);
    ConfigTree.require(threePublic != null && threePublic.baseYear() != null
            && threePublic.baseYear() >= FIRST_BASE_YEAR && threePublic.baseYear() <= LAST_BASE_YEAR,
        "metrics.three-public.base-year", "must be a year between " + FIRST_BASE_YEAR + " and " + LAST_BASE_YEAR,
        threePublic == null ? null : threePublic.baseYear());
    ConfigTree.require(increasingHeadcounts(sizeBands),
        "metrics.size-bands", "must give increasing headcounts above 0, the upper bound of each size band (e.g. [20, 50, 100])",
        sizeBands);
    peerGroups = List.copyOf(peerGroups);
    sizeBands = List.copyOf(sizeBands);
  }

  public static MetricsConfig defaults() {
    List<BigDecimal> pefa = List.of(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("15"));
    return new MetricsConfig(new BigDecimal("20"), new BigDecimal("25"), new BigDecimal("0.5"),
        List.of("all", "kind", "region", "class", "size"), new Credibility(pefa, pefa), new ThreePublicRules(2019),
        List.of(20, 50, 100));
  }

  /** The {@code metrics} section of the config tree over the defaults (null: defaults). */
  public static MetricsConfig from(JsonNode metricsSection) {
    return ConfigTree.overlay(defaults(), metricsSection, MetricsConfig.class, "metrics");
  }

  private static boolean increasingHeadcounts(List<Integer> b) {
    if (b == null || b.isEmpty()) {
      return false;
    }
    int previous = 0;
    for (Integer i : b) {
      if (i == null || i <= previous) {
        return false;
      }
      previous = i;
    }
    return true;
  }

  private static boolean bands(List<BigDecimal> b) {
    return b != null && b.size() == 3 && b.get(0).signum() > 0
        && b.get(0).compareTo(b.get(1)) < 0 && b.get(1).compareTo(b.get(2)) < 0;
  }
}
