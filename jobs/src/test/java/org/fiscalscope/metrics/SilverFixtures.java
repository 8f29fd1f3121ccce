package org.fiscalscope.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.LakeTable;

/** Silver rows of the sample unit (武汉市青山区人才服务中心 2023) and small variations, for metrics and flags tests. */
public abstract class SilverFixtures extends SparkTest {

  public static final String SAMPLE = "{\"unit_id\":\"QS\",\"fiscal_year\":2023,\"unit_name\":\"武汉市青山区人才服务中心\","
      + "\"region\":\"武汉市青山区\",\"unit_kind\":\"事业\",\"expenditure_this_year\":547.39,\"basic_expenditure\":270.33,"
      + "\"project_expenditure\":277.06,\"personnel_expense\":253.38,\"public_expense\":16.94,"
      + "\"budget_initial\":574.45,\"actual_final\":547.39,\"execution_rate_pct\":95.3,"
      + "\"three_public_budget_outbound_travel\":0,\"three_public_budget_vehicle_purchase\":0,"
      + "\"three_public_budget_vehicle_operation\":0,\"three_public_budget_reception\":0,\"three_public_budget_total\":0,"
      + "\"three_public_actual_outbound_travel\":0,\"three_public_actual_vehicle_purchase\":0,"
      + "\"three_public_actual_vehicle_operation\":0,\"three_public_actual_reception\":0,\"three_public_actual_total\":0,"
      + "\"unit_eval_budget\":574.45,\"unit_eval_actual\":547.39,\"unit_eval_execution_rate_pct\":95.3,"
      + "\"unit_eval_execution_score\":24,\"unit_eval_total_score\":99,\"unit_eval_execution_weight\":25,"
      + "\"source_sha256\":\"sha-qs\"}";

  protected Dataset<Row> unitYears(String... json) {
    return rows(LakeTable.SILVER_UNIT_YEAR.schema(), json);
  }

  protected Dataset<Row> functionLines(String... json) {
    return rows(LakeTable.SILVER_FUNCTION_LINE.schema(), json);
  }

  protected Dataset<Row> projects(String... json) {
    return rows(LakeTable.SILVER_PROJECT.schema(), json);
  }

  protected Dataset<Row> indicators(String... json) {
    return rows(LakeTable.SILVER_INDICATOR.schema(), json);
  }

  protected Dataset<Row> provenance(String... json) {
    return rows(LakeTable.SILVER_PROVENANCE.schema(), json);
  }

  protected Dataset<Row> sampleFunctions() {
    return functionLines(
        line("201", "一般公共服务支出", "40", "40", "100", 1),
        line("208", "社会保障和就业支出", "490.59", "463.53", "94.5", 2),
        line("210", "卫生健康支出", "23.79", "23.79", "100", 3),
        line("221", "住房保障支出", "20.07", "20.07", "100", 4));
  }

  protected Dataset<Row> sampleProjects() {
    return projects(
        project("人才工作经费", "40", "40", "100", "20", "100", 1),
        project("2023年市级就业资金", "170", "142.94", "84.08", "16.8", "96.8", 3));
  }

  protected static String line(String code, String name, String budget, String actual, String rate, int seq) {
    return String.format("{\"unit_id\":\"QS\",\"fiscal_year\":2023,\"code\":\"%s\",\"name\":\"%s\",\"level\":1,"
        + "\"class_code\":\"%s\",\"budget_initial\":%s,\"actual\":%s,\"execution_rate_pct\":%s,\"line_seq\":%d,"
        + "\"source_sha256\":\"sha-qs\"}", code, name, code.substring(0, 3), budget, actual, rate, seq);
  }

  /** A project table of the sample's (Wuhan) form, which prints its execution weight: （20分）. */
  protected static String project(String name, String budget, String actual, String rate, String execScore,
      String total, int seq) {
    return project(name, budget, actual, rate, execScore, total, "20", seq);
  }

  /** A project table printing {@code weight} for 预算执行率 ("null": it prints none). */
  protected static String project(String name, String budget, String actual, String rate, String execScore,
      String total, String weight, int seq) {
    return String.format("{\"unit_id\":\"QS\",\"fiscal_year\":2023,\"project_name\":\"%s\",\"budget\":%s,"
        + "\"actual\":%s,\"execution_rate_pct\":%s,\"execution_score\":%s,\"total_score\":%s,\"project_seq\":%d,"
        + "\"execution_weight\":%s,\"source_sha256\":\"sha-qs\"}", name, budget, actual, rate, execScore, total, seq,
        weight);
  }
}
