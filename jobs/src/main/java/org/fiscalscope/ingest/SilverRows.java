package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.transform;
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
import org.apache.spark.sql.types.StructField;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.UnitKind;
import org.fiscalscope.document.SilverTable;
import org.fiscalscope.lake.LakeTable;

/**
 * Canonical documents → the rows of the silver tables. Each table's columns are those its DDL declares, each filled
 * from the document field the catalogue places in it or computed here (keys, positions, parsed indicator values).
 * Pure transformations over a frame of accepted documents with columns
 * {@code sha256, unit_id, fiscal_year, canonical_json, run_id}; no I/O, so tests feed it in-memory rows.
 */
public final class SilverRows {

  /** silver.indicator.scope of the unit evaluation's indicators and of a project's. */
  static final String UNIT_SCOPE = "unit";
  static final String PROJECT_SCOPE = "project";

  private SilverRows() {}

  /** Every silver table's rows for the given documents, in the declared column order. */
  public static Map<LakeTable, Dataset<Row>> silver(Dataset<Row> documents) {
    return silver(documents, null);
  }

  /**
   * Like {@link #silver(Dataset)}, with the unit registry (see {@link UnitRegistry}) filling the region, kind and
   * parent a document does not state.
   */
  public static Map<LakeTable, Dataset<Row>> silver(Dataset<Row> documents, Dataset<Row> registry) {
    return silverOfParsed(parse(documents), registry);
  }

  /** Like {@link #silver(Dataset, Dataset)}, over documents already {@link #parse parsed} (so a caller can cache them). */
  public static Map<LakeTable, Dataset<Row>> silverOfParsed(Dataset<Row> parsed, Dataset<Row> registry) {
    Map<LakeTable, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(LakeTable.SILVER_UNIT_YEAR,
        byKind(registry == null ? unitYear(parsed) : UnitRegistry.fill(unitYear(parsed), registry)));
    out.put(LakeTable.SILVER_FUNCTION_LINE, functionLines(parsed));
    out.put(LakeTable.SILVER_PROJECT, projects(parsed));
    out.put(LakeTable.SILVER_INDICATOR, indicators(parsed));
    out.put(LakeTable.SILVER_FINDING, findings(parsed));
    out.put(LakeTable.SILVER_PROVENANCE, provenance(parsed));
    return out;
  }

  /** Adds {@code doc}, the canonical JSON parsed with the document's Spark schema ({@link DocumentRow}). */
  public static Dataset<Row> parse(Dataset<Row> documents) {
    return DocumentRow.parsed(documents);
  }

  static final String OPERATING_COSTS_APPLICABLE = "operating_costs_applicable";

  /**
   * silver.unit_year rows with 机关运行经费 decided by the unit's kind (once the registry has filled it): applicable for
   * 行政 and 参公 units; for a 事业单位 not applicable — the column is null and the marker false, whatever the text
   * states ("无机关运行经费支出" is no zero to compare); a unit of unknown kind keeps its stated figure, marker null.
   */
  static Dataset<Row> byKind(Dataset<Row> unitYears) {
    Column kind = col(Fields.UNIT_KIND.silver().column());
    Column applicable = when(kind.contains(UnitKind.CIVIL_SERVICE_MANAGED_IN_FULL),
        lit(UnitKind.CIVIL_SERVICE_MANAGED.hasOperatingCosts()));
    for (UnitKind k : UnitKind.values()) {
      applicable = applicable.when(kind.contains(k.zh()), lit(k.hasOperatingCosts()));
    }
    String operating = Fields.OPERATING_COSTS.silver().column();
    return unitYears
        .withColumn(OPERATING_COSTS_APPLICABLE, applicable)
        .withColumn(operating, when(col(OPERATING_COSTS_APPLICABLE).equalTo(false), lit(null).cast("decimal(18,4)"))
            .otherwise(col(operating)));
  }

  public static Dataset<Row> unitYear(Dataset<Row> parsed) {
    return parsed.select(columns(SilverTable.UNIT_YEAR, "doc"));
  }

  public static Dataset<Row> functionLines(Dataset<Row> parsed) {
    return keyedItems(parsed, "doc.functions", "f", "code", (f, i) -> {
      Column code = trim(f.getField("code"));
      return when(code.isNull().or(code.equalTo("")), concat(lit("name:"), coalesce(trim(f.getField("name")), lit(""))))
          .otherwise(code);
    }).select(columns(SilverTable.FUNCTION_LINE, "f"));
  }

  public static Dataset<Row> projects(Dataset<Row> parsed) {
    return namedProjects(parsed).select(columns(SilverTable.PROJECT, "p"));
  }

  /** Prefix of the columns holding an indicator's target and actual value {@link IndicatorText read}. */
  private static final String READ = "_read_";

  public static Dataset<Row> indicators(Dataset<Row> parsed) {
    Dataset<Row> unitLevel = parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
        lit("").as("project_name"), lit(UNIT_SCOPE).as("scope"),
        col("doc.performance.unit_evaluation.indicators").as("indicators"));
    Dataset<Row> projectLevel = namedProjects(parsed).select(col("unit_id"), col("fiscal_year"), col("sha256"),
        col("run_id"), col("project_name"), lit(PROJECT_SCOPE).as("scope"), col("p.indicators").as("indicators"));
    Dataset<Row> all = unitLevel.unionByName(projectLevel)
        .select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"), col("project_name"), col("scope"),
            posexplode(col("indicators")).as(new String[] {"pos", "i"}))
        .withColumn(READ + "target", IndicatorText.read(col("i.target")))
        .withColumn(READ + "actual", IndicatorText.read(col("i.actual")));
    return all.select(columns(SilverTable.INDICATOR, "i"));
  }

  public static Dataset<Row> findings(Dataset<Row> parsed) {
    Dataset<Row> f = parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
        posexplode(col("doc.findings")).as(new String[] {"pos", "f"}));
    return f.select(columns(SilverTable.FINDING, "f"));
  }

  /** A merged document's provenance names the file of each figure; otherwise the figure is from the document's source. */
  public static Dataset<Row> provenance(Dataset<Row> parsed) {
    return parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"),
            col("doc.source.file").as("source_file"), explode(col("doc.provenance")).as(new String[] {"field", "p"}))
        .select(columns(SilverTable.PROVENANCE, "p"));
  }

  /**
   * The columns of a silver table in the order its DDL declares them: each either computed by ingest
   * ({@link #computed}) or a field of the catalogue read from {@code struct}, the document or the list item the row
   * stands for.
   *
   * @throws IllegalStateException when the DDL declares a column that is neither
   */
  private static Column[] columns(SilverTable table, String struct) {
    Map<String, Column> computed = computed(table);
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Field f : Fields.inSilver(table)) {
      fields.putIfAbsent(f.silver().column(), f);
    }
    List<Column> out = new ArrayList<>();
    for (StructField c : LakeTable.of(table.qualifiedName()).schema().fields()) {
      Column value = computed.get(c.name());
      if (value == null) {
        Field f = fields.get(c.name());
        if (f == null) {
          throw new IllegalStateException(table + " declares column " + c.name() + ", which is no field of the"
              + " catalogue (document/Fields) and not computed by ingest; add the field or remove the column");
        }
        value = col(struct + "." + f.path().dottedWithinItem());
      }
      out.add(value.as(c.name()));
    }
    return out.toArray(Column[]::new);
  }

  /**
   * The columns of a silver table that ingest computes rather than reads from a document field: the keys (from the
   * bronze row), positions, levels, parsed indicator values, the source and the run; each over the frame its table is
   * selected from.
   */
  static Map<String, Column> computed(SilverTable table) {
    Map<String, Column> c = new LinkedHashMap<>();
    c.put("unit_id", col("unit_id"));
    c.put("fiscal_year", col("fiscal_year"));
    switch (table) {
      case UNIT_YEAR -> {
        c.put(OPERATING_COSTS_APPLICABLE, lit(null).cast("boolean"));
        c.put("contents", col("doc.contents.parts"));
        c.put("approved_on", try_to_date(col("doc.contents.approved_on"), "yyyy-MM-dd"));
        c.put("published_on", try_to_date(col("doc.contents.published_on"), "yyyy-MM-dd"));
      }
      case FUNCTION_LINE -> {
        Column code = trim(col("f.code"));
        c.put("code", col("code"));
        c.put("level", when(length(code).equalTo(3), lit(1)).when(length(code).equalTo(5), lit(2))
            .when(length(code).equalTo(7), lit(3)));
        c.put("class_code", when(code.rlike("^[0-9]{3}"), substring(code, 1, 3)));
        c.put("line_seq", col("pos").plus(1));
      }
      case PROJECT -> {
        c.put("project_name", col("project_name"));
        c.put("indicator_count", coalesce(size(col("p.indicators")).cast("int"), lit(0)));
        c.put("project_seq", col("pos").plus(1));
      }
      case INDICATOR -> {
        c.put("project_name", col("project_name"));
        c.put("seq", col("pos").plus(1));
        c.put("scope", col("scope"));
        for (String side : new String[] {"target", "actual"}) {
          c.put(side + "_operator", col(READ + side + ".operator"));
          c.put(side + "_value", col(READ + side + ".value"));
          c.put(side + "_unit", col(READ + side + ".unit"));
        }
        c.put("is_qualitative", not(col(READ + "target.has_number")));
      }
      case FINDING -> c.put("subject", row_number().over(Window.partitionBy(col("unit_id"), col("fiscal_year"),
          col("f.rule")).orderBy(col("pos"))).cast("string"));
      case PROVENANCE -> {
        c.put("field", col("field"));
        c.put("source_file", coalesce(col("p.file"), col("source_file")));
        c.put("source_sha256", coalesce(col("p.sha256"), col("sha256")));
      }
    }
    c.putIfAbsent("source_sha256", col("sha256"));
    c.put("run_id", col("run_id"));
    return c;
  }

  /** Projects with a key name: blank names become 项目N, a repeated name gets its ordinal, e.g. 培训费（2）. */
  private static Dataset<Row> namedProjects(Dataset<Row> parsed) {
    return keyedItems(parsed, "doc.performance.projects", "p", "project_name", (p, i) -> {
      Column name = trim(p.getField("name"));
      return when(name.isNull().or(name.equalTo("")), concat(lit("项目"), i.plus(1).cast("string"))).otherwise(name);
    });
  }

  /**
   * One row per item of a document's list ({@code list}, e.g. doc.functions), with its position ({@code pos}), the item
   * as {@code item} and {@code keyColumn}: the key {@code keyOf} gives the item (from the item and its position),
   * made unique within the unit-year by suffixing a repeat with its ordinal in document order. Computed within the
   * document's row, which holds all its items, so no rows are shuffled.
   */
  private static Dataset<Row> keyedItems(Dataset<Row> parsed, String list, String item, String keyColumn,
      java.util.function.BiFunction<Column, Column, Column> keyOf) {
    Column keys = col("_keys");
    // Numbering repeats compares each key with those before it, element by element (Spark evaluates these lambdas
    // without compiling them): done only for a document whose keys repeat, the rare case.
    Column unique = when(size(array_distinct(keys)).equalTo(size(keys)), keys).otherwise(transform(keys, (k, i) -> {
      Column n = size(filter(slice(keys, lit(1), i.plus(1)), other -> other.equalTo(k)));
      return when(n.gt(1), concat(k, lit("（"), n.cast("string"), lit("）"))).otherwise(k);
    }));
    return parsed.select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"), col(list).as("_items"))
        .withColumn("_keys", transform(col("_items"), keyOf::apply))
        .withColumn("_keys", unique)
        .select(col("unit_id"), col("fiscal_year"), col("sha256"), col("run_id"), keys,
            posexplode(col("_items")).as(new String[] {"pos", item}))
        .withColumn(keyColumn, element_at(keys, col("pos").plus(1)))
        .drop("_keys");
  }
}
