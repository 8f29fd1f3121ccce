package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.TableName;
import org.fiscalscope.lake.Tables;

/**
 * The metrics job: silver → gold.execution, gold.three_public_trend, gold.score_distribution, gold.credibility,
 * gold.disclosure_quality.
 */
public final class MetricsJob {

  public static final TableName EXECUTION = TableName.of("gold.execution");
  public static final TableName THREE_PUBLIC_TREND = TableName.of("gold.three_public_trend");
  public static final TableName SCORE_DISTRIBUTION = TableName.of("gold.score_distribution");
  public static final TableName CREDIBILITY = TableName.of("gold.credibility");
  public static final TableName DISCLOSURE_QUALITY = TableName.of("gold.disclosure_quality");

  /** Rows computed and the table version after the write, per gold table; empty maps when silver was empty. */
  public record Result(Map<String, Long> rows, Map<String, Long> versions) {
    public static Result empty() {
      return new Result(Map.of(), Map.of());
    }

    public boolean isEmpty() {
      return rows.isEmpty();
    }
  }

  /** The gold frames of one silver snapshot, without run ids. */
  public record Gold(Dataset<Row> execution, Dataset<Row> threePublicTrend, Dataset<Row> scoreDistribution,
      Dataset<Row> credibility, Dataset<Row> disclosureQuality) {}

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
        ThreePublicTrend.trend(unitYear),
        ScoreDistribution.distribution(ScoreDistribution.scores(projects, unitYear),
            ScoreDistribution.peerGroupsOf(unitYear, FunctionClasses.largestOf(classTotals), cfg.peerGroups())),
        Credibility.credibility(Credibility.yearlyOf(unitYear, classTotals), cfg.credibility()),
        DisclosureQuality.quality(unitYear, projects, findings));
  }

  /**
   * Reads each silver table once (cached for the gold tables), recomputes every gold metric and writes each
   * table with at most one commit: a new table by one append, an existing one by one MERGE when its content changed
   * (unchanged rows are not rewritten and keep the run id that wrote them) and none when it did not. Empty silver:
   * nothing is written.
   */
  public static Result run(Lake lake, MetricsConfig cfg, String runId) {
    lake.spark().sparkContext().setJobGroup("METRICS", "metrics run " + runId + ": silver → gold", false);
    List<Dataset<Row>> cached = new java.util.ArrayList<>();
    java.util.function.Function<Dataset<Row>, Dataset<Row>> cache = d -> {
      Dataset<Row> c = d.persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(c);
      return c;
    };
    try {
      Dataset<Row> unitYear = cache.apply(lake.read(Tables.SILVER_UNIT_YEAR));
      if (unitYear.isEmpty()) {
        return Result.empty();
      }
      Dataset<Row> functionLines = cache.apply(lake.read(Tables.SILVER_FUNCTION_LINE));
      Gold gold = compute(unitYear, functionLines, cache.apply(FunctionClasses.classTotals(functionLines)),
          cache.apply(lake.read(Tables.SILVER_PROJECT)), lake.read(Tables.SILVER_INDICATOR),
          lake.read(Tables.SILVER_FINDING), cfg);
      Map<String, Long> rows = new LinkedHashMap<>();
      Map<String, Long> versions = new LinkedHashMap<>();
      write(lake, EXECUTION, gold.execution(), runId, Tables.UNIT_YEAR, rows, versions);
      write(lake, THREE_PUBLIC_TREND, gold.threePublicTrend(), runId, Tables.UNIT_YEAR, rows, versions);
      write(lake, SCORE_DISTRIBUTION, gold.scoreDistribution(), runId, List.of("fiscal_year"), rows, versions);
      write(lake, CREDIBILITY, gold.credibility(), runId, Tables.UNIT_YEAR, rows, versions);
      write(lake, DISCLOSURE_QUALITY, gold.disclosureQuality(), runId, Tables.UNIT_YEAR, rows, versions);
      return new Result(Map.copyOf(rows), Map.copyOf(versions));
    } finally {
      cached.forEach(Dataset::unpersist);
      lake.spark().sparkContext().clearJobGroup();
    }
  }

  /**
   * One gold table's write. A new table is created by one append straight from the plan (its row count is then read
   * from the Delta log); an existing one is compared by fingerprint first and merged only when it changed.
   */
  private static void write(Lake lake, TableName table, Dataset<Row> frame, String runId, List<String> groups,
      Map<String, Long> rows, Map<String, Long> versions) {
    lake.spark().sparkContext().setJobGroup("METRICS", "write " + table, false);
    Dataset<Row> stamped = frame.withColumn("run_id", lit(runId));
    if (!lake.exists(table)) {
      DeltaMerge.createAndAppend(lake, table, stamped);
      rows.put(table.toString(), lake.read(table).count());
    } else {
      lake.ensure(table);
      Dataset<Row> conformed = DeltaMerge.conform(stamped, Tables.schema(table)).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        GoldWrites.Fingerprint now = GoldWrites.fingerprint(conformed, Tables.schema(table));
        rows.put(table.toString(), now.rows());
        if (!now.equals(GoldWrites.fingerprint(lake.read(table), Tables.schema(table)))) {
          DeltaMerge.replaceGroups(lake, table, conformed, groups);
        }
      } finally {
        conformed.unpersist();
      }
    }
    versions.put(table.toString(), lake.version(table));
  }
}
