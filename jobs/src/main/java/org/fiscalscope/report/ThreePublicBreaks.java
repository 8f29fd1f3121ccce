package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.ThreePublicCategory;

/**
 * The units whose three public costs rose over the prior year in some category (只减不增 broken), the largest
 * increase first, each with its multi-year series per category from gold.three_public_trend (categories with no
 * spending in any year are left out; the total always stays).
 */
record ThreePublicBreaks(long units, List<UnitTrend> shown) {

  /** The categories' keys in the order the report shows them: the total first. */
  static final List<String> CATEGORIES = Stream.concat(Stream.of(ThreePublicCategory.TOTAL),
      ThreePublicCategory.SPENDING.stream()).map(ThreePublicCategory::key).toList();
  /** A category's name in Chinese and English by its key: 公务接待费 official reception. */
  static final Map<String, String> CATEGORY_NAMES = Arrays.stream(ThreePublicCategory.values())
      .collect(Collectors.toUnmodifiableMap(ThreePublicCategory::key, c -> c.zh() + " " + c.en()));

  /** One unit's actual three public costs per category and year, and which years broke the rule. */
  record UnitTrend(String unitId, String unitName, List<Integer> years, Map<String, List<BigDecimal>> actual,
      Map<String, List<Boolean>> breaks, List<String> brokenCategories) {}

  static Optional<ThreePublicBreaks> of(Dataset<Row> trend, Dataset<Row> unitNames, int maxUnits) {
    // Whether there is a trend at all and how many units broke the rule, in one query.
    Row counts = trend.agg(count(lit(1)).as("rows"),
        countDistinct(when(col("breaks_only_decrease_rule"), col("unit_id"))).as("breakers")).first();
    if (Frames.count(counts, "rows") == 0) {
      return Optional.empty();
    }
    long units = Frames.count(counts, "breakers");
    if (units == 0) {
      return Optional.of(new ThreePublicBreaks(0, List.of()));
    }
    Dataset<Row> breakers = trend.filter(col("breaks_only_decrease_rule"))
        .groupBy("unit_id").agg(max("yoy_change_amount").as("largest_increase"));
    List<String> ids = breakers.orderBy(col("largest_increase").desc_nulls_last(), col("unit_id")).limit(maxUnits)
        .collectAsList().stream().map(r -> Frames.string(r, "unit_id")).toList();
    if (ids.isEmpty()) {
      return Optional.of(new ThreePublicBreaks(units, List.of()));
    }
    List<Row> rows = trend.filter(col("unit_id").isin(ids.toArray()))
        .transform(t -> Frames.leftJoin(t, unitNames, "unit_id"))
        .select("unit_id", "unit_name", "fiscal_year", "category", "actual", "breaks_only_decrease_rule")
        .collectAsList();
    List<UnitTrend> shown = new ArrayList<>();
    for (String id : ids) {
      List<Row> own = rows.stream().filter(r -> id.equals(r.getAs("unit_id"))).toList();
      List<Integer> years = new ArrayList<>(new TreeSet<>(own.stream().map(r -> Frames.integer(r, "fiscal_year")).toList()));
      Map<String, List<BigDecimal>> actual = new LinkedHashMap<>();
      Map<String, List<Boolean>> breaks = new LinkedHashMap<>();
      List<String> broken = new ArrayList<>();
      for (String category : CATEGORIES) {
        List<Row> cat = own.stream().filter(r -> category.equals(r.getAs("category"))).toList();
        boolean allZero = cat.stream().map(r -> Frames.decimal(r, "actual")).allMatch(a -> a == null || a.signum() == 0);
        if (cat.isEmpty() || (allZero && !ThreePublicCategory.TOTAL.key().equals(category))) {
          continue;
        }
        List<BigDecimal> values = new ArrayList<>();
        List<Boolean> marks = new ArrayList<>();
        for (Integer year : years) {
          Row r = cat.stream().filter(x -> year.equals(Frames.integer(x, "fiscal_year"))).findFirst().orElse(null);
          values.add(r == null ? null : Frames.decimal(r, "actual"));
          marks.add(r != null && Frames.flag(r, "breaks_only_decrease_rule"));
        }
        actual.put(category, values);
        breaks.put(category, marks);
        if (marks.contains(true)) {
          broken.add(category);
        }
      }
      String name = own.stream().map(r -> Frames.string(r, "unit_name")).filter(n -> n != null).findFirst().orElse(id);
      shown.add(new UnitTrend(id, name, years, actual, breaks, broken));
    }
    return Optional.of(new ThreePublicBreaks(units, shown));
  }
}
