package org.fiscalscope.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The content of every unit's page as one Spark row per unit: its years beside its peer group's medians, its
 * functional lines, its projects of every year, its findings and its flags, each figure with the source that stated
 * it (silver.provenance), every list capped per unit so each page stays bounded. Pure transformations over the lake's
 * frames; {@link ReportFolder#writeUnitPages} renders and writes the rows where they are, one partition at a time.
 */
final class UnitPages {

  /** How much of each list one unit's page holds at most; the rest is counted on the page. */
  record Caps(int lines, int projects, int findings, int flags) {
    static Caps defaults() {
      return new Caps(2_000, 1_000, 300, 300);
    }
  }

  /** The pointers of the unit-level figures a page links to their source. */
  static final List<String> UNIT_FIGURES = List.of("/totals/budget_initial", "/totals/actual_final",
      "/three_public/actual/total", "/performance/unit_evaluation/total_score");

  private UnitPages() {}

  /**
   * One row per unit of silver.unit_year: unit_id, unit_name, peer_group, region, parent_name, years (array of
   * structs, unordered), and lines, projects, findings, flags (arrays, capped) with their totals before the cap;
   * {@code sources} are the source maps of {@link #sources} over silver.provenance.
   */
  static Dataset<Row> content(Dataset<Row> unitYear, Optional<Dataset<Row>> functionLines,
      Optional<Dataset<Row>> projects, Optional<Dataset<Row>> findings, Optional<Dataset<Row>> sources,
      Optional<Dataset<Row>> flagsExplained, Caps caps) {
    Dataset<Row> pages = years(unitYear);
    pages = join(pages, functionLines.map(f -> lines(f, caps.lines())), "lines");
    pages = join(pages, projects.map(p -> projectYears(p, caps.projects())), "projects");
    pages = join(pages, findings.map(f -> findingList(f, caps.findings())), "findings");
    pages = join(pages, flagsExplained.map(f -> flagList(f, caps.flags())), "flags");
    return sources.isPresent() ? Frames.leftJoin(pages, sources.get(), "unit_id")
        : pages.withColumn("sources", lit(null).cast(SOURCE_MAP));
  }

  /** A unit's row of units/index.html, as a struct over a row of {@link #content}. */
  static Column indexRow() {
    return struct(col("unit_id"), col("unit_name"), col("peer_group"), col("region"),
        org.apache.spark.sql.functions.size(col("years")).as("n_years"), col("first_year"), col("last_year"),
        col("last_rate_pct"), col("flags_total"), col("flags_severe"), col("findings_total"));
  }

  /** The one-line-per-unit list of units/index.html, from rows of {@link #indexRow}: ordered by name, then id. */
  static Dataset<Row> index(Dataset<Row> indexRows) {
    // One sorted partition of one small row per unit: streamed in one job, without a range-sampling pass.
    return indexRows.coalesce(1).sortWithinPartitions(coalesce(col("unit_name"), col("unit_id")), col("unit_id"));
  }

  /** The type of a unit's source map: "year|pointer" → where the figure was stated. */
  static final String SOURCE_MAP = "map<string,struct<file:string,page:int,line:int,text:string>>";

  /**
   * silver.provenance as one source map per unit: {@link #sourceKey} of each figure a page links (the unit figures,
   * the budget, actual and rate of functional lines, the figures of projects; not indicators) → struct(file, page,
   * line, text). Grouped once by unit, so the page rows need no join per line.
   */
  static Dataset<Row> sources(Dataset<Row> provenance) {
    Column field = col("field");
    Column linked = field.isin(UNIT_FIGURES.toArray())
        .or(field.rlike("^/functions/[0-9]+/(budget_initial|actual|execution_rate_pct)$"))
        .or(field.rlike("^/performance/projects/[0-9]+/(budget|actual|execution_rate_pct|execution_score|total_score)$"));
    return provenance.filter(linked)
        .groupBy("unit_id")
        .agg(map_from_entries(collect_list(struct(
            org.apache.spark.sql.functions.concat(col("fiscal_year").cast("string"), lit("|"), field),
            struct(col("source_file").as("file"), col("page"), col("line"), col("text"))))).as("sources"));
  }

  /** The key of a figure in a unit's source map: its fiscal year and its JSON pointer in the canonical document. */
  static String sourceKey(int fiscalYear, String pointer) {
    return fiscalYear + "|" + pointer;
  }

  private static Dataset<Row> years(Dataset<Row> unitYear) {
    Dataset<Row> figures = unitYear.select(col("unit_id"), col("fiscal_year"), col("unit_name"),
        coalesce(col("unit_kind"), lit(UnitHistory.NO_KIND)).as("peer_group"), col("region"), col("parent_name"),
        col("budget_initial").as("budget"), col("actual_final").as("actual"),
        UnitHistory.ratePct(col("budget_initial"), col("actual_final")).as("rate_pct"),
        col("three_public_actual_total").as("three_public"), col("unit_eval_total_score").as("score"),
        col("source_file"));
    Dataset<Row> withMedians = Frames.leftJoin(figures, UnitHistory.peerMedians(figures), "peer_group", "fiscal_year");
    return withMedians.groupBy("unit_id").agg(
        max_by(col("unit_name"), col("fiscal_year")).as("unit_name"),
        max_by(col("peer_group"), col("fiscal_year")).as("peer_group"),
        max_by(col("region"), col("fiscal_year")).as("region"),
        max_by(col("parent_name"), col("fiscal_year")).as("parent_name"),
        min("fiscal_year").as("first_year"), max("fiscal_year").as("last_year"),
        max_by(col("rate_pct"), col("fiscal_year")).as("last_rate_pct"),
        collect_list(struct(col("fiscal_year"), col("budget"), col("actual"), col("rate_pct"), col("peer_rate_pct"),
            col("three_public"), col("peer_three_public"), col("score"), col("peer_score"), col("peers"),
            col("source_file"))).as("years"));
  }

  private static Dataset<Row> lines(Dataset<Row> lines, int cap) {
    WindowSpec w = Window.partitionBy("unit_id").orderBy(col("fiscal_year").desc(), col("code"));
    return capped(lines, w, cap).groupBy("unit_id").agg(
        collect_list(struct(col("fiscal_year"), col("code"), col("name"), col("level"), col("class_code"),
            col("budget_initial"), col("actual"), col("execution_rate_pct"), col("line_seq"))).as("lines"),
        first("total").as("lines_total"));
  }

  private static Dataset<Row> projectYears(Dataset<Row> projects, int cap) {
    WindowSpec w = Window.partitionBy("unit_id").orderBy(col("project_name"), col("fiscal_year"));
    return capped(projects, w, cap).groupBy("unit_id").agg(
        collect_list(struct(col("project_name"), col("fiscal_year"), col("category"), col("budget"), col("actual"),
            col("execution_rate_pct"), col("execution_score"), col("total_score"), col("project_seq"))).as("projects"),
        first("total").as("projects_total"));
  }

  private static Dataset<Row> findingList(Dataset<Row> findings, int cap) {
    Dataset<Row> f = findings.select(col("unit_id"), col("fiscal_year"), col("rule"), col("subject"), col("severity"),
        col("message"), Frames.column(findings, "message_en", "string").as("message_en"), col("evidence"));
    Column rank = when(col("severity").equalTo("error"), lit(0)).when(col("severity").equalTo("warning"), lit(1))
        .otherwise(lit(2));
    WindowSpec w = Window.partitionBy("unit_id").orderBy(col("fiscal_year").desc(), rank, col("rule"), col("subject"));
    return capped(f, w, cap).groupBy("unit_id").agg(
        collect_list(struct(col("fiscal_year"), col("rule"), col("subject"), col("severity"), col("message"),
            col("message_en"), col("evidence"))).as("findings"),
        first("total").as("findings_total"));
  }

  private static Dataset<Row> flagList(Dataset<Row> explained, int cap) {
    Column rank = when(col("severity").equalTo("severe"), lit(0)).when(col("severity").equalTo("warning"), lit(1))
        .otherwise(lit(2));
    WindowSpec w = Window.partitionBy("unit_id").orderBy(rank, col("fiscal_year").desc(), col("rule"), col("subject"));
    Column[] fields = java.util.Arrays.stream(explained.columns()).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
    Dataset<Row> severe = explained.withColumn("severe", sum(when(col("severity").equalTo("severe"), lit(1L))
        .otherwise(lit(0L))).over(Window.partitionBy("unit_id")));
    return capped(severe, w, cap).groupBy("unit_id").agg(collect_list(struct(fields)).as("flags"),
        first("total").as("flags_total"), first("severe").as("flags_severe"));
  }

  /** The rows ranked by {@code w} within their unit, at most {@code cap} of them, each with its unit's total. */
  private static Dataset<Row> capped(Dataset<Row> rows, WindowSpec w, int cap) {
    return rows.withColumn("rn", row_number().over(w))
        .withColumn("total", count("*").over(Window.partitionBy("unit_id")))
        .filter(col("rn").leq(cap)).drop("rn");
  }

  /** {@code pages} with the columns of {@code part} by unit; where the part is missing, an empty list and 0. */
  private static Dataset<Row> join(Dataset<Row> pages, Optional<Dataset<Row>> part, String name) {
    if (part.isEmpty()) {
      Dataset<Row> withList = pages.withColumn(name, lit(null)).withColumn(name + "_total", lit(0L));
      return name.equals("flags") ? withList.withColumn("flags_severe", lit(0L)) : withList;
    }
    return Frames.leftJoin(pages, part.get(), "unit_id");
  }
}
