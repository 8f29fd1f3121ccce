package org.fiscalscope.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.row_number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fiscalscope.metrics.DisclosureCriterion;

/**
 * The disclosure-quality ranking of the latest fiscal year of gold.disclosure_quality, per district: every unit of a
 * small district, otherwise the best and the worst {@code perEnd}; at most {@code districts} districts (by name), the
 * others counted. The full ranking is in the CSV export and the workbook.
 */
record DisclosureRanking(int fiscalYear, long districtsTotal, List<District> districts) {

  /** One district: its scored units, their mean score, and the units shown, best first (the first bestShown of the best end). */
  record District(String region, long units, BigDecimal meanScore, List<RatedUnit> shown, int bestShown) {
    long hidden() {
      return units - shown.size();
    }
  }

  /** One unit's rating: rank in its district, score, the criterion scores (null = not known) and what it lacks. */
  record RatedUnit(int rank, String unitId, String unitName, BigDecimal score, List<BigDecimal> criteria,
      Integer tablesPresent, Integer sectionsPresent, String missing, String notKnown) {}

  static final String NO_REGION = "（未注明地区）";

  static Optional<DisclosureRanking> of(Dataset<Row> quality, int perEnd, int districts) {
    Dataset<Row> scored = quality.filter(col("score").isNotNull())
        .withColumn("district", coalesce(col("region"), lit(NO_REGION)));
    Optional<Frames.YearSize> latest = Frames.latestYear(scored, countDistinct("district"));
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    int year = latest.get().year();
    long total = latest.get().size();
    // The first districts by name, each with its size, mean and both ends, in one query: every window is within the
    // year (Spark warns of, and gathers into one task, a window without a partition).
    WindowSpec byName = Window.partitionBy("fiscal_year").orderBy("district");
    WindowSpec district = Window.partitionBy("fiscal_year", "district");
    WindowSpec best = district.orderBy(col("score").desc(), col("unit_id"));
    WindowSpec worst = district.orderBy(col("score").asc(), col("unit_id").desc());
    Map<String, List<RatedUnit>> units = new LinkedHashMap<>();
    Map<String, Integer> bestShown = new LinkedHashMap<>();
    Map<String, Row> summaries = new LinkedHashMap<>();
    for (Row r : scored.filter(col("fiscal_year").equalTo(year))
        .withColumn("district_no", dense_rank().over(byName))
        .withColumn("units", count(lit(1)).over(district))
        .withColumn("mean_score", avg(col("score")).over(district).cast("decimal(5,2)"))
        .withColumn("best", row_number().over(best)).withColumn("worst", row_number().over(worst))
        .filter(col("district_no").leq(districts).and(col("best").leq(perEnd).or(col("worst").leq(perEnd))))
        .orderBy(col("district"), col("best")).collectAsList()) {
      String name = Frames.string(r, "district");
      summaries.putIfAbsent(name, r);
      List<BigDecimal> criteria = new ArrayList<>();
      for (DisclosureCriterion c : DisclosureCriterion.values()) {
        criteria.add(Frames.decimal(r, c.column()));
      }
      if (Frames.integer(r, "best") <= perEnd) {
        bestShown.merge(name, 1, Integer::sum);
      }
      units.computeIfAbsent(name, k -> new ArrayList<>()).add(new RatedUnit(
          Frames.integer(r, "district_rank"), Frames.string(r, "unit_id"), Frames.string(r, "unit_name"),
          Frames.decimal(r, "score"), criteria, Frames.integer(r, "tables_present"),
          Frames.integer(r, "sections_present"), Frames.string(r, "missing"), Frames.string(r, "not_known")));
    }
    List<District> out = new ArrayList<>();
    summaries.forEach((name, d) -> out.add(new District(name, Frames.count(d, "units"), Frames.decimal(d, "mean_score"),
        List.copyOf(units.get(name)), bestShown.getOrDefault(name, 0))));
    return Optional.of(new DisclosureRanking(year, total, List.copyOf(out)));
  }
}
