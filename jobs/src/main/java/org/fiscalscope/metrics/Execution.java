package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.BudgetBasis;
import org.fiscalscope.document.ExecutionLevel;
import org.fiscalscope.document.ScoringTemplate;

/**
 * gold.execution: execution rates at unit, function and project level, reported beside recomputed, with recomputed
 * scores. Each row names the budget its rate divides by ({@link BudgetBasis}): the full-year budget where the source
 * states one, with the carry-over it states; else the initial budget — and gives the rate on the initial budget
 * (完成年初预算 %) beside it when both are stated.
 */
public final class Execution {

  /** gold.execution.level's words, those of {@link ExecutionLevel}. */
  public static final String UNIT = ExecutionLevel.UNIT.key();
  public static final String FUNCTION = ExecutionLevel.FUNCTION.key();
  public static final String PROJECT = ExecutionLevel.PROJECT.key();

  private static final String SCORE = "decimal(18,2)";

  private Execution() {}

  /** All three levels of gold.execution (without run_id) from silver unit_year, function_line, project and indicator. */
  public static Dataset<Row> execution(Dataset<Row> unitYear, Dataset<Row> functionLines, Dataset<Row> projects,
      Dataset<Row> indicators, MetricsConfig cfg) {
    Dataset<Row> totals = indicatorTotals(withRecomputedScore(indicators, cfg.indicatorScoreTolerance()));
    return unitLevel(unitYear, totals, cfg)
        .unionByName(functionLevel(functionLines))
        .unionByName(projectLevel(projects, unitYear, totals, cfg));
  }

  /** gold.execution.execution_weight_source of a weight the table prints. */
  public static final String PRINTED = "printed";

  /** gold.execution.execution_weight_source of a template's weight: {@code template:national}. */
  public static String fromTemplate(ScoringTemplate t) {
    return "template:" + t.key();
  }

  /**
   * The weight of 预算执行率 for a table: the one it prints, else the template of the unit's region
   * ({@code metrics.scoring}); {@code ofTemplate} picks the project or the unit weight of a template.
   */
  static Column executionWeight(Column printed, Column region, MetricsConfig.Scoring scoring,
      Function<ScoringTemplate, BigDecimal> ofTemplate) {
    return coalesce(printed.cast("decimal(18,4)"),
        byTemplate(region, scoring, t -> lit(ofTemplate.apply(t))).cast("decimal(18,4)"));
  }

  /** Where the weight came from: {@code printed} or {@code template:<key>}. */
  static Column executionWeightSource(Column printed, Column region, MetricsConfig.Scoring scoring) {
    return when(printed.isNotNull(), lit(PRINTED)).otherwise(byTemplate(region, scoring, t -> lit(fromTemplate(t))));
  }

  private static Column byTemplate(Column region, MetricsConfig.Scoring scoring, Function<ScoringTemplate, Column> value) {
    Column chosen = null;
    for (Map.Entry<String, ScoringTemplate> e : scoring.byRegion()) {
      Column match = coalesce(region.startsWith(e.getKey()), lit(false));
      chosen = chosen == null ? when(match, value.apply(e.getValue())) : chosen.when(match, value.apply(e.getValue()));
    }
    Column fallback = value.apply(scoring.defaultTemplate());
    return chosen == null ? fallback : chosen.otherwise(fallback);
  }

  /** actual ÷ budget × 100 with 2 decimals, HALF_UP; null when the budget is zero or a figure is missing. */
  public static Column ratePct(Column actual, Column budget) {
    return when(budget.notEqual(0).and(actual.isNotNull()), round(actual.multiply(100).divide(budget), 2))
        .cast(SCORE);
  }

  /** weight × min(actual ÷ budget, 1) with 2 decimals (ScoreRules.executionScore). */
  public static Column executionScore(Column weight, Column budget, Column actual) {
    return when(budget.notEqual(0).and(actual.isNotNull()),
        least(round(weight.multiply(actual).divide(budget), 2), weight)).cast(SCORE);
  }

  /** Why the recomputed rate is missing, or null. */
  static Column rateNote(Column budget, Column actual) {
    return when(budget.isNull(), lit("budget missing: rate not recomputed"))
        .when(budget.equalTo(0), lit("budget is zero: rate not recomputed"))
        .when(actual.isNull(), lit("actual missing: rate not recomputed"));
  }

  /**
   * Adds {@code score_recomputed} (the printed rule, ScoreRules.indicatorScore; null for qualitative indicators)
   * and {@code is_score_mismatch}: the reported score differs from the rule by more than {@code tolerance}
   * points, or (qualitative) lies outside 0..weight.
   */
  public static Dataset<Row> withRecomputedScore(Dataset<Row> indicators, BigDecimal tolerance) {
    Column weight = col("weight");
    Column target = col("target_value");
    Column actual = col("actual_value");
    Column negative = coalesce(col("target_operator").isin(ScoreRules.NEGATIVE_OPERATORS.toArray()), lit(false));
    Column numerator = when(negative, target).otherwise(actual);
    Column denominator = when(negative, actual).otherwise(target);
    Column computable = coalesce(col("is_qualitative"), lit(false)).equalTo(false)
        .and(target.isNotNull()).and(actual.isNotNull()).and(weight.isNotNull());
    Column byRule = when(denominator.equalTo(0), when(numerator.geq(0), weight).otherwise(lit(0)))
        .otherwise(least(greatest(round(weight.multiply(numerator).divide(denominator), 2), lit(0)), weight));
    Column recomputed = when(computable, byRule).cast(SCORE);
    Column score = col("score");
    Column mismatch = when(score.isNull(), lit(false))
        .when(col("score_recomputed").isNotNull(),
            abs(score.minus(col("score_recomputed"))).gt(lit(tolerance)))
        .otherwise(score.lt(0).or(weight.isNotNull().and(score.gt(weight))));
    return indicators.withColumn("score_recomputed", recomputed).withColumn("is_score_mismatch", mismatch);
  }

  /**
   * Per unit-year and project (project_name '' for the unit evaluation): indicator_count, the recomputed indicator
   * score sum (a qualitative indicator counts with its reported score, kept within 0..weight; null when any
   * indicator has no score at all) and indicator_mismatch_count.
   */
  public static Dataset<Row> indicatorTotals(Dataset<Row> scoredIndicators) {
    Column counted = coalesce(col("score_recomputed"), least(greatest(col("score"), lit(0)), col("weight")), col("score"));
    return scoredIndicators
        .groupBy(col("unit_id"), col("fiscal_year"), col("project_name"))
        .agg(count(lit(1)).cast("int").as("indicator_count"),
            sum(counted).as("indicator_sum"),
            count(counted).as("indicator_scored"),
            sum(when(col("is_score_mismatch"), 1).otherwise(0)).cast("int").as("indicator_mismatch_count"))
        .withColumn("indicator_score_recomputed",
            when(col("indicator_scored").equalTo(col("indicator_count")), col("indicator_sum")))
        .drop("indicator_sum", "indicator_scored");
  }

  /**
   * level 'unit': actual_final ÷ its budget (see {@link BudgetBasis}); scores from the unit-level evaluation, weighted
   * as its table prints or by the region's template (unit weight).
   */
  public static Dataset<Row> unitLevel(Dataset<Row> unitYear, Dataset<Row> indicatorTotals, MetricsConfig cfg) {
    Dataset<Row> unitIndicators = indicatorTotals.where(col("project_name").equalTo(""))
        .drop("project_name").withColumnRenamed("unit_id", "i_unit").withColumnRenamed("fiscal_year", "i_year");
    Column budget = basisBudget(col("budget_initial"), col("budget_adjusted"), col("budget_carryover"));
    Column actual = col("actual_final");
    Column weight = executionWeight(col("unit_eval_execution_weight"), col("region"), cfg.scoring(),
        ScoringTemplate::unitExecutionWeight);
    Column hasEvaluation = col("unit_eval_budget").isNotNull().or(col("unit_eval_execution_score").isNotNull())
        .or(col("unit_eval_total_score").isNotNull());
    Column evalBudget = coalesce(col("unit_eval_budget"), budget);
    Column evalActual = when(col("unit_eval_budget").isNotNull(), col("unit_eval_actual")).otherwise(actual);
    Column execScore = when(hasEvaluation, executionScore(weight, evalBudget, evalActual));
    Dataset<Row> joined = unitYear.join(unitIndicators,
        unitYear.col("unit_id").equalTo(col("i_unit")).and(unitYear.col("fiscal_year").equalTo(col("i_year"))), "left");
    return joined.select(
        col("unit_id"), col("fiscal_year"), lit(UNIT).as("level"), lit(UNIT).as("subject"),
        col("unit_name").as("subject_name"), budget.as("budget"), actual.as("actual"),
        col("execution_rate_pct").as("rate_reported_pct"),
        basis(BudgetBasis.INITIAL, col("budget_initial"), col("budget_adjusted"), col("budget_carryover")).as("basis"),
        col("budget_initial"), col("budget_adjusted"), col("budget_carryover"),
        lit(true).as("reported_on_initial"),
        when(hasEvaluation, weight).cast("decimal(18,4)").as("execution_weight"),
        when(hasEvaluation, executionWeightSource(col("unit_eval_execution_weight"), col("region"), cfg.scoring()))
            .as("execution_weight_source"),
        col("unit_eval_execution_score").as("execution_score_reported"),
        execScore.as("execution_score_recomputed"),
        col("unit_eval_total_score").as("total_score_reported"),
        col("indicator_count"), col("indicator_mismatch_count"), col("indicator_score_recomputed"),
        rateNote(budget, actual).as("note"), lit(null).cast("int").as("subject_seq"), col("source_sha256"))
        .transform(Execution::finish);
  }

  /** level 'function': each functional line's actual ÷ its budget (see {@link BudgetBasis}); subject is the code. */
  public static Dataset<Row> functionLevel(Dataset<Row> functionLines) {
    Column budget = basisBudget(col("budget_initial"), col("budget_adjusted"), col("budget_carryover"));
    Column actual = col("actual");
    return functionLines.select(
        col("unit_id"), col("fiscal_year"), lit(FUNCTION).as("level"), col("code").as("subject"),
        col("name").as("subject_name"), budget.as("budget"), actual.as("actual"),
        col("execution_rate_pct").as("rate_reported_pct"),
        basis(BudgetBasis.INITIAL, col("budget_initial"), col("budget_adjusted"), col("budget_carryover")).as("basis"),
        col("budget_initial"), col("budget_adjusted"), col("budget_carryover"),
        lit(true).as("reported_on_initial"),
        lit(null).cast("decimal(18,4)").as("execution_weight"),
        lit(null).cast("string").as("execution_weight_source"),
        lit(null).cast("decimal(18,4)").as("execution_score_reported"),
        lit(null).cast(SCORE).as("execution_score_recomputed"),
        lit(null).cast("decimal(18,4)").as("total_score_reported"),
        lit(null).cast("int").as("indicator_count"), lit(null).cast("int").as("indicator_mismatch_count"),
        lit(null).cast("decimal(38,2)").as("indicator_score_recomputed"),
        rateNote(budget, actual).as("note"), col("line_seq").as("subject_seq"), col("source_sha256"))
        .transform(Execution::finish);
  }

  /**
   * level 'project': 执行数 B ÷ 预算数 A (the full-year budget; the initial budget when only that is stated); execution
   * score with the weight the project's table prints, else the template of the unit's region (project weight); total
   * with indicators.
   */
  public static Dataset<Row> projectLevel(Dataset<Row> projects, Dataset<Row> unitYear, Dataset<Row> indicatorTotals,
      MetricsConfig cfg) {
    Dataset<Row> ind = indicatorTotals.where(col("project_name").notEqual(""))
        .withColumnRenamed("unit_id", "i_unit").withColumnRenamed("fiscal_year", "i_year")
        .withColumnRenamed("project_name", "i_project");
    Column budget = basisBudget(col("budget_initial"), col("budget"), col("budget_carryover"));
    Column actual = col("actual");
    Dataset<Row> regions = unitYear.select(col("unit_id").as("r_unit"), col("fiscal_year").as("r_year"), col("region"));
    Column weight = executionWeight(col("execution_weight"), col("region"), cfg.scoring(),
        ScoringTemplate::projectExecutionWeight);
    Dataset<Row> joined = projects.drop("indicator_count").join(ind, col("unit_id").equalTo(col("i_unit"))
        .and(col("fiscal_year").equalTo(col("i_year")))
        .and(col("project_name").equalTo(col("i_project"))), "left")
        .join(regions, col("unit_id").equalTo(col("r_unit")).and(col("fiscal_year").equalTo(col("r_year"))), "left");
    return joined.select(
        col("unit_id"), col("fiscal_year"), lit(PROJECT).as("level"), col("project_name").as("subject"),
        col("project_name").as("subject_name"), budget.as("budget"), actual.as("actual"),
        col("execution_rate_pct").as("rate_reported_pct"),
        basis(BudgetBasis.ADJUSTED, col("budget_initial"), col("budget"), col("budget_carryover")).as("basis"),
        col("budget_initial"), col("budget").as("budget_adjusted"), col("budget_carryover"),
        lit(false).as("reported_on_initial"),
        weight.cast("decimal(18,4)").as("execution_weight"),
        executionWeightSource(col("execution_weight"), col("region"), cfg.scoring()).as("execution_weight_source"),
        col("execution_score").as("execution_score_reported"),
        executionScore(weight, budget, actual).as("execution_score_recomputed"),
        col("total_score").as("total_score_reported"),
        col("indicator_count"), col("indicator_mismatch_count"), col("indicator_score_recomputed"),
        rateNote(budget, actual).as("note"), col("project_seq").as("subject_seq"), col("source_sha256"))
        .transform(Execution::finish);
  }

  /**
   * The budget a rate divides by: the full-year budget when stated; else the initial budget plus stated carry-over;
   * else the initial budget (see {@link BudgetBasis}).
   */
  public static Column basisBudget(Column initial, Column adjusted, Column carryover) {
    return coalesce(adjusted, initial.plus(carryover), initial);
  }

  /** The basis of {@link #basisBudget}; {@code unstated} when no budget is stated at all (never null). */
  public static Column basis(BudgetBasis unstated, Column initial, Column adjusted, Column carryover) {
    Column withCarryover = lit(BudgetBasis.ADJUSTED_INCL_CARRYOVER.key());
    return when(adjusted.isNotNull(), when(carryover.isNotNull(), withCarryover)
            .otherwise(lit(BudgetBasis.ADJUSTED.key())))
        .when(initial.isNotNull(), when(carryover.isNotNull(), withCarryover)
            .otherwise(lit(BudgetBasis.INITIAL.key())))
        .otherwise(lit(unstated.key()));
  }

  /**
   * Adds the recomputed rate (on the row's basis), the rates on the initial and on the full-year budget, the
   * difference of the reported rate from the recomputed one on the basis it was printed on (完成年初预算的% at unit
   * and line level, 执行率 on the table's budget for a project), and the recomputed total; fixes the column order
   * of gold.execution.
   */
  private static Dataset<Row> finish(Dataset<Row> rows) {
    Column recomputedRate = ratePct(col("actual"), col("budget"));
    Column initialRate = ratePct(col("actual"), col("budget_initial"));
    Column reportedAgainst = when(col("reported_on_initial"), col("rate_initial_pct"))
        .otherwise(col("rate_recomputed_pct"));
    Column total = when(col("execution_score_recomputed").isNotNull().and(col("indicator_score_recomputed").isNotNull()),
        col("execution_score_recomputed").plus(col("indicator_score_recomputed"))).cast(SCORE);
    return rows
        .withColumn("rate_recomputed_pct", recomputedRate)
        .withColumn("rate_initial_pct", initialRate)
        .withColumn("rate_adjusted_pct",
            when(col("basis").notEqual(lit(BudgetBasis.INITIAL.key())), col("rate_recomputed_pct")))
        .withColumn("rate_difference_pct",
            col("rate_reported_pct").minus(reportedAgainst).cast("decimal(18,4)"))
        .withColumn("total_score_recomputed", total)
        .select(col("unit_id"), col("fiscal_year"), col("level"), col("subject"), col("subject_name"),
            col("budget"), col("actual"), col("rate_reported_pct"), col("rate_recomputed_pct"),
            col("rate_difference_pct"), col("basis"), col("budget_initial"), col("budget_adjusted"),
            col("budget_carryover"), col("rate_initial_pct"), col("rate_adjusted_pct"), col("execution_weight"),
            col("execution_weight_source"), col("execution_score_reported"),
            col("execution_score_recomputed"), col("total_score_reported"), col("total_score_recomputed"),
            col("indicator_count"), col("indicator_mismatch_count"), col("note"), col("subject_seq"),
            col("source_sha256"));
  }
}
