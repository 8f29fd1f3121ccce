package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.fiscalscope.lake.TableName;
import org.fiscalscope.lake.Tables;

/**
 * Canonical documents → the silver tables. Pure transformations over a frame of accepted documents with columns
 * {@code sha256, unit_id, fiscal_year, canonical_json, run_id}; no I/O, so tests feed it in-memory rows.
 */
public final class Normaliser {

  private static final String[] TP_CATEGORIES = {"outbound_travel", "vehicle_purchase", "vehicle_operation", "reception", "total"};
  private static final String[] TP_COUNTS = {"outbound_groups", "outbound_persons", "vehicles_purchased", "vehicles_held",
      "reception_batches", "reception_persons"};
  private static final String[] PROCUREMENT = {"total", "goods", "works", "services", "sme_awarded", "small_micro_awarded"};
  private static final String[] EVALUATION = {"budget", "actual", "execution_rate_pct", "execution_score", "total_score"};

  private Normaliser() {}

  /** Every silver table's rows for the given documents, in the declared column order. */
  public static Map<TableName, Dataset<Row>> silver(Dataset<Row> documents) {
    return silver(documents, null);
  }

  /**
   * Like {@link #silver(Dataset)}, with the unit registry (see {@link UnitRegistry}) filling the region, kind and
   * parent a document does not state.
   */
  public static Map<TableName, Dataset<Row>> silver(Dataset<Row> documents, Dataset<Row> registry) {
    return silverOfParsed(parse(documents), registry);
  }

  /** Like {@link #silver(Dataset, Dataset)}, over documents already {@link #parse parsed} (so a caller can cache them). */
  public static Map<TableName, Dataset<Row>> silverOfParsed(Dataset<Row> parsed, Dataset<Row> registry) {
    Map<TableName, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(Tables.SILVER_UNIT_YEAR, registry == null ? unitYear(parsed) : UnitRegistry.fill(unitYear(parsed), registry));
    out.put(Tables.SILVER_FUNCTION_LINE, functionLines(parsed));
    out.put(Tables.SILVER_PROJECT, projects(parsed));
    out.put(Tables.SILVER_INDICATOR, indicators(parsed));
    out.put(Tables.SILVER_FINDING, findings(parsed));
    out.put(Tables.SILVER_PROVENANCE, provenance(parsed));
    return out;
  }

  /** Adds {@code doc}, the canonical JSON parsed with the document's Spark schema. */
  public static Dataset<Row> parse(Dataset<Row> documents) {
    return documents.select(col("sha256"), col("unit_id"), col("fiscal_year"), col("run_id"),
        from_json(col("canonical_json"), DocumentStruct.schema()).as("doc"));
  }

  public static Dataset<Row> unitYear(Dataset<Row> parsed) {
    List<Column> cols = new ArrayList<>(List.of(col("unit_id"), col("fiscal_year"),
        col("doc.unit.code").as("unit_code"), col("doc.unit.name").as("unit_name"),
        col("doc.unit.region").as("region"), col("doc.unit.kind").as("unit_kind"),
        col("doc.unit.parent_name").as("parent_name")));
    for (String t : new String[] {"income_total", "expenditure_total", "income_this_year", "expenditure_this_year",
        "carryover_begin", "carryover_end", "fiscal_appropriation_income", "general_budget_appropriation",
        "gov_fund_appropriation", "soe_capital_appropriation", "basic_expenditure", "project_expenditure",
        "personnel_expense", "public_expense", "budget_initial", "actual_final", "execution_rate_pct",
        "prior_year_total", "yoy_change_amount", "yoy_change_pct"}) {
      cols.add(col("doc.totals." + t).as(t));
    }
    for (String side : new String[] {"budget", "actual"}) {
      for (String c : TP_CATEGORIES) {
        cols.add(col("doc.three_public." + side + "." + c).as("three_public_" + side + "_" + c));
      }
    }
    for (String c : TP_COUNTS) {
      cols.add(col("doc.three_public." + c).as(c));
    }
    cols.add(col("doc.operating_costs").as("operating_costs"));
    for (String p : PROCUREMENT) {
      cols.add(col("doc.procurement." + p).as("procurement_" + p));
    }
    cols.add(col("doc.assets.vehicles").as("assets_vehicles"));
    cols.add(col("doc.assets.equipment_over_1m").as("assets_equipment_over_1m"));
    for (String e : EVALUATION) {
      cols.add(col("doc.performance.unit_evaluation." + e).as("unit_eval_" + e));
    }
    cols.add(col("doc.contents.parts").as("contents"));
    cols.add(col("doc.contents.projects_stated").as("projects_stated"));
    cols.add(try_to_date(col("doc.contents.approved_on"), "yyyy-MM-dd").as("approved_on"));
    cols.add(try_to_date(col("doc.contents.published_on"), "yyyy-MM-dd").as("published_on"));
    cols.add(col("doc.source.kind").as("source_kind"));
    cols.add(col("doc.source.file").as("source_file"));
    cols.add(col("sha256").as("source_sha256"));
    cols.add(col("run_id"));
    return parsed.select(cols.toArray(Column[]::new));
  }

  public static Dataset<Row> functionLines(Dataset<Row> parsed) {
    Dataset<Row> lines = parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
        posexplode(col("doc.functions")).as(new String[] {"pos", "f"}));
    Column code = trim(col("f.code"));
    Column key = when(code.isNull().or(code.equalTo("")), concat(lit("name:"), coalesce(trim(col("f.name")), lit(""))))
        .otherwise(code);
    Dataset<Row> keyed = lines.withColumn("code", key);
    return unique(keyed, "code").select(
        col("unit_id"), col("fiscal_year"), col("code"), col("f.name").as("name"),
        when(length(code).equalTo(3), lit(1)).when(length(code).equalTo(5), lit(2))
            .when(length(code).equalTo(7), lit(3)).as("level"),
        when(code.rlike("^[0-9]{3}"), substring(code, 1, 3)).as("class_code"),
        col("f.budget_initial").as("budget_initial"), col("f.actual").as("actual"),
        col("f.execution_rate_pct").as("execution_rate_pct"), col("f.share_pct").as("share_pct"),
        col("pos").plus(1).as("line_seq"), col("sha256").as("source_sha256"), col("run_id"));
  }

  public static Dataset<Row> projects(Dataset<Row> parsed) {
    Dataset<Row> p = namedProjects(parsed);
    return p.select(col("unit_id"), col("fiscal_year"), col("project_name"), col("p.category").as("category"),
        col("p.budget").as("budget"), col("p.actual").as("actual"),
        col("p.execution_rate_pct").as("execution_rate_pct"), col("p.execution_score").as("execution_score"),
        col("p.total_score").as("total_score"),
        coalesce(size(col("p.indicators")).cast("int"), lit(0)).as("indicator_count").as("indicator_count"),
        col("pos").plus(1).as("project_seq"), col("sha256").as("source_sha256"), col("run_id"));
  }

  public static Dataset<Row> indicators(Dataset<Row> parsed) {
    Dataset<Row> unitLevel = parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
        lit("").as("project_name"), lit("unit").as("scope"),
        col("doc.performance.unit_evaluation.indicators").as("indicators"));
    Dataset<Row> projectLevel = namedProjects(parsed).select(col("unit_id"), col("fiscal_year"), col("sha256"),
        col("run_id"), col("project_name"), lit("project").as("scope"), col("p.indicators").as("indicators"));
    Dataset<Row> all = unitLevel.unionByName(projectLevel)
        .select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"), col("project_name"), col("scope"),
            posexplode(col("indicators")).as(new String[] {"pos", "i"}));
    return all.select(col("unit_id"), col("fiscal_year"), col("project_name"), col("pos").plus(1).as("seq"),
        col("scope"), col("i.level1").as("level1"), col("i.level2").as("level2"), col("i.name").as("name"),
        col("i.target").as("target_text"), operator(col("i.target")).as("target_operator"),
        number(col("i.target")).as("target_value"), unit(col("i.target")).as("target_unit"),
        col("i.actual").as("actual_text"), operator(col("i.actual")).as("actual_operator"),
        number(col("i.actual")).as("actual_value"), unit(col("i.actual")).as("actual_unit"),
        number(col("i.target")).isNull().as("is_qualitative"),
        col("i.weight").as("weight"), col("i.score").as("score"),
        col("sha256").as("source_sha256"), col("run_id"));
  }

  public static Dataset<Row> findings(Dataset<Row> parsed) {
    Dataset<Row> f = parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
        posexplode(col("doc.findings")).as(new String[] {"pos", "f"}));
    Column ordinal = row_number().over(Window.partitionBy(col("unit_id"), col("fiscal_year"), col("f.rule"))
        .orderBy(col("pos")));
    return f.select(col("unit_id"), col("fiscal_year"), col("f.rule").as("rule"), ordinal.cast("string").as("subject"),
        col("f.severity").as("severity"), col("f.message").as("message"), col("f.message_en").as("message_en"),
        col("f.evidence").as("evidence"), col("sha256").as("source_sha256"), col("run_id"));
  }

  /** A merged document's provenance names the file of each figure; otherwise the figure is from the document's source. */
  public static Dataset<Row> provenance(Dataset<Row> parsed) {
    return parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
            col("doc.source.file").as("source_file"), explode(col("doc.provenance")).as(new String[] {"field", "p"}))
        .select(col("unit_id"), col("fiscal_year"), col("field"), col("p.page").as("page"), col("p.line").as("line"),
            col("p.text").as("text"), coalesce(col("p.file"), col("source_file")).as("source_file"),
            coalesce(col("p.sha256"), col("sha256")).as("source_sha256"), col("run_id"));
  }

  /** Projects with a key name: blank names become 项目N, a repeated name gets its ordinal, e.g. 培训费（2）. */
  private static Dataset<Row> namedProjects(Dataset<Row> parsed) {
    Dataset<Row> p = parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
        posexplode(col("doc.performance.projects")).as(new String[] {"pos", "p"}));
    Column name = trim(col("p.name"));
    Dataset<Row> named = p.withColumn("project_name",
        when(name.isNull().or(name.equalTo("")), concat(lit("项目"), col("pos").plus(1).cast("string"))).otherwise(name));
    return unique(named, "project_name");
  }

  /** Makes {@code keyColumn} unique within a unit-year by suffixing repeats with their ordinal in document order. */
  private static Dataset<Row> unique(Dataset<Row> rows, String keyColumn) {
    Column n = row_number().over(Window.partitionBy(col("unit_id"), col("fiscal_year"), col(keyColumn))
        .orderBy(col("pos")));
    return rows.withColumn(keyColumn,
        when(n.gt(1), concat(col(keyColumn), lit("（"), n.cast("string"), lit("）"))).otherwise(col(keyColumn)));
  }

  /** The comparison an indicator text starts with, as >=, <=, >, < or =; null when it has none. */
  static Column operator(Column text) {
    Column op = regexp_extract(text, "^\\s*(≥|≤|>=|<=|＞|＜|>|<|=|＝)", 1);
    return when(op.isin("≥", ">="), lit(">=")).when(op.isin("≤", "<="), lit("<="))
        .when(op.isin("＞", ">"), lit(">")).when(op.isin("＜", "<"), lit("<"))
        .when(op.isin("=", "＝"), lit("="));
  }

  /** The first number in an indicator text (thousands separators removed); null when there is none. */
  static Column number(Column text) {
    Column plain = regexp_replace(text, "(?<=[0-9]),(?=[0-9]{3})", "");
    Column n = regexp_extract(plain, "(-?[0-9]+(\\.[0-9]+)?)", 1);
    return when(n.equalTo(""), lit(null)).otherwise(n).cast(DocumentStruct.AMOUNT);
  }

  /** What follows the number in an indicator text, e.g. % or 万元 or 次; null when nothing follows. */
  static Column unit(Column text) {
    Column plain = regexp_replace(text, "(?<=[0-9]),(?=[0-9]{3})", "");
    Column u = trim(regexp_extract(plain, "-?[0-9]+(?:\\.[0-9]+)?\\s*(.*)$", 1));
    return when(u.equalTo(""), lit(null)).otherwise(u);
  }
}
