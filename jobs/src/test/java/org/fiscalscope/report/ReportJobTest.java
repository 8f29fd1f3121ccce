package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

class ReportJobTest extends SparkTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 29);

  @Test
  void fullLakeRendersEverySectionAndEveryChartDrawsInChromium() throws Exception {
    Lake lake = ReportFixtures.fullLake(spark, tmp.resolve("lake"), this::rows);
    ReportJob.Result result = ReportJob.run(lake, tmp.resolve("reports").toString(), DAY);

    Path index = tmp.resolve("reports/2026-11-29/index.html");
    assertEquals(index.toString(), result.indexPath());
    String html = Files.readString(index, StandardCharsets.UTF_8);
    assertFalse(html.contains("<script>alert"), "unit names are escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;局"), "the hostile unit name is shown as text");
    assertFalse(html.contains("no data yet: gold."), "every gold table is present");
    assertTrue(html.contains("BJ0002-2023.pdf p. 3:12") && html.contains("公务接待费 12.50 万元"), "flag source pointer: the flag's own file (a PDF page) before the unit-year's");
    assertTrue(html.contains("执行率低于 90%") && html.contains("below the 90% warning line"), "explanations in both languages");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing is loaded from the web");

    assertEquals(3, result.flags());
    assertEquals(7, result.csvTables());
    for (String t : List.of("gold.execution", "gold.three_public_trend", "gold.score_distribution", "gold.credibility",
        "gold.disclosure_quality", "gold.flags")) {
      List<CSVRecord> csv = CsvFiles.parse(tmp.resolve("reports/2026-11-29/csv/" + t + ".csv"));
      assertTrue(csv.size() > 1 && csv.get(0).get(0).equals(t.equals("gold.score_distribution") ? "fiscal_year" : t.equals("gold.flags") ? "run_id" : "unit_id"),
          t + " exported with a header: " + csv);
    }
    // Units with a section: the three flagged ones, the lowest execution rates and the 只减不增 breaker — all four.
    assertEquals(4, result.unitSections());
    assertEquals(4, result.unitPages(), "every unit of silver.unit_year has a page");
    // 1 ranking + 2 peer-group histograms + 1 three-public trend + 2 per unit section.
    assertEquals(1 + 2 + 1 + 2 * 4, result.charts());

    HeadlessChromium.Page page = HeadlessChromium.open(index, tmp);
    assertEquals(List.of(), page.console(), "the page logs nothing to the console (no errors, no exceptions)");
    assertEquals(result.charts(), page.count("<canvas class=\"fs-chart [^\"]*\"[^>]*data-rendered=\"true\""),
        "Chart.js drew every chart");
    assertEquals(1, page.count("<canvas class=\"fs-chart ranking\"[^>]*data-rendered"));
    assertEquals(2, page.count("<canvas class=\"fs-chart score-histogram\"[^>]*data-rendered"));
    assertEquals(1, page.count("<canvas class=\"fs-chart three-public\"[^>]*data-rendered"));
    assertEquals(8, page.count("<canvas class=\"fs-chart unit-history\"[^>]*data-rendered"));
    assertEquals(4, page.count("<article class=\"unit\" id=\"unit-"));
    // The disclosure-quality ranking of the district: both units, best first, each linking to its page.
    String district = page.dom().substring(page.dom().indexOf("<section id=\"disclosure\""));
    district = district.substring(0, district.indexOf("</section>"));
    assertTrue(district.contains("滨江区 — 2 个单位 units"), district);
    assertTrue(district.indexOf("units/" + Html.unitFile("BJ0002")) < district.indexOf("units/" + Html.unitFile("BJ0003")),
        "ranked best first, each unit linked to its page");
    assertTrue(district.contains("“三公”经费支出决算情况说明") && district.contains("未知"), "names what is missing and what is not known");
  }

  @Test
  void missingGoldTablesSayNoDataYetAndThePageStillOpensCleanly() throws Exception {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    ReportFixtures.unitYears(lake, this::rows);
    ReportJob.Result result = ReportJob.run(lake, tmp.resolve("reports").toString(), DAY);

    String html = Files.readString(Path.of(result.indexPath()), StandardCharsets.UTF_8);
    for (String t : List.of("gold.execution", "gold.score_distribution", "gold.three_public_trend", "gold.flags")) {
      assertTrue(html.contains("no data yet: " + t + " is not in the lake"), t + " section says no data yet");
    }
    assertEquals(0, result.csvTables());
    assertEquals(0, result.charts());
    assertFalse(Files.exists(tmp.resolve("reports/2026-11-29/csv")), "no CSV without gold tables");

    HeadlessChromium.Page page = HeadlessChromium.open(Path.of(result.indexPath()), tmp);
    assertEquals(List.of(), page.console());
  }

  @Test
  void aLongRankingShowsBothEndsWithTheirRanks() {
    Lake lake = ReportFixtures.fullLake(spark, tmp.resolve("lake"), this::rows);
    ExecutionRanking r = ExecutionRanking.of(lake.read(LakeTable.GOLD_EXECUTION), 1).orElseThrow();
    assertEquals(2023, r.fiscalYear());
    assertEquals(4, r.units());
    assertEquals(List.of("1 BJ0004 101.00", "4 BJ0002 75.00"), r.shown().stream()
        .map(u -> u.rank() + " " + u.unitId() + " " + u.ratePct().setScale(2)).toList());
    assertEquals(2, r.hidden());
  }

  @Test
  void anEmptyLakeStillGetsAReport() {
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    ReportJob.Result result = ReportJob.run(lake, tmp.resolve("reports").toString(), DAY);
    assertTrue(Files.exists(Path.of(result.indexPath())));
    assertEquals(0, result.unitPages());
  }

  @Test
  void aSecondRunOfTheSameDayReplacesTheReport() throws Exception {
    Lake lake = ReportFixtures.fullLake(spark, tmp.resolve("lake"), this::rows);
    ReportJob.Result first = ReportJob.run(lake, tmp.resolve("reports").toString(), DAY);
    ReportJob.Result second = ReportJob.run(lake, tmp.resolve("reports").toString(), DAY);
    assertEquals(first, second);
    try (var files = Files.list(tmp.resolve("reports/2026-11-29/csv"))) {
      assertEquals(7, files.count(), "only the seven CSV files, no staging folders left");
    }
  }

  @Test
  void exportsListRowsInKeyOrderInOnePartOrInRangeParts() {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = rows("unit_id STRING, fiscal_year INT",
        "{\"unit_id\":\"U3\",\"fiscal_year\":2022}", "{\"unit_id\":\"U1\",\"fiscal_year\":2023}",
        "{\"unit_id\":\"U2\",\"fiscal_year\":2021}", "{\"unit_id\":\"U1\",\"fiscal_year\":2021}",
        "{\"unit_id\":\"U3\",\"fiscal_year\":2020}").repartition(3);
    List<String> keyOrder = List.of("U1/2021", "U1/2023", "U2/2021", "U3/2020", "U3/2022");
    List<String> keys = List.of("unit_id", "fiscal_year");

    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> small = ReportJob.inKeyOrder(rows, 5, keys);
    assertEquals(1, small.rdd().getNumPartitions(), "rows that fit one part are in one");
    assertEquals(keyOrder, inOrder(small));

    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> large = ReportJob.inKeyOrder(rows,
        3 * ReportJob.EXPORT_ROWS_PER_PART, keys);
    assertEquals(keyOrder, inOrder(large), "range parts, each sorted, follow one another in key order");
  }

  @Test
  void anExportWrittenByItsTasksJoinsTheirPartsInKeyOrder() throws Exception {
    List<String> keyOrder = new java.util.ArrayList<>();
    List<String> json = new java.util.ArrayList<>();
    for (int u = 40; u >= 1; u--) {
      json.add("{\"unit_id\":\"U" + (100 + u) + "\",\"note\":\"" + (u % 3 == 0 ? "=\\\"a,b\\\"" : "") + "\"}");
      keyOrder.add(0, "U" + (100 + u));
    }
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = rows("unit_id STRING, note STRING",
        json.toArray(String[]::new)).repartition(4);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> ordered = ReportJob.inKeyOrder(rows,
        5 * ReportJob.EXPORT_ROWS_PER_PART, List.of("unit_id"));
    assertTrue(ordered.rdd().getNumPartitions() > 1, "in several range parts");

    List<org.apache.spark.sql.Row> first = new ReportFolder(spark, tmp.resolve("parts").toString(), DAY)
        .exportCsv("gold.example", ordered, 3);
    assertEquals(List.of("U101", "U102", "U103"), first.stream().map(r -> r.getString(0)).toList(),
        "the first partition's first rows come back for the sheet");
    assertEquals("=\"a,b\"", first.get(2).getString(1), "with their values as they are");
    Path file = tmp.resolve("parts/2026-11-29/csv/gold.example.csv");
    List<CSVRecord> csv = CsvFiles.parse(file);
    assertEquals(List.of("unit_id", "note"), csv.get(0).toList());
    assertEquals(keyOrder, csv.subList(1, csv.size()).stream().map(r -> r.get(0)).toList());
    assertEquals("'=\"a,b\"", csv.get(3).get(1), "a formula-like text is quoted as text: " + csv.get(3));
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "the export alone, its parts removed");
    }
  }

  @Test
  void aSheetTakesTheExportsFirstRowsOrATopWhenTheFirstPartHeldTooFew() {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = rows("unit_id STRING",
        "{\"unit_id\":\"U3\"}", "{\"unit_id\":\"U1\"}", "{\"unit_id\":\"U4\"}", "{\"unit_id\":\"U2\"}");
    List<org.apache.spark.sql.Row> handedBack = List.of(org.apache.spark.sql.RowFactory.create("U1"),
        org.apache.spark.sql.RowFactory.create("U2"));
    List<String> taken = new java.util.ArrayList<>();
    ReportJob.sheetRows(rows, List.of("unit_id"), 4, 2, handedBack).forEachRemaining(r -> taken.add(r.getString(0)));
    assertEquals(List.of("U1", "U2"), taken, "enough rows handed back: they are the sheet's");
    taken.clear();
    ReportJob.sheetRows(rows, List.of("unit_id"), 4, 3, handedBack).forEachRemaining(r -> taken.add(r.getString(0)));
    assertEquals(List.of("U1", "U2", "U3"), taken, "too few: the table's first rows in key order");
  }

  private static List<String> inOrder(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
    List<String> out = new java.util.ArrayList<>();
    rows.toLocalIterator().forEachRemaining(r -> out.add(r.getString(0) + "/" + r.getInt(1)));
    return out;
  }
}
