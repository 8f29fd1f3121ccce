package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fiscalscope.lake.Concurrently;
import org.fiscalscope.lake.JobLabel;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;

/**
 * The report job: gold and silver tables → {@code <reports>/<run date>/index.html} (one self-contained page) and
 * {@code csv/<table>.csv} per gold table. Spark aggregates; only bounded results (top N, one histogram per peer
 * group, capped lists with counts of the rest) reach the driver.
 */
public final class ReportJob {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportJob.class);

  private static final LakeTable EXECUTION = LakeTable.GOLD_EXECUTION;
  private static final LakeTable THREE_PUBLIC_TREND = LakeTable.GOLD_THREE_PUBLIC_TREND;
  private static final LakeTable SCORE_DISTRIBUTION = LakeTable.GOLD_SCORE_DISTRIBUTION;
  private static final LakeTable CREDIBILITY = LakeTable.GOLD_CREDIBILITY;
  private static final LakeTable DISCLOSURE_QUALITY = LakeTable.GOLD_DISCLOSURE_QUALITY;
  private static final LakeTable FLAGS = LakeTable.GOLD_FLAGS;

  /** The gold tables exported as CSV, in the order the page lists them: every gold table of the lake. */
  static final List<LakeTable> GOLD = LakeTable.inLayers(LakeTable.Layer.GOLD);

  /** Rows of a CSV export one task formats and writes: one range partition of the table. */
  static final long EXPORT_ROWS_PER_PART = 200_000;

  /**
   * How much of each list the page shows, how many rows a workbook sheet holds and how many flagged units get a
   * sheet; the rest is counted and left to the CSV exports and the unit pages.
   */
  public record Limits(int rankingPerEnd, int peerGroups, int trendUnits, int flags, int flaggedUnits, int lowestUnits,
      long workbookRows, int unitSheets, UnitPages.Caps unitPage) {
    public static Limits defaults() {
      return new Limits(25, 24, 12, 200, 40, 10, 50_000, 40, UnitPages.Caps.defaults());
    }

    Limits withWorkbook(long rows, int sheets) {
      return new Limits(rankingPerEnd, peerGroups, trendUnits, flags, flaggedUnits, lowestUnits, rows, sheets, unitPage);
    }
  }

  /**
   * What the report holds and where it is: the index page, its unit sections and charts, the unit pages (one per
   * unit), the flags, the CSV exports, and the workbook with its sheets.
   */
  public record Result(String indexPath, int unitSections, long unitPages, int charts, long flags, int csvTables,
      String workbookPath, int sheets) {}

  private ReportJob() {}

  public static Result run(Lake lake, String reportsRoot, LocalDate runDate) {
    return run(lake, reportsRoot, runDate, Limits.defaults());
  }

  public static Result run(Lake lake, String reportsRoot, LocalDate runDate, Limits limits) {
    ReportFolder folder = new ReportFolder(lake.spark(), reportsRoot, runDate);
    Dataset<Row> unitYear = lake.scan(LakeTable.SILVER_UNIT_YEAR).persist(StorageLevel.MEMORY_AND_DISK());
    try (WorkbookExport workbook = new WorkbookExport()) {
      // Three independent parts side by side: over a district's data each is mostly the driver planning small
      // queries, so one plans while another's tasks run. Only the workbook part touches the workbook.
      List<Object> parts = Concurrently.run(lake.spark(), List.<java.util.function.Supplier<Object>>of(
          () -> timed(lake.spark(), "page content", () -> content(lake, unitYear, runDate, limits)),
          () -> exportsAndWorkbook(lake, unitYear, folder, workbook, runDate, limits),
          () -> timed(lake.spark(), "unit pages", () -> unitPages(lake, unitYear, folder, limits))));
      ReportContent content = (ReportContent) parts.get(0);
      @SuppressWarnings("unchecked")
      List<String> exported = (List<String>) parts.get(1);
      long pages = (Long) parts.get(2);
      ReportPage.Rendered page = ReportPage.render(withExports(content, exported, folder.workbookName()));
      folder.writeIndex(page.html());
      return new Result(folder.indexPath(), page.unitSections(), pages, page.charts(),
          content.flags().map(FlagList::total).orElse(0L), exported.size(), folder.workbookPath(),
          workbook.summaries().size() + 1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("closing the workbook", e);
    } finally {
      unitYear.unpersist();
    }
  }

  /**
   * The CSV export and workbook sheet of every gold table, the unit sheets and the workbook file, one after another
   * (the workbook is not shared between threads; the two other parts of the report keep both cores busy). Returns the
   * exported tables in the order the page lists them.
   */
  private static List<String> exportsAndWorkbook(Lake lake, Dataset<Row> unitYear, ReportFolder folder,
      WorkbookExport workbook, LocalDate runDate, Limits limits) {
    SparkSession spark = lake.spark();
    List<String> exported = new ArrayList<>();
    for (LakeTable t : GOLD) {
      if (!lake.exists(t)) {
        continue;
      }
      timed(spark, "csv and sheet of " + t, () -> {
        long version = lake.version(t);
        long n = lake.rowCount(t, version);
        Dataset<Row> rows = lake.scan(t, version);
        int top = (int) Math.min(Integer.MAX_VALUE, limits.workbookRows());
        // One pass over the table for its CSV export and its sheet's rows.
        List<Row> first = folder.exportCsv(t.toString(), inKeyOrder(rows, n, t.key()), top);
        WorkbookExport.GoldSheet sheet = workbook.goldSheet(t.toString(), FieldCatalogue.of(t.tableName()),
            rows.schema(), limits.workbookRows());
        sheetRows(rows, t.key(), n, top, first).forEachRemaining(sheet::add);
        sheet.finish(n, "csv/" + t + ".csv");
        return exported.add(t.toString());
      });
    }
    List<String> notes = timed(spark, "unit sheets", () -> unitSheets(lake, unitYear, workbook, limits));
    workbook.aboutSheet("FiscalScope 部门决算对比 " + runDate + " — 工作簿 workbook", notes);
    timed(spark, "workbook file", () -> {
      folder.writeWorkbook(workbook);
      return null;
    });
    return exported;
  }

  /**
   * A gold table's first {@code top} rows in key order for its sheet: those the export handed back from its first
   * partition, or, when that partition held fewer than the sheet takes (a skewed range, a sheet larger than a range),
   * a bounded top of the table.
   */
  static Iterator<Row> sheetRows(Dataset<Row> rows, List<String> key, long n, int top, List<Row> first) {
    if (first.size() >= Math.min(n, top)) {
      return first.iterator();
    }
    Column[] by = key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return rows.orderBy(by).limit(top).toLocalIterator();
  }

  /**
   * A sheet per flagged unit, the most severely and most often flagged first, at most {@code limits.unitSheets()}:
   * its flags and its execution rates, each capped. Returns the about sheet's notes on what has no sheet.
   */
  static List<String> unitSheets(Lake lake, Dataset<Row> unitYear, WorkbookExport workbook, Limits limits) {
    Optional<Dataset<Row>> flags = existing(lake, FLAGS);
    if (flags.isEmpty()) {
      return List.of("gold.flags 暂无数据 — no flags yet, so no unit sheets.");
    }
    Dataset<Row> worst = flaggedUnits(flags.get());
    long flagged = worst.count();
    List<String> ids = worst.limit(limits.unitSheets()).collectAsList().stream().map(r -> Frames.string(r, "unit_id")).toList();
    List<String> notes = new ArrayList<>();
    notes.add(String.format(java.util.Locale.ROOT, "%d flagged units; %s — 有预警的单位 %d 个，%s",
        flagged, ids.size() < flagged ? "the " + ids.size() + " most severely flagged have a sheet, the others are in "
            + "csv/gold.flags.csv and on their pages under units/" : "each has a sheet",
        flagged, ids.size() < flagged ? "前 " + ids.size() + " 个有工作表，其余见 csv/gold.flags.csv 与 units/ 下的单位页面" : "各有一个工作表"));
    if (ids.isEmpty()) {
      return notes;
    }
    int cap = UNIT_SHEET_ROWS;
    Map<String, List<Row>> flagRows = perUnit(FlagList.explained(flags.get().filter(col("unit_id").isin(ids.toArray())), unitYear),
        ids, cap, FlagList.order());
    Map<String, List<Row>> execRows = existing(lake, EXECUTION)
        .map(e -> perUnit(e.filter(col("unit_id").isin(ids.toArray())), ids, cap,
            new Column[] {col("fiscal_year").desc(), col("level").desc(), col("subject")}))
        .orElse(Map.of());
    Map<String, String> names = new LinkedHashMap<>();
    Frames.unitNames(unitYear.filter(col("unit_id").isin(ids.toArray()))).collectAsList()
        .forEach(r -> names.put(Frames.string(r, "unit_id"), Frames.string(r, "unit_name")));
    List<FieldCatalogue.Field> flagFields = fields(FLAGS, "fiscal_year", "severity", "rule", "level", "subject", "value",
        "threshold", "threshold_text", "explanation_zh", "explanation_en", "source_file", "source_page", "source_line",
        "source_text");
    List<FieldCatalogue.Field> execFields = fields(EXECUTION, "fiscal_year", "level", "subject", "subject_name", "budget",
        "actual", "rate_reported_pct", "rate_recomputed_pct", "basis", "rate_initial_pct", "execution_score_reported",
        "total_score_reported", "total_score_recomputed", "note");
    for (String id : ids) {
      List<WorkbookExport.Block> blocks = List.of(
          block("预警 Flags", flagFields, flagRows.getOrDefault(id, List.of()), "csv/gold.flags.csv"),
          block("执行率 Execution rates", execFields, execRows.getOrDefault(id, List.of()), "csv/gold.execution.csv"));
      workbook.unitSheet(id, names.get(id), "unit_id " + id + " · 单位页面 page units/" + Html.unitFile(id), blocks);
    }
    return notes;
  }

  /** Units of a district the disclosure-quality section shows at each end of its ranking. */
  static final int DISCLOSURE_PER_END = 5;

  /** Rows of one unit a sheet block holds at most. */
  static final int UNIT_SHEET_ROWS = 1_000;

  private static WorkbookExport.Block block(String caption, List<FieldCatalogue.Field> fields, List<Row> rows, String rest) {
    long total = rows.isEmpty() ? 0 : Frames.count(rows.get(0), "total");
    List<List<Object>> values = rows.stream().map(r -> fields.stream()
        .map(f -> r.isNullAt(r.fieldIndex(f.name())) ? null : (Object) r.get(r.fieldIndex(f.name()))).toList()).toList();
    return new WorkbookExport.Block(caption, fields, values, total,
        total > rows.size() ? String.format(java.util.Locale.ROOT, "以下省略 %d 行，全部见 %s — %d more rows; all are in %s",
            total - rows.size(), rest, total - rows.size(), rest) : null);
  }

  private static List<FieldCatalogue.Field> fields(LakeTable table, String... names) {
    return java.util.Arrays.stream(names).map(n -> FieldCatalogue.field(table.tableName(), n).orElseThrow()).toList();
  }

  /** The listed units' rows, at most {@code cap} each in the given order, each row with its unit's total. */
  private static Map<String, List<Row>> perUnit(Dataset<Row> rows, List<String> ids, int cap, Column[] order) {
    org.apache.spark.sql.expressions.WindowSpec w = org.apache.spark.sql.expressions.Window.partitionBy("unit_id").orderBy(order);
    Map<String, List<Row>> byUnit = new LinkedHashMap<>();
    for (Row r : rows.withColumn("rn", org.apache.spark.sql.functions.row_number().over(w))
        .withColumn("total", count("*").over(org.apache.spark.sql.expressions.Window.partitionBy("unit_id")))
        .filter(col("rn").leq(cap)).orderBy(col("unit_id"), col("rn")).collectAsList()) {
      byUnit.computeIfAbsent(Frames.string(r, "unit_id"), k -> new ArrayList<>()).add(r);
    }
    return byUnit;
  }

  /** unit_id of every flagged unit, the most severely and most often flagged first. */
  static Dataset<Row> flaggedUnits(Dataset<Row> flags) {
    return flags.groupBy("unit_id")
        .agg(min(when(col("severity").equalTo("severe"), lit(0)).when(col("severity").equalTo("warning"), lit(1))
            .otherwise(lit(2))).as("worst"), count("*").as("n"))
        .orderBy(col("worst"), col("n").desc(), col("unit_id")).select("unit_id");
  }

  /** Writes a page for every unit of silver.unit_year (by Spark, per partition) and the index of units. */
  static long unitPages(Lake lake, Dataset<Row> unitYear, ReportFolder folder, Limits limits) {
    Optional<Dataset<Row>> flags = existing(lake, FLAGS).map(f -> FlagList.explained(f, unitYear));
    Optional<Dataset<Row>> sources = existing(lake, LakeTable.SILVER_PROVENANCE).map(UnitPages::sources);
    Dataset<Row> content = UnitPages.content(unitYear, existing(lake, LakeTable.SILVER_FUNCTION_LINE),
        existing(lake, LakeTable.SILVER_PROJECT), existing(lake, LakeTable.SILVER_FINDING), sources,
        flags, limits.unitPage());
    return folder.writeUnitPages(content, ReportPage.resource("report.css"),
        ReportPage.library() + "\n" + ReportPage.resource("report.js") + "\n" + ReportPage.resource("units.js"));
  }

  /** Runs a part of the report, its Spark jobs described as that part ("report: …"), and logs how long it took. */
  private static <T> T timed(SparkSession spark, String part, java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    T result = JobLabel.during(spark, "report: " + part, work);
    LOG.info("report: {} in {} s", part, String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    return result;
  }

  /** The page's content from the lake's tables, every list bounded by {@code limits}. */
  static ReportContent content(Lake lake, Dataset<Row> unitYear, LocalDate runDate, Limits limits) {
    Dataset<Row> names = Frames.unitNames(unitYear);
    Optional<Dataset<Row>> flagRows = existing(lake, FLAGS);
    // Each section timed in the log: the sections are the page content's queries, one after another.
    Optional<ExecutionRanking> ranking = timed(lake.spark(), "execution ranking",
        () -> existing(lake, EXECUTION).flatMap(e -> ExecutionRanking.of(e, limits.rankingPerEnd())));
    Optional<ScoreHistograms> scores = timed(lake.spark(), "score histograms",
        () -> existing(lake, SCORE_DISTRIBUTION).flatMap(s -> ScoreHistograms.of(s, limits.peerGroups())));
    Optional<ThreePublicBreaks> trends = timed(lake.spark(), "three-public breaks",
        () -> existing(lake, THREE_PUBLIC_TREND).flatMap(t -> ThreePublicBreaks.of(t, names, limits.trendUnits())));
    Optional<FlagList> flags = timed(lake.spark(), "flag list", () -> flagRows.flatMap(f -> FlagList.of(f, unitYear, limits.flags())));
    Optional<DisclosureRanking> disclosure = timed(lake.spark(), "disclosure ranking", () -> existing(lake, DISCLOSURE_QUALITY)
        .flatMap(q -> DisclosureRanking.of(q, DISCLOSURE_PER_END, limits.peerGroups())));

    List<String> unitIds = timed(lake.spark(), "units shown", () -> unitsToShow(flagRows, ranking, trends, limits));
    Map<String, List<FlagList.Flag>> unitFlags = timed(lake.spark(), "flags of the units shown",
        () -> flagRows.map(f -> flagsOf(f, unitYear, unitIds)).orElse(Map.of()));
    List<UnitHistory> units = timed(lake.spark(), "unit histories",
        () -> UnitHistory.of(UnitHistory.withPeerMedians(unitYear), unitIds, unitFlags));
    Headline headline = timed(lake.spark(), "headline", () -> Headline.of(unitYear));
    return new ReportContent(runDate, Instant.now(), headline, ranking, scores, trends, disclosure, flags, units,
        List.of(), null);
  }

  /**
   * The units that get a section: the most severely and most often flagged, the lowest execution rates and the
   * units shown in the three-public charts; at most flaggedUnits + lowestUnits + trendUnits.
   */
  static List<String> unitsToShow(Optional<Dataset<Row>> flags, Optional<ExecutionRanking> ranking,
      Optional<ThreePublicBreaks> trends, Limits limits) {
    Set<String> ids = new LinkedHashSet<>();
    flags.ifPresent(f -> flaggedUnits(f).limit(limits.flaggedUnits())
        .collectAsList().forEach(r -> ids.add(Frames.string(r, "unit_id"))));
    ranking.ifPresent(r -> {
      List<ExecutionRanking.RankedUnit> shown = r.shown();
      shown.subList(Math.max(0, shown.size() - limits.lowestUnits()), shown.size()).forEach(u -> ids.add(u.unitId()));
    });
    trends.ifPresent(t -> t.shown().forEach(u -> ids.add(u.unitId())));
    return List.copyOf(ids);
  }

  private static Map<String, List<FlagList.Flag>> flagsOf(Dataset<Row> flags, Dataset<Row> unitYear, List<String> unitIds) {
    Map<String, List<FlagList.Flag>> byUnit = new LinkedHashMap<>();
    if (unitIds.isEmpty()) {
      return byUnit;
    }
    Dataset<Row> own = flags.filter(col("unit_id").isin(unitIds.toArray()));
    for (Row r : FlagList.ordered(FlagList.explained(own, unitYear)).limit(unitIds.size() * 20).collectAsList()) {
      FlagList.Flag f = FlagList.flag(r);
      byUnit.computeIfAbsent(f.unitId(), k -> new ArrayList<>()).add(f);
    }
    return byUnit;
  }

  /**
   * The rows in the order of the table's key, in range partitions of about {@link #EXPORT_ROWS_PER_PART} rows: the
   * export is the same file on every run, its partitions written by tasks side by side and joined in their order.
   * (Gathering a one-part table with {@code coalesce(1)} instead saves its shuffle but reads every file in one task:
   * slower for the 10k district's flags.)
   */
  static Dataset<Row> inKeyOrder(Dataset<Row> rows, long n, List<String> keys) {
    int parts = (int) Math.min(100_000, Math.max(1, (n + EXPORT_ROWS_PER_PART - 1) / EXPORT_ROWS_PER_PART));
    Column[] by = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return rows.repartitionByRange(parts, by).sortWithinPartitions(by);
  }

  /** A table's rows read whole ({@link Lake#scan}), or none when it does not exist yet. */
  private static Optional<Dataset<Row>> existing(Lake lake, LakeTable table) {
    return lake.exists(table) ? Optional.of(lake.scan(table)) : Optional.empty();
  }

  private static ReportContent withExports(ReportContent c, List<String> csv, String workbookFile) {
    return new ReportContent(c.runDate(), c.generatedAt(), c.headline(), c.ranking(), c.scores(), c.threePublic(),
        c.disclosure(), c.flags(), c.units(), List.copyOf(csv), workbookFile);
  }
}
