package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.fiscalscope.document.DisclosurePart;

/**
 * gold.disclosure_quality: how complete, detailed, consistent and timely each unit-year's disclosure is, criterion by
 * criterion ({@link DisclosureCriterion}), with a score and a rank among the units of its district (region) and year.
 * Reads silver.unit_year (the parts the document contains, the stated project count, the 三公 figures, the dates),
 * silver.project (the self-evaluations published) and silver.finding (the consistency findings). See docs/metrics.md.
 */
public final class DisclosureQuality {

  private static final String SCORE = "decimal(5,2)";
  private static final String[] THREE_PUBLIC = {"outbound_travel", "vehicle_purchase", "vehicle_operation", "reception"};
  /** Consistency: the share of the criterion a finding takes away, by severity (info, a rounding, takes nothing). */
  static final double ERROR_COST = 0.25;
  static final double WARNING_COST = 0.10;

  /**
   * The findings that say the disclosure disagrees with itself, by rule family (an allowlist): parts that do not add
   * up, rates, shares and scores that do not follow, counts and names that differ between places, wrong years, two
   * values of one figure. Not counted: what the reader could not do (indicators.unaligned, document.*) or how the
   * unit-year was assembled (merge.combined, scale.jump).
   */
  static final java.util.List<String> CONSISTENCY_RULES = java.util.List.of("sum.", "rate.", "share.", "score.",
      "indicator.", "count.", "year.", "project.", "value.", "tables.", "table.", "merge.disagree");

  private DisclosureQuality() {}

  /** gold.disclosure_quality without run_id, one row per unit-year of {@code unitYear}. */
  public static Dataset<Row> quality(Dataset<Row> unitYear, Dataset<Row> projects, Dataset<Row> findings) {
    Dataset<Row> published = projects.groupBy("unit_id", "fiscal_year").agg(count(lit(1)).cast("int").as("projects_published"));
    Column isConsistency = lit(false);
    for (String family : CONSISTENCY_RULES) {
      isConsistency = isConsistency.or(col("rule").startsWith(family));
    }
    Dataset<Row> consistency = findings.filter(isConsistency).groupBy("unit_id", "fiscal_year").agg(
        sum(when(col("severity").equalTo("error"), 1).otherwise(0)).cast("int").as("consistency_errors"),
        sum(when(col("severity").equalTo("warning"), 1).otherwise(0)).cast("int").as("consistency_warnings"));
    Dataset<Row> rows = unitYear
        .join(published, FunctionClasses.UNIT_YEAR, "left")
        .join(consistency, FunctionClasses.UNIT_YEAR, "left")
        .withColumn("projects_published", coalesce(col("projects_published"), lit(0)))
        .withColumn("consistency_errors", coalesce(col("consistency_errors"), lit(0)))
        .withColumn("consistency_warnings", coalesce(col("consistency_warnings"), lit(0)));

    Column known = col("contents").isNotNull();
    List<DisclosurePart> tables = DisclosurePart.of(DisclosurePart.Kind.TABLE);
    List<DisclosurePart> sections = DisclosurePart.of(DisclosurePart.Kind.SECTION);
    Column tablesPresent = present(tables);
    Column sectionsPresent = present(sections);
    Column categories = lit(0);
    for (String c : THREE_PUBLIC) {
      categories = categories.plus(when(col("three_public_budget_" + c).isNotNull()
          .and(col("three_public_actual_" + c).isNotNull()), 1).otherwise(0));
    }
    Column reasons = when(known, array_contains(col("contents"), DisclosurePart.THREE_PUBLIC_REASONS.id()));
    Column days = datediff(col("published_on"), col("approved_on"));

    rows = rows
        .withColumn("tables_present", when(known, tablesPresent))
        .withColumn("tables_missing", when(known, missing(tables)))
        .withColumn("sections_present", when(known, sectionsPresent))
        .withColumn("sections_missing", when(known, missing(sections)))
        .withColumn("three_public_categories", categories)
        .withColumn("has_three_public_reasons", reasons)
        .withColumn("days_to_publish", days)
        .withColumn("is_late", days.gt(DisclosureCriterion.PUBLISH_WITHIN_DAYS));

    Column categoriesPct = col("three_public_categories").multiply(100.0 / THREE_PUBLIC.length);
    Column reasonsPct = when(col("has_three_public_reasons"), lit(100.0)).otherwise(lit(0.0));
    Column consistencyPct = greatest(lit(0.0), lit(1.0).minus(col("consistency_errors").multiply(ERROR_COST))
        .minus(col("consistency_warnings").multiply(WARNING_COST))).multiply(100);
    rows = rows
        .withColumn(DisclosureCriterion.TABLES.column(),
            pct(col("tables_present").multiply(100.0 / tables.size())))
        .withColumn(DisclosureCriterion.SECTIONS.column(),
            pct(col("sections_present").multiply(100.0 / sections.size())))
        .withColumn(DisclosureCriterion.THREE_PUBLIC.column(),
            pct(when(col("has_three_public_reasons").isNull(), categoriesPct)
                .otherwise(categoriesPct.plus(reasonsPct).divide(2))))
        .withColumn(DisclosureCriterion.PROJECTS.column(),
            pct(when(col("projects_stated").equalTo(0), lit(100.0))
                .when(col("projects_stated").gt(0), least(col("projects_published"), col("projects_stated"))
                    .multiply(100.0).divide(col("projects_stated")))))
        .withColumn(DisclosureCriterion.CONSISTENCY.column(), pct(consistencyPct))
        .withColumn(DisclosureCriterion.TIMELINESS.column(),
            pct(when(col("is_late"), lit(0.0)).when(col("is_late").equalTo(false), lit(100.0))));

    Column weighted = lit(0.0);
    Column weights = lit(0);
    Column criteriaKnown = lit(0);
    List<Column> notKnown = new ArrayList<>();
    for (DisclosureCriterion c : DisclosureCriterion.values()) {
      Column s = col(c.column());
      weighted = weighted.plus(coalesce(s.multiply(c.weight()), lit(0.0)));
      weights = weights.plus(when(s.isNotNull(), c.weight()).otherwise(0));
      criteriaKnown = criteriaKnown.plus(when(s.isNotNull(), 1).otherwise(0));
      notKnown.add(when(s.isNull(), lit(c.zh() + " " + c.en())));
    }
    rows = rows
        .withColumn("criteria_known", criteriaKnown)
        .withColumn("score", when(weights.gt(0), pct(weighted.divide(weights))))
        .withColumn("missing", missingText())
        .withColumn("not_known", concat_ws("; ", notKnown.toArray(Column[]::new)));
    rows = rows.withColumn("missing", when(col("missing").equalTo(""), lit(null)).otherwise(col("missing")))
        .withColumn("not_known", when(col("not_known").equalTo(""), lit(null)).otherwise(col("not_known")));

    Column district = coalesce(col("region"), lit(""));
    rows = rows
        .withColumn("district_rank", when(col("score").isNotNull(),
            rank().over(Window.partitionBy(district, col("fiscal_year")).orderBy(col("score").desc_nulls_last()))))
        .withColumn("district_units",
            count(col("score")).over(Window.partitionBy(district, col("fiscal_year"))).cast("int"));

    return rows.select(col("unit_id"), col("fiscal_year"), col("unit_name"), col("region"),
        col("tables_present").cast("int"), col("tables_missing"), col("sections_present").cast("int"),
        col("sections_missing"), col("three_public_categories").cast("int"), col("has_three_public_reasons"),
        col("projects_stated"), col("projects_published"), col("consistency_errors"), col("consistency_warnings"),
        col("approved_on"), col("published_on"), col("days_to_publish"), col("is_late"),
        col(DisclosureCriterion.TABLES.column()), col(DisclosureCriterion.SECTIONS.column()),
        col(DisclosureCriterion.THREE_PUBLIC.column()), col(DisclosureCriterion.PROJECTS.column()),
        col(DisclosureCriterion.CONSISTENCY.column()), col(DisclosureCriterion.TIMELINESS.column()),
        col("criteria_known"), col("score"), col("missing"), col("not_known"),
        col("district_rank").cast("int"), col("district_units"));
  }

  /** How many of {@code parts} the document's contents list. */
  private static Column present(List<DisclosurePart> parts) {
    Column n = lit(0);
    for (DisclosurePart p : parts) {
      n = n.plus(when(array_contains(col("contents"), p.id()), 1).otherwise(0));
    }
    return n;
  }

  /** The labels of {@code parts} the contents do not list, "; "-separated; "" when none is missing. */
  private static Column missing(List<DisclosurePart> parts) {
    return concat_ws("; ", parts.stream()
        .map(p -> when(array_contains(col("contents"), p.id()).equalTo(false), lit(p.zh()))).toArray(Column[]::new));
  }

  /** Everything a unit-year lacks, named: parts, 三公 categories and reasons, self-evaluations, lateness. */
  private static Column missingText() {
    return concat_ws("; ",
        when(col("tables_missing").notEqual(""), col("tables_missing")),
        when(col("sections_missing").notEqual(""), col("sections_missing")),
        when(col("three_public_categories").lt(THREE_PUBLIC.length),
            concat_ws("", lit("“三公”经费分项（"), col("three_public_categories").cast("string"), lit("/4 类）"))),
        when(col("has_three_public_reasons").equalTo(false), lit(DisclosurePart.THREE_PUBLIC_REASONS.zh())),
        when(col("projects_published").lt(col("projects_stated")),
            concat_ws("", lit("项目自评表（公开 "), col("projects_published").cast("string"), lit(" / 应公开 "),
                col("projects_stated").cast("string"), lit("）"))),
        when(col("is_late"), concat_ws("", lit("批复后 "), col("days_to_publish").cast("string"),
            lit(" 日公开（逾 " + DisclosureCriterion.PUBLISH_WITHIN_DAYS + " 日）"))));
  }

  private static Column pct(Column c) {
    return round(c, 2).cast(SCORE);
  }
}
