package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Indicator;
import org.junit.jupiter.api.Test;

/** Indicator rows in flattened PDF text: what is aligned for sure, and what is left out with a finding. */
class IndicatorTableTest {

  private static final String HEAD = """
      2023 年度人才服务专项经费项目自评表
      项目名称 人才服务专项经费
      主管部门 青山区人才服务中心 项目实施单位 青山区人才服务中心
      预算执行情况
      （万元）
      （20分）
      预算数（A） 执行数（B） 执行率
      （B/A）
      得分
      （20分*执行率）
      年度财政
      资金总额
      34 34 100% 20
      年度绩效
      目标 1
      （80分）
      """;

  private static final String SAMPLE_HEADER = """
      一级
      指标
      二级指标 三级指标

      年初目标

      值（A）
      实际完成值

      （B）
      得分
      """;

  @Test
  void rejoinsBrokenNamesUnitsAndWeightNotes() {
    FinalAccount doc = read(HEAD + SAMPLE_HEADER + """
        产出

        指标

        数量指标

        流动人员人事档案的电子化 1400份 1485份 10
        非公企业初中高级专业技术

        人员提供职称评审服务数量
        69家 69家 10
        保障聘用人员数 ≤5 人 ≤5 人 10
        时效指标
        人才专车开通运行路线选
        择、人才邀约等时效性（20
        分）

        及时 及时 20
        满意度

        指标

        满意度指

        标

        服务人才满意度 ≥98% ≥98% 10

        总分 80
        """);
    List<Indicator> rows = doc.performance().projects().get(0).indicators();
    assertEquals(5, rows.size(), rows.toString());
    assertEquals(new Indicator("产出指标", "数量指标", "非公企业初中高级专业技术人员提供职称评审服务数量", "69家", "69家", null,
        new BigDecimal("10")), rows.get(1));
    assertEquals("≤5人", rows.get(2).target());
    assertEquals(new Indicator("产出指标", "时效指标", "人才专车开通运行路线选择、人才邀约等时效性", "及时", "及时",
        new BigDecimal("20"), new BigDecimal("20")), rows.get(3));
    assertEquals(new Indicator("满意度指标", "满意度指标", "服务人才满意度", "≥98%", "≥98%", null, new BigDecimal("10")),
        rows.get(4));
    assertTrue(doc.provenance().get("/performance/projects/0/indicators/0/actual").text().contains("1485份"),
        "provenance is the row's own line");
    assertTrue(doc.provenance().get("/performance/projects/0/indicators/1/name").text().startsWith("非公企业"),
        "a broken name's provenance spans its lines");
  }

  @Test
  void pipesWithMergedLevelCellsAndAWeightColumn() {
    FinalAccount doc = read(HEAD + """
        一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
        产出指标 | 数量指标 | 开展活动场次 | ≥10场 | 12场 | 30 | 30 |
        | 质量指标 | 验收合格率 | =100% | 100% | 30 | 30 |
        效益指标 | 社会效益指标 | 群众知晓率 | ≥90% | 85% | 20 | 18.89 |
        总分 | 98.89 |
        """);
    List<Indicator> rows = doc.performance().projects().get(0).indicators();
    assertEquals(new Indicator("产出指标", "质量指标", "验收合格率", "=100%", "100%", new BigDecimal("30"),
        new BigDecimal("30")), rows.get(1));
    assertEquals("效益指标", rows.get(2).level1());
    assertEquals(List.of(), doc.findings().stream().filter(f -> f.rule().contains("indicator")).toList());
  }

  @Test
  void aNameBrokenBeforeTheColumnWidthMayBeTwoCellsSoTheTableIsLeftOut() {
    FinalAccount doc = read(HEAD + SAMPLE_HEADER + """
        产出

        指标

        数量指标

        组织中国研究生教育长江论
        坛青山专场相关活动
        1场 1场 20
        做好大学生服务工作
        发放大学生租房补贴
        60 68 20
        总分 60
        """);
    assertNull(doc.performance().projects().get(0).indicators());
    Finding f = unaligned(doc);
    assertTrue(f.evidence().contains("做好大学生服务工作"), f.toString());
  }

  @Test
  void aLevelPrintedInsideANameLeavesTheTableOut() {
    FinalAccount doc = read(HEAD + SAMPLE_HEADER + """
        产出

        指标

        开展活动
        数量指标 场次 10场 12场 80
        总分 100
        """);
    assertNull(doc.performance().projects().get(0).indicators());
    assertTrue(unaligned(doc).messageEn().contains("inside the indicator name"), unaligned(doc).toString());
  }

  @Test
  void aRowWithoutRecognisableValuesLeavesTheWholeTableOut() {
    FinalAccount doc = read(HEAD + SAMPLE_HEADER + """
        产出

        指标

        数量指标 开展活动场次 10场 12场 20
        效益指标 社会效益指标 群众满意程度 逐步提高群众满意程度水平 已经明显提高 20
        总分 60
        """);
    assertNull(doc.performance().projects().get(0).indicators());
    assertTrue(unaligned(doc).messageEn().contains("no recognisable target"), unaligned(doc).toString());
  }

  @Test
  void aHeaderWithColumnsTheReaderCannotPlaceIsLeftOut() {
    FinalAccount doc = read(HEAD + """
        一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |
        产出指标 | 数量指标 | 发放覆盖率 | = | 100 | 个 | 100 | 60 | 60 |
        总分 | 80 |
        """);
    assertNull(doc.performance().projects().get(0).indicators());
    assertTrue(unaligned(doc).messageEn().contains("columns other than"), unaligned(doc).toString());
  }

  @Test
  void operatorsAndWeightNotesPrintedApartStayWithTheirCells() {
    FinalAccount doc = read(HEAD + """
        一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
        产出指标（50分） | 数量指标 | 基建工程委托业务项目数量 | ≥50个 | 52个 | 50 | 50 |
        满意度指标（30分） | 服务对象满意度指标 | 服务对象满意度 | ≥ 95% | 96% | 30 | 30 |
        总分 | 100 |
        """);
    List<Indicator> rows = doc.performance().projects().get(0).indicators();
    assertEquals(new Indicator("产出指标", "数量指标", "基建工程委托业务项目数量", "≥50个", "52个", new BigDecimal("50"),
        new BigDecimal("50")), rows.get(0));
    assertEquals("≥95%", rows.get(1).target());
    assertEquals("满意度指标", rows.get(1).level1());
  }

  @Test
  void aTextTargetBeforeANumericActualIsTakenForAShiftedRow() {
    FinalAccount doc = read(HEAD + SAMPLE_HEADER.replace("得分", "分值\n得分") + """
        产出指标 数量指标
        开展专业技能
        培训人次 ≥100人次 10 10
        总分 30
        """);
    assertNull(doc.performance().projects().get(0).indicators());
    unaligned(doc);
  }

  @Test
  void aDeviationColumnAfterTheScoreIsReportedNotGuessed() {
    FinalAccount doc = read(HEAD + """
        绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 质量指标 委托业务报告合格率 ≥100% 100 8 8
        总分 100
        """);
    assertNull(doc.performance().projects().get(0).indicators());
    assertTrue(unaligned(doc).messageEn().contains("deviation-reason column"), unaligned(doc).toString());
  }

  @Test
  void theUnitsStatedIndicatorCountIsNotTakenFromAProjectSentence() {
    String unitTable = """
        我单位该项目共设置 3 个绩效指标，全部完成。
        一、2023 年度青山区人才服务中心整体绩效自评表
        预算执行情况
        （万元）
        （25分）
        预算数（A） 执行数（B） 执行率（B/A） 得分（25分*执行率）
        部门整体
        支出总额
        100 100 100% 25
        """ + SAMPLE_HEADER + """
        产出指标 数量指标 开展活动场次 ≥10场 12场 75
        总分 100
        """;
    FinalAccount doc = read(unitTable);
    assertEquals(1, doc.performance().unitEvaluation().indicators().size());
    assertTrue(doc.findings().stream().noneMatch(f -> f.rule().equals("count.indicators")), doc.findings().toString());
    FinalAccount stated = read("部门共设置绩效指标 2 个，完成了 2 个。\n" + unitTable);
    assertTrue(stated.findings().stream().anyMatch(f -> f.rule().equals("count.indicators")), stated.findings().toString());
  }

  @Test
  void aTableWithoutIndicatorsStatesNone() {
    FinalAccount doc = read(HEAD + "总分 20\n");
    assertNull(doc.performance().projects().get(0).indicators());
    assertTrue(doc.findings().stream().noneMatch(f -> f.rule().startsWith("indicator")), doc.findings().toString());
  }

  private static FinalAccount read(String text) {
    return DisclosureExtractor.extractPartial(text.getBytes(StandardCharsets.UTF_8), "table.txt");
  }

  private static Finding unaligned(FinalAccount doc) {
    return doc.findings().stream().filter(f -> f.rule().equals("indicators.unaligned")).findFirst()
        .orElseThrow(() -> new AssertionError("no indicators.unaligned finding in " + doc.findings()));
  }
}
