package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.metrics.Execution;
import org.fiscalscope.metrics.MetricsConfig;
import org.fiscalscope.metrics.SilverFixtures;
import org.fiscalscope.metrics.ThreePublicTrend;
import org.junit.jupiter.api.Test;

class RuleFlagsTest extends SilverFixtures {

  private Dataset<Row> flagsOf(Dataset<Row> unitYear, Dataset<Row> lines, Dataset<Row> projects) {
    Dataset<Row> execution = Execution.execution(unitYear, lines, projects, indicators(), MetricsConfig.defaults());
    return RuleFlags.flags(execution, ThreePublicTrend.trend(unitYear), FlagsConfig.defaults());
  }

  @Test
  void sampleProjectAt8408PercentIsALowExecutionWarningNamingItsFigures() {
    Dataset<Row> flags = flagsOf(unitYears(SAMPLE), sampleFunctions(), sampleProjects());
    List<Row> all = flags.collectAsList();
    assertEquals(1, all.size(), "only the employment-fund project is flagged: " + all);
    Row f = all.get(0);
    assertEquals("low_execution", f.getAs("rule"));
    assertEquals("warning", f.getAs("severity"));
    assertEquals("2023年市级就业资金", f.getAs("subject"));
    assertEquals(84.08, (double) f.getAs("value"), 1e-9);
    assertEquals(90.0, (double) f.getAs("threshold"), 1e-9);
    assertEquals("项目“2023年市级就业资金”执行率84.08%，低于预警线90%（预算170万元，执行142.94万元）", f.getAs("explanation_zh"));
    assertEquals("Project “2023年市级就业资金” executed 84.08% of its budget, below the 90% warning line "
        + "(budget 170 万元, actual 142.94 万元)", f.getAs("explanation_en"));
    assertEquals("/performance/projects/2/execution_rate_pct", f.getAs("source_field"), "project_seq 3 → index 2");
    assertEquals("sha-qs", f.getAs("source_sha256"));
  }

  @Test
  void severeMismatchPerfectScoreAndThreePublicRules() {
    String unit = "{\"unit_id\":\"U\",\"fiscal_year\":%d,\"budget_initial\":100,\"actual_final\":%s,"
        + "\"execution_rate_pct\":%s,\"three_public_actual_reception\":%s,\"three_public_budget_reception\":5}";
    Dataset<Row> unitYear = unitYears(String.format(unit, 2022, "100", "100", "4"),
        String.format(unit, 2023, "75", "85", "6"));
    Dataset<Row> projects = projects(
        "{\"unit_id\":\"U\",\"fiscal_year\":2023,\"project_name\":\"满分\",\"budget\":10,\"actual\":8.5,"
            + "\"execution_rate_pct\":85,\"execution_score\":17,\"total_score\":100,\"project_seq\":1}",
        "{\"unit_id\":\"U\",\"fiscal_year\":2023,\"project_name\":\"错分\",\"budget\":10,\"actual\":10,"
            + "\"execution_rate_pct\":100,\"execution_score\":15,\"total_score\":95,\"project_seq\":2}");
    List<String> got = sorted(flagsOf(unitYear, functionLines(), projects)
        .select("rule", "severity", "fiscal_year", "subject", "value", "threshold"));
    assertEquals(List.of(
        "[low_execution,severe,2023,unit,75.0,80.0]",
        "[low_execution,warning,2023,满分,85.0,90.0]",
        "[perfect_score_low_execution,warning,2023,满分,85.0,90.0]",
        "[rate_mismatch,warning,2023,unit,85.0,75.0]",
        "[score_mismatch,warning,2023,错分,15.0,20.0]",
        "[three_public_increase,warning,2023,reception,6.0,4.0]",
        "[three_public_over_budget,warning,2023,reception,6.0,5.0]"), got);
  }

  @Test
  void threePublicExplanationsNameTheCategoryAndFigures() {
    Dataset<Row> unitYear = unitYears(
        "{\"unit_id\":\"U\",\"fiscal_year\":2022,\"three_public_actual_reception\":0}",
        "{\"unit_id\":\"U\",\"fiscal_year\":2023,\"three_public_actual_reception\":1.5}");
    Row f = flagsOf(unitYear, functionLines(), projects()).first();
    assertEquals("“三公”经费公务接待费2023年支出1.5万元，比上年0万元增加1.5万元，违反只减不增要求", f.getAs("explanation_zh"));
    assertTrue(((String) f.getAs("explanation_en")).startsWith("Three-public official reception spending rose to 1.5 万元"));
  }

  @Test
  void emptyInputGivesNoFlags() {
    assertEquals(0, flagsOf(unitYears(), functionLines(), projects()).count());
  }
}
