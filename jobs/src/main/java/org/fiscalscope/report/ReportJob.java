package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;

/**
 * The report job: gold and silver tables → {@code <reports>/<run date>/index.html} (one self-contained page) and
 * {@code csv/<table>.csv} per gold table. Spark aggregates; only bounded results (top N, one histogram per peer
 * group, capped lists with counts of the rest) reach the driver.
 */
public final class ReportJob {

  private static final LakeTable EXECUTION = LakeTable.GOLD_EXECUTION;
  private static final LakeTable THREE_PUBLIC_TREND = LakeTable.GOLD_THREE_PUBLIC_TREND;
  private static final LakeTable SCORE_DISTRIBUTION = LakeTable.GOLD_SCORE_DISTRIBUTION;
  private static final LakeTable FLAGS = LakeTable.GOLD_FLAGS;

  /** The gold tables exported as CSV, in the order the page lists them: every gold table of the lake. */
  static final List<LakeTable> GOLD = LakeTable.inLayers(LakeTable.Layer.GOLD);

  /** Rows of a CSV export the driver holds at once: one range partition of the table. */
  static final long EXPORT_ROWS_PER_PART = 200_000;

  /** How much of each list the page shows; the rest is counted and left to the CSV exports. */
  public record Limits(int rankingPerEnd, int peerGroups, int trendUnits, int flags, int flaggedUnits, int lowestUnits) {
    public static Limits defaults() {
      return new Limits(25, 24, 12, 200, 40, 10);
    }
  }

  /** What the report holds and where it is. */
  public record Result(String indexPath, int unitPages, int charts, long flags, int csvTables) {}

  private ReportJob() {}

  public static Result run(Lake lake, String reportsRoot, LocalDate runDate) {
    return run(lake, reportsRoot, runDate, Limits.defaults());
  }

  public static Result run(Lake lake, String reportsRoot, LocalDate runDate, Limits limits) {
    ReportFolder folder = new ReportFolder(lake.spark(), reportsRoot, runDate);
    Dataset<Row> unitYear = lake.read(LakeTable.SILVER_UNIT_YEAR).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ReportContent content = content(lake, unitYear, runDate, limits);
      List<String> exported = new ArrayList<>();
      for (LakeTable t : GOLD) {
        gold(lake, t).ifPresent(rows -> {
          folder.exportCsv(t.toString(), inKeyOrder(rows, t.key()));
          exported.add(t.toString());
        });
      }
      ReportPage.Rendered page = ReportPage.render(withCsv(content, exported));
      folder.writeIndex(page.html());
      return new Result(folder.indexPath(), page.unitPages(), page.charts(),
          content.flags().map(FlagList::total).orElse(0L), exported.size());
    } finally {
      unitYear.unpersist();
    }
  }

  /** The page's content from the lake's tables, every list bounded by {@code limits}. */
  static ReportContent content(Lake lake, Dataset<Row> unitYear, LocalDate runDate, Limits limits) {
    Dataset<Row> names = Frames.unitNames(unitYear);
    Optional<Dataset<Row>> flagRows = gold(lake, FLAGS);
    Optional<ExecutionRanking> ranking = gold(lake, EXECUTION).flatMap(e -> ExecutionRanking.of(e, limits.rankingPerEnd()));
    Optional<ScoreHistograms> scores = gold(lake, SCORE_DISTRIBUTION).flatMap(s -> ScoreHistograms.of(s, limits.peerGroups()));
    Optional<ThreePublicBreaks> trends = gold(lake, THREE_PUBLIC_TREND)
        .flatMap(t -> ThreePublicBreaks.of(t, names, limits.trendUnits()));
    Optional<FlagList> flags = flagRows.flatMap(f -> FlagList.of(f, unitYear, limits.flags()));

    List<String> unitIds = unitsToShow(flagRows, ranking, trends, limits);
    Map<String, List<FlagList.Flag>> unitFlags = flagRows.map(f -> flagsOf(f, unitYear, unitIds)).orElse(Map.of());
    List<UnitHistory> units = UnitHistory.of(UnitHistory.withPeerMedians(unitYear), unitIds, unitFlags);
    return new ReportContent(runDate, Instant.now(), Headline.of(unitYear), ranking, scores, trends, flags, units, List.of());
  }

  /**
   * The units that get a section: the most severely and most often flagged, the lowest execution rates and the
   * units shown in the three-public charts; at most flaggedUnits + lowestUnits + trendUnits.
   */
  static List<String> unitsToShow(Optional<Dataset<Row>> flags, Optional<ExecutionRanking> ranking,
      Optional<ThreePublicBreaks> trends, Limits limits) {
    Set<String> ids = new LinkedHashSet<>();
    flags.ifPresent(f -> f
        .groupBy("unit_id")
        .agg(min(when(col("severity").equalTo("severe"), lit(0)).when(col("severity").equalTo("warning"), lit(1))
            .otherwise(lit(2))).as("worst"), count("*").as("n"))
        .orderBy(col("worst"), col("n").desc(), col("unit_id")).limit(limits.flaggedUnits())
        .collectAsList().forEach(r -> ids.add(Frames.string(r, "unit_id"))));
    ranking.ifPresent(r -> {
      List<ExecutionRanking.RankedUnit> shown = r.shown();
      shown.subList(Math.max(0, shown.size() - limits.lowestUnits()), shown.size()).forEach(u -> ids.add(u.unitId()));
    });
    trends.ifPresent(t -> t.shown().forEach(u -> ids.add(u.unitId())));
    return List.copyOf(ids);
  }

  private static Map<String, List<FlagList.Flag>> flagsOf(Dataset<Row> flags, Dataset<Row> unitYear, List<String> unitIds) {
    Map<String, List<FlagList.Flag>> byUnit = new LinkedHashMap<>();
    if (unitIds.isEmpty()) {
      return byUnit;
    }
    Dataset<Row> own = flags.filter(col("unit_id").isin(unitIds.toArray()));
    for (Row r : FlagList.ordered(FlagList.explained(own, unitYear)).limit(unitIds.size() * 20).collectAsList()) {
      FlagList.Flag f = FlagList.flag(r);
      byUnit.computeIfAbsent(f.unitId(), k -> new ArrayList<>()).add(f);
    }
    return byUnit;
  }

  /**
   * The rows in the order of the table's key, in range partitions of about {@link #EXPORT_ROWS_PER_PART} rows: the
   * export is the same file on every run, and it streams to the driver one bounded partition at a time.
   */
  static Dataset<Row> inKeyOrder(Dataset<Row> rows, List<String> keys) {
    long n = rows.count();
    int parts = (int) Math.min(100_000, Math.max(1, (n + EXPORT_ROWS_PER_PART - 1) / EXPORT_ROWS_PER_PART));
    Column[] by = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return rows.repartitionByRange(parts, by).sortWithinPartitions(by);
  }

  private static Optional<Dataset<Row>> gold(Lake lake, LakeTable table) {
    return lake.exists(table) ? Optional.of(lake.read(table)) : Optional.empty();
  }

  private static ReportContent withCsv(ReportContent c, List<String> csv) {
    return new ReportContent(c.runDate(), c.generatedAt(), c.headline(), c.ranking(), c.scores(), c.threePublic(),
        c.flags(), c.units(), List.copyOf(csv));
  }
}
