package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.fiscalscope.lake.Concurrently;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.JobLabel;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.Materialized;

/**
 * The metrics job: silver → gold.execution, gold.three_public_trend, gold.score_distribution, gold.credibility,
 * gold.disclosure_quality.
 */
public final class MetricsJob {

  /** Rows computed and the table version after the write, per gold table; empty maps when silver was empty. */
  public record Result(Map<LakeTable, Long> rows, Map<LakeTable, Long> versions) {
    public static Result empty() {
      return new Result(Map.of(), Map.of());
    }

    public boolean isEmpty() {
      return rows.isEmpty();
    }
  }

  /** The gold frames of one silver snapshot, without run ids. */
  public record Gold(Dataset<Row> execution, Dataset<Row> threePublicTrend, Dataset<Row> scoreDistribution,
      Dataset<Row> credibility, Dataset<Row> disclosureQuality, Dataset<Row> perCapita) {}

  private MetricsJob() {}

  /** The pure part: silver frames in, gold frames out. */
  public static Gold compute(Dataset<Row> unitYear, Dataset<Row> functionLines, Dataset<Row> projects,
      Dataset<Row> indicators, Dataset<Row> findings, MetricsConfig cfg) {
    return compute(unitYear, functionLines, FunctionClasses.classTotals(functionLines), projects, indicators, findings,
        cfg);
  }

  /** As above, with the functional-class totals of {@code functionLines} computed once by the caller. */
  static Gold compute(Dataset<Row> unitYear, Dataset<Row> functionLines, Dataset<Row> classTotals,
      Dataset<Row> projects, Dataset<Row> indicators, Dataset<Row> findings, MetricsConfig cfg) {
    return new Gold(
        Execution.execution(unitYear, functionLines, projects, indicators, cfg),
        ThreePublicTrend.trend(unitYear, cfg.threePublic().baseYear()),
        ScoreDistribution.distribution(ScoreDistribution.scores(projects, unitYear),
            ScoreDistribution.peerGroupsOf(unitYear, FunctionClasses.largestOf(classTotals), cfg.peerGroups(),
                cfg.sizeBands())),
        Credibility.credibility(Credibility.yearly(unitYear, functionLines), cfg.credibility()),
        DisclosureQuality.quality(unitYear, projects, findings),
        PerCapita.perCapita(unitYear));
  }

  /**
   * Reads each silver table once (cached for the gold tables), recomputes every gold metric and writes each
   * table with at most one commit: a new table by one append, an existing one by writing the groups (unit-years; years
   * for the score distribution) whose rows changed — appended when the table holds none of them, else one MERGE of
   * those groups (unchanged rows are not rewritten and keep the run id that wrote them) — and none when no group
   * changed. Empty silver: nothing is written.
   */
  public static Result run(Lake lake, MetricsConfig cfg, String runId) {
    JobLabel.set(lake.spark(), LakeTable.Owner.METRICS, "metrics run " + runId + ": silver → gold");
    List<Dataset<Row>> cached = new java.util.ArrayList<>();
    java.util.function.Function<Dataset<Row>, Dataset<Row>> cache = d -> {
      Dataset<Row> c = d.persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(c);
      return c;
    };
    try {
      Dataset<Row> unitYear = cache.apply(lake.scan(LakeTable.SILVER_UNIT_YEAR));
      if (unitYear.isEmpty()) {
        return Result.empty();
      }
      Dataset<Row> functionLines = cache.apply(lake.scan(LakeTable.SILVER_FUNCTION_LINE));
      Gold gold = compute(unitYear, functionLines, cache.apply(FunctionClasses.classTotals(functionLines)),
          cache.apply(lake.scan(LakeTable.SILVER_PROJECT)), lake.scan(LakeTable.SILVER_INDICATOR),
          lake.scan(LakeTable.SILVER_FINDING), cfg);
      Map<LakeTable, Long> rows = new java.util.concurrent.ConcurrentHashMap<>();
      Map<LakeTable, Long> versions = new java.util.concurrent.ConcurrentHashMap<>();
      // Six tables, six transactions: written side by side (Concurrently), each on its own.
      Concurrently.runAll(lake.spark(), List.of(
          () -> write(lake, LakeTable.GOLD_EXECUTION, gold.execution(), runId, LakeTable.UNIT_YEAR, rows, versions),
          () -> write(lake, LakeTable.GOLD_THREE_PUBLIC_TREND, gold.threePublicTrend(), runId, LakeTable.UNIT_YEAR, rows,
              versions),
          () -> write(lake, LakeTable.GOLD_SCORE_DISTRIBUTION, gold.scoreDistribution(), runId, List.of("fiscal_year"),
              rows, versions),
          () -> write(lake, LakeTable.GOLD_CREDIBILITY, gold.credibility(), runId, LakeTable.UNIT_YEAR, rows, versions),
          () -> write(lake, LakeTable.GOLD_DISCLOSURE_QUALITY, gold.disclosureQuality(), runId, LakeTable.UNIT_YEAR,
              rows, versions),
          () -> write(lake, LakeTable.GOLD_PER_CAPITA, gold.perCapita(), runId, LakeTable.UNIT_YEAR, rows, versions)));
      return new Result(Map.copyOf(rows), Map.copyOf(versions));
    } finally {
      cached.forEach(Dataset::unpersist);
      JobLabel.clear(lake.spark());
    }
  }

  /**
   * One gold table's write. A new table is created by one append straight from the plan (its row count is then read
   * from the Delta log); an existing one is compared group by group ({@link GoldWrites#changedGroups}) and only the
   * changed groups written.
   */
  private static void write(Lake lake, LakeTable table, Dataset<Row> frame, String runId, List<String> groups,
      Map<LakeTable, Long> rows, Map<LakeTable, Long> versions) {
    JobLabel.set(lake.spark(), LakeTable.Owner.METRICS, "write " + table);
    Dataset<Row> stamped = frame.withColumn("run_id", lit(runId));
    if (!lake.exists(table)) {
      DeltaMerge.createAndAppend(lake, table, stamped);
      rows.put(table, lake.rowCount(table));
    } else {
      lake.ensure(table);
      try (Materialized kept = new Materialized()) {
        Dataset<Row> conformed = kept.keep(DeltaMerge.conform(stamped, table.schema()));
        rows.put(table, conformed.count());
        Dataset<Row> changed = kept.keep(GoldWrites.changedGroups(conformed, lake.scan(table), table.schema(), groups));
        // The changed groups' years (none: nothing changed), in one job; every gold table's groups hold the year.
        java.util.Set<Integer> years = new java.util.TreeSet<>(
            changed.select("fiscal_year").distinct().as(Encoders.INT()).collectAsList());
        if (!years.isEmpty()) {
          // Only the changed groups' rows are written, and only their years' files read: a nightly that adds a few
          // unit-years appends their rows (DeltaMerge: groups the table holds none of) instead of merging the table.
          DeltaMerge.replaceGroups(lake, table,
              conformed.join(changed, DeltaMerge.scalaSeq(groups), "left_semi"), changed, years);
        }
      }
    }
    versions.put(table, lake.version(table));
  }
}
