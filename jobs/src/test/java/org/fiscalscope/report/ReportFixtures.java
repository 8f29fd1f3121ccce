package org.fiscalscope.report;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;

/**
 * A small lake for report tests: four units of two kinds over 2022–2023 (one with a hostile name), and every gold
 * table in its declared schema — one unit below the execution lines, one that broke 只减不增.
 */
final class ReportFixtures {

  /** SparkTest's inline-fixture helper. */
  interface Rows {
    Dataset<Row> rows(String ddl, String... json);
  }

  private ReportFixtures() {}

  static void unitYears(Lake lake, Rows r) {
    String ddl = "unit_id STRING, fiscal_year INT, unit_name STRING, unit_kind STRING, budget_initial DECIMAL(18,4), "
        + "actual_final DECIMAL(18,4), three_public_actual_total DECIMAL(18,4), unit_eval_total_score DECIMAL(18,4), source_file STRING";
    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, r.rows(ddl,
        uy("BJ0001", 2022, "滨江区教育局", "行政", 100, 95, 8, 90),
        uy("BJ0001", 2023, "滨江区教育局", "行政", 100, 97, 7, 92),
        uy("BJ0002", 2022, "滨江区文化馆", "事业", 200, 190, 10, 100),
        uy("BJ0002", 2023, "滨江区文化馆", "事业", 200, 150, 12.5, 100),
        uy("BJ0003", 2023, "<script>alert(1)</script>局", "行政", 50, 44, 3, 85),
        uy("BJ0004", 2022, "滨江区档案馆", "事业", 80, 79.2, 4, 95),
        uy("BJ0004", 2023, "滨江区档案馆", "事业", 80, 80.8, 3.5, 96)));
  }

  static Lake fullLake(SparkSession spark, Path root, Rows r) {
    Lake lake = new Lake(spark, root.toString());
    unitYears(lake, r);
    write(lake, "gold.execution", r.rows("unit_id STRING, fiscal_year INT, level STRING, subject STRING, subject_name STRING, "
            + "budget DECIMAL(18,4), actual DECIMAL(18,4), rate_reported_pct DECIMAL(18,4), rate_recomputed_pct DECIMAL(18,2), run_id STRING",
        exec("BJ0001", 2023, "滨江区教育局", 100, 97), exec("BJ0002", 2023, "滨江区文化馆", 200, 150),
        exec("BJ0003", 2023, "<script>alert(1)</script>局", 50, 44), exec("BJ0004", 2023, "滨江区档案馆", 80, 80.8),
        exec("BJ0001", 2022, "滨江区教育局", 100, 95),
        "{\"unit_id\":\"BJ0002\",\"fiscal_year\":2023,\"level\":\"function\",\"subject\":\"2070101\",\"subject_name\":\"行政运行\","
            + "\"budget\":10,\"actual\":1,\"rate_recomputed_pct\":10}"));
    write(lake, "gold.three_public_trend", r.rows("unit_id STRING, fiscal_year INT, category STRING, actual DECIMAL(18,4), "
            + "budget DECIMAL(18,4), prior_year_actual DECIMAL(18,4), yoy_change_amount DECIMAL(18,4), breaks_only_decrease_rule BOOLEAN, run_id STRING",
        trend("BJ0002", 2022, "total", 10, null, false), trend("BJ0002", 2023, "total", 12.5, 2.5, true),
        trend("BJ0002", 2022, "reception", 4, null, false), trend("BJ0002", 2023, "reception", 6.5, 2.5, true),
        trend("BJ0001", 2022, "total", 8, null, false), trend("BJ0001", 2023, "total", 7, -1.0, false)));
    write(lake, "gold.score_distribution", r.rows("fiscal_year INT, peer_group STRING, scope STRING, n BIGINT, mean DOUBLE, "
            + "median DOUBLE, bin_below_60 BIGINT, bin_60_70 BIGINT, bin_70_80 BIGINT, bin_80_90 BIGINT, bin_90_95 BIGINT, "
            + "bin_95_100 BIGINT, bin_100 BIGINT, perfect_share DOUBLE, run_id STRING",
        dist(2023, "all", "unit", 4, 0, 0, 0, 1, 1, 1, 1), dist(2023, "all", "project", 10, 1, 0, 1, 2, 2, 1, 3),
        dist(2023, "kind:事业", "unit", 2, 0, 0, 0, 0, 0, 1, 1), dist(2022, "all", "unit", 3, 0, 0, 0, 0, 2, 0, 1)));
    write(lake, "gold.credibility", r.rows("unit_id STRING, fiscal_year INT, years_of_history INT, outturn_pct DECIMAL(18,2), "
            + "pi1_grade STRING, run_id STRING",
        "{\"unit_id\":\"BJ0002\",\"fiscal_year\":2023,\"years_of_history\":2,\"outturn_pct\":75.00}"));
    write(lake, "gold.disclosure_quality", r.rows("unit_id STRING, fiscal_year INT, unit_name STRING, region STRING, "
            + "tables_present INT, sections_present INT, approved_on DATE, published_on DATE, days_to_publish INT, "
            + "is_late BOOLEAN, score_tables DECIMAL(5,2), score_sections DECIMAL(5,2), "
            + "score_three_public DECIMAL(5,2), score_projects DECIMAL(5,2), score_consistency DECIMAL(5,2), "
            + "score_timeliness DECIMAL(5,2), criteria_known INT, score DECIMAL(5,2), missing STRING, not_known STRING, "
            + "district_rank INT, district_units INT, run_id STRING",
        "{\"unit_id\":\"BJ0002\",\"fiscal_year\":2023,\"unit_name\":\"滨江区文化馆\",\"region\":\"滨江区\",\"tables_present\":9,"
            + "\"sections_present\":8,\"score_tables\":100,\"score_sections\":100,\"score_three_public\":100,"
            + "\"score_projects\":100,\"score_consistency\":90,\"criteria_known\":5,\"score\":98.82,"
            + "\"not_known\":\"批复后20日内公开 Published within 20 days of approval\",\"district_rank\":1,\"district_units\":2}",
        "{\"unit_id\":\"BJ0003\",\"fiscal_year\":2023,\"unit_name\":\"<script>alert(1)</script>局\",\"region\":\"滨江区\","
            + "\"tables_present\":3,\"sections_present\":7,\"approved_on\":\"2024-07-01\",\"published_on\":\"2024-07-26\","
            + "\"days_to_publish\":25,\"is_late\":true,\"score_timeliness\":0,\"score_tables\":33.33,\"score_sections\":87.5,"
            + "\"score_three_public\":50,\"score_projects\":100,\"score_consistency\":100,\"criteria_known\":6,\"score\":63.75,"
            + "\"missing\":\"“三公”经费支出决算情况说明; “三公”经费增减变化原因; 批复后 25 日公开（逾 20 日）\",\"district_rank\":2,\"district_units\":2}"));
    write(lake, "gold.per_capita", r.rows("unit_id STRING, fiscal_year INT, staff_actual INT, staff_authorised INT, "
            + "basic_per_capita DECIMAL(18,4), public_per_capita DECIMAL(18,4), three_public_per_capita DECIMAL(18,4), "
            + "run_id STRING",
        "{\"unit_id\":\"BJ0002\",\"fiscal_year\":2023,\"staff_actual\":12,\"staff_authorised\":14,"
            + "\"basic_per_capita\":21.5,\"public_per_capita\":3.25,\"three_public_per_capita\":0.42}"));
    write(lake, "gold.flags", r.rows("run_id STRING, rule STRING, severity STRING, family STRING, unit_id STRING, "
            + "fiscal_year INT, level STRING, subject STRING, value DOUBLE, threshold DOUBLE, threshold_text STRING, "
            + "explanation_zh STRING, explanation_en STRING, source_sha256 STRING, source_field STRING, source_file STRING, source_page INT, source_line INT, "
            + "source_text STRING",
        "{\"run_id\":\"r1\",\"rule\":\"low_execution\",\"severity\":\"severe\",\"family\":\"rule\",\"unit_id\":\"BJ0002\","
            + "\"fiscal_year\":2023,\"level\":\"unit\",\"subject\":\"unit\",\"value\":75.0,\"threshold\":80.0,"
            + "\"threshold_text\":\"severe line\",\"explanation_zh\":\"执行率 75.00% 低于 80% 严重线\","
            + "\"explanation_en\":\"Execution rate 75.00% is below the 80% severe line\",\"source_field\":\"/totals/actual_final\"}",
        "{\"run_id\":\"r1\",\"rule\":\"three_public_increase\",\"severity\":\"warning\",\"family\":\"rule\",\"unit_id\":\"BJ0002\","
            + "\"fiscal_year\":2023,\"level\":\"category\",\"subject\":\"reception\",\"value\":6.5,\"threshold\":4.0,"
            + "\"threshold_text\":\"prior-year actual\",\"explanation_zh\":\"公务接待费比上年增加 2.50 万元，违反只减不增\","
            + "\"explanation_en\":\"Reception costs rose by 2.50 (10k yuan) over the prior year\","
            + "\"source_field\":\"/three_public/actual/reception\",\"source_file\":\"BJ0002-2023.pdf\",\"source_page\":3,"
            + "\"source_line\":12,\"source_text\":\"公务接待费 12.50 万元\"}",
        "{\"run_id\":\"r1\",\"rule\":\"low_execution\",\"severity\":\"warning\",\"family\":\"rule\",\"unit_id\":\"BJ0003\","
            + "\"fiscal_year\":2023,\"level\":\"unit\",\"subject\":\"unit\",\"value\":88.0,\"threshold\":90.0,"
            + "\"threshold_text\":\"warning line\",\"explanation_zh\":\"执行率低于 90% 预警线\","
            + "\"explanation_en\":\"Execution rate 88.00% is below the 90% warning line\"}"));
    return lake;
  }

  /** The rows in the table's declared schema (columns the fixture leaves out are null), as one plain Delta write. */
  static void write(Lake lake, String table, Dataset<Row> rows) {
    LakeTable name = LakeTable.of(table);
    DeltaMerge.conform(rows, name.schema()).write().format("delta").mode("append").save(lake.path(name));
  }

  private static String uy(String id, int year, String name, String kind, double budget, double actual, double threePublic, double score) {
    return String.format(java.util.Locale.ROOT, "{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"unit_name\":\"%s\",\"unit_kind\":\"%s\","
        + "\"budget_initial\":%s,\"actual_final\":%s,\"three_public_actual_total\":%s,\"unit_eval_total_score\":%s,"
        + "\"source_file\":\"%s-%d.json\"}", id, year, name, kind, budget, actual, threePublic, score, id, year);
  }

  private static String exec(String id, int year, String name, double budget, double actual) {
    double rate = Math.round(actual / budget * 10000) / 100.0;
    return String.format(java.util.Locale.ROOT, "{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"level\":\"unit\",\"subject\":\"unit\","
        + "\"subject_name\":\"%s\",\"budget\":%s,\"actual\":%s,\"rate_reported_pct\":%s,\"rate_recomputed_pct\":%s}",
        id, year, name, budget, actual, rate, rate);
  }

  private static String trend(String id, int year, String category, double actual, Double yoy, boolean breaks) {
    return String.format(java.util.Locale.ROOT, "{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"category\":\"%s\",\"actual\":%s,"
        + "\"yoy_change_amount\":%s,\"breaks_only_decrease_rule\":%s}", id, year, category, actual, yoy, breaks);
  }

  private static String dist(int year, String group, String scope, long n, long... bins) {
    return String.format(java.util.Locale.ROOT, "{\"fiscal_year\":%d,\"peer_group\":\"%s\",\"scope\":\"%s\",\"n\":%d,"
        + "\"median\":92.5,\"mean\":90.1,\"bin_below_60\":%d,\"bin_60_70\":%d,\"bin_70_80\":%d,\"bin_80_90\":%d,"
        + "\"bin_90_95\":%d,\"bin_95_100\":%d,\"bin_100\":%d,\"perfect_share\":%s}", year, group, scope, n,
        bins[0], bins[1], bins[2], bins[3], bins[4], bins[5], bins[6], (double) bins[6] / n);
  }
}
