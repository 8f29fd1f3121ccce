package org.fiscalscope.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One unit's history year by year beside the median of its peer group (units of the same kind in the same
 * fiscal year): execution rate, three public costs and the unit self-evaluation score, with the unit's flags.
 */
record UnitHistory(String unitId, String unitName, String peerGroup, List<Year> years, List<FlagList.Flag> flags) {

  /** A unit's figures of one fiscal year and its peer group's medians (null where no peer stated the figure). */
  record Year(int fiscalYear, BigDecimal budget, BigDecimal actual, BigDecimal ratePct, Double peerRatePct,
      BigDecimal threePublic, Double peerThreePublic, BigDecimal score, Double peerScore, long peers) {}

  /** The peer group of units without a stated kind. */
  static final String NO_KIND = "未注明类型 kind not stated";

  /** Each unit-year with its figures and the medians of its peer group, computed over all units. */
  static Dataset<Row> withPeerMedians(Dataset<Row> unitYear) {
    Dataset<Row> figures = unitYear.select(col("unit_id"), col("fiscal_year"), col("unit_name"),
        coalesce(col("unit_kind"), lit(NO_KIND)).as("peer_group"),
        col("budget_initial").as("budget"), col("actual_final").as("actual"),
        ratePct(col("budget_initial"), col("actual_final")).as("rate_pct"),
        col("three_public_actual_total").as("three_public"), col("unit_eval_total_score").as("score"));
    return Frames.leftJoin(figures, peerMedians(figures), "peer_group", "fiscal_year");
  }

  /** actual ÷ budget in percent, 2 decimals, null without a positive budget. */
  static Column ratePct(Column budget, Column actual) {
    return when(budget.gt(0), round(actual.multiply(100).divide(budget), 2)).cast("decimal(18,2)");
  }

  /**
   * Per peer group and fiscal year of {@code figures} (peer_group, fiscal_year, rate_pct, three_public, score): the
   * medians and the number of peers.
   */
  static Dataset<Row> peerMedians(Dataset<Row> figures) {
    return figures.groupBy("peer_group", "fiscal_year").agg(
        median(col("rate_pct")).as("peer_rate_pct"), median(col("three_public")).as("peer_three_public"),
        median(col("score")).as("peer_score"), count("*").as("peers"));
  }

  /** The histories of the listed units (a bounded list chosen by the report), in the order given. */
  static List<UnitHistory> of(Dataset<Row> withPeerMedians, List<String> unitIds, Map<String, List<FlagList.Flag>> flags) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    Map<String, List<Row>> byUnit = new LinkedHashMap<>();
    unitIds.forEach(id -> byUnit.put(id, new ArrayList<>()));
    for (Row r : withPeerMedians.filter(col("unit_id").isin(unitIds.toArray())).orderBy("unit_id", "fiscal_year")
        .collectAsList()) {
      byUnit.get(Frames.string(r, "unit_id")).add(r);
    }
    List<UnitHistory> histories = new ArrayList<>();
    byUnit.forEach((id, rows) -> {
      if (rows.isEmpty()) {
        return;
      }
      Row last = rows.get(rows.size() - 1);
      List<Year> years = rows.stream().map(r -> new Year(Frames.integer(r, "fiscal_year"), Frames.decimal(r, "budget"),
          Frames.decimal(r, "actual"), Frames.decimal(r, "rate_pct"), Frames.real(r, "peer_rate_pct"),
          Frames.decimal(r, "three_public"), Frames.real(r, "peer_three_public"), Frames.decimal(r, "score"),
          Frames.real(r, "peer_score"), Frames.count(r, "peers"))).toList();
      histories.add(new UnitHistory(id, Frames.string(last, "unit_name"), Frames.string(last, "peer_group"), years,
          flags.getOrDefault(id, List.of())));
    });
    return histories;
  }
}
