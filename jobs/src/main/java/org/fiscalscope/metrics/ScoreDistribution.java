package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.ScoreGrade;

/** gold.score_distribution: how performance total scores are spread per fiscal year, peer group and scope. */
public final class ScoreDistribution {

  public static final String SCOPE_PROJECT = "project";
  public static final String SCOPE_UNIT = "unit";

  /** Scores are DECIMAL(18,4); their sums and sums of squares stay exact in this type. */
  private static final String EXACT = "decimal(18,4)";

  private ScoreDistribution() {}

  /** unit_id, fiscal_year, scope, score: project total scores and unit-evaluation total scores (nulls dropped). */
  public static Dataset<Row> scores(Dataset<Row> projects, Dataset<Row> unitYear) {
    Dataset<Row> project = projects.select(col("unit_id"), col("fiscal_year"), lit(SCOPE_PROJECT).as("scope"),
        col("total_score").as("score"));
    Dataset<Row> unit = unitYear.select(col("unit_id"), col("fiscal_year"), lit(SCOPE_UNIT).as("scope"),
        col("unit_eval_total_score").as("score"));
    return project.unionByName(unit).where(col("score").isNotNull());
  }

  /**
   * unit_id, fiscal_year, peer_group: every group a unit-year belongs to among the configured kinds — {@code all},
   * {@code kind:<unit kind>}, {@code region:<region>}, {@code class:<class of its largest spending line>}, {@code size:<headcount band>} (only where the
   * actual headcount is stated), {@code parent:<parent department>} (only where the document names it).
   */
  public static Dataset<Row> peerGroups(Dataset<Row> unitYear, Dataset<Row> functionLines, List<String> kinds) {
    return peerGroupsOf(unitYear, FunctionClasses.largestClass(functionLines), kinds);
  }

  /** {@link #peerGroups} from each unit-year's largest class ({@link FunctionClasses#largestOf}). */
  static Dataset<Row> peerGroupsOf(Dataset<Row> unitYear, Dataset<Row> largestClass, List<String> kinds) {
    return peerGroupsOf(unitYear, largestClass, kinds, MetricsConfig.defaults().sizeBands());
  }

  /** As above, with the upper bounds of the headcount bands of the {@code size} groups. */
  static Dataset<Row> peerGroupsOf(Dataset<Row> unitYear, Dataset<Row> largestClass, List<String> kinds,
      List<Integer> sizeBands) {
    Dataset<Row> withClass = unitYear.select(col("unit_id"), col("fiscal_year"), col("unit_kind"), col("region"),
            col(Fields.STAFF_ACTUAL.silver().column()), col(Fields.UNIT_PARENT_NAME.silver().column()).as("parent"))
        .join(largestClass, FunctionClasses.UNIT_YEAR, "left");
    List<Column> groups = new ArrayList<>();
    for (String kind : kinds) {
      groups.add(switch (kind) {
        case "all" -> lit("all");
        case "kind" -> concat(lit("kind:"), col("unit_kind"));
        case "region" -> concat(lit("region:"), col("region"));
        case "class" -> concat(lit("class:"), col("class_code"));
        case "size" -> sizeBand(col(Fields.STAFF_ACTUAL.silver().column()), sizeBands);
        case "parent" -> concat(lit("parent:"), col("parent"));
        default -> throw new IllegalArgumentException("unknown peer-group kind " + kind);
      });
    }
    Column present = filter(array(groups.toArray(Column[]::new)), c -> c.isNotNull());
    return withClass.select(col("unit_id"), col("fiscal_year"), explode(present).as("peer_group"));
  }

  /**
   * {@code size:1-20}, {@code size:21-50}, …, {@code size:>100}: the band of a stated actual headcount above 0 among
   * the bands whose upper bounds are {@code bounds}; null where the headcount is not stated.
   */
  static Column sizeBand(Column staff, List<Integer> bounds) {
    Column band = when(staff.isNull().or(staff.leq(0)), lit(null).cast("string"));
    int lower = 1;
    for (int upper : bounds) {
      band = band.when(staff.leq(upper), lit("size:" + lower + "-" + upper));
      lower = upper + 1;
    }
    return band.otherwise(lit("size:>" + bounds.get(bounds.size() - 1)));
  }

  /**
   * The distribution columns of gold.score_distribution (without run_id) per fiscal year, peer group and scope.
   * Mean and standard deviation come from exact decimal sums of the scores and of their squares, so they do not
   * depend on the order in which partitions are added up: a double sum would differ in its last digits from one
   * partitioning (one cluster) to another.
   */
  public static Dataset<Row> distribution(Dataset<Row> scores, Dataset<Row> peerGroups) {
    Column s = col("score");
    Column exact = s.cast(EXACT);
    Column quantiles = expr("percentile(cast(score as double), array(0.1, 0.25, 0.5, 0.75, 0.9))");
    Column n = col("n");
    // n·Σx² − (Σx)², exact in decimal, is (n − 1)·n times the sample variance.
    Column spread = n.cast("decimal(20,0)").multiply(col("sum_squares")).minus(col("sum").multiply(col("sum")));
    return scores.join(peerGroups, FunctionClasses.UNIT_YEAR)
        .groupBy("fiscal_year", "peer_group", "scope")
        .agg(count(s).as("n"), aggregates(sum(exact).as("sum"), sum(exact.multiply(exact)).as("sum_squares"),
            min(s).as("min"), quantiles.as("q"), max(s).as("max"),
            bin(s.lt(60)).as("bin_below_60"),
            bin(s.geq(60).and(s.lt(70))).as("bin_60_70"),
            bin(s.geq(70).and(s.lt(80))).as("bin_70_80"),
            bin(s.geq(80).and(s.lt(90))).as("bin_80_90"),
            bin(s.geq(90).and(s.lt(95))).as("bin_90_95"),
            bin(s.geq(95).and(s.lt(100))).as("bin_95_100"),
            bin(s.geq(100)).as("bin_100"),
            gradeCounts(s)))
        .withColumn("perfect_share", col("bin_100").divide(col("n")))
        .withColumn("mean", col("sum").cast("double").divide(n))
        .withColumn("stddev", when(n.gt(1),
            sqrt(spread.cast("double").divide(n.cast("double").multiply(n.minus(1).cast("double"))))))
        .select(col("fiscal_year"), col("peer_group"), col("scope"), col("n"), col("mean"), col("stddev"),
            col("min").cast("decimal(18,4)").as("min"), col("q").getItem(0).as("p10"), col("q").getItem(1).as("p25"),
            col("q").getItem(2).as("median"), col("q").getItem(3).as("p75"), col("q").getItem(4).as("p90"),
            col("max").cast("decimal(18,4)").as("max"), col("bin_below_60"), col("bin_60_70"), col("bin_70_80"),
            col("bin_80_90"), col("bin_90_95"), col("bin_95_100"), col("bin_100"), col("perfect_share"),
            col(ScoreGrade.EXCELLENT.column()), col(ScoreGrade.GOOD.column()), col(ScoreGrade.FAIR.column()),
            col(ScoreGrade.POOR.column()));
  }

  /** Whether a score falls in a grade band (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; lower bounds included). */
  public static Column inGrade(Column score, ScoreGrade grade) {
    Column in = lit(true);
    if (grade.atLeast() != null) {
      in = in.and(score.geq(lit(grade.atLeast())));
    }
    if (grade.below() != null) {
      in = in.and(score.lt(lit(grade.below())));
    }
    return in;
  }

  /** The count of each official grade band, named by {@link ScoreGrade#column()}. */
  private static Column[] gradeCounts(Column score) {
    return java.util.Arrays.stream(ScoreGrade.values())
        .map(g -> bin(inGrade(score, g)).as(g.column())).toArray(Column[]::new);
  }

  private static Column[] aggregates(Object... columns) {
    List<Column> all = new ArrayList<>();
    for (Object c : columns) {
      if (c instanceof Column[] many) {
        all.addAll(List.of(many));
      } else {
        all.add((Column) c);
      }
    }
    return all.toArray(Column[]::new);
  }

  private static Column bin(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }
}
