package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Indicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleDisclosureTest {

  private static FinalAccount doc;
  private static JsonNode actual;

  @BeforeAll
  static void extract() {
    doc = DisclosureExtractor.extract(Corpus.bytes(Corpus.SAMPLE), Corpus.SAMPLE.getFileName().toString());
    actual = DocumentJson.tree(doc);
  }

  @Test
  void reproducesEveryHandCheckedFigure() throws Exception {
    ObjectNode expected = (ObjectNode) DocumentJson.mapper().readTree(Corpus.bytes(Corpus.SAMPLE_EXPECTED));
    expected.remove("source_file");
    expected.remove("note");
    List<String> problems = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> leaves = Corpus.numericLeaves(expected, "");
    for (Map.Entry<String, JsonNode> e : leaves) {
      JsonNode got = actual.at(e.getKey());
      if (!got.isNumber()) {
        problems.add(e.getKey() + " missing (expected " + e.getValue() + ")");
      } else if (got.decimalValue().compareTo(e.getValue().decimalValue()) != 0) {
        problems.add(e.getKey() + " = " + got + " but expected " + e.getValue());
      }
    }
    assertEquals("武汉市青山区人才服务中心", doc.unit().name(), "unit name");
    for (int i = 0; i < expected.at("/performance/projects").size(); i++) {
      String pointer = "/performance/projects/" + i + "/name";
      if (!expected.at(pointer).asText().equals(actual.at(pointer).asText())) {
        problems.add(pointer + " = " + actual.at(pointer) + " but expected " + expected.at(pointer));
      }
    }
    for (int i = 0; i < expected.at("/functions").size(); i++) {
      String pointer = "/functions/" + i + "/name";
      if (!expected.at(pointer).asText().equals(actual.at(pointer).asText())) {
        problems.add(pointer + " = " + actual.at(pointer) + " but expected " + expected.at(pointer));
      }
    }
    System.out.println("sample: " + (leaves.size() - problems.size()) + " of " + leaves.size() + " figures matched");
    assertTrue(problems.isEmpty(), "figures that differ from the hand-checked ones:\n" + String.join("\n", problems));
    assertTrue(leaves.size() >= 96, "the expected file holds 96 figures, read " + leaves.size());
  }

  @Test
  void everyFigureHasProvenance() {
    JsonNode figures = actual.deepCopy();
    ((ObjectNode) figures).remove(List.of("provenance", "findings", "source", "fiscal_year"));
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : Corpus.numericLeaves(figures, "")) {
      if (!doc.provenance().containsKey(e.getKey())) {
        missing.add(e.getKey());
      }
    }
    assertTrue(missing.isEmpty(), "figures without provenance: " + missing);
    assertEquals(547.39, doc.provenance().get("/totals/income_total").line() > 0 ? 547.39 : 0, "provenance line is 1-based");
  }

  @Test
  void flagsTheWrongYearAndThePersonnelPublicRoundingGap() {
    Finding year = doc.findings().stream().filter(f -> f.rule().equals("year.reference")).findFirst().orElse(null);
    assertTrue(year != null && year.evidence().contains("2020"), "wrong-year finding: " + doc.findings());
    Finding basic = doc.findings().stream().filter(f -> f.rule().equals("sum.basic_split")).findFirst().orElse(null);
    assertTrue(basic != null, "personnel + public vs basic finding: " + doc.findings());
    assertEquals(Finding.INFO, basic.severity(), "a 0.01 gap over two terms is rounding");
    assertTrue(basic.evidence().contains("270.32") && basic.evidence().contains("270.33"), basic.evidence());
  }

  @Test
  void readsTheIndicatorRowsOfTheUnitAndProjectTables() {
    List<Indicator> unit = doc.performance().unitEvaluation().indicators();
    assertEquals(12, unit.size(), "three goals of 3, 5 and 4 indicator rows: " + unit);
    assertIndicator(unit.get(0), "产出指标", "数量指标", "持续开展“企业问计”活动", "完成", "完成", null, "10");
    assertIndicator(unit.get(4), "产出指标", "数量指标", "开展“名企校园行”、大学生\"名企行\"(莘莘学子看青山)活动", "4场", "9场", null, "5");
    assertIndicator(unit.get(10), "效益指标", "可持续影响指标", "改善青山区引才环境影响率", "100%", "100%", null, "5");
    assertIndicator(unit.get(11), "满意度指标", "满意度指标", "人才专车通勤服务对象满意度", "≥99%", "≥99%", null, "4");
    List<Evaluation> projects = doc.performance().projects();
    assertEquals(null, projects.get(0).indicators(), "人才工作经费's rows cannot be aligned for sure");
    List<Indicator> special = projects.get(1).indicators();
    assertEquals(8, special.size(), special.toString());
    assertIndicator(special.get(0), "产出指标", "数量指标", "流动人员人事档案的电子化", "1400份", "1485份", null, "10");
    assertIndicator(special.get(3), "产出指标", "数量指标", "当年人事档案电子化工作完成率", "100%", "100%", null, "20");
    assertIndicator(special.get(5), "产出指标", "成本指标", "年度预算执行率", "100%", "100%", null, "5");
    List<Indicator> jobs = projects.get(2).indicators();
    assertEquals(5, jobs.size(), jobs.toString());
    assertIndicator(jobs.get(2), "产出指标", "数量指标", "提供全年免费的“不掉线、不打烊”招聘平台服务企业数", "150家", "170余家", null, "10");
    assertIndicator(jobs.get(3), null, "社会效益指标", "开展“直播带岗”活动", "4场次", "4场次", null, "20");
    List<Indicator> shuttle = projects.get(4).indicators();
    assertIndicator(shuttle.get(2), "产出指标", "时效指标", "人才专车开通运行路线选择、人才邀约等时效性", "及时", "及时", "20", "20");
    assertIndicator(projects.get(5).indicators().get(1), "产出指标", "数量指标", "保障聘用人员数", "≤5人", "≤5人", null, "10");
    assertEquals(4, projects.get(6).indicators().size());
  }

  @Test
  void everyIndicatorFigureHasItsSourceLine() {
    assertEquals(1011, doc.provenance().get("/performance/unit_evaluation/indicators/0/score").line());
    assertEquals(1420, doc.provenance().get("/performance/projects/2/indicators/2/score").line());
    assertTrue(doc.provenance().get("/performance/projects/2/indicators/2/actual").text().contains("170余家"));
    assertEquals(1612, doc.provenance().get("/performance/projects/4/indicators/2/weight").line());
    assertEquals(1615, doc.provenance().get("/performance/projects/4/indicators/2/target").line());
    assertEquals(1695, doc.provenance().get("/performance/projects/5/indicators/1/target").line());
  }

  @Test
  void flagsTheStatedIndicatorCountAndTheUnalignedTable() {
    Finding count = finding("count.indicators");
    assertTrue(count != null && count.message().contains("8") && count.message().contains("12"), "8 stated vs 12 rows: " + doc.findings());
    assertTrue(count.evidence().contains("line 550"), count.evidence());
    Finding unaligned = finding("indicators.unaligned");
    assertTrue(unaligned != null && unaligned.message().contains("/performance/projects/0/"), doc.findings().toString());
    assertEquals(1, doc.findings().stream().filter(f -> f.rule().equals("indicators.unaligned")).count());
    assertEquals(null, finding("sum.indicator_scores"), "every table's execution and indicator scores add up to its total");
    assertEquals(null, finding("sum.indicator_weights"), "the printed weights add up to 100");
    Finding overWeight = finding("indicator.score_above_weight");
    assertTrue(overWeight != null && overWeight.message().contains("服务对象满意度") && overWeight.message().contains("1233"),
        "the satisfaction indicator printed （10分） and scored 20, even in the table that cannot be aligned: "
            + doc.findings());
  }

  private static Finding finding(String rule) {
    return doc.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElse(null);
  }

  private static void assertIndicator(Indicator in, String level1, String level2, String name, String target,
      String actual, String weight, String score) {
    assertEquals(level1, in.level1(), "level1 of " + in);
    assertEquals(level2, in.level2(), "level2 of " + in);
    assertEquals(name, in.name());
    assertEquals(target, in.target(), "target of " + in);
    assertEquals(actual, in.actual(), "actual of " + in);
    assertEquals(weight == null ? null : new BigDecimal(weight), in.weight(), "weight of " + in);
    assertEquals(0, new BigDecimal(score).compareTo(in.score()), "score of " + in);
  }

  @Test
  void noFigureContradictsTheText() {
    assertEquals(0, new BigDecimal("547.39").compareTo(doc.totals().incomeTotal()));
    assertTrue(doc.totals().priorYearTotal() == null, "the sample states no prior-year total");
  }
}
