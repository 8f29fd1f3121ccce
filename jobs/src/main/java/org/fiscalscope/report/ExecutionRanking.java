package org.fiscalscope.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Units ranked by their execution rate (recomputed, else as reported) in the latest fiscal year of gold.execution:
 * all of them when few, otherwise the highest and the lowest {@code perEnd}, rank 1 being the highest rate.
 */
record ExecutionRanking(int fiscalYear, long units, List<RankedUnit> highest, List<RankedUnit> lowest) {

  /** One unit's place in the ranking; amounts in 万元, rates in percent. */
  record RankedUnit(long rank, String unitId, String unitName, BigDecimal budget, BigDecimal actual,
      BigDecimal ratePct, BigDecimal reportedPct) {}

  /** Every ranked unit shown, highest rate first. */
  List<RankedUnit> shown() {
    List<RankedUnit> all = new ArrayList<>(highest);
    all.addAll(lowest);
    return all;
  }

  /** Units between the two lists that the report does not show. */
  long hidden() {
    return units - highest.size() - lowest.size();
  }

  static Optional<ExecutionRanking> of(Dataset<Row> execution, int perEnd) {
    Dataset<Row> units = execution.filter(col("level").equalTo("unit"))
        .withColumn("rate", coalesce(col("rate_recomputed_pct").cast("decimal(18,4)"), col("rate_reported_pct")))
        .filter(col("rate").isNotNull());
    Optional<Frames.YearSize> latest = Frames.latestYear(units, count(lit(1)));
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    int year = latest.get().year();
    long n = latest.get().size();
    // Both ends in one query: each row's place from the top and from the bottom (within the year's window, so
    // Spark does not gather a partition-less window into one task and warn about it).
    WindowSpec fromTop = Window.partitionBy("fiscal_year").orderBy(col("rate").desc(), col("unit_id"));
    WindowSpec fromBottom = Window.partitionBy("fiscal_year").orderBy(col("rate").asc(), col("unit_id").desc());
    List<Row> ends = units.filter(col("fiscal_year").equalTo(year))
        .select(col("fiscal_year"), col("unit_id"), col("subject_name"), col("budget"), col("actual"), col("rate"),
            col("rate_reported_pct"))
        .withColumn("top", row_number().over(fromTop)).withColumn("bottom", row_number().over(fromBottom))
        .filter(col("top").leq(perEnd).or(col("bottom").leq(perEnd))).collectAsList();
    List<RankedUnit> highest = new ArrayList<>();
    List<RankedUnit> lowest = new ArrayList<>();
    boolean all = n <= 2L * perEnd;
    ends.stream().filter(r -> all || Frames.integer(r, "top") <= perEnd)
        .sorted(Comparator.comparingInt(r -> Frames.integer(r, "top")))
        .forEach(r -> highest.add(unit(Frames.integer(r, "top"), r)));
    if (!all) {
      ends.stream().filter(r -> Frames.integer(r, "bottom") <= perEnd)
          .sorted(Comparator.comparingInt((Row r) -> Frames.integer(r, "bottom")).reversed())
          .forEach(r -> lowest.add(unit(n - Frames.integer(r, "bottom") + 1, r)));
    }
    return Optional.of(new ExecutionRanking(year, n, List.copyOf(highest), List.copyOf(lowest)));
  }

  private static RankedUnit unit(long rank, Row r) {
    return new RankedUnit(rank, Frames.string(r, "unit_id"), Frames.string(r, "subject_name"),
        Frames.decimal(r, "budget"), Frames.decimal(r, "actual"), Frames.decimal(r, "rate"),
        Frames.decimal(r, "rate_reported_pct"));
  }
}
