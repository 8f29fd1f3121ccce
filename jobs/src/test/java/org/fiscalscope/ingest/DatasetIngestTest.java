package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * Tabular datasets as a finance system exports them — CSV and Parquet, one row per unit-year, functional line,
 * project or indicator — through ingest into silver: exact figures, one reject per bad row with its row number
 * while the file's good rows land, re-runs that change nothing, corrected files that replace their unit-years.
 */
class DatasetIngestTest extends SparkTest {

  static final String UNIT_YEAR_CSV = """
      unit_code,unit_name,fiscal_year,unit_kind,income_total,expenditure_total,budget_initial,actual_final,execution_rate_pct,three_public_actual_total,outbound_groups
      D001,滨江区测试局,2022,行政,500.10,480.20,510.00,480.20,94.16,12.3456,1
      D001,滨江区测试局,2023,行政,"1,547.39",547.39,574.45,547.39,95.29,10.5,0
      ,滨江区第二中学,2022,事业,100,100,,,,,
      ,滨江区第二中学,2023,事业,120.5,118.25,130,118.25,90.96%,,
      """;

  /** Row 5 spans two lines (a line break inside quotes), row 9 is blank: the rows after them keep their numbers. */
  static final String FUNCTION_LINE_CSV = """
      unit_code,unit_name,fiscal_year,code,name,budget_initial,actual
      D001,滨江区测试局,2022,201,一般公共服务支出,40,40
      D001,滨江区测试局,2022,208,社会保障和就业支出,470,440.2
      D001,滨江区测试局,2023,208,社会保障和就业支出,534.45,507.39
      D001,滨江区测试局,2023,2080104,"综合业务管理
      （含培训）",120.5,118.0001
      ,滨江区第二中学,2022,205,教育支出,100,100
      ,滨江区第二中学,2023,205,教育支出,130,118.25
      ,滨江区第二中学,2023,20502,普通教育,abc,118.25

      D001,滨江区测试局,2023,201,一般公共服务支出,40,-3
      D001,,2023,203,国防支出,1,1
      D001,滨江区测试局,1899,201,一般公共服务支出,1,1
      X9,无名单位,2023,201,一般公共服务支出,1,1
      """;

  static final String PROJECT_CSV = """
      unit_code,unit_name,fiscal_year,project_name,category,budget,actual,execution_rate_pct,execution_score,total_score
      D001,滨江区测试局,2023,2023年市级就业资金,专项,170,142.94,84.08,16.82,92.5
      D001,滨江区测试局,2023,"培训费, 第一期",,20,20,100,20,100
      D001,滨江区测试局,2022,2022年就业资金,,150,150,100,20,98
      ,滨江区第二中学,2023,校舍维修,,30,29.5,98.33,19.67,95
      ,滨江区第二中学,2023,校舍维修,,30,29.5,98.33,19.67,95
      """;

  static final String INDICATOR_CSV = """
      unit_code,unit_name,fiscal_year,project_name,seq,level1,level2,name,target,actual,weight,score
      D001,滨江区测试局,2023,2023年市级就业资金,2,产出指标,质量指标,满意度,优,优,10,10
      D001,滨江区测试局,2023,2023年市级就业资金,1,产出指标,数量指标,补贴人数,"≥1,200人",1250人,20,20
      D001,滨江区测试局,2023,,1,产出指标,,完成率,≥95%,95.3%,10,10
      ,滨江区第二中学,2023,不存在的项目,1,产出指标,,教室数,1,1,10,10
      """;

  private Path landing;

  private void write(String name, String content) throws IOException {
    Path p = landing.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  private Lake lake() {
    return new Lake(spark, tmp.resolve("lake").toString());
  }

  private static Map<String, String> reasons(Lake lake) {
    Map<String, String> m = new java.util.TreeMap<>();
    lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason").collectAsList()
        .forEach(r -> m.put(r.getString(1).replaceAll(":.*", ""), r.getString(1)));
    return m;
  }

  /** The figures both the CSV and the Parquet set must give. */
  private void assertSilverFigures(Lake lake) {
    assertEquals(List.of(
            "[D001,2022,滨江区测试局,行政,500.1000,480.2000,94.1600,12.3456,1]",
            "[D001,2023,滨江区测试局,行政,1547.3900,547.3900,95.2900,10.5000,0]",
            "[滨江区第二中学,2022,滨江区第二中学,事业,100.0000,100.0000,null,null,null]",
            "[滨江区第二中学,2023,滨江区第二中学,事业,120.5000,118.2500,90.9600,null,null]"),
        sorted(lake.read(LakeTable.SILVER_UNIT_YEAR).select("unit_id", "fiscal_year", "unit_name", "unit_kind",
            "income_total", "expenditure_total", "execution_rate_pct", "three_public_actual_total", "outbound_groups")));
    assertEquals(List.of(
            "[D001,2022,201,1,40.0000,40.0000]", "[D001,2022,208,1,470.0000,440.2000]",
            "[D001,2023,208,1,534.4500,507.3900]", "[D001,2023,2080104,3,120.5000,118.0001]",
            "[滨江区第二中学,2022,205,1,100.0000,100.0000]", "[滨江区第二中学,2023,205,1,130.0000,118.2500]"),
        sorted(lake.read(LakeTable.SILVER_FUNCTION_LINE).select("unit_id", "fiscal_year", "code", "level",
            "budget_initial", "actual")));
    assertEquals("综合业务管理\n（含培训）", lake.read(LakeTable.SILVER_FUNCTION_LINE).filter("code = '2080104'")
        .select("name").head().getString(0), "a line break inside a quoted cell is part of the cell");
    assertEquals(List.of(
            "[D001,2022,2022年就业资金,150.0000,150.0000,98.0000,0]",
            "[D001,2023,2023年市级就业资金,170.0000,142.9400,92.5000,2]",
            "[D001,2023,培训费, 第一期,20.0000,20.0000,100.0000,0]",
            "[滨江区第二中学,2023,校舍维修,30.0000,29.5000,95.0000,0]"),
        sorted(lake.read(LakeTable.SILVER_PROJECT).select("unit_id", "fiscal_year", "project_name", "budget", "actual",
            "total_score", "indicator_count")));
    assertEquals(List.of("[,1,unit,完成率,>=,95.0000,10.0000]", "[2023年市级就业资金,1,project,补贴人数,>=,1200.0000,20.0000]",
            "[2023年市级就业资金,2,project,满意度,null,null,10.0000]"),
        sorted(lake.read(LakeTable.SILVER_INDICATOR).select("project_name", "seq", "scope", "name", "target_operator",
            "target_value", "score")), "indicators ordered by seq, the unit's own evaluation under an empty project");
  }

  @Test
  void aCsvDatasetReachesSilverExactlyAndEachBadRowIsRefusedWithItsRowNumber() throws IOException {
    landing = tmp.resolve("landing");
    write("district.unit_year.csv", UNIT_YEAR_CSV);
    write("district.function_line.csv", FUNCTION_LINE_CSV);
    write("sub/district-project.csv", PROJECT_CSV);
    write("district_indicator.csv", "\uFEFF" + INDICATOR_CSV);
    Lake lake = lake();

    IngestJob.Result first = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertSilverFigures(lake);
    assertEquals(Map.of(
            "district.function_line.csv row 8", "district.function_line.csv row 8: budget_initial 'abc' is not a number; correct the figure.",
            "district.function_line.csv row 10", "district.function_line.csv row 10: actual is -3 but must be at least 0; correct the figure.",
            "district.function_line.csv row 11", "district.function_line.csv row 11: unit_name is empty; fill it in.",
            "district.function_line.csv row 12", "district.function_line.csv row 12: fiscal_year is 1899 but must be at least 1990; correct the figure.",
            "district.function_line.csv row 13", "district.function_line.csv row 13: 无名单位 has no unit_year row for 2023 in this batch nor in the lake;"
                + " send the unit's unit_year row for that year with these rows (or correct it, if it was refused).",
            "district_indicator.csv row 5", "district_indicator.csv row 5: the project 不存在的项目 of 滨江区第二中学 2023 has no project row in this"
                + " batch nor in the lake; correct the project name or send the project's row (or correct it, if it was refused).",
            "sub/district-project.csv row 6", "sub/district-project.csv row 6: repeats row 5 (the same project 校舍维修); keep one row per project"
                + " and remove the other."),
        reasons(lake));
    assertEquals(4 + 4 + 3 + 1, first.newDocuments(), "one bronze.documents row per file and unit-year it holds");
    assertEquals(7, first.rejected());
    assertEquals(4, first.filesSeen());
    assertEquals(0, first.skipped());

    Row rowReject = lake.read(LakeTable.BRONZE_REJECTS).filter("reason LIKE '%row 8:%'").head();
    assertEquals("{\"row\":8,\"unit_name\":\"滨江区第二中学\",\"fiscal_year\":\"2023\",\"code\":\"20502\",\"name\":\"普通教育\","
        + "\"budget_initial\":\"abc\",\"actual\":\"118.25\"}", new String((byte[]) rowReject.getAs("content"), StandardCharsets.UTF_8),
        "the refused row is kept as it was sent");
    assertEquals(DatasetReader.rowKey(LandingFile.sha256(Files.readAllBytes(landing.resolve("district.function_line.csv"))), 8),
        rowReject.getAs("sha256"));
    Row part = lake.read(LakeTable.BRONZE_DOCUMENTS).filter("path = 'district.function_line.csv' AND unit_id = 'D001'"
        + " AND fiscal_year = 2023").head();
    assertEquals("csv", part.getAs("kind"));
    assertTrue(new String((byte[]) part.getAs("content"), StandardCharsets.UTF_8).startsWith("{\"row\":4,"),
        "a part's content is its rows");
    assertEquals(List.of("[/functions/1/actual,5,row 5: actual = 118.0001,district.function_line.csv]",
            "[/totals/income_total,3,row 3: income_total = 1,547.39,district.unit_year.csv]"),
        sorted(lake.read(LakeTable.SILVER_PROVENANCE).filter("unit_id = 'D001' AND fiscal_year = 2023 AND field IN"
            + " ('/functions/1/actual', '/totals/income_total')").select("field", "line", "text", "source_file")),
        "every figure points at its file, row and cell");
    assertEquals(List.of("[D001,2023,csv,district.unit_year.csv]"), sorted(lake.read(LakeTable.SILVER_UNIT_YEAR)
        .filter("unit_id = 'D001' AND fiscal_year = 2023").select("unit_id", "fiscal_year", "source_kind", "source_file")));

    Map<String, Long> before = LakeVersions.ofIngestTables(lake);
    IngestJob.Result again = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(List.of(0L, 0L, 4L), List.of(again.newDocuments(), again.rejected(), again.skipped()));
    assertEquals(before, LakeVersions.ofIngestTables(lake), "a re-run over the same landing folder commits nothing");

    // The function lines sent again, one figure corrected: every unit-year the file holds is rebuilt from it and
    // from the other tables' parts already in the lake.
    write("district.function_line.csv", FUNCTION_LINE_CSV.replace("130,118.25\n", "130,119.5\n"));
    IngestJob.Result corrected = IngestJob.run(lake, landing.toString(), "run-3", 1 << 20);
    assertEquals(4, corrected.newDocuments());
    assertEquals(5, corrected.rejected(), "the rows still wrong are refused again");
    assertEquals("119.5000", lake.read(LakeTable.SILVER_FUNCTION_LINE)
        .filter("unit_id = '滨江区第二中学' AND fiscal_year = 2023 AND code = '205'").select("actual").head().get(0).toString());
    assertEquals(4, lake.read(LakeTable.SILVER_PROJECT).count(), "the projects of the unit-years rebuilt are kept");
    assertEquals("120.5000", lake.read(LakeTable.SILVER_UNIT_YEAR).filter("unit_id = '滨江区第二中学' AND fiscal_year = 2023")
        .select("income_total").head().get(0).toString());
    assertEquals(List.of("[D001,2023,sum.functions,error]", "[D001,2023,sum.functions_budget,error]",
            "[滨江区第二中学,2023,sum.functions,error]"),
        sorted(lake.read(LakeTable.SILVER_FINDING).select("unit_id", "fiscal_year", "rule", "severity")),
        "one family, nothing to merge; the audit finds the functional lines not adding up to the unit's totals");
    assertTrue(lake.read(LakeTable.SILVER_FINDING).where("unit_id = 'D001' AND rule = 'sum.functions'").head()
        .<String>getAs("evidence").contains("(district.function_line.csv line 4: row 4: actual = 507.39)"),
        "each figure cited with its file and row");
  }

  @Test
  void csvFilesWithMissingOrUnknownColumnsAreRefusedWhole() throws IOException {
    landing = tmp.resolve("landing");
    write("district.unit_year.csv", UNIT_YEAR_CSV);
    String lacksYear = FUNCTION_LINE_CSV.replace("unit_code,unit_name,fiscal_year,code,", "unit_code,unit_name,code,");
    write("a.function_line.csv", lacksYear);
    write("b.function_line.csv", FUNCTION_LINE_CSV.replace(",actual\n", ",actual,remarks,budget\n"));
    write("c.project.csv", "unit_name,fiscal_year,project_name\n");
    Lake lake = lake();

    IngestJob.Result r = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertEquals(3, r.rejected());
    Map<String, String> reasons = reasons(lake);
    assertEquals("a.function_line.csv: has a header row that lacks the required column fiscal_year; use the column names"
        + " of schemas/datasets/function_line.ddl (a header row is required; columns not marked NOT NULL may be left out).",
        reasons.get("a.function_line.csv"));
    assertTrue(reasons.get("b.function_line.csv").startsWith("b.function_line.csv: has a header row that has the columns"
        + " remarks, budget, which are not columns of the function_line table;"), reasons.get("b.function_line.csv"));
    assertEquals("c.project.csv: has a header row but no data rows; send the file with its rows.", reasons.get("c.project.csv"));
    assertEquals(lacksYear.getBytes(StandardCharsets.UTF_8).length, ((byte[]) lake.read(LakeTable.BRONZE_REJECTS)
        .filter("path = 'a.function_line.csv'").select("content").head().get(0)).length, "the file is kept whole");
    assertEquals(4, lake.read(LakeTable.SILVER_UNIT_YEAR).count(), "the other files of the batch land");
    assertEquals(0, IngestJob.run(lake, landing.toString(), "run-2", 1 << 20).rejected(), "refused files are not read again");
  }

  private static final StructType UNIT_YEAR_PARQUET = StructType.fromDDL("unit_code STRING, unit_name STRING,"
      + " fiscal_year INT, unit_kind STRING, income_total DECIMAL(18,2), expenditure_total DECIMAL(18,2),"
      + " execution_rate_pct DOUBLE, three_public_actual_total DECIMAL(10,4), outbound_groups BIGINT");
  private static final StructType LINES_DOUBLE = StructType.fromDDL(
      "unit_code STRING, unit_name STRING, fiscal_year INT, code STRING, name STRING, budget_initial DOUBLE, actual DOUBLE");
  private static final StructType LINES_TEXT = StructType.fromDDL(
      "Unit_Name STRING, fiscal_year STRING, code INT, budget_initial STRING, actual STRING, unit_code STRING");
  private static final StructType PROJECTS = StructType.fromDDL("unit_code STRING, unit_name STRING, fiscal_year INT,"
      + " project_name STRING, budget STRING, actual DOUBLE, total_score FLOAT");
  private static final StructType INDICATORS = StructType.fromDDL("unit_code STRING, unit_name STRING, fiscal_year INT,"
      + " project_name STRING, seq INT, level1 STRING, name STRING, target STRING, actual STRING, weight INT, score DOUBLE");

  private void parquet(String name, StructType schema, Row... rows) throws IOException {
    Path out = tmp.resolve("parquet-out").resolve(name);
    spark.createDataFrame(List.of(rows), schema).coalesce(1).write().parquet(out.toString());
    try (Stream<Path> files = Files.list(out)) {
      Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.createDirectories(landing.resolve(name).getParent());
      Files.copy(part, landing.resolve(name));
    }
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void aParquetDatasetOfMixedLayoutsReachesSilverExactlyAndBadRowsAreRefusedByRowIndex() throws IOException {
    landing = tmp.resolve("landing");
    parquet("2022-2023.unit_year.parquet", UNIT_YEAR_PARQUET,
        RowFactory.create("D001", "滨江区测试局", 2022, "行政", d("500.10"), d("480.20"), 94.16, d("12.3456"), 1L),
        RowFactory.create("D001", "滨江区测试局", 2023, "行政", d("1547.39"), d("547.39"), 95.29, d("10.5"), 0L),
        RowFactory.create(null, "滨江区第二中学", 2022, "事业", d("100"), d("100"), null, null, null),
        RowFactory.create(null, "滨江区第二中学", 2023, "事业", d("120.5"), d("118.25"), 90.96, null, null));
    // Amounts exported as floating point by one system, as text by another: both read exactly.
    parquet("测试局 线 [2022-2023].function_line.parquet", LINES_DOUBLE,
        RowFactory.create("D001", "滨江区测试局", 2022, "201", "一般公共服务支出", 40.0, 40.0),
        RowFactory.create("D001", "滨江区测试局", 2022, "208", "社会保障和就业支出", 470.0, 440.2),
        RowFactory.create("D001", "滨江区测试局", 2023, "208", "社会保障和就业支出", 534.45, 507.39),
        RowFactory.create("D001", "滨江区测试局", 2023, "2080104", "综合业务管理\n（含培训）", 120.5, 118.0001));
    parquet("school.function_line.parquet", LINES_TEXT,
        RowFactory.create("滨江区第二中学", "2022", 205, "100", "100", null),
        RowFactory.create("滨江区第二中学", "2023", 205, "130", "118.25", null),
        RowFactory.create("滨江区第二中学", "2023", 20502, "abc", "118.25", null),
        RowFactory.create("滨江区第二中学", "2031", 20503, "1", "1", null));
    parquet("district.project.parquet", PROJECTS,
        RowFactory.create("D001", "滨江区测试局", 2023, "2023年市级就业资金", "170", 142.94, 92.5f),
        RowFactory.create("D001", "滨江区测试局", 2023, "培训费, 第一期", "20", 20.0, 100f),
        RowFactory.create("D001", "滨江区测试局", 2022, "2022年就业资金", "150", 150.0, 98f),
        RowFactory.create(null, "滨江区第二中学", 2023, "校舍维修", "30", 29.5, 95f),
        RowFactory.create(null, "滨江区第二中学", 2023, "校舍维修", "30", 29.5, 95f));
    parquet("district.indicator.parquet", INDICATORS,
        RowFactory.create("D001", "滨江区测试局", 2023, "2023年市级就业资金", 2, "产出指标", "满意度", "优", "优", 10, 10.0),
        RowFactory.create("D001", "滨江区测试局", 2023, "2023年市级就业资金", 1, "产出指标", "补贴人数", "≥1,200人", "1250人", 20, 20.0),
        RowFactory.create("D001", "滨江区测试局", 2023, null, 1, "产出指标", "完成率", "≥95%", "95.3%", 10, 10.0));
    parquet("district.parquet", PROJECTS, RowFactory.create("D001", "滨江区测试局", 2023, "x", "1", 1.0, 1f));
    parquet("extra.project.parquet", StructType.fromDDL("unit_name STRING, fiscal_year INT, project_name STRING, remarks STRING"),
        RowFactory.create("滨江区测试局", 2023, "x", "备注"));
    parquet("nested.indicator.parquet", StructType.fromDDL("unit_name STRING, fiscal_year INT, name STRING, score STRUCT<value: DOUBLE>"),
        RowFactory.create("滨江区测试局", 2023, "x", RowFactory.create(1.0)));
    write("broken.unit_year.parquet", "PAR1 not really");
    Lake lake = lake();

    IngestJob.Result first = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertSilverFigures(lake);
    Map<String, String> reasons = reasons(lake);
    assertEquals("school.function_line.parquet row index 2: budget_initial 'abc' is not a number; correct the figure.",
        reasons.get("school.function_line.parquet row index 2"));
    assertTrue(reasons.get("school.function_line.parquet row index 3").startsWith(
        "school.function_line.parquet row index 3: fiscal_year is 2031, a year whose accounts cannot be closed yet"));
    assertEquals("district.project.parquet row index 4: repeats row index 3 (the same project 校舍维修); keep one row per"
        + " project and remove the other.", reasons.get("district.project.parquet row index 4"));
    assertEquals("district.parquet: does not say in its name which table it holds; name it after its table, e.g."
        + " 2023.unit_year.parquet, 2023.function_line.parquet, 2023.project.parquet or 2023.indicator.parquet.",
        reasons.get("district.parquet"));
    assertTrue(reasons.get("extra.project.parquet").startsWith("extra.project.parquet: has columns that do not fit: it has the"
        + " column remarks, which is not a column of the project table;"), reasons.get("extra.project.parquet"));
    assertTrue(reasons.get("nested.indicator.parquet").startsWith("nested.indicator.parquet: has the nested column score;"));
    assertTrue(reasons.get("broken.unit_year.parquet").startsWith("broken.unit_year.parquet: is not a readable Parquet file"));
    assertEquals(7, first.rejected(), reasons.toString());
    assertEquals(List.of("[/functions/1/actual,null,row index 3: actual = 118.0001,测试局 线 [2022-2023].function_line.parquet]"),
        sorted(lake.read(LakeTable.SILVER_PROVENANCE).filter("unit_id = 'D001' AND fiscal_year = 2023 AND field ="
            + " '/functions/1/actual'").select("field", "line", "text", "source_file")));

    Map<String, Long> before = LakeVersions.ofIngestTables(lake);
    IngestJob.Result again = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(List.of(0L, 0L, 9L), List.of(again.newDocuments(), again.rejected(), again.skipped()));
    assertEquals(before, LakeVersions.ofIngestTables(lake), "a re-run over the same landing folder commits nothing");
  }

  @Test
  void aRowOfALaterBatchFindsItsUnitYearInTheLake() throws IOException {
    landing = tmp.resolve("landing");
    write("2023.unit_year.csv", UNIT_YEAR_CSV);
    Lake lake = lake();
    IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);

    write("later/2023.project.csv", PROJECT_CSV);
    write("later/2023.indicator.csv", INDICATOR_CSV);
    IngestJob.Result r = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(2, r.rejected(), "the repeated project and the indicator of an unknown project");
    assertEquals(4, lake.read(LakeTable.SILVER_PROJECT).count());
    Dataset<Row> d001 = lake.read(LakeTable.SILVER_UNIT_YEAR).filter("unit_id = 'D001' AND fiscal_year = 2023");
    assertEquals("1547.3900", d001.select("income_total").head().get(0).toString(), "the unit_year part is kept");
    assertEquals("2023.unit_year.csv", d001.select("source_file").head().getString(0));
  }
}
