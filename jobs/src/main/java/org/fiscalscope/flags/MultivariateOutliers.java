package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.document.Category;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Severity;

/**
 * The multivariate family of flags: per unit-year cost ratios, imputed, standardised and clustered with KMeans; the
 * anomaly score is the distance to the nearest cluster centre (the unit's closest peers), and the features that
 * contribute most to that distance are named in the explanation.
 */
public final class MultivariateOutliers {

  public static final String RULE = "multivariate_outlier";

  /** A feature: column name, expression over silver.unit_year, Chinese and English names. */
  record Feature(String name, Column value, String zh, String en) {}

  /** Columns of {@link #score}. */
  static final String SCORED = "fiscal_year INT, unit_id STRING, source_sha256 STRING, anomaly_score DOUBLE, "
      + "cluster INT, drivers_zh STRING, drivers_en STRING, cutoff DOUBLE, is_top BOOLEAN";

  private MultivariateOutliers() {}

  static List<Feature> features() {
    Column spent = col("expenditure_this_year");
    return List.of(
        new Feature("execution_rate", PeerOutliers.ratio(col("actual_final"), col("budget_initial")), "执行率", "execution rate"),
        new Feature("basic_share", PeerOutliers.ratio(col("basic_expenditure"), spent), "基本支出占比", "basic expenditure share"),
        new Feature("personnel_share", PeerOutliers.ratio(col("personnel_expense"), col("basic_expenditure")),
            "人员经费占基本支出比例", "personnel share of basic expenditure"),
        new Feature("public_share", PeerOutliers.ratio(col("public_expense"), col("basic_expenditure")),
            "公用经费占基本支出比例", "public expense share of basic expenditure"),
        new Feature("three_public_share", PeerOutliers.ratio(col("three_public_actual_total"), spent),
            "“三公”经费占比", "three-public share"),
        new Feature("operating_share", PeerOutliers.ratio(col("operating_costs"), spent), "机关运行经费占比",
            "operating-cost share"),
        new Feature("procurement_share", PeerOutliers.ratio(col("procurement_total"), spent), "政府采购占比",
            "procurement share"),
        new Feature("log_size", log1p(spent.cast("double")), "支出规模（对数）", "size (log expenditure)"));
  }

  /**
   * unit_id, fiscal_year, source_sha256, anomaly_score, cutoff (the year's top-share quantile of the score),
   * is_top, drivers_zh, drivers_en for every unit-year with expenditure; empty when fewer than min-unit-years
   * unit-years have expenditure (too few to have peers). KMeans uses at most one cluster per ten unit-years.
   */
  public static Dataset<Row> score(Dataset<Row> unitYear, FlagsConfig.Multivariate cfg) {
    List<Column> cols = new ArrayList<>(List.of(col("unit_id"), col("fiscal_year"), col("source_sha256")));
    features().forEach(f -> cols.add(f.value().cast("double").as(f.name())));
    // Whether each ratio is stated: a ratio imputed by its median (a figure the unit does not state, or 机关运行经费 of
    // a 事业单位, which has none) places the unit for KMeans but is no evidence, so it adds nothing to the anomaly
    // score and is never named as a driver.
    features().forEach(f -> cols.add(f.value().isNotNull().as(known(f.name()))));
    // One partition in key order: the medians, the scaler's statistics, KMeans' initialisation (sampled per
    // partition) and its sums over points all depend on how the rows are split and in which order partial results
    // meet, so without it the same lake gives other clusters, scores and flags on another cluster or partitioning.
    // One task over the unit-years' few ratios stays small (a million unit-years are some 100 MB of doubles).
    Dataset<Row> all = unitYear.where(col("expenditure_this_year").gt(0)).select(cols.toArray(Column[]::new))
        .repartition(1).sortWithinPartitions("unit_id", "fiscal_year");

    // A missing ratio takes the median of its feature (one row of medians); a feature nobody states is left out.
    List<Column> stats = new ArrayList<>();
    features().forEach(f -> stats.add(percentile_approx(col(f.name()), lit(0.5), lit(10000))));
    stats.add(count(lit(1)));
    Row medians = all.agg(stats.get(0), stats.subList(1, stats.size()).toArray(Column[]::new)).first();
    long unitYears = medians.getLong(features().size());
    if (unitYears < cfg.minUnitYears()) {
      return unitYear.sparkSession().createDataFrame(List.of(), StructType.fromDDL(SCORED));
    }
    List<Feature> features = new ArrayList<>();
    Map<String, Object> fill = new HashMap<>();
    for (int i = 0; i < features().size(); i++) {
      if (!medians.isNullAt(i)) {
        features.add(features().get(i));
        fill.put(features().get(i).name(), medians.getDouble(i));
      }
    }
    String[] raw = features.stream().map(Feature::name).toArray(String[]::new);
    Dataset<Row> frame = all.na().fill(fill);

    VectorAssembler assembler = new VectorAssembler().setInputCols(raw).setOutputCol("features_raw");
    StandardScaler scaler = new StandardScaler().setInputCol("features_raw").setOutputCol("features")
        .setWithMean(true).setWithStd(true);
    KMeans kmeans = new KMeans().setK((int) Math.max(2, Math.min(cfg.clusters(), unitYears / 10))).setSeed(cfg.seed()).setMaxIter(cfg.maxIterations())
        .setFeaturesCol("features").setPredictionCol("cluster");
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {assembler, scaler, kmeans}).fit(frame);
    KMeansModel clusters = (KMeansModel) model.stages()[2];
    List<Vector> peers = peerCentres(clusters, cfg.minClusterShare());

    // Distance to the nearest centre of a cluster big enough to be a peer group: a handful of odd unit-years
    // that KMeans gives a cluster of their own must not become each other's peers.
    Column z = col("z");
    Column[] distances = new Column[peers.size()];
    for (int c = 0; c < peers.size(); c++) {
      Column d = lit(0.0);
      for (int i = 0; i < raw.length; i++) {
        d = d.plus(pow(element_at(z, i + 1).minus(lit(peers.get(c).apply(i))), 2));
      }
      distances[c] = struct(d.as("d"), lit(c).as("c"));
    }
    Dataset<Row> scored = model.transform(frame)
        .withColumn("z", org.apache.spark.ml.functions.vector_to_array(col("features"), "float64"))
        .withColumn("nearest", array_min(array(distances)))
        .withColumn("cluster", col("nearest.c"));
    List<Column> contributions = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      Column[] perCluster = new Column[peers.size()];
      for (int c = 0; c < peers.size(); c++) {
        perCluster[c] = lit(peers.get(c).apply(i));
      }
      Column centre = element_at(array(perCluster), col("cluster").plus(1));
      contributions.add(struct(when(col(known(raw[i])), pow(element_at(z, i + 1).minus(centre), 2))
              .otherwise(lit(0.0)).as("part"), lit(raw[i]).as("name"),
          lit(features.get(i).zh()).as("zh"), lit(features.get(i).en()).as("en")));
    }
    Column parts = array(contributions.toArray(Column[]::new));
    Column top = slice(sort_array(filter(parts, x -> x.getField("part").gt(0)), false), 1, cfg.namedFeatures());
    Dataset<Row> withScore = scored
        .withColumn("c", parts)
        .withColumn("anomaly_score", sqrt(expr("aggregate(transform(c, x -> x.part), 0D, (a, b) -> a + b)")))
        .withColumn("drivers_zh", array_join(transform(top, x -> x.getField("zh")), "、"))
        .withColumn("drivers_en", array_join(transform(top, x -> x.getField("en")), ", "))
        .select("unit_id", "fiscal_year", "source_sha256", "anomaly_score", "cluster", "drivers_zh", "drivers_en");
    Dataset<Row> cutoffs = withScore.groupBy("fiscal_year")
        .agg(percentile_approx(col("anomaly_score"), lit(1 - cfg.topShare()), lit(10000)).as("cutoff"));
    return withScore.join(cutoffs, "fiscal_year").withColumn("is_top", col("anomaly_score").gt(col("cutoff")));
  }

  private static String known(String feature) {
    return feature + "_known";
  }

  /** Centres of clusters holding at least {@code minShare} of the points (all centres if none does). */
  static List<Vector> peerCentres(KMeansModel model, double minShare) {
    long[] sizes = model.summary().clusterSizes();
    long total = java.util.Arrays.stream(sizes).sum();
    List<Vector> big = new ArrayList<>();
    for (int c = 0; c < sizes.length; c++) {
      if (sizes[c] >= Math.max(1, minShare * total)) {
        big.add(model.clusterCenters()[c]);
      }
    }
    return big.isEmpty() ? List.of(model.clusterCenters()) : big;
  }

  /** Flag rows for the unit-years in their year's top share. */
  public static Dataset<Row> flags(Dataset<Row> scored, FlagsConfig.Multivariate cfg) {
    String share = Texts.figure(java.math.BigDecimal.valueOf(cfg.topShare()).movePointRight(2));
    FlagRule rule = new FlagRule(RULE, Severity.INFO, FlagFamily.MULTIVARIATE, col("is_top"), col("anomaly_score"),
        col("cutoff"), "top " + share + "% of the year's KMeans distances",
        Texts.text("单位的费用结构与最接近的同类单位群组差异显著（距离", Texts.figure2(col("anomaly_score")), "，高于当年前",
            share, "%分界", Texts.figure2(col("cutoff")), "），主要来自", col("drivers_zh")),
        Texts.text("The unit's cost structure is far from its closest peer cluster (distance ",
            Texts.figure2(col("anomaly_score")), ", above the year's top-", share, "% cut-off ",
            Texts.figure2(col("cutoff")), "), driven mostly by ", col("drivers_en")),
        lit(Fields.partOf(Category.TOTALS).pattern()));
    return rule.apply(scored.withColumn("level", lit("unit")).withColumn("subject", lit("unit")));
  }
}
