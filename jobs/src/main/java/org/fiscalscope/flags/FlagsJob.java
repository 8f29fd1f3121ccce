package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.JobLabel;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.Materialized;
import org.fiscalscope.metrics.GoldWrites;

/**
 * The flags job: gold metrics and silver → gold.flags. The table holds the current flags, keyed by rule, unit-year
 * and subject; a flag keeps the run id that raised it as long as its content is unchanged, a changed flag takes the
 * new run id, a flag no longer raised is deleted (Delta history keeps it). A run that finds the same flags commits
 * nothing.
 */
public final class FlagsJob {

  private static final LakeTable FLAGS = LakeTable.GOLD_FLAGS;

  /** Flags per family and the table version after the run; empty when there was nothing to judge. */
  public record Result(Map<String, Long> flagsByFamily, long tableVersion, boolean hasChanged) {
    public static Result empty() {
      return new Result(Map.of(), -1, false);
    }

    public boolean isEmpty() {
      return flagsByFamily.isEmpty() && tableVersion < 0;
    }
  }

  private FlagsJob() {}

  /** The pure part: every flag (without run_id) from gold.execution, gold.three_public_trend and silver frames. */
  public static Dataset<Row> compute(Dataset<Row> execution, Dataset<Row> trend, Dataset<Row> unitYear,
      Dataset<Row> functionLines, Dataset<Row> provenance, FlagsConfig cfg) {
    Dataset<Row> flags = RuleFlags.flags(execution, trend, cfg);
    Dataset<Row> peers = PeerOutliers.peerOf(unitYear, functionLines, cfg.robustZ().peerGroup());
    flags = flags.unionByName(PeerOutliers.flags(PeerOutliers.robustZ(unitYear, peers), cfg.robustZ()));
    if (cfg.multivariate().enabled()) {
      flags = flags.unionByName(MultivariateOutliers.flags(
          MultivariateOutliers.score(unitYear, cfg.multivariate()), cfg.multivariate()));
    }
    return withSource(flags, provenance);
  }

  /**
   * Adds source_file, source_page, source_line and source_text from silver.provenance where the flag's source_field
   * has an entry.
   */
  public static Dataset<Row> withSource(Dataset<Row> flags, Dataset<Row> provenance) {
    Dataset<Row> p = provenance.select(col("unit_id").as("p_unit"), col("fiscal_year").as("p_year"),
        col("field").as("p_field"), col("source_file"), col("page").as("source_page"), col("line").as("source_line"),
        col("text").as("source_text"));
    return flags.join(p, col("unit_id").equalTo(col("p_unit")).and(col("fiscal_year").equalTo(col("p_year")))
            .and(col("source_field").equalTo(col("p_field"))), "left")
        .drop("p_unit", "p_year", "p_field");
  }

  /** Reads gold and silver, judges every unit-year and makes gold.flags hold exactly the current flags. */
  public static Result run(Lake lake, FlagsConfig cfg, String runId) {
    JobLabel.set(lake.spark(), LakeTable.Owner.FLAGS, "flags run " + runId + ": gold metrics → gold.flags");
    Dataset<Row> unitYear = lake.scan(LakeTable.SILVER_UNIT_YEAR).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      if (unitYear.isEmpty()) {
        return Result.empty();
      }
      Dataset<Row> flags = compute(lake.scan(LakeTable.GOLD_EXECUTION),
          lake.scan(LakeTable.GOLD_THREE_PUBLIC_TREND), unitYear,
          lake.scan(LakeTable.SILVER_FUNCTION_LINE), lake.scan(LakeTable.SILVER_PROVENANCE), cfg)
          .withColumn("run_id", lit(runId));
      // Kept as rows: cached, a province's 880,000 flags of explanation text were built into compressed columns (13 %
      // of the stage's executor samples in a profile).
      try (Materialized kept = new Materialized()) {
        Dataset<Row> current = kept.keep(DeltaMerge.conform(flags, FLAGS.schema()));
        Map<String, Long> byFamily = new LinkedHashMap<>();
        for (Row r : current.groupBy("family").count().collectAsList()) {
          byFamily.put(r.getString(0), r.getLong(1));
        }
        boolean changed = replaceAll(lake, current, byFamily.values().stream().mapToLong(Long::longValue).sum());
        return new Result(Map.copyOf(byFamily), lake.version(FLAGS), changed);
      }
    } finally {
      unitYear.unpersist();
      JobLabel.clear(lake.spark());
    }
  }

  /**
   * Flags from which a new gold.flags is written as the computed flags' partitions lie rather than through Delta's
   * optimized write: a province's 880,000 flags (118 MB shuffled) made one bin, written by one task for 5 s while the
   * other core idled. Fewer stay in one file.
   */
  static final long UNBINNED_FLAGS = 200_000;

  /**
   * One MERGE making the table equal to {@code current} ({@code count} flags; content compared without run_id);
   * skipped, so no commit, when nothing differs. A table that does not exist yet is created by one append of the flags
   * instead (a MERGE into the empty table would join with it, materialize the flags and shuffle them twice), and not
   * at all when there are none. Returns whether it committed.
   */
  static boolean replaceAll(Lake lake, Dataset<Row> current, long count) {
    StructType schema = FLAGS.schema();
    List<String> keys = FLAGS.key();
    List<String> content = java.util.Arrays.stream(schema.fieldNames()).filter(n -> !n.equals("run_id")).toList();
    if (!lake.exists(FLAGS)) {
      if (count > 0) {
        DeltaMerge.createAndAppend(lake, FLAGS, current, count < UNBINNED_FLAGS);
      }
      return count > 0;
    }
    lake.ensure(FLAGS);
    if (GoldWrites.isUnchanged(current, lake.scan(FLAGS), schema)) {
      return false;
    }
    String on = keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
    String unchanged = content.stream().filter(n -> !keys.contains(n))
        .map(n -> "t.`" + n + "` <=> s.`" + n + "`").collect(Collectors.joining(" AND "));
    Map<String, String> all = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      all.put("`" + f.name() + "`", "s.`" + f.name() + "`");
    }
    lake.delta(FLAGS).as("t").merge(current.as("s"), on)
        .whenMatched("NOT (" + unchanged + ")").updateExpr(all)
        .whenNotMatched().insertExpr(all)
        .whenNotMatchedBySource().delete()
        .execute();
    return true;
  }
}
