package org.fiscalscope.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.fiscalscope.document.ScoringTemplate;

/**
 * Settings of the metrics job, bound from the {@code metrics} section of the config file (kebab-case keys, e.g.
 * {@code metrics.scoring.template: national}); {@link #defaults()} holds the built-in values.
 * {@code scoring} chooses the weight of 预算执行率 for a self-evaluation table that prints none (a table's printed
 * weight is always its rule): {@code template} everywhere, except the regions listed under {@code regions}
 * (region name or its beginning → template; the longest match wins).
 * {@code size-bands} are the upper bounds of the headcount bands of the {@code size} peer groups (实有人数 1–20,
 * 21–50, 51–100, above 100 by default).
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = false)
public record MetricsConfig(
    Scoring scoring,
    BigDecimal indicatorScoreTolerance,
    List<String> peerGroups,
    Credibility credibility,
    ThreePublicRules threePublic,
    List<Integer> sizeBands) {

  /** Peer-group kinds of gold.score_distribution, in the order groups are listed; all of them by default. */
  public static final List<String> PEER_GROUP_KINDS = List.of("all", "kind", "region", "class", "size", "parent");

  /** PEFA bands: PI-1 half-widths around 100% of the budget, PI-2 upper bounds of the composition variance, for A, B, C. */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record Credibility(List<BigDecimal> outturnBandsPct, List<BigDecimal> compositionBandsPct) {}

  /**
   * The 三公 only-decrease rule (过紧日子): besides the prior year, each year after {@code baseYear} is compared with
   * that year's figures when the lake has them.
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record ThreePublicRules(Integer baseYear) {}

  /**
   * The weight template of tables that print no weight for 预算执行率: {@code template} by default, and per region
   * (a unit whose region equals or begins with a key uses that key's template; the longest key wins).
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record Scoring(String template, Map<String, String> regions) {

    /** The default template. */
    public ScoringTemplate defaultTemplate() {
      return ScoringTemplate.of(template);
    }

    /** Region (or its beginning) → template, longest region first. */
    public List<Map.Entry<String, ScoringTemplate>> byRegion() {
      return regions.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), ScoringTemplate.of(e.getValue())))
          .sorted(Comparator.comparing((Map.Entry<String, ScoringTemplate> e) -> -e.getKey().length())
              .thenComparing(Map.Entry::getKey))
          .toList();
    }

    /** The template of a unit in {@code region} (null region: the default). */
    public ScoringTemplate templateOf(String region) {
      if (region != null) {
        for (Map.Entry<String, ScoringTemplate> e : byRegion()) {
          if (region.startsWith(e.getKey())) {
            return e.getValue();
          }
        }
      }
      return defaultTemplate();
    }
  }

  /** The years a base year may name. */
  public static final int FIRST_BASE_YEAR = 1990;
  public static final int LAST_BASE_YEAR = 2100;

  public MetricsConfig {
    String templates = String.join(", ", ScoringTemplate.keys());
    ConfigTree.require(scoring != null && ScoringTemplate.of(scoring.template()) != null,
        "metrics.scoring.template", "must name a weight template: one of " + templates,
        scoring == null ? null : scoring.template());
    ConfigTree.require(scoring.regions() != null, "metrics.scoring.regions",
        "must map region names to weight templates (e.g. 武汉市: wuhan)", null);
    for (Map.Entry<String, String> e : scoring.regions().entrySet()) {
      ConfigTree.require(e.getKey() != null && !e.getKey().isBlank(), "metrics.scoring.regions",
          "must name each region (a key is blank)", e.getKey());
      ConfigTree.require(ScoringTemplate.of(e.getValue()) != null, "metrics.scoring.regions." + e.getKey(),
          "must name a weight template: one of " + templates, e.getValue());
    }
    scoring = new Scoring(scoring.template(), Map.copyOf(scoring.regions()));
    ConfigTree.require(indicatorScoreTolerance != null && indicatorScoreTolerance.signum() >= 0,
        "metrics.indicator-score-tolerance", "must be a number of points >= 0", indicatorScoreTolerance);
    ConfigTree.require(peerGroups != null && PEER_GROUP_KINDS.containsAll(peerGroups),
        "metrics.peer-groups", "must list some of " + String.join(", ", PEER_GROUP_KINDS), peerGroups);
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
    return new MetricsConfig(new Scoring(ScoringTemplate.NATIONAL.key(), Map.of()), new BigDecimal("0.5"),
        PEER_GROUP_KINDS, new Credibility(pefa, pefa), new ThreePublicRules(2019),
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
