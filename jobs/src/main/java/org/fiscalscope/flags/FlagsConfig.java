package org.fiscalscope.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.fiscalscope.metrics.ConfigTree;
import org.fiscalscope.problem.Problem;

/**
 * Thresholds of the flags job, bound from the {@code flags} section of the config file with kebab-case keys
 * (e.g. {@code flags.execution-rate.warning-below: 90}); {@link #defaults()} holds the documented defaults.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record FlagsConfig(
    ExecutionRate executionRate,
    Mismatch mismatch,
    PerfectScore perfectScore,
    RobustZ robustZ,
    Multivariate multivariate,
    OverExecution overExecution) {

  /** Low execution: warning below {@code warningBelow}%, severe below {@code severeBelow}%, at the listed levels. */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record ExecutionRate(BigDecimal warningBelow, BigDecimal severeBelow, List<String> levels) {}

  /** Reported vs recomputed: rates in percentage points, scores in points. */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record Mismatch(BigDecimal rateTolerancePct, BigDecimal scoreTolerance) {}

  /** A total score of at least {@code scoreAtLeast} with execution below {@code executionBelow}%. */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record PerfectScore(BigDecimal scoreAtLeast, BigDecimal executionBelow) {}

  /** Median/MAD robust z within {@code peerGroup} (all | kind | region | class) and fiscal year. */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record RobustZ(double threshold, String peerGroup, int minPeers) {}

  /**
   * KMeans over standardised cost ratios (only with at least {@code minUnitYears} unit-years): distance to the
   * nearest cluster holding at least {@code minClusterShare} of the unit-years; the top {@code topShare} of each
   * year's distances are flagged.
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record Multivariate(boolean enabled, int minUnitYears, int clusters, double minClusterShare, double topShare,
      long seed, int maxIterations, int namedFeatures) {}

  /**
   * Over-execution: actual above {@code above}% of the initial budget (年初预算), at the listed levels — unless the
   * carry-over the document states (年初结转) brings the spending the initial budget funded back within the line.
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record OverExecution(BigDecimal above, List<String> levels) {}

  private static final Set<String> LEVELS = Set.of("unit", "function", "project");
  private static final Set<String> PEERS = Set.of("all", "kind", "region", "class");

  public FlagsConfig {
    check(executionRate != null && executionRate.warningBelow() != null && executionRate.severeBelow() != null
        && executionRate.severeBelow().compareTo(executionRate.warningBelow()) <= 0,
        "flags.execution-rate", "needs severe-below <= warning-below (percent)", executionRate);
    check(executionRate.levels() != null && LEVELS.containsAll(executionRate.levels()),
        "flags.execution-rate.levels", "must list some of unit, function, project", executionRate.levels());
    check(mismatch != null && mismatch.rateTolerancePct() != null && mismatch.rateTolerancePct().signum() >= 0
        && mismatch.scoreTolerance() != null && mismatch.scoreTolerance().signum() >= 0,
        "flags.mismatch", "needs rate-tolerance-pct and score-tolerance >= 0", mismatch);
    check(perfectScore != null && perfectScore.scoreAtLeast() != null && perfectScore.executionBelow() != null,
        "flags.perfect-score", "needs score-at-least and execution-below", perfectScore);
    check(robustZ != null && robustZ.threshold() > 0 && PEERS.contains(robustZ.peerGroup()) && robustZ.minPeers() >= 3,
        "flags.robust-z", "needs threshold > 0, peer-group one of all|kind|region|class, min-peers >= 3", robustZ);
    check(multivariate != null && multivariate.minUnitYears() >= 10 && multivariate.clusters() >= 1 && multivariate.topShare() > 0
        && multivariate.topShare() < 1 && multivariate.minClusterShare() >= 0 && multivariate.minClusterShare() < 1
        && multivariate.maxIterations() >= 1 && multivariate.namedFeatures() >= 1,
        "flags.multivariate", "needs min-unit-years >= 10, clusters >= 1, top-share and min-cluster-share in (0, 1), max-iterations >= 1, named-features >= 1",
        multivariate);
    check(overExecution != null && overExecution.above() != null
        && overExecution.above().compareTo(BigDecimal.valueOf(100)) >= 0,
        "flags.over-execution.above", "must be a percentage of the initial budget of at least 100",
        overExecution == null ? null : overExecution.above());
    check(overExecution.levels() != null && LEVELS.containsAll(overExecution.levels()),
        "flags.over-execution.levels", "must list some of unit, function, project", overExecution.levels());
  }

  public static FlagsConfig defaults() {
    return new FlagsConfig(
        new ExecutionRate(new BigDecimal("90"), new BigDecimal("80"), List.of("unit", "function", "project")),
        new Mismatch(new BigDecimal("0.5"), new BigDecimal("0.5")),
        new PerfectScore(new BigDecimal("100"), new BigDecimal("90")),
        new RobustZ(3.5, "kind", 10),
        new Multivariate(true, 30, 8, 0.02, 0.05, 42L, 30, 2),
        new OverExecution(new BigDecimal("105"), List.of("unit", "function", "project")));
  }

  /** The {@code flags} section of the config tree over the defaults (null: defaults). */
  public static FlagsConfig from(JsonNode flagsSection) {
    return ConfigTree.overlay(defaults(), flagsSection, FlagsConfig.class, "flags");
  }

  private static void check(boolean condition, String key, String expectation, Object got) {
    if (!condition) {
      throw Problem.CONFIG_INVALID_VALUE.failure(key, expectation, got);
    }
  }
}
