package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fiscalscope.document.ScoreGrade;

/**
 * The performance-score histograms of the latest fiscal year of gold.score_distribution, one per peer group
 * (with one series per scope: project and unit self-evaluations), the group "all" first, then the largest groups.
 */
record ScoreHistograms(int fiscalYear, long peerGroups, List<PeerGroup> shown) {

  /** The bins of gold.score_distribution, in order, with their labels. */
  static final List<String> BIN_COLUMNS = List.of(
      "bin_below_60", "bin_60_70", "bin_70_80", "bin_80_90", "bin_90_95", "bin_95_100", "bin_100");
  static final List<String> BIN_LABELS = List.of("<60", "60–70", "70–80", "80–90", "90–95", "95–<100", "100");

  /** One peer group's histograms, keyed by scope. */
  record PeerGroup(String name, Map<String, Histogram> byScope) {}

  /**
   * Counts per bin and the summary statistics of one peer group and scope; {@code grades} counts the official grade
   * bands in {@link ScoreGrade} order (null for a lake written before the bands were counted).
   */
  record Histogram(long n, Double median, Double mean, Double perfectShare, List<Long> bins, List<Long> grades) {
    /** Each bin as a percentage of n (2 decimals), so scopes and groups of different sizes compare. */
    List<BigDecimal> sharesPct() {
      return bins.stream().map(b -> n == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(b * 100).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP)).toList();
    }
  }

  static Optional<ScoreHistograms> of(Dataset<Row> distribution, int maxGroups) {
    Row latest = distribution.agg(max("fiscal_year")).first();
    if (latest.isNullAt(0)) {
      return Optional.empty();
    }
    int year = latest.getInt(0);
    Dataset<Row> rows = distribution.filter(col("fiscal_year").equalTo(year))
        .withColumn("scope", Frames.column(distribution, "scope", "string"));
    // In one query: each peer group's place in the year ("all" first, then the largest, then by name), the number of
    // groups, and the rows of the first maxGroups.
    Column allFirst = when(col("peer_group").equalTo("all"), lit(0)).otherwise(lit(1));
    WindowSpec inYear = Window.partitionBy("fiscal_year");
    Dataset<Row> ranked = rows.withColumn("group_size", max("n").over(Window.partitionBy("peer_group")))
        .withColumn("group_rank", dense_rank().over(inYear.orderBy(allFirst, col("group_size").desc(), col("peer_group"))))
        .withColumn("group_count", max("group_rank").over(inYear))
        .filter(col("group_rank").leq(maxGroups));
    Map<String, Map<String, Histogram>> byGroup = new LinkedHashMap<>();
    long total = 0;
    boolean graded = java.util.Arrays.asList(distribution.columns()).contains(ScoreGrade.POOR.column());
    for (Row r : ranked.orderBy(col("group_rank"), col("scope")).collectAsList()) {
      total = r.getInt(r.fieldIndex("group_count"));
      List<Long> bins = new ArrayList<>();
      BIN_COLUMNS.forEach(b -> bins.add(Frames.count(r, b)));
      String scope = r.isNullAt(r.fieldIndex("scope")) ? "project" : Frames.string(r, "scope");
      byGroup.computeIfAbsent(Frames.string(r, "peer_group"), g -> new LinkedHashMap<>()).put(scope, new Histogram(Frames.count(r, "n"),
          Frames.real(r, "median"), Frames.real(r, "mean"), Frames.real(r, "perfect_share"), List.copyOf(bins),
          graded ? java.util.Arrays.stream(ScoreGrade.values()).map(g -> Frames.count(r, g.column())).toList() : null));
    }
    List<PeerGroup> shown = byGroup.entrySet().stream().map(e -> new PeerGroup(e.getKey(), e.getValue())).toList();
    return Optional.of(new ScoreHistograms(year, total, shown));
  }
}
