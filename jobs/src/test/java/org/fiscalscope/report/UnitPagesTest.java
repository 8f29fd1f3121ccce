package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.pipeline.NightlyStages;
import org.fiscalscope.pipeline.Progress;
import org.fiscalscope.pipeline.Run;
import org.fiscalscope.pipeline.RunSummary;
import org.fiscalscope.pipeline.Settings;
import org.junit.jupiter.api.Test;

/**
 * The unit pages of a nightly run over the real disclosure of the demo's seed unit and two generated units of the demo
 * (three years each): every unit has a page, every unit the main page names links to an existing page, and on the
 * seed unit's page, opened in headless Chromium without a console message, 208 leads to its 款 and their 项, the
 * 84.08 % project has its row for each year it exists, and figures link to the lines that stated them.
 */
class UnitPagesTest extends SparkTest {

  static final String SEED = "武汉市青山区人才服务中心";
  static final String PROJECT = "2023年市级就业资金";
  static final LocalDate DAY = LocalDate.of(2026, 3, 3);

  @Test
  void everyUnitHasAPageAndTheSeedUnitsPageDrillsFromItsClassToItsItems() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    for (String f : List.of("qingshan-talent-service-center-2023.txt", "_units.csv", "BJ0001-2021.json",
        "BJ0001-2022.json", "BJ0001-2023.json", "BJ0002-2021.json", "BJ0002-2022.json", "BJ0002-2023.json")) {
      Files.copy(Path.of("data/sample").resolve(f), landing.resolve(f));
    }
    Path lakeDir = tmp.resolve("lake");
    Path reports = tmp.resolve("reports");
    nightly(landing, lakeDir, reports);
    Lake lake = new Lake(spark, lakeDir.toString());
    // The disclosure lists the 项 it spent on under 208 (本部门使用科目如下, its line 258) without their amounts, which
    // its standard tables print; added here as those tables would add them, with no amount, as the source states none.
    DeltaMerge.upsert(lake, LakeTable.SILVER_FUNCTION_LINE, rows("unit_id STRING, fiscal_year INT, code STRING, name STRING, "
            + "level INT, class_code STRING, line_seq INT",
        item("2080104", "综合业务管理", 5), item("2080102", "一般行政管理事务", 6), item("2080701", "就业创业服务补贴", 7),
        item("2080505", "机关事业单位基本养老保险", 8)));
    List<String> held = heldBlocks();
    ReportJob.Result result = ReportJob.run(lake, reports.toString(), DAY);
    Path day = reports.resolve(DAY.toString());
    assertEquals(held, heldBlocks(), "the report released the index rows its page writers handed back");

    Set<String> unitIds = lake.read(LakeTable.SILVER_UNIT_YEAR).select("unit_id").distinct().collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(3, unitIds.size(), unitIds.toString());
    assertEquals(unitIds.stream().map(Html::unitFile).collect(Collectors.toCollection(TreeSet::new)), pages(day.resolve("units")),
        "one page per unit of silver.unit_year, and nothing else");
    assertEquals(3, result.unitPages());
    String index = Files.readString(day.resolve("index.html"), StandardCharsets.UTF_8);
    List<String> links = hrefs(index, "units/");
    assertTrue(links.contains("units/index.html") && links.contains("units/" + Html.unitFile(SEED)), links.toString());
    for (String link : links) {
      assertTrue(Files.isRegularFile(day.resolve(link)), "the main page's link " + link + " leads to a page");
    }

    Path seedPage = day.resolve("units").resolve(Html.unitFile(SEED));
    HeadlessChromium.Page page = HeadlessChromium.open(seedPage, tmp);
    assertEquals(List.of(), page.console(), "the unit page logs nothing to the console");
    assertEquals(2, page.count("<canvas class=\"fs-chart unit-history\"[^>]*data-rendered=\"true\""),
        "the shared script (units/fiscalscope.js) drew both history charts");
    String dom = page.dom();

    String year = element(dom, "fn-2023");
    assertTrue(year.startsWith("<details") && year.substring(0, year.indexOf('>')).contains(" open"), "the latest year is open");
    String cls = element(year, "fn-2023-208");
    assertTrue(cls.startsWith("<details class=\"fn-class\""), cls);
    assertTrue(cls.contains("社会保障和就业支出"), "208 is named");
    for (String[] groupAndItem : new String[][] {{"20801", "2080104"}, {"20801", "2080102"}, {"20807", "2080701"}, {"20805", "2080505"}}) {
      String group = element(cls, "fn-2023-" + groupAndItem[0]);
      assertTrue(group.startsWith("<details class=\"fn-group\""), "208 → its 款 " + groupAndItem[0] + ": " + group);
      String item = element(group, "fn-2023-" + groupAndItem[1]);
      assertTrue(item.startsWith("<tr class=\"fn-item\""), "→ its 项 " + groupAndItem[1] + ": " + item);
    }
    Row budget208 = lake.read(LakeTable.SILVER_FUNCTION_LINE).filter(col("unit_id").equalTo(SEED).and(col("code").equalTo("208")))
        .first();
    int line208 = provenanceLine(lake, "/functions/" + (budget208.<Integer>getAs("line_seq") - 1) + "/budget_initial");
    assertLinkedToLine(dom, cls, "490.59", line208);

    List<String> years = projectYears(dom, PROJECT);
    assertEquals(projectYearsInLake(lake, SEED, PROJECT), years, "the 84.08 % project: one row for each year it exists");
    Row project = lake.read(LakeTable.SILVER_PROJECT).filter(col("unit_id").equalTo(SEED).and(col("project_name").equalTo(PROJECT))).first();
    String projectRows = dom.substring(dom.indexOf(Html.esc(PROJECT) + "<br>"));
    assertLinkedToLine(dom, projectRows.substring(0, projectRows.indexOf("</tr>")), "84.08%",
        provenanceLine(lake, "/performance/projects/" + (project.<Integer>getAs("project_seq") - 1) + "/execution_rate_pct"));
    assertTrue(projectRows.substring(0, projectRows.indexOf("</tr>")).contains("badge sev-warning"), "its low-execution flag");

    long findings = lake.read(LakeTable.SILVER_FINDING).filter(col("unit_id").equalTo(SEED)).count();
    String findingTable = element(dom, "findings");
    assertEquals(findings, count(findingTable, "<tr><td>2023</td>"), "every finding of the unit");
    assertTrue(element(dom, "flags").contains("low_execution"), "its flags");

    // A generated unit's project evaluated in each of three years reads as one block of three rows.
    Row recurring = lake.read(LakeTable.SILVER_PROJECT).filter(col("unit_id").equalTo("BJ0001")).groupBy("project_name").count()
        .filter(col("count").equalTo(3)).orderBy("project_name").first();
    String name = recurring.getString(0);
    HeadlessChromium.Page generated = HeadlessChromium.open(day.resolve("units").resolve(Html.unitFile("BJ0001")), tmp);
    assertEquals(List.of(), generated.console());
    assertEquals(List.of("2021", "2022", "2023"), projectYears(generated.dom(), name), name + " in each of its years");
    assertTrue(generated.dom().contains("rowspan=\"3\" class=\"project-name\">" + Html.esc(name) + "<br>"), "under one name");

    HeadlessChromium.Page all = HeadlessChromium.open(day.resolve("units/index.html"), tmp);
    assertEquals(List.of(), all.console(), "the index of units logs nothing");
    assertEquals(3, all.count("<tr data-search="), "the index lists every unit");

    // The main page of the same run rates the real disclosure in its district, linked to its page; nothing is logged.
    HeadlessChromium.Page main = HeadlessChromium.open(day.resolve("index.html"), tmp);
    assertEquals(List.of(), main.console(), "the main page logs nothing");
    Row rated = lake.read(org.fiscalscope.lake.LakeTable.GOLD_DISCLOSURE_QUALITY).filter(col("unit_id").equalTo(SEED)).first();
    String disclosure = element(main.dom(), "disclosure");
    String seedRow = disclosure.substring(disclosure.indexOf("units/" + Html.unitFile(SEED)));
    seedRow = seedRow.substring(0, seedRow.indexOf("</tr>"));
    assertTrue(seedRow.contains(Html.num(rated.<java.math.BigDecimal>getAs("score"))), "its score: " + seedRow);
    assertTrue(seedRow.contains("未知"), "timeliness is not known (the text states no dates): " + seedRow);
    assertEquals(5, (int) rated.<Integer>getAs("criteria_known"));
  }

  private void nightly(Path landing, Path lakeDir, Path reports) {
    Lake lake = new Lake(spark, lakeDir.toString());
    Settings settings = Settings.load(null).withPaths(landing.toString(), lake.root(), reports.toString());
    RunSummary summary = Run.execute("nightly", lake, settings, NightlyStages.all(settings, DAY),
        new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 1));
    assertEquals(RunSummary.SUCCEEDED, summary.status(), summary.error());
  }

  private static String item(String code, String name, int seq) {
    return "{\"unit_id\":\"" + SEED + "\",\"fiscal_year\":2023,\"code\":\"" + code + "\",\"name\":\"" + name
        + "\",\"level\":3,\"class_code\":\"208\",\"line_seq\":" + seq + "}";
  }

  private static int provenanceLine(Lake lake, String field) {
    return lake.read(LakeTable.SILVER_PROVENANCE).filter(col("unit_id").equalTo(SEED).and(col("field").equalTo(field)))
        .first().<Integer>getAs("line");
  }

  private static List<String> projectYearsInLake(Lake lake, String unit, String project) {
    return lake.read(LakeTable.SILVER_PROJECT).filter(col("unit_id").equalTo(unit).and(col("project_name").equalTo(project)))
        .orderBy("fiscal_year").collectAsList().stream().map(r -> String.valueOf(r.<Integer>getAs("fiscal_year"))).toList();
  }

  /** The figure {@code shown} inside {@code part} links to a source listed with the seed's file and {@code line}. */
  private static void assertLinkedToLine(String dom, String part, String shown, int line) {
    Matcher m = Pattern.compile("<a class=\"src\" href=\"#(src-[0-9]+)\"[^>]*>" + Pattern.quote(shown) + "</a>").matcher(part);
    assertTrue(m.find(), shown + " is linked to its source in: " + part);
    String source = element(dom, m.group(1));
    assertTrue(source.contains("qingshan-talent-service-center-2023.txt:" + line + "</code>"),
        shown + " points at line " + line + " of the disclosure: " + source);
  }

  /** The data-year of every row of the project's block in the projects table. */
  private static List<String> projectYears(String dom, String project) {
    int at = dom.indexOf(">" + Html.esc(project) + "<br>");
    assertTrue(at > 0, project + " is in the projects table");
    Matcher tr = Pattern.compile("<tr class=\"project-year\" data-project=\"([0-9]+)\"").matcher(dom.substring(0, at));
    String n = null;
    while (tr.find()) {
      n = tr.group(1);
    }
    Matcher rows = Pattern.compile("<tr class=\"project-year\" data-project=\"" + n + "\" data-year=\"([0-9]+)\"").matcher(dom);
    List<String> years = new ArrayList<>();
    while (rows.find()) {
      years.add(rows.group(1));
    }
    return years;
  }

  /** The element with the given id, from its opening tag to its matching closing tag. */
  static String element(String html, String id) {
    int attr = html.indexOf(" id=\"" + id + "\"");
    assertTrue(attr >= 0, "an element with id " + id);
    int start = html.lastIndexOf('<', attr);
    Matcher name = Pattern.compile("<([a-z0-9]+)").matcher(html);
    assertTrue(name.find(start));
    String tag = name.group(1);
    Matcher tags = Pattern.compile("<(/?)" + tag + "\\b[^>]*>").matcher(html);
    int depth = 0;
    tags.region(start, html.length());
    while (tags.find()) {
      depth += tags.group(1).isEmpty() ? 1 : -1;
      if (depth == 0) {
        return html.substring(start, tags.end());
      }
    }
    throw new AssertionError("element " + id + " is not closed");
  }

  private static long count(String html, String literal) {
    return Pattern.compile(Pattern.quote(literal)).matcher(html).results().count();
  }

  private static List<String> hrefs(String html, String prefix) {
    Matcher m = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"#]*)\"").matcher(html);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out.stream().distinct().toList();
  }

  private static Set<String> pages(Path units) throws Exception {
    try (Stream<Path> files = Files.list(units)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("unit-"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
