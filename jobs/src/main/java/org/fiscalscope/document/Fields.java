package org.fiscalscope.document;

import static org.fiscalscope.document.Measure.AMOUNT;
import static org.fiscalscope.document.Measure.CODE;
import static org.fiscalscope.document.Measure.COUNT;
import static org.fiscalscope.document.Measure.POSITION;
import static org.fiscalscope.document.Measure.PRINTED;
import static org.fiscalscope.document.Measure.RATE;
import static org.fiscalscope.document.Measure.SCORE;
import static org.fiscalscope.document.Measure.SIGNED_AMOUNT;
import static org.fiscalscope.document.Measure.SIGNED_RATE;
import static org.fiscalscope.document.Measure.TEXT;
import static org.fiscalscope.document.Measure.YEAR;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field catalogue: every value of the canonical document declared once, in document order — its place, measure,
 * category, silver column and labels. The Spark struct of the document, the silver tables' columns, the assembly of
 * documents from extracted figures, the dataset columns, the source pointers of flags and the labels of figures all
 * derive from it; {@code schemas/} declares the same fields for readers outside the code, and CatalogueTest keeps
 * the two in step.
 *
 * <p>Silver columns follow the document: a field of {@code /totals} lands in the silver.unit_year column of its key,
 * {@code /three_public/<side>/<category>} in {@code three_public_<side>_<category>}, {@code /procurement} and
 * {@code /assets} in {@code procurement_<key>} and {@code assets_<key>}, the unit evaluation in
 * {@code unit_eval_<key>}; a line, project, indicator, finding or source entry in the columns of its own table.
 */
public final class Fields {

  private static final List<Field> ALL = new ArrayList<>();

  private static final DocPath ROOT = DocPath.root();
  private static final DocPath UNIT = ROOT.key("unit");
  private static final DocPath SOURCE = ROOT.key("source");
  private static final DocPath TOTALS = ROOT.key("totals");
  private static final DocPath FUNCTION = ROOT.key("functions").item();
  private static final DocPath THREE_PUBLIC = ROOT.key("three_public");
  private static final DocPath PROCUREMENT = ROOT.key("procurement");
  private static final DocPath ASSETS = ROOT.key("assets");
  private static final DocPath PERFORMANCE = ROOT.key("performance");
  private static final DocPath UNIT_EVALUATION = PERFORMANCE.key("unit_evaluation");
  private static final DocPath UNIT_INDICATOR = UNIT_EVALUATION.key("indicators").item();
  private static final DocPath PROJECT = PERFORMANCE.key("projects").item();
  private static final DocPath PROJECT_INDICATOR = PROJECT.key("indicators").item();
  private static final DocPath FINDING = ROOT.key("findings").item();
  private static final DocPath PROVENANCE = ROOT.key("provenance").entry();
  private static final DocPath CONTENTS = ROOT.key("contents");

  // The document and its unit (the unit-year's key columns come from the bronze row, not from here)
  public static final Field SCHEMA_VERSION = field(ROOT.key("schema_version"), PRINTED, Category.DOCUMENT, null, null,
      "版本", "schema version");
  public static final Field FISCAL_YEAR = field(ROOT.key("fiscal_year"), YEAR, Category.IDENTITY, null, null,
      "决算年度", "fiscal year");
  public static final Field AMOUNT_UNIT = field(ROOT.key("amount_unit"), TEXT, Category.DOCUMENT, null, null,
      "金额单位", "amount unit");
  public static final Field UNIT_CODE = unit("code", "unit_code", "单位代码", "unit code");
  public static final Field UNIT_NAME = unit("name", "unit_name", "单位名称", "unit name");
  public static final Field UNIT_REGION = unit("region", "region", "地区", "region");
  public static final Field UNIT_KIND = unit("kind", "unit_kind", "单位性质", "unit kind");
  public static final Field UNIT_PARENT_NAME = unit("parent_name", "parent_name", "主管部门", "parent department");

  // Where the document came from
  public static final Field SOURCE_KIND = field(SOURCE.key("kind"), TEXT, Category.SOURCE, SilverTable.UNIT_YEAR,
      "source_kind", "来源类型", "source kind");
  public static final Field SOURCE_FILE = field(SOURCE.key("file"), TEXT, Category.SOURCE, SilverTable.UNIT_YEAR,
      "source_file", "来源文件", "source file");
  public static final Field SOURCE_SHA256 = field(SOURCE.key("sha256"), TEXT, Category.SOURCE, null, null,
      "来源文件键", "source key");

  // 收入支出决算总体情况 and the whole unit's budget execution
  public static final Field INCOME_TOTAL = totals("income_total", AMOUNT, "收入总计", "total income");
  public static final Field EXPENDITURE_TOTAL = totals("expenditure_total", AMOUNT, "支出总计", "total expenditure");
  public static final Field INCOME_THIS_YEAR = totals("income_this_year", AMOUNT, "本年收入合计", "income of the year");
  public static final Field EXPENDITURE_THIS_YEAR = totals("expenditure_this_year", AMOUNT, "本年支出合计",
      "expenditure of the year");
  public static final Field CARRYOVER_BEGIN = totals("carryover_begin", AMOUNT, "年初结转和结余",
      "carry-over at the start of the year");
  public static final Field CARRYOVER_END = totals("carryover_end", AMOUNT, "年末结转和结余",
      "carry-over at the end of the year");
  public static final Field FISCAL_APPROPRIATION_INCOME = totals("fiscal_appropriation_income", AMOUNT, "财政拨款收入",
      "fiscal appropriation income");
  public static final Field GENERAL_BUDGET_APPROPRIATION = totals("general_budget_appropriation", AMOUNT,
      "一般公共预算财政拨款", "general-budget appropriation");
  public static final Field GOV_FUND_APPROPRIATION = totals("gov_fund_appropriation", AMOUNT, "政府性基金预算财政拨款",
      "government-fund appropriation");
  public static final Field SOE_CAPITAL_APPROPRIATION = totals("soe_capital_appropriation", AMOUNT,
      "国有资本经营预算财政拨款", "state-capital appropriation");
  public static final Field BASIC_EXPENDITURE = totals("basic_expenditure", AMOUNT, "基本支出", "basic expenditure");
  public static final Field PROJECT_EXPENDITURE = totals("project_expenditure", AMOUNT, "项目支出", "project expenditure");
  public static final Field PERSONNEL_EXPENSE = totals("personnel_expense", AMOUNT, "人员经费", "personnel expense");
  public static final Field PUBLIC_EXPENSE = totals("public_expense", AMOUNT, "公用经费", "public expense");
  public static final Field BUDGET_INITIAL = totals("budget_initial", AMOUNT, "年初预算", "initial budget");
  public static final Field ACTUAL_FINAL = totals("actual_final", AMOUNT, "支出决算", "actual expenditure");
  public static final Field EXECUTION_RATE_PCT = totals("execution_rate_pct", RATE, "完成年初预算的百分比",
      "execution rate (%)");
  public static final Field PRIOR_YEAR_TOTAL = totals("prior_year_total", AMOUNT, "上年决算数", "prior-year total");
  public static final Field YOY_CHANGE_AMOUNT = totals("yoy_change_amount", SIGNED_AMOUNT, "比上年增减",
      "change over the prior year");
  public static final Field YOY_CHANGE_PCT = totals("yoy_change_pct", SIGNED_RATE, "比上年增减（%）",
      "change over the prior year (%)");
  // 人员情况: headcounts as the unit's overview states them (编制人数X人，实有人数Y人，其中在职Z人)
  public static final Field STAFF_AUTHORISED = totals("staff_authorised", COUNT, "编制人数", "authorised staff");
  public static final Field STAFF_ACTUAL = totals("staff_actual", COUNT, "实有人数", "actual staff");
  public static final Field STAFF_IN_SERVICE = totals("staff_in_service", COUNT, "在职人数", "staff in service");

  // 支出功能分类: one line per 类 (3 digits), 款 (5) or 项 (7)
  public static final Field FUNCTION_CODE = line("code", CODE, "科目编码", "classification code");
  public static final Field FUNCTION_NAME = line("name", TEXT, "科目名称", "line name");
  public static final Field FUNCTION_BUDGET_INITIAL = line("budget_initial", AMOUNT, "年初预算", "initial budget");
  public static final Field FUNCTION_ACTUAL = line("actual", AMOUNT, "支出决算", "actual");
  public static final Field FUNCTION_EXECUTION_RATE_PCT = line("execution_rate_pct", RATE, "完成年初预算的百分比",
      "execution rate (%)");
  public static final Field FUNCTION_SHARE_PCT = line("share_pct", RATE, "占本年支出的百分比", "share of expenditure (%)");

  // 三公经费: budget and actual per category, then the counts
  public static final Field THREE_PUBLIC_BUDGET_OUTBOUND_TRAVEL =
      threePublicAmount(ThreePublicSide.BUDGET, ThreePublicCategory.OUTBOUND_TRAVEL);
  public static final Field THREE_PUBLIC_BUDGET_VEHICLE_PURCHASE =
      threePublicAmount(ThreePublicSide.BUDGET, ThreePublicCategory.VEHICLE_PURCHASE);
  public static final Field THREE_PUBLIC_BUDGET_VEHICLE_OPERATION =
      threePublicAmount(ThreePublicSide.BUDGET, ThreePublicCategory.VEHICLE_OPERATION);
  public static final Field THREE_PUBLIC_BUDGET_RECEPTION =
      threePublicAmount(ThreePublicSide.BUDGET, ThreePublicCategory.RECEPTION);
  public static final Field THREE_PUBLIC_BUDGET_TOTAL = threePublicAmount(ThreePublicSide.BUDGET, ThreePublicCategory.TOTAL);
  public static final Field THREE_PUBLIC_ACTUAL_OUTBOUND_TRAVEL =
      threePublicAmount(ThreePublicSide.ACTUAL, ThreePublicCategory.OUTBOUND_TRAVEL);
  public static final Field THREE_PUBLIC_ACTUAL_VEHICLE_PURCHASE =
      threePublicAmount(ThreePublicSide.ACTUAL, ThreePublicCategory.VEHICLE_PURCHASE);
  public static final Field THREE_PUBLIC_ACTUAL_VEHICLE_OPERATION =
      threePublicAmount(ThreePublicSide.ACTUAL, ThreePublicCategory.VEHICLE_OPERATION);
  public static final Field THREE_PUBLIC_ACTUAL_RECEPTION =
      threePublicAmount(ThreePublicSide.ACTUAL, ThreePublicCategory.RECEPTION);
  public static final Field THREE_PUBLIC_ACTUAL_TOTAL = threePublicAmount(ThreePublicSide.ACTUAL, ThreePublicCategory.TOTAL);
  public static final Field OUTBOUND_GROUPS = threePublicCount("outbound_groups", "出国（境）团组数", "outbound groups");
  public static final Field OUTBOUND_PERSONS = threePublicCount("outbound_persons", "出国（境）人次", "outbound persons");
  public static final Field VEHICLES_PURCHASED = threePublicCount("vehicles_purchased", "购置公务用车辆数",
      "vehicles purchased");
  public static final Field VEHICLES_HELD = threePublicCount("vehicles_held", "公务用车保有量", "vehicles held");
  public static final Field RECEPTION_BATCHES = threePublicCount("reception_batches", "公务接待批次", "reception batches");
  public static final Field RECEPTION_PERSONS = threePublicCount("reception_persons", "公务接待人次", "reception persons");

  // 机关运行经费, 政府采购, 国有资产占用
  public static final Field OPERATING_COSTS = field(ROOT.key("operating_costs"), AMOUNT, Category.OPERATING_COSTS,
      SilverTable.UNIT_YEAR, "operating_costs", "机关运行经费", "operating costs");
  public static final Field PROCUREMENT_TOTAL = procurement("total", "政府采购支出总额", "procurement total");
  public static final Field PROCUREMENT_GOODS = procurement("goods", "政府采购货物支出", "procurement of goods");
  public static final Field PROCUREMENT_WORKS = procurement("works", "政府采购工程支出", "procurement of works");
  public static final Field PROCUREMENT_SERVICES = procurement("services", "政府采购服务支出", "procurement of services");
  public static final Field PROCUREMENT_SME_AWARDED = procurement("sme_awarded", "授予中小企业合同金额",
      "awarded to small and medium enterprises");
  public static final Field PROCUREMENT_SMALL_MICRO_AWARDED = procurement("small_micro_awarded", "授予小微企业合同金额",
      "awarded to small and micro enterprises");
  public static final Field ASSETS_VEHICLES = field(ASSETS.key("vehicles"), COUNT, Category.ASSETS,
      SilverTable.UNIT_YEAR, "assets_vehicles", "车辆数", "vehicles");
  public static final Field ASSETS_EQUIPMENT_OVER_1M = field(ASSETS.key("equipment_over_1m"), COUNT, Category.ASSETS,
      SilverTable.UNIT_YEAR, "assets_equipment_over_1m", "单价100万元以上设备数", "equipment items of 1M yuan or more");

  // 部门整体绩效自评: the unit-level self-evaluation table and its indicators
  public static final Field UNIT_EVAL_NAME = unitEvaluation("name", TEXT, null, "名称", "name");
  public static final Field UNIT_EVAL_CATEGORY = unitEvaluation("category", TEXT, null, "类别", "category");
  public static final Field UNIT_EVAL_BUDGET = unitEvaluation("budget", AMOUNT, "unit_eval_budget", "预算数", "budget");
  public static final Field UNIT_EVAL_ACTUAL = unitEvaluation("actual", AMOUNT, "unit_eval_actual", "执行数", "actual");
  public static final Field UNIT_EVAL_EXECUTION_RATE_PCT = unitEvaluation("execution_rate_pct", RATE,
      "unit_eval_execution_rate_pct", "执行率", "execution rate (%)");
  public static final Field UNIT_EVAL_EXECUTION_SCORE = unitEvaluation("execution_score", SCORE,
      "unit_eval_execution_score", "执行率得分", "execution score");
  public static final Field UNIT_EVAL_TOTAL_SCORE = unitEvaluation("total_score", SCORE, "unit_eval_total_score", "总分",
      "total score");
  /** The weight (points of 100) the table prints for 预算执行率: （25分）, a 分值 column; absent when it prints none. */
  public static final Field UNIT_EVAL_EXECUTION_WEIGHT = unitEvaluation("execution_weight", SCORE,
      "unit_eval_execution_weight", "执行率分值", "execution weight");
  public static final Field UNIT_INDICATOR_LEVEL1 = indicator(UNIT_INDICATOR, "level1", TEXT, "level1", "一级指标",
      "level-1 indicator");
  public static final Field UNIT_INDICATOR_LEVEL2 = indicator(UNIT_INDICATOR, "level2", TEXT, "level2", "二级指标",
      "level-2 indicator");
  public static final Field UNIT_INDICATOR_NAME = indicator(UNIT_INDICATOR, "name", TEXT, "name", "三级指标", "indicator");
  public static final Field UNIT_INDICATOR_TARGET = indicator(UNIT_INDICATOR, "target", PRINTED, "target_text",
      "年初目标值", "target");
  public static final Field UNIT_INDICATOR_ACTUAL = indicator(UNIT_INDICATOR, "actual", PRINTED, "actual_text",
      "实际完成值", "actual");
  public static final Field UNIT_INDICATOR_WEIGHT = indicator(UNIT_INDICATOR, "weight", SCORE, "weight", "分值", "weight");
  public static final Field UNIT_INDICATOR_SCORE = indicator(UNIT_INDICATOR, "score", SCORE, "score", "得分", "score");

  // 项目支出绩效自评: one table per project and its indicators
  public static final Field PROJECT_NAME = project("name", TEXT, "project_name", "项目名称", "project name");
  public static final Field PROJECT_CATEGORY = project("category", TEXT, "category", "项目类别", "project category");
  public static final Field PROJECT_BUDGET = project("budget", AMOUNT, "budget", "预算数", "budget");
  public static final Field PROJECT_ACTUAL = project("actual", AMOUNT, "actual", "执行数", "actual");
  public static final Field PROJECT_EXECUTION_RATE_PCT = project("execution_rate_pct", RATE, "execution_rate_pct",
      "执行率", "execution rate (%)");
  public static final Field PROJECT_EXECUTION_SCORE = project("execution_score", SCORE, "execution_score", "执行率得分",
      "execution score");
  public static final Field PROJECT_TOTAL_SCORE = project("total_score", SCORE, "total_score", "总分", "total score");
  /** The weight (points of 100) the table prints for 预算执行率: （20分）, a 分值 column; absent when it prints none. */
  public static final Field PROJECT_EXECUTION_WEIGHT = project("execution_weight", SCORE, "execution_weight", "执行率分值",
      "execution weight");
  public static final Field PROJECT_INDICATOR_LEVEL1 = indicator(PROJECT_INDICATOR, "level1", TEXT, "level1", "一级指标",
      "level-1 indicator");
  public static final Field PROJECT_INDICATOR_LEVEL2 = indicator(PROJECT_INDICATOR, "level2", TEXT, "level2", "二级指标",
      "level-2 indicator");
  public static final Field PROJECT_INDICATOR_NAME = indicator(PROJECT_INDICATOR, "name", TEXT, "name", "三级指标",
      "indicator");
  public static final Field PROJECT_INDICATOR_TARGET = indicator(PROJECT_INDICATOR, "target", PRINTED, "target_text",
      "年初目标值", "target");
  public static final Field PROJECT_INDICATOR_ACTUAL = indicator(PROJECT_INDICATOR, "actual", PRINTED, "actual_text",
      "实际完成值", "actual");
  public static final Field PROJECT_INDICATOR_WEIGHT = indicator(PROJECT_INDICATOR, "weight", SCORE, "weight", "分值",
      "weight");
  public static final Field PROJECT_INDICATOR_SCORE = indicator(PROJECT_INDICATOR, "score", SCORE, "score", "得分",
      "score");

  // Budget phases: 年初预算 (initial), 全年/调整后预算 (full-year, adjusted), 年初结转 (carry-over from earlier years
  // funding the year's spending) beside 决算 (actual) — at unit, functional-line and self-evaluation level, each only
  // where the source states it. A self-evaluation table's 预算数 (budget above) is its full-year budget.
  public static final Field BUDGET_ADJUSTED = totals("budget_adjusted", AMOUNT, "全年预算", "full-year (adjusted) budget");
  public static final Field BUDGET_CARRYOVER = totals("budget_carryover", AMOUNT, "年初结转",
      "carry-over funding the year");
  public static final Field FUNCTION_BUDGET_ADJUSTED = line("budget_adjusted", AMOUNT, "全年预算",
      "full-year (adjusted) budget");
  public static final Field FUNCTION_BUDGET_CARRYOVER = line("budget_carryover", AMOUNT, "年初结转",
      "carry-over funding the year");
  public static final Field UNIT_EVAL_BUDGET_INITIAL = unitEvaluation("budget_initial", AMOUNT,
      "unit_eval_budget_initial", "年初预算数", "initial budget");
  public static final Field UNIT_EVAL_BUDGET_CARRYOVER = unitEvaluation("budget_carryover", AMOUNT,
      "unit_eval_budget_carryover", "上年结转资金", "carry-over funding the year");
  public static final Field PROJECT_BUDGET_INITIAL = project("budget_initial", AMOUNT, "budget_initial", "年初预算数",
      "initial budget");
  public static final Field PROJECT_BUDGET_CARRYOVER = project("budget_carryover", AMOUNT, "budget_carryover",
      "上年结转资金", "carry-over funding the year");

  // Consistency findings raised while reading, and where each figure came from
  public static final Field FINDING_RULE = finding("rule", "规则", "rule");
  public static final Field FINDING_SEVERITY = finding("severity", "严重程度", "severity");
  public static final Field FINDING_MESSAGE = finding("message", "说明", "message");
  public static final Field FINDING_MESSAGE_EN = finding("message_en", "英文说明", "message in English");
  public static final Field FINDING_EVIDENCE = finding("evidence", "依据", "evidence");
  public static final Field PROVENANCE_PAGE = provenance("page", POSITION, "page", "页", "page");
  public static final Field PROVENANCE_LINE = provenance("line", POSITION, "line", "行", "line");
  public static final Field PROVENANCE_TEXT = provenance("text", TEXT, "text", "原文", "source text");
  public static final Field PROVENANCE_FILE = provenance("file", TEXT, "source_file", "文件", "file");
  public static final Field PROVENANCE_SHA256 = provenance("sha256", TEXT, "source_sha256", "文件键", "file key");

  // What the disclosure contains besides its figures (silver.unit_year's contents, approved_on and published_on are
  // computed from these by ingest: an array of part ids and two dates)
  public static final Field CONTENTS_PART = field(CONTENTS.key("parts").item(), TEXT, Category.CONTENTS, null, null,
      "公开内容", "disclosure part");
  public static final Field CONTENTS_PROJECTS_STATED = field(CONTENTS.key("projects_stated"), COUNT, Category.CONTENTS,
      SilverTable.UNIT_YEAR, "projects_stated", "所述自评项目数", "projects stated as self-evaluated");
  public static final Field CONTENTS_APPROVED_ON = field(CONTENTS.key("approved_on"), TEXT, Category.CONTENTS, null,
      null, "批复日期", "approved on");
  public static final Field CONTENTS_PUBLISHED_ON = field(CONTENTS.key("published_on"), TEXT, Category.CONTENTS, null,
      null, "公开日期", "published on");

  private static final List<Field> FIELDS = Collections.unmodifiableList(ALL);
  private static final Map<String, Field> BY_PATTERN = new HashMap<>();
  private static final Field[] THREE_PUBLIC_AMOUNTS =
      new Field[ThreePublicSide.values().length * ThreePublicCategory.values().length];
  /** Per ordinal: the unit evaluation's field for a project's, and the reverse; null where there is none. */
  private static final Field[] IN_UNIT_EVALUATION = new Field[ALL.size()];
  private static final Field[] IN_PROJECT = new Field[ALL.size()];

  static {
    for (java.lang.reflect.Field constant : Fields.class.getDeclaredFields()) {
      if (constant.getType() == Field.class && Modifier.isPublic(constant.getModifiers())) {
        try {
          ((Field) constant.get(null)).named(constant.getName());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    for (Field f : ALL) {
      if (BY_PATTERN.put(f.path().pattern(), f) != null) {
        throw new IllegalStateException("the catalogue declares " + f.path() + " twice");
      }
    }
    for (ThreePublicSide side : ThreePublicSide.values()) {
      for (ThreePublicCategory c : ThreePublicCategory.values()) {
        THREE_PUBLIC_AMOUNTS[side.ordinal() * ThreePublicCategory.values().length + c.ordinal()] =
            BY_PATTERN.get(THREE_PUBLIC.key(side.key()).key(c.key()).pattern());
      }
    }
    String projectPrefix = PROJECT.pattern();
    String unitPrefix = UNIT_EVALUATION.pattern();
    for (Field f : ALL) {
      String p = f.path().pattern();
      if (p.startsWith(projectPrefix + "/")) {
        Field twin = BY_PATTERN.get(unitPrefix + p.substring(projectPrefix.length()));
        if (twin != null) {
          IN_UNIT_EVALUATION[f.ordinal()] = twin;
          IN_PROJECT[twin.ordinal()] = f;
        }
      }
    }
  }

  private Fields() {}

  /** Every field, in document order. */
  public static List<Field> all() {
    return FIELDS;
  }

  /** The field at a pattern such as {@code /functions/*}{@code /actual}, or null. */
  public static Field ofPattern(String pattern) {
    return BY_PATTERN.get(pattern);
  }

  /**
   * The field and positions of a JSON pointer such as {@code /performance/projects/3/budget}; null when the pointer
   * names no field of the catalogue (a whole part, a list, or a key the document does not have).
   */
  public static FieldAt at(String pointer) {
    if (pointer == null || !pointer.startsWith("/")) {
      return null;
    }
    String[] steps = pointer.substring(1).split("/", -1);
    StringBuilder pattern = new StringBuilder();
    int[] positions = {-1, -1};
    int n = 0;
    for (String step : steps) {
      if (!step.isEmpty() && step.chars().allMatch(Character::isDigit)) {
        if (n == 2 || step.length() > 9) {
          return null;
        }
        positions[n++] = Integer.parseInt(step);
        pattern.append("/*");
      } else {
        pattern.append('/').append(step);
      }
    }
    Field f = BY_PATTERN.get(pattern.toString());
    return f == null || f.lists() != n || f.path().pattern().startsWith(PROVENANCE.parent().pattern())
        ? null : new FieldAt(f, positions[0], positions[1]);
  }

  /** The fields a silver table takes from the document, in catalogue order. */
  public static List<Field> inSilver(SilverTable table) {
    return ALL.stream().filter(f -> f.silver() != null && f.silver().table() == table).toList();
  }

  /** The three-public amount of one side and category: {@code /three_public/actual/reception}. */
  public static Field threePublic(ThreePublicSide side, ThreePublicCategory category) {
    return THREE_PUBLIC_AMOUNTS[side.ordinal() * ThreePublicCategory.values().length + category.ordinal()];
  }

  /**
   * The unit evaluation's counterpart of a project field ({@link #PROJECT_BUDGET} → {@link #UNIT_EVAL_BUDGET},
   * {@link #PROJECT_INDICATOR_SCORE} → {@link #UNIT_INDICATOR_SCORE}): the unit-level table has the project table's
   * layout. Null for a field with no counterpart.
   */
  public static Field inUnitEvaluation(Field projectField) {
    return IN_UNIT_EVALUATION[projectField.ordinal()];
  }

  /** The project's counterpart of a unit evaluation field (the reverse of {@link #inUnitEvaluation}), or null. */
  public static Field inProject(Field unitEvaluationField) {
    return IN_PROJECT[unitEvaluationField.ordinal()];
  }

  /** The object or list item the fields of a category lie in: {@code /totals}, {@code /functions/*}. */
  public static DocPath partOf(Category category) {
    return switch (category) {
      case DOCUMENT, IDENTITY -> ROOT;
      case SOURCE -> SOURCE;
      case TOTALS -> TOTALS;
      case FUNCTIONAL_LINE -> FUNCTION;
      case THREE_PUBLIC -> THREE_PUBLIC;
      case OPERATING_COSTS -> OPERATING_COSTS.path();
      case PROCUREMENT -> PROCUREMENT;
      case ASSETS -> ASSETS;
      case UNIT_EVALUATION -> UNIT_EVALUATION;
      case PROJECT -> PROJECT;
      case INDICATOR -> PERFORMANCE;
      case FINDING -> FINDING;
      case PROVENANCE -> PROVENANCE;
      case CONTENTS -> CONTENTS;
    };
  }

  private static Field field(DocPath path, Measure measure, Category category, SilverTable table, String column,
      String zh, String en) {
    Field f = new Field(ALL.size(), path, measure, category,
        table == null ? null : new Field.SilverColumn(table, column), zh, en);
    ALL.add(f);
    return f;
  }

  private static Field unit(String key, String column, String zh, String en) {
    return field(UNIT.key(key), TEXT, Category.IDENTITY, SilverTable.UNIT_YEAR, column, zh, en);
  }

  private static Field totals(String key, Measure measure, String zh, String en) {
    return field(TOTALS.key(key), measure, Category.TOTALS, SilverTable.UNIT_YEAR, key, zh, en);
  }

  private static Field line(String key, Measure measure, String zh, String en) {
    return field(FUNCTION.key(key), measure, Category.FUNCTIONAL_LINE, SilverTable.FUNCTION_LINE, key, zh, en);
  }

  private static Field threePublicAmount(ThreePublicSide side, ThreePublicCategory category) {
    String zh = (category == ThreePublicCategory.TOTAL ? "“三公”经费合计" : category.zh()) + side.zh();
    return field(THREE_PUBLIC.key(side.key()).key(category.key()), AMOUNT, Category.THREE_PUBLIC,
        SilverTable.UNIT_YEAR, "three_public_" + side.key() + "_" + category.key(), zh,
        "three-public " + category.en() + " " + side.key());
  }

  private static Field threePublicCount(String key, String zh, String en) {
    return field(THREE_PUBLIC.key(key), COUNT, Category.THREE_PUBLIC, SilverTable.UNIT_YEAR, key, zh, en);
  }

  private static Field procurement(String key, String zh, String en) {
    return field(PROCUREMENT.key(key), AMOUNT, Category.PROCUREMENT, SilverTable.UNIT_YEAR, "procurement_" + key, zh, en);
  }

  private static Field unitEvaluation(String key, Measure measure, String column, String zh, String en) {
    return field(UNIT_EVALUATION.key(key), measure, Category.UNIT_EVALUATION,
        column == null ? null : SilverTable.UNIT_YEAR, column, "部门整体绩效自评" + zh, "unit evaluation " + en);
  }

  private static Field project(String key, Measure measure, String column, String zh, String en) {
    return field(PROJECT.key(key), measure, Category.PROJECT, SilverTable.PROJECT, column, zh, en);
  }

  private static Field indicator(DocPath indicator, String key, Measure measure, String column, String zh, String en) {
    return field(indicator.key(key), measure, Category.INDICATOR, SilverTable.INDICATOR, column, zh, en);
  }

  private static Field finding(String key, String zh, String en) {
    return field(FINDING.key(key), TEXT, Category.FINDING, SilverTable.FINDING, key, zh, en);
  }

  private static Field provenance(String key, Measure measure, String column, String zh, String en) {
    return field(PROVENANCE.key(key), measure, Category.PROVENANCE, SilverTable.PROVENANCE, column, zh, en);
  }
}
