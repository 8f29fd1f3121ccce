package org.fiscalscope.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
    Row latest = units.agg(max("fiscal_year").as("year")).first();
    if (latest.isNullAt(0)) {
      return Optional.empty();
    }
    int year = latest.getInt(0);
    Dataset<Row> ranked = units.filter(col("fiscal_year").equalTo(year))
        .select(col("unit_id"), col("subject_name"), col("budget"), col("actual"), col("rate"), col("rate_reported_pct"));
    long n = ranked.count();
    List<RankedUnit> highest = new ArrayList<>();
    List<RankedUnit> lowest = new ArrayList<>();
    List<Row> top = ranked.orderBy(col("rate").desc(), col("unit_id")).limit(n <= 2L * perEnd ? (int) n : perEnd)
        .collectAsList();
    for (int i = 0; i < top.size(); i++) {
      highest.add(unit(i + 1, top.get(i)));
    }
    if (n > 2L * perEnd) {
      List<Row> bottom = ranked.orderBy(col("rate").asc(), col("unit_id").desc()).limit(perEnd).collectAsList();
      for (int i = bottom.size() - 1; i >= 0; i--) {
        lowest.add(unit(n - i, bottom.get(i)));
      }
    }
    return Optional.of(new ExecutionRanking(year, n, List.copyOf(highest), List.copyOf(lowest)));
  }

  private static RankedUnit unit(long rank, Row r) {
    return new RankedUnit(rank, Frames.string(r, "unit_id"), Frames.string(r, "subject_name"),
        Frames.decimal(r, "budget"), Frames.decimal(r, "actual"), Frames.decimal(r, "rate"),
        Frames.decimal(r, "rate_reported_pct"));
  }
}
