package org.fiscalscope.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.TableName;

/**
 * The field catalogue: every column of the gold tables (and the silver columns a unit page shows) with its Chinese and
 * English label and the kind of figure it holds, declared once. The workbook's headers and number formats and the
 * pages' column heads derive from here; a test keeps it equal to the DDL in {@code schemas/tables/}.
 */
public final class FieldCatalogue {

  /** What a column holds, which decides how it is shown: number format, cell type, alignment. */
  public enum Kind {
    /** An amount in 万元: two decimals with thousands separators. */
    MONEY("#,##0.00"),
    /** A rate in percent as a number (84.08 means 84.08 %): one decimal and a % sign. */
    PERCENT("0.0\"%\""),
    /** A share as a fraction (0.25 means 25 %): one decimal in percent. */
    SHARE("0.0%"),
    /** A score or weight of a self-evaluation (out of 100): two decimals. */
    SCORE("0.00"),
    /** A whole count or position. */
    COUNT("0"),
    /** A fiscal year. */
    YEAR("0"),
    /** Any other number (a z-score, a judged value of mixed unit): two decimals. */
    NUMBER("0.00"),
    /** A calendar date. */
    DATE("yyyy-mm-dd"),
    /** Yes or no. */
    FLAG(null),
    /** Text: names, codes, explanations, ids. */
    TEXT(null);

    private final String excelFormat;

    Kind(String excelFormat) {
      this.excelFormat = excelFormat;
    }

    /** The spreadsheet number format of the kind; null for text and yes/no. */
    public String excelFormat() {
      return excelFormat;
    }

    public boolean isNumeric() {
      return excelFormat != null;
    }
  }

  /** One column: its name in the table, its labels and its kind. */
  public record Field(String name, String zh, String en, Kind kind) {
    /** Both labels, Chinese first, as a page's column head shows them. */
    public String label() {
      return zh + " " + en;
    }
  }

  // Columns several tables share, declared once.
  static final Field UNIT_ID = new Field("unit_id", "单位编码", "Unit ID", Kind.TEXT);
  static final Field FISCAL_YEAR = new Field("fiscal_year", "年度", "Fiscal year", Kind.YEAR);
  static final Field SUBJECT = new Field("subject", "对象", "Subject", Kind.TEXT);
  static final Field NOTE = new Field("note", "备注", "Note", Kind.TEXT);
  static final Field SOURCE_SHA256 = new Field("source_sha256", "来源文件 SHA-256", "Source file SHA-256", Kind.TEXT);
  static final Field RUN_ID = new Field("run_id", "运行编号", "Run ID", Kind.TEXT);
  static final Field BUDGET = new Field("budget", "预算数（万元）", "Budget (10k yuan)", Kind.MONEY);
  static final Field ACTUAL = new Field("actual", "决算数（万元）", "Actual (10k yuan)", Kind.MONEY);

  private static final Map<String, List<Field>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("gold.execution", List.of(
        UNIT_ID, FISCAL_YEAR,
        new Field("level", "层级", "Level (unit / function / project)", Kind.TEXT),
        new Field("subject", "对象", "Subject (unit, function code, project)", Kind.TEXT),
        new Field("subject_name", "名称", "Name", Kind.TEXT),
        BUDGET, ACTUAL,
        new Field("rate_reported_pct", "公开执行率", "Reported execution rate", Kind.PERCENT),
        new Field("rate_recomputed_pct", "重算执行率", "Recomputed execution rate", Kind.PERCENT),
        new Field("rate_difference_pct", "执行率差（公开−重算）", "Rate difference (reported − recomputed)", Kind.PERCENT),
        new Field("basis", "执行率口径", "Budget basis of the rate (initial / adjusted / adjusted_incl_carryover)",
            Kind.TEXT),
        new Field("budget_initial", "年初预算（万元）", "Initial budget (10k yuan)", Kind.MONEY),
        new Field("budget_adjusted", "全年预算（万元）", "Full-year budget (10k yuan)", Kind.MONEY),
        new Field("budget_carryover", "年初结转（万元）", "Carry-over funding the year (10k yuan)", Kind.MONEY),
        new Field("rate_initial_pct", "完成年初预算", "Execution of the initial budget", Kind.PERCENT),
        new Field("rate_adjusted_pct", "全年预算执行率", "Execution of the full-year budget", Kind.PERCENT),
        new Field("execution_weight", "执行率权重", "Execution weight", Kind.SCORE),
        new Field("execution_weight_source", "权重来源", "Weight from (printed / template)", Kind.TEXT),
        new Field("execution_score_reported", "公开执行率得分", "Reported execution score", Kind.SCORE),
        new Field("execution_score_recomputed", "重算执行率得分", "Recomputed execution score", Kind.SCORE),
        new Field("total_score_reported", "公开总分", "Reported total score", Kind.SCORE),
        new Field("total_score_recomputed", "重算总分", "Recomputed total score", Kind.SCORE),
        new Field("indicator_count", "指标数", "Indicators", Kind.COUNT),
        new Field("indicator_mismatch_count", "得分不符指标数", "Indicators scored against the rules", Kind.COUNT),
        NOTE,
        new Field("subject_seq", "文中序号", "Position in the document", Kind.COUNT),
        SOURCE_SHA256, RUN_ID));
    TABLES.put("gold.three_public_trend", List.of(
        UNIT_ID, FISCAL_YEAR,
        new Field("category", "三公类别", "Three-public category", Kind.TEXT),
        ACTUAL, BUDGET,
        new Field("prior_year_actual", "上年决算数（万元）", "Prior-year actual (10k yuan)", Kind.MONEY),
        new Field("yoy_change_amount", "同比增减额（万元）", "Change over prior year (10k yuan)", Kind.MONEY),
        new Field("yoy_change_pct", "同比增减率", "Change over prior year", Kind.PERCENT),
        new Field("first_year", "序列起始年度", "First year of the series", Kind.YEAR),
        new Field("years_in_series", "序列年数", "Years in the series", Kind.COUNT),
        new Field("cagr_pct", "年均复合增长率", "Compound annual growth", Kind.PERCENT),
        new Field("breaks_only_decrease_rule", "违反只减不增", "Breaks only-decrease rule", Kind.FLAG),
        new Field("is_over_budget", "超预算", "Over budget", Kind.FLAG),
        new Field("prior_year_budget", "上年预算数（万元）", "Prior-year budget (10k yuan)", Kind.MONEY),
        new Field("zero_base", "基数为0，不可比", "Zero base: not comparable", Kind.FLAG),
        new Field("budget_rises", "预算增加", "Budget rises", Kind.FLAG),
        new Field("base_year", "基期年度", "Base year", Kind.YEAR),
        new Field("base_year_actual", "基期决算数（万元）", "Base-year actual (10k yuan)", Kind.MONEY),
        new Field("base_year_budget", "基期预算数（万元）", "Base-year budget (10k yuan)", Kind.MONEY),
        new Field("base_year_change_pct", "较基期增减率", "Change over the base year", Kind.PERCENT),
        SOURCE_SHA256, RUN_ID));
    TABLES.put("gold.score_distribution", List.of(
        FISCAL_YEAR,
        new Field("peer_group", "同类组", "Peer group", Kind.TEXT),
        new Field("scope", "范围（项目/单位）", "Scope (project / unit)", Kind.TEXT),
        new Field("n", "评价数", "Evaluations", Kind.COUNT),
        new Field("mean", "平均分", "Mean", Kind.SCORE),
        new Field("stddev", "标准差", "Standard deviation", Kind.SCORE),
        new Field("min", "最低分", "Minimum", Kind.SCORE),
        new Field("p10", "第10百分位", "10th percentile", Kind.SCORE),
        new Field("p25", "第25百分位", "25th percentile", Kind.SCORE),
        new Field("median", "中位数", "Median", Kind.SCORE),
        new Field("p75", "第75百分位", "75th percentile", Kind.SCORE),
        new Field("p90", "第90百分位", "90th percentile", Kind.SCORE),
        new Field("max", "最高分", "Maximum", Kind.SCORE),
        new Field("bin_below_60", "60分以下", "Below 60", Kind.COUNT),
        new Field("bin_60_70", "60–70分", "60 to 70", Kind.COUNT),
        new Field("bin_70_80", "70–80分", "70 to 80", Kind.COUNT),
        new Field("bin_80_90", "80–90分", "80 to 90", Kind.COUNT),
        new Field("bin_90_95", "90–95分", "90 to 95", Kind.COUNT),
        new Field("bin_95_100", "95–100分（不含100）", "95 to below 100", Kind.COUNT),
        new Field("bin_100", "100分", "100", Kind.COUNT),
        new Field("perfect_share", "满分占比", "Share of perfect scores", Kind.SHARE),
        new Field("grade_excellent", "优（≥90）", "Excellent (90 and above)", Kind.COUNT),
        new Field("grade_good", "良（80–90）", "Good (80 to 90)", Kind.COUNT),
        new Field("grade_fair", "中（60–80）", "Fair (60 to 80)", Kind.COUNT),
        new Field("grade_poor", "差（<60）", "Poor (below 60)", Kind.COUNT),
        RUN_ID));
    TABLES.put("gold.credibility", List.of(
        UNIT_ID, FISCAL_YEAR,
        new Field("years_of_history", "历史年数", "Years of history", Kind.COUNT),
        new Field("outturn_pct", "总体执行率", "Aggregate outturn", Kind.PERCENT),
        new Field("outturn_pct_prior", "上年总体执行率", "Aggregate outturn, prior year", Kind.PERCENT),
        new Field("outturn_pct_prior2", "前年总体执行率", "Aggregate outturn, two years before", Kind.PERCENT),
        new Field("pi1_grade", "PI-1 等级", "PI-1 grade", Kind.TEXT),
        new Field("composition_variance_pct", "结构偏差率", "Composition variance", Kind.PERCENT),
        new Field("composition_variance_pct_prior", "上年结构偏差率", "Composition variance, prior year", Kind.PERCENT),
        new Field("composition_variance_pct_prior2", "前年结构偏差率", "Composition variance, two years before", Kind.PERCENT),
        new Field("pi2_grade", "PI-2 等级", "PI-2 grade", Kind.TEXT),
        new Field("outturn_adjusted_pct", "对调整预算执行率", "Outturn against the adjusted budget", Kind.PERCENT),
        new Field("pi1_adjusted_grade", "PI-1 等级（调整预算）", "PI-1 grade, adjusted budget", Kind.TEXT),
        new Field("composition_variance_adjusted_pct", "结构偏差率（调整预算）", "Composition variance, adjusted budget", Kind.PERCENT),
        new Field("pi2_adjusted_grade", "PI-2 等级（调整预算）", "PI-2 grade, adjusted budget", Kind.TEXT),
        new Field("carryover_funded", "结转资金安排的支出", "Outturn funded by carry-over", Kind.MONEY),
        new Field("outturn_excl_carryover_pct", "总体执行率（不含结转）", "Aggregate outturn excl. carry-over", Kind.PERCENT),
        new Field("outturn_excl_carryover_pct_prior", "上年总体执行率（不含结转）",
            "Aggregate outturn excl. carry-over, prior year", Kind.PERCENT),
        new Field("outturn_excl_carryover_pct_prior2", "前年总体执行率（不含结转）",
            "Aggregate outturn excl. carry-over, two years before", Kind.PERCENT),
        new Field("pi1_excl_carryover_grade", "PI-1 等级（不含结转）", "PI-1 grade excl. carry-over", Kind.TEXT),
        new Field("composition_level", "结构偏差口径（1类 2款 3项）", "Composition level (1 class, 2 segment, 3 item)",
            Kind.COUNT),
        new Field("pi2_1_grade", "PI-2.1 等级（功能分类）", "PI-2.1 grade (by function)", Kind.TEXT),
        new Field("pi2_2_grade", "PI-2.2 等级（经济分类）", "PI-2.2 grade (by economic class)", Kind.TEXT),
        new Field("overall_grade", "综合等级（PEFA式，单位层面）", "Overall grade (PEFA-style, unit level)", Kind.TEXT),
        new Field("overall_dimensions", "综合等级所含维度", "Dimensions of the overall grade", Kind.TEXT),
        NOTE, RUN_ID));
    List<Field> quality = new java.util.ArrayList<>(List.of(
        UNIT_ID, FISCAL_YEAR,
        new Field("unit_name", "单位名称", "Unit", Kind.TEXT),
        new Field("region", "地区", "District", Kind.TEXT),
        new Field("tables_present", "公开表（张，共9）", "Standard tables present (of 9)", Kind.COUNT),
        new Field("tables_missing", "缺少的公开表", "Standard tables missing", Kind.TEXT),
        new Field("sections_present", "必备说明（部分，共8）", "Required sections present (of 8)", Kind.COUNT),
        new Field("sections_missing", "缺少的说明部分", "Sections missing", Kind.TEXT),
        new Field("three_public_categories", "“三公”分项（类，共4）", "Three-public categories stated (of 4)", Kind.COUNT),
        new Field("has_three_public_reasons", "说明“三公”增减原因", "Reasons for three-public changes given", Kind.FLAG),
        new Field("projects_stated", "应公开项目自评（个）", "Projects stated as self-evaluated", Kind.COUNT),
        new Field("projects_published", "已公开项目自评表（张）", "Project self-evaluations published", Kind.COUNT),
        new Field("consistency_errors", "一致性错误", "Consistency errors", Kind.COUNT),
        new Field("consistency_warnings", "一致性警告", "Consistency warnings", Kind.COUNT),
        new Field("approved_on", "批复日期", "Approved on", Kind.DATE),
        new Field("published_on", "公开日期", "Published on", Kind.DATE),
        new Field("days_to_publish", "批复至公开天数", "Days from approval to publication", Kind.COUNT),
        new Field("is_late", "逾期公开", "Published late", Kind.FLAG)));
    for (org.fiscalscope.metrics.DisclosureCriterion c : org.fiscalscope.metrics.DisclosureCriterion.values()) {
      quality.add(new Field(c.column(), "得分：" + c.zh() + "（权重" + c.weight() + "）",
          "Score: " + c.en() + " (weight " + c.weight() + ")", Kind.SCORE));
    }
    quality.addAll(List.of(
        new Field("criteria_known", "可评标准数", "Criteria known (of 6)", Kind.COUNT),
        new Field("score", "公开质量得分", "Disclosure quality score", Kind.SCORE),
        new Field("missing", "缺失内容", "What is missing", Kind.TEXT),
        new Field("not_known", "无法评定的标准", "Criteria not known", Kind.TEXT),
        new Field("district_rank", "区内排名", "Rank in district", Kind.COUNT),
        new Field("district_units", "区内单位数", "Units ranked in district", Kind.COUNT),
        RUN_ID));
    TABLES.put("gold.disclosure_quality", List.copyOf(quality));
    TABLES.put("gold.per_capita", List.of(
        UNIT_ID, FISCAL_YEAR,
        new Field("staff_actual", "实有人数", "Actual headcount", Kind.COUNT),
        new Field("staff_authorised", "编制人数", "Authorised headcount", Kind.COUNT),
        new Field("basic_per_capita", "人均基本支出（万元）", "Basic expenditure per person", Kind.MONEY),
        new Field("public_per_capita", "人均公用经费（万元）", "Public expenses per person", Kind.MONEY),
        new Field("three_public_per_capita", "人均“三公”经费（万元）", "Three-public costs per person", Kind.MONEY),
        RUN_ID));
    TABLES.put("gold.flags", List.of(
        RUN_ID,
        new Field("rule", "规则", "Rule", Kind.TEXT),
        new Field("severity", "级别", "Severity", Kind.TEXT),
        new Field("family", "类型", "Family (rule / peer / multivariate)", Kind.TEXT),
        UNIT_ID, FISCAL_YEAR,
        new Field("level", "层级", "Level (unit / function / project / category)", Kind.TEXT),
        SUBJECT,
        new Field("value", "值", "Value", Kind.NUMBER),
        new Field("threshold", "判据", "Judged against", Kind.NUMBER),
        new Field("threshold_text", "判据说明", "How it was judged", Kind.TEXT),
        new Field("explanation_zh", "说明", "Explanation (Chinese)", Kind.TEXT),
        new Field("explanation_en", "说明（英文）", "Explanation (English)", Kind.TEXT),
        SOURCE_SHA256,
        new Field("source_field", "来源字段", "Source field", Kind.TEXT),
        new Field("source_file", "来源文件", "Source file", Kind.TEXT),
        new Field("source_page", "来源页码", "Source page", Kind.COUNT),
        new Field("source_line", "来源行号", "Source line", Kind.COUNT),
        new Field("source_text", "来源原文", "Source text", Kind.TEXT)));
  }

  /** The silver columns a unit page shows (functional lines, projects, findings). */
  static final Field FUNCTION_CODE = new Field("code", "科目编码", "Code", Kind.TEXT);
  static final Field FUNCTION_NAME = new Field("name", "科目名称", "Functional class", Kind.TEXT);
  static final Field BUDGET_INITIAL = new Field("budget_initial", "年初预算（万元）", "Initial budget (10k yuan)", Kind.MONEY);
  static final Field EXECUTION_RATE = new Field("execution_rate_pct", "执行率", "Execution rate", Kind.PERCENT);
  static final Field PROJECT_NAME = new Field("project_name", "项目名称", "Project", Kind.TEXT);
  static final Field PROJECT_BUDGET = new Field("budget", "预算数 A（万元）", "Budget A (10k yuan)", Kind.MONEY);
  static final Field PROJECT_ACTUAL = new Field("actual", "执行数 B（万元）", "Actual B (10k yuan)", Kind.MONEY);
  static final Field EXECUTION_SCORE = new Field("execution_score", "执行率得分", "Execution score", Kind.SCORE);
  static final Field TOTAL_SCORE = new Field("total_score", "总分", "Total score", Kind.SCORE);

  private FieldCatalogue() {}

  /** The declared columns of a gold table, in the order of its DDL. */
  /** The fields of a lake table's columns, in the order its DDL declares them. */
  public static List<Field> of(LakeTable table) {
    return of(table.tableName());
  }

  /** The field of a lake table's column, if the catalogue declares it. */
  public static Optional<Field> field(LakeTable table, String name) {
    return field(table.tableName(), name);
  }

  public static List<Field> of(TableName table) {
    List<Field> fields = TABLES.get(table.toString());
    if (fields == null) {
      throw new IllegalArgumentException("the field catalogue declares no columns for " + table
          + "; declare them in FieldCatalogue beside the table's DDL");
    }
    return fields;
  }

  /** A gold table's column by name, when declared. */
  public static Optional<Field> field(TableName table, String name) {
    return of(table).stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The tables the catalogue declares. */
  public static List<String> tables() {
    return List.copyOf(TABLES.keySet());
  }
}
