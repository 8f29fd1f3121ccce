package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.BudgetBasis;
import org.fiscalscope.document.ExecutionLevel;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.FieldColumns;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Severity;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.ThreePublicSide;
import org.fiscalscope.metrics.Execution;

/**
 * The rule family of flags: low and over execution, reported-vs-recomputed mismatches, perfect scores, three-public
 * policy. Low execution judges a row's rate on its basis — the full-year budget where one is stated — and names
 * that basis; over-execution judges actual against the initial budget, net of stated carry-over.
 */
public final class RuleFlags {

  public static final String LOW_EXECUTION = "low_execution";
  public static final String RATE_MISMATCH = "rate_mismatch";
  public static final String SCORE_MISMATCH = "score_mismatch";
  public static final String PERFECT_SCORE_LOW_EXECUTION = "perfect_score_low_execution";
  public static final String THREE_PUBLIC_INCREASE = "three_public_increase";
  public static final String THREE_PUBLIC_OVER_BUDGET = "three_public_over_budget";
  /** The 三公 total (budget or actual) rises year on year: the only-decrease rule of the 过紧日子 directives. */
  public static final String THREE_PUBLIC_TOTAL_INCREASE = "three_public_total_increase";
  /** Actual above the configured share (105%) of the initial budget, beyond what stated carry-over funded. */
  public static final String OVER_EXECUTION = "over_execution";

  private RuleFlags() {}

  /** Flag rows of every rule over gold.execution and gold.three_public_trend frames. */
  public static Dataset<Row> flags(Dataset<Row> execution, Dataset<Row> trend, FlagsConfig cfg) {
    Dataset<Row> categories = trend.withColumnRenamed("category", "subject").withColumn("level", lit("category"));
    return FlagRule.applyAll(executionRules(cfg), execution)
        .unionByName(FlagRule.applyAll(threePublicRules(), categories));
  }

  /** The execution rate judged: recomputed when it can be, otherwise as printed. */
  static Column rate() {
    return coalesce(col("rate_recomputed_pct"), col("rate_reported_pct"));
  }

  /** Rules over gold.execution rows. */
  public static List<FlagRule> executionRules(FlagsConfig cfg) {
    BigDecimal warning = cfg.executionRate().warningBelow();
    BigDecimal severe = cfg.executionRate().severeBelow();
    Column level = col("level");
    Column subjectZh = Texts.subjectZh(level, col("subject"), col("subject_name"));
    Column subjectEn = Texts.subjectEn(level, col("subject"), col("subject_name"));
    Column atLevels = level.isin(cfg.executionRate().levels().toArray());
    Column rate = rate();
    Column budget = Texts.figure(col("budget"));
    Column actual = Texts.figure(col("actual"));

    List<FlagRule> rules = new ArrayList<>();
    rules.add(lowExecution(Severity.SEVERE, atLevels.and(rate.lt(lit(severe))), severe, "严重线", "severe", subjectZh,
        subjectEn, budget, actual));
    rules.add(lowExecution(Severity.WARNING, atLevels.and(rate.geq(lit(severe))).and(rate.lt(lit(warning))), warning,
        "预警线", "warning", subjectZh, subjectEn, budget, actual));
    rules.add(overExecution(cfg.overExecution(), subjectZh, subjectEn, actual));

    BigDecimal rateTolerance = cfg.mismatch().rateTolerancePct();
    rules.add(new FlagRule(RATE_MISMATCH, Severity.WARNING, FlagFamily.RULE,
        abs(col("rate_difference_pct")).gt(lit(rateTolerance)),
        col("rate_reported_pct"), col("rate_recomputed_pct"), "recomputed rate (tolerance ±" + Texts.figure(rateTolerance) + " points)",
        Texts.text(subjectZh, "报告执行率", Texts.figure(col("rate_reported_pct")), "%，按执行", actual, "万元÷预算", budget,
            "万元重算为", Texts.figure(col("rate_recomputed_pct")), "%，相差", Texts.figure(abs(col("rate_difference_pct"))),
            "个百分点"),
        Texts.text(subjectEn, " reports an execution rate of ", Texts.figure(col("rate_reported_pct")), "%, but ",
            actual, " ÷ ", budget, " 万元 gives ", Texts.figure(col("rate_recomputed_pct")), "% (",
            Texts.figure(abs(col("rate_difference_pct"))), " points apart)"),
        rateField()));

    BigDecimal scoreTolerance = cfg.mismatch().scoreTolerance();
    Column execOff = abs(col("execution_score_reported").minus(col("execution_score_recomputed"))).gt(lit(scoreTolerance));
    Column totalOff = abs(col("total_score_reported").minus(col("total_score_recomputed"))).gt(lit(scoreTolerance));
    Column indicatorsOff = coalesce(col("indicator_mismatch_count"), lit(0)).gt(0);
    rules.add(new FlagRule(SCORE_MISMATCH, Severity.WARNING, FlagFamily.RULE,
        coalesce(execOff, lit(false)).or(coalesce(totalOff, lit(false))).or(indicatorsOff),
        when(coalesce(execOff, lit(false)), col("execution_score_reported")).otherwise(col("total_score_reported")),
        when(coalesce(execOff, lit(false)), col("execution_score_recomputed")).otherwise(col("total_score_recomputed")),
        "score by the printed rules (tolerance ±" + Texts.figure(scoreTolerance) + " points)",
        Texts.text(subjectZh, "得分与评分规则不符：执行得分报告", Texts.figure(col("execution_score_reported")), "分、按",
            Texts.figure(col("execution_weight")), "分", weightFromZh(), "×执行率重算为",
            Texts.figure(col("execution_score_recomputed")),
            "分；总分报告", Texts.figure(col("total_score_reported")), "分、重算为",
            Texts.figure(col("total_score_recomputed")), "分；", coalesce(col("indicator_mismatch_count"), lit(0)),
            "项指标得分不符"),
        Texts.text(subjectEn, "'s scores do not follow the printed rules: execution score ",
            Texts.figure(col("execution_score_reported")), " reported vs ", Texts.figure(col("execution_score_recomputed")),
            " recomputed (", Texts.figure(col("execution_weight")), weightFromEn(), " × rate); total ",
            Texts.figure(col("total_score_reported")), " vs ", Texts.figure(col("total_score_recomputed")), "; ",
            coalesce(col("indicator_mismatch_count"), lit(0)), " indicator score(s) off"),
        totalScoreField()));

    BigDecimal perfect = cfg.perfectScore().scoreAtLeast();
    BigDecimal perfectBelow = cfg.perfectScore().executionBelow();
    rules.add(new FlagRule(PERFECT_SCORE_LOW_EXECUTION, Severity.WARNING, FlagFamily.RULE,
        col("total_score_reported").geq(lit(perfect)).and(rate.lt(lit(perfectBelow))),
        rate, lit(perfectBelow), "execution line for a perfect score",
        Texts.text(subjectZh, "自评总分", Texts.figure(col("total_score_reported")), "分，但执行率仅", Texts.figure(rate),
            "%，低于", Texts.figure(perfectBelow), "%（预算", budget, "万元，执行", actual, "万元）"),
        Texts.text(subjectEn, " scored ", Texts.figure(col("total_score_reported")), " in its self-evaluation although it executed only ",
            Texts.figure(rate), "% of its budget, below ", Texts.figure(perfectBelow), "% (budget ", budget,
            " 万元, actual ", actual, " 万元)"),
        totalScoreField()));
    return rules;
  }

  private static FlagRule lowExecution(Severity severity, Column hits, BigDecimal line, String lineZh, String lineEn,
      Column subjectZh, Column subjectEn, Column budget, Column actual) {
    Column rate = rate();
    Column basisZh = byBasis(BudgetBasis::zh);
    Column basisEn = byBasis(BudgetBasis::en);
    return new FlagRule(LOW_EXECUTION, severity, FlagFamily.RULE, hits, rate, lit(line),
        Texts.text(lit(lineEn + " line, rate on the "), basisEn, lit(" (basis "), col("basis"), lit(")")),
        Texts.text(subjectZh, "执行率", Texts.figure(rate), "%（按", basisZh, "计），低于", lineZh, Texts.figure(line),
            "%（", basisZh, budget, "万元，执行", actual, "万元）"),
        Texts.text(subjectEn, " executed ", Texts.figure(rate), "% of its ", basisEn, ", below the ", Texts.figure(line),
            "% ", lineEn, " line (", basisEn, " ", budget, " 万元, actual ", actual, " 万元)"),
        rateField());
  }

  /**
   * Actual above {@code above}% of the initial budget, at the configured levels. Stated carry-over (年初结转) funds
   * spending beyond the initial budget without overspending it: a row whose actual net of its carry-over is within
   * the line is not flagged, and a flagged row names the carry-over it was judged net of.
   */
  private static FlagRule overExecution(FlagsConfig.OverExecution cfg, Column subjectZh, Column subjectEn,
      Column actual) {
    Column initial = col("budget_initial");
    Column carryover = col("budget_carryover");
    Column limit = initial.multiply(lit(cfg.above())).divide(lit(100));
    Column net = col("actual").minus(coalesce(carryover, lit(0)));
    Column hits = col("level").isin(cfg.levels().toArray()).and(initial.gt(0))
        .and(coalesce(net.gt(limit), lit(false)));
    Column netRate = Texts.figure(net.multiply(100).divide(initial).cast("decimal(18,2)"));
    Column rateInitial = Texts.figure(col("rate_initial_pct"));
    String line = Texts.figure(cfg.above());
    return new FlagRule(OVER_EXECUTION, Severity.WARNING, FlagFamily.RULE, hits, col("rate_initial_pct"),
        lit(cfg.above()),
        when(carryover.isNotNull(), lit(line + "% of the initial budget, net of the stated carry-over (basis initial)"))
            .otherwise(lit(line + "% of the initial budget (basis initial)")),
        Texts.text(subjectZh, "支出决算", actual, "万元，为年初预算", Texts.figure(initial), "万元的", rateInitial, "%",
            when(carryover.isNotNull(), Texts.text("，扣除年初结转", Texts.figure(carryover), "万元后仍为", netRate, "%"))
                .otherwise(lit("，未说明年初结转")),
            "，超过年初预算的", line, "%"),
        Texts.text(subjectEn, " spent ", actual, " 万元, ", rateInitial, "% of its initial budget of ",
            Texts.figure(initial), " 万元",
            when(carryover.isNotNull(), Texts.text(", still ", netRate, "% net of the stated carry-over of ",
                Texts.figure(carryover), " 万元")).otherwise(lit(", with no carry-over stated")),
            ", above ", line, "% of the initial budget"),
        byLevel(ExecutionLevel::actualField));
  }

  /** A value per budget basis, chosen by the row's basis. */
  private static Column byBasis(Function<BudgetBasis, String> value) {
    Column c = null;
    for (BudgetBasis b : BudgetBasis.values()) {
      Column is = col("basis").equalTo(b.key());
      c = c == null ? when(is, lit(value.apply(b))) : c.when(is, lit(value.apply(b)));
    }
    return c.otherwise(col("basis"));
  }

  /**
   * Rules over gold.three_public_trend rows (subject = category). 只减不增 is judged on the 三公 total: a rise of the
   * total budget or the total actual over the prior year is a warning, naming the base year's total beside it; a
   * single category's rise is info. A rise from a zero base is stated as not comparable, not as a rate.
   */
  public static List<FlagRule> threePublicRules() {
    Column zh = byCategory(ThreePublicCategory::zh).otherwise(col("subject"));
    Column en = byCategory(ThreePublicCategory::en).otherwise(col("subject"));
    Column actual = Texts.figure(col("actual"));
    Column field = byCategory(c -> Fields.threePublic(ThreePublicSide.ACTUAL, c).pointer());
    Column isTotal = col("subject").equalTo(ThreePublicCategory.TOTAL.key());
    Column rises = coalesce(col("breaks_only_decrease_rule"), lit(false));
    Column budgetRises = coalesce(col("budget_rises"), lit(false));
    return List.of(
        new FlagRule(THREE_PUBLIC_INCREASE, Severity.INFO, FlagFamily.RULE, isTotal.unary_$bang().and(rises),
            col("actual"), col("prior_year_actual"), "prior-year actual of the category",
            Texts.text("“三公”经费", zh, col("fiscal_year"), "年支出", actual, "万元，比上年", Texts.figure(col("prior_year_actual")),
                "万元增加", Texts.figure(col("yoy_change_amount")), "万元（", rateZh(col("actual"), col("prior_year_actual")),
                "），属单项上升，只减不增按“三公”经费合计判断"),
            Texts.text("Three-public ", en, " spending rose to ", actual, " 万元 in ", col("fiscal_year"), " from ",
                Texts.figure(col("prior_year_actual")), " 万元 the year before (+", Texts.figure(col("yoy_change_amount")),
                " 万元, ", rateEn(col("actual"), col("prior_year_actual")),
                "); a single category's rise: the only-decrease rule is judged on the three-public total"),
            field),
        new FlagRule(THREE_PUBLIC_TOTAL_INCREASE, Severity.WARNING, FlagFamily.RULE, isTotal.and(rises.or(budgetRises)),
            when(rises, col("actual")).otherwise(col("budget")),
            when(rises, col("prior_year_actual")).otherwise(col("prior_year_budget")),
            "prior-year total (只减不增, 过紧日子)",
            Texts.text("“三公”经费合计", col("fiscal_year"), "年", totalChangeZh("决算", "actual", "prior_year_actual", rises),
                totalChangeZh("；预算", "budget", "prior_year_budget", budgetRises), baseYearZh(),
                "，违反“三公”经费只减不增要求"),
            Texts.text("The three-public total of ", col("fiscal_year"), ": ",
                totalChangeEn("actual", "actual", "prior_year_actual", rises),
                totalChangeEn("; budget", "budget", "prior_year_budget", budgetRises), baseYearEn(),
                " — breaking the rule that three-public spending only decreases"),
            when(rises, Fields.threePublic(ThreePublicSide.ACTUAL, ThreePublicCategory.TOTAL).pointer())
                .otherwise(Fields.threePublic(ThreePublicSide.BUDGET, ThreePublicCategory.TOTAL).pointer())),
        new FlagRule(THREE_PUBLIC_OVER_BUDGET, Severity.WARNING, FlagFamily.RULE, coalesce(col("is_over_budget"), lit(false)),
            col("actual"), col("budget"), "budget",
            Texts.text("“三公”经费", zh, "支出", actual, "万元，超过预算", Texts.figure(col("budget")), "万元"),
            Texts.text("Three-public ", en, " spending of ", actual, " 万元 exceeds its budget of ",
                Texts.figure(col("budget")), " 万元"),
            field));
  }

  /** The zero-base phrase disclosures print instead of a rate. */
  public static final String ZERO_BASE_ZH = "基数为0，不可比";
  public static final String ZERO_BASE_EN = "zero base, not comparable";

  /** 增长12.5% / 下降3% / 基数为0，不可比: the change of {@code now} over {@code base}. */
  static Column rateZh(Column now, Column base) {
    Column pct = changePct(now, base);
    return when(base.equalTo(0), lit(ZERO_BASE_ZH))
        .otherwise(Texts.text(when(now.geq(base), lit("增长")).otherwise(lit("下降")), Texts.figure(abs(pct)), "%"));
  }

  /** +12.5% / -3% / zero base, not comparable. */
  static Column rateEn(Column now, Column base) {
    Column pct = changePct(now, base);
    return when(base.equalTo(0), lit(ZERO_BASE_EN))
        .otherwise(Texts.text(when(now.geq(base), lit("+")).otherwise(lit("-")), Texts.figure(abs(pct)), "%"));
  }

  private static Column changePct(Column now, Column base) {
    return when(base.notEqual(0), now.minus(base).multiply(100).divide(base).cast("decimal(18,2)"));
  }

  /** 决算12万元，比上年10万元增加2万元（增长20%） when it rose, else 决算9万元（上年10万元）; empty without a figure. */
  private static Column totalChangeZh(String label, String now, String prior, Column rose) {
    Column n = col(now);
    Column p = col(prior);
    return when(rose, Texts.text(label, Texts.figure(n), "万元，比上年", Texts.figure(p), "万元增加",
            Texts.figure(n.minus(p)), "万元（", rateZh(n, p), "）"))
        .when(n.isNotNull(), Texts.text(label, Texts.figure(n), "万元（上年", Texts.figure(p), "万元）"))
        .otherwise(lit(""));
  }

  private static Column totalChangeEn(String label, String now, String prior, Column rose) {
    Column n = col(now);
    Column p = col(prior);
    return when(rose, Texts.text(label, " rose to ", Texts.figure(n), " 万元 from ", Texts.figure(p), " 万元 (+",
            Texts.figure(n.minus(p)), " 万元, ", rateEn(n, p), ")"))
        .when(n.isNotNull(), Texts.text(label, " ", Texts.figure(n), " 万元 (", Texts.figure(p), " 万元 the year before)"))
        .otherwise(lit(""));
  }

  /** ；比基年2019年决算30万元减少18万元（下降60%） / ；基年2019年无数据; empty for a year not after the base year. */
  private static Column baseYearZh() {
    Column a = col("actual");
    Column b = col("base_year_actual");
    return when(col("base_year").isNull(), lit(""))
        .when(b.isNull(), Texts.text("；基年", col("base_year"), "年无数据"))
        .otherwise(Texts.text("；比基年", col("base_year"), "年决算", Texts.figure(b), "万元",
            when(a.geq(b), lit("增加")).otherwise(lit("减少")), Texts.figure(abs(a.minus(b))), "万元（", rateZh(a, b), "）"));
  }

  private static Column baseYearEn() {
    Column a = col("actual");
    Column b = col("base_year_actual");
    return when(col("base_year").isNull(), lit(""))
        .when(b.isNull(), Texts.text("; no figures for the base year ", col("base_year")))
        .otherwise(Texts.text("; against the base year ", col("base_year"), "'s actual of ", Texts.figure(b), " 万元: ",
            rateEn(a, b)));
  }

  /** A value per three-public category, chosen by the row's subject (the category's key); null for another subject. */
  private static Column byCategory(Function<ThreePublicCategory, String> value) {
    Column c = null;
    for (ThreePublicCategory category : ThreePublicCategory.values()) {
      Column is = col("subject").equalTo(category.key());
      c = c == null ? when(is, lit(value.apply(category))) : c.when(is, lit(value.apply(category)));
    }
    return c;
  }

  /** The source pointer of the judged rate: the level's rate field, at the row's 1-based subject_seq. */
  static Column rateField() {
    return byLevel(ExecutionLevel::rateField);
  }

  /** The source pointer of the judged total score: the level's total-score field, at the row's 1-based subject_seq. */
  static Column totalScoreField() {
    return byLevel(ExecutionLevel::totalScoreField);
  }

  /** A field per execution level, chosen by the row's level, as its pointer; null for a level without the field. */
  private static Column byLevel(Function<ExecutionLevel, Field> field) {
    Column position = col("subject_seq").minus(1);
    Column c = null;
    for (ExecutionLevel level : ExecutionLevel.values()) {
      Field f = field.apply(level);
      if (f != null) {
        Column is = col("level").equalTo(level.key());
        Column pointer = f.lists() == 0 ? FieldColumns.pointer(f) : FieldColumns.pointer(f, position);
        c = c == null ? when(is, pointer) : c.when(is, pointer);
      }
    }
    return c;
  }

  /** "（表中所印分值）" or "（national模板分值）": where the execution weight came from. */
  private static Column weightFromZh() {
    return when(col("execution_weight_source").equalTo(lit(Execution.PRINTED)), lit("（表中所印分值）"))
        .when(col("execution_weight_source").isNotNull(),
            concat(lit("（"), regexp_replace(col("execution_weight_source"), "^template:", ""), lit("模板分值）")))
        .otherwise(lit(""));
  }

  /** " (printed)" or " (national template)". */
  private static Column weightFromEn() {
    return when(col("execution_weight_source").equalTo(lit(Execution.PRINTED)), lit(" (printed)"))
        .when(col("execution_weight_source").isNotNull(),
            concat(lit(" ("), regexp_replace(col("execution_weight_source"), "^template:", ""), lit(" template)")))
        .otherwise(lit(""));
  }
}
