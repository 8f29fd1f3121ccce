package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.FieldColumns;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Severity;
import org.fiscalscope.metrics.FunctionClasses;

/**
 * The peer family of flags: robust z of execution rate and cost ratios within a peer group and year (Iglewicz and
 * Hoaglin): z = 0.6745 · (x − median) ÷ MAD, MAD = median |x − median|, no z when the MAD is 0. Medians of an even
 * count average the two middle values (Spark's {@code median}).
 */
public final class PeerOutliers {

  public static final String RULE_PREFIX = "robust_z_";

  /** 0.6745 makes the MAD a consistent estimator of the standard deviation for normal data. */
  public static final double CONSISTENCY = 0.6745;

  /** A judged ratio: column name, its expression over silver.unit_year, and its names for explanations. */
  record Metric(String name, Column value, String zh, String en, Field sourceField) {}

  private PeerOutliers() {}

  static List<Metric> metrics() {
    return List.of(
        new Metric("execution_rate", ratio(col("actual_final"), col("budget_initial")).multiply(100),
            "执行率（%）", "execution rate (%)", Fields.EXECUTION_RATE_PCT),
        new Metric("public_expense_ratio", ratio(col("public_expense"), col("basic_expenditure")).multiply(100),
            "公用经费占基本支出比例（%）", "public expense share of basic expenditure (%)", Fields.PUBLIC_EXPENSE),
        new Metric("three_public_ratio", ratio(col("three_public_actual_total"), col("expenditure_this_year")).multiply(100),
            "“三公”经费占本年支出比例（%）", "three-public share of expenditure (%)", Fields.THREE_PUBLIC_ACTUAL_TOTAL));
  }

  static Column ratio(Column part, Column whole) {
    return when(whole.gt(0), part.cast("double").divide(whole.cast("double")));
  }

  /** unit_id, fiscal_year, peer_group of the configured kind (all | kind | region | class). */
  public static Dataset<Row> peerOf(Dataset<Row> unitYear, Dataset<Row> functionLines, String kind) {
    Column group = switch (kind) {
      case "all" -> lit("all");
      case "kind" -> concat(lit("kind:"), col("unit_kind"));
      case "region" -> concat(lit("region:"), col("region"));
      case "class" -> concat(lit("class:"), col("class_code"));
      default -> throw new IllegalArgumentException("unknown peer group " + kind);
    };
    Dataset<Row> base = kind.equals("class")
        ? unitYear.join(FunctionClasses.largestClass(functionLines), scalaUnitYear(), "left") : unitYear;
    return base.select(col("unit_id"), col("fiscal_year"), group.as("peer_group"));
  }

  /**
   * unit_id, fiscal_year, peer_group, metric, x, peer_median, peer_mad, peers, z for every unit-year and metric
   * with a value; z is null when the MAD is 0.
   */
  public static Dataset<Row> robustZ(Dataset<Row> unitYear, Dataset<Row> peers) {
    Column[] values = metrics().stream().map(m -> struct(lit(m.name()).as("metric"), m.value().as("x")))
        .toArray(Column[]::new);
    Dataset<Row> long_ = unitYear.select(col("unit_id"), col("fiscal_year"), col("source_sha256"),
            explode(array(values)).as("m"))
        .select(col("unit_id"), col("fiscal_year"), col("source_sha256"), col("m.metric").as("metric"), col("m.x").as("x"))
        .where(col("x").isNotNull())
        .join(peers.where(col("peer_group").isNotNull()), scalaUnitYear());
    List<String> by = List.of("fiscal_year", "peer_group", "metric");
    Dataset<Row> medians = long_.groupBy(by.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(median(col("x")).as("peer_median"), count(lit(1)).as("peers"));
    Dataset<Row> withMedian = long_.join(medians, scala(by));
    Dataset<Row> mads = withMedian.groupBy(by.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(median(abs(col("x").minus(col("peer_median")))).as("peer_mad"));
    return withMedian.join(mads, scala(by))
        .withColumn("z", when(col("peer_mad").gt(0),
            lit(CONSISTENCY).multiply(col("x").minus(col("peer_median"))).divide(col("peer_mad"))));
  }

  /** Flag rows for |z| above the threshold in peer groups of at least min-peers unit-years. */
  public static Dataset<Row> flags(Dataset<Row> robustZ, FlagsConfig.RobustZ cfg) {
    Dataset<Row> judged = robustZ.withColumn("level", lit("unit")).withColumn("subject", col("metric"));
    List<FlagRule> rules = new ArrayList<>();
    for (Metric m : metrics()) {
      FlagRule rule = new FlagRule(RULE_PREFIX + m.name(), Severity.INFO, FlagFamily.PEER,
          col("metric").equalTo(m.name()).and(col("peers").geq(cfg.minPeers()))
              .and(abs(col("z")).gt(cfg.threshold())),
          col("z"), col("peer_median"), "peer median (robust z beyond ±" + cfg.threshold() + ")",
          Texts.text("单位", m.zh(), "为", Texts.figure2(col("x")), "，同类单位（", col("peer_group"), "，", col("peers"),
              "家）中位数", Texts.figure2(col("peer_median")), "、MAD ", Texts.figure2(col("peer_mad")), "，稳健Z值",
              Texts.figure2(col("z")), "，超出±", String.valueOf(cfg.threshold())),
          Texts.text("The unit's ", m.en(), " of ", Texts.figure2(col("x")), " is far from its peers (", col("peer_group"),
              ", ", col("peers"), " units): median ", Texts.figure2(col("peer_median")), ", MAD ",
              Texts.figure2(col("peer_mad")), ", robust z ", Texts.figure2(col("z")), " beyond ±",
              String.valueOf(cfg.threshold())),
          FieldColumns.pointer(m.sourceField()));
      rules.add(rule);
    }
    return FlagRule.applyAll(rules, judged);
  }

  static scala.collection.immutable.Seq<String> scalaUnitYear() {
    return scala(List.of("unit_id", "fiscal_year"));
  }

  static scala.collection.immutable.Seq<String> scala(List<String> names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(names).toList();
  }
}
