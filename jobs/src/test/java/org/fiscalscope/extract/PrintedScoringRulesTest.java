package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.ingest.MergedAudit;
import org.junit.jupiter.api.Test;

/**
 * Each self-evaluation table is scored by the rule it prints: its weight for 预算执行率 (（20分）, a 分值 column) is read
 * into the document, and every score above its printed weight or off the printed rule is a finding naming its line,
 * in the unit's own table as in each project's, whatever file the unit-year came from.
 */
class PrintedScoringRulesTest {

  private static FinalAccount sample() throws IOException {
    return DisclosureExtractor.extract(Files.readAllBytes(TestCorpus.SAMPLE), "sample.txt");
  }

  private static List<Finding> scoreFindings(FinalAccount doc) {
    return doc.findings() == null ? List.of() : doc.findings().stream()
        .filter(f -> f.rule().startsWith("score.") || f.rule().startsWith("indicator.score")).toList();
  }

  @Test
  void theSampleTablesPrintTwentyPointsForAProjectAndTwentyFiveForTheUnit() throws IOException {
    FinalAccount doc = sample();
    assertEquals(0, new BigDecimal("25").compareTo(doc.performance().unitEvaluation().executionWeight()));
    for (Evaluation p : doc.performance().projects()) {
      assertEquals(0, new BigDecimal("20").compareTo(p.executionWeight()), p.name() + " prints （20分）");
    }
    assertNotNull(doc.provenance().get("/performance/projects/2/execution_weight"), "the weight names its line");
  }

  @Test
  void onTheSampleEveryScoreAboveItsWeightAndEveryRuleResultOffTheScoreIsAFinding() throws IOException {
    List<Finding> found = scoreFindings(sample());
    List<String> seen = found.stream().map(f -> f.rule() + " " + f.severity() + " " + f.evidence()).toList();
    // 人才工作经费: “服务对象满意度（10分） ≥95% ≥95% 20” — its row cannot be aligned with the others, but on its own
    // line the score 20 is above the weight 10 printed after its name
    assertTrue(seen.stream().anyMatch(s -> s.startsWith("indicator.score_above_weight error line 1233: 服务对象满意度（10分）")),
        seen.toString());
    // the unit table: 25 × 95.3% = 23.83, printed 24 (rounded to whole points)
    assertTrue(seen.stream().anyMatch(s -> s.startsWith("score.execution info /performance/unit_evaluation/execution_score=24 (line 983)")
        && s.contains("execution_weight=25")), seen.toString());
    // 2023年市级就业资金: 20 × 84.08% = 16.82, printed 16.8
    assertTrue(seen.stream().anyMatch(s -> s.startsWith("score.execution info /performance/projects/2/execution_score=16.8 (line 1383)")
        && s.contains("execution_weight=20")), seen.toString());
    assertEquals(3, found.size(), "and nothing else: " + seen);
  }

  @Test
  void theMergedAuditRaisesNoScoreFindingTwiceOnTheSample() throws IOException {
    FinalAccount doc = sample();
    assertSame(doc, MergedAudit.audit(doc));
  }

  @Test
  void theNationalFormPrintsTenPointsInIts分值Column() throws IOException {
    FinalAccount doc = DisclosureExtractor.extractPartial(
        Files.readAllBytes(TestCorpus.EXCERPTS.resolve("030.txt")), "030.txt");
    assertEquals(0, BigDecimal.TEN.compareTo(doc.performance().projects().get(0).executionWeight()));
  }

  private static final String NATIONAL_TABLE = """
      附件: 项目支出绩效自评表 (2023年度)
      项目名称 委托业务项目 主管部门 测试镇人民政府 实施单位 测试镇人民政府
      项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
      年度资金总额: 90 90 90 10 100%% %s
      """;

  @Test
  void aNationalTablePrintingTenPointsThatScoresTenAtFullExecutionRaisesNoScoreFinding() throws IOException {
    FinalAccount doc = DisclosureExtractor.extractPartial(NATIONAL_TABLE.formatted("10.0").getBytes(StandardCharsets.UTF_8),
        "national.txt");
    Evaluation p = doc.performance().projects().get(0);
    assertEquals(0, BigDecimal.TEN.compareTo(p.executionWeight()));
    assertEquals(0, BigDecimal.TEN.compareTo(p.executionScore()));
    assertEquals(List.of(), scoreFindings(doc));
    assertEquals(List.of(), scoreFindings(MergedAudit.audit(doc)));

    FinalAccount twenty = DisclosureExtractor.extractPartial(NATIONAL_TABLE.formatted("20.0").getBytes(StandardCharsets.UTF_8),
        "national.txt");
    List<Finding> above = scoreFindings(twenty);
    assertEquals(1, above.size(), above.toString());
    assertEquals("score.execution", above.get(0).rule());
    assertEquals(Finding.ERROR, above.get(0).severity(), "20 is above the 10 the table prints");
    assertTrue(above.get(0).evidence().contains("execution_weight=10"), above.get(0).evidence());
  }

  @Test
  void aJsonDocumentIsAuditedByTheWeightsItCarriesInItsUnitTableAsInItsProjects() throws IOException {
    FinalAccount doc = DocumentJson.read("""
        {"fiscal_year": 2023, "unit": {"name": "测试单位"}, "source": {"kind": "json", "file": "unit-2023.json"},
         "performance": {
           "unit_evaluation": {"budget": 100, "actual": 90, "execution_rate_pct": 90, "execution_weight": 10,
             "execution_score": 10, "total_score": 95},
           "projects": [
             {"name": "甲", "budget": 50, "actual": 50, "execution_rate_pct": 100, "execution_weight": 10,
              "execution_score": 10.0, "total_score": 100,
              "indicators": [{"level1": "产出指标", "name": "验收合格率", "target": "≥95%", "actual": "90%",
                              "weight": 20, "score": 20},
                             {"level1": "满意度指标", "name": "满意度", "target": "≥90%", "actual": "95%",
                              "weight": 10, "score": 12}]},
             {"name": "乙", "budget": 50, "actual": 40, "execution_rate_pct": 80, "execution_score": 20}]}}
        """);
    List<String> seen = scoreFindings(MergedAudit.audit(doc)).stream()
        .map(f -> f.rule() + " " + f.severity() + " " + f.evidence()).toList();
    assertEquals(3, seen.size(), seen.toString());
    assertTrue(seen.get(0).startsWith("score.execution warning /performance/unit_evaluation/execution_score=10 (unit-2023.json)"),
        "10 × 90% is 9, not 10: " + seen);
    assertTrue(seen.get(1).startsWith("indicator.score_rule error /performance/projects/0/indicators/0/score=20"),
        "20 × 90 ÷ 95 = 18.95: " + seen);
    assertTrue(seen.get(2).startsWith("indicator.score_above_weight error /performance/projects/0/indicators/1/score=12"),
        seen.toString());
  }
}
