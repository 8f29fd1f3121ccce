package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Provenance;
import org.junit.jupiter.api.Test;

/** Merging one unit-year's documents from different kinds of source, without Spark. */
class DocumentMergeTest {

  static final String TEXT_SHA = "a".repeat(64);
  static final String TABLES_SHA = "b".repeat(64);

  /** What the disclosure text of a unit states (as the extractor would give it). */
  static final String DISCLOSURE = """
      {"fiscal_year": 2023, "unit": {"name": "青山区人才服务中心"},
       "source": {"kind": "text", "file": "qingshan.txt", "sha256": "%s"},
       "totals": {"income_total": 547.39, "expenditure_total": 547.39, "execution_rate_pct": 95.29, "basic_expenditure": 270.33},
       "functions": [{"code": "208", "name": "社会保障和就业支出", "budget_initial": 490.59, "actual": 463.53, "execution_rate_pct": 94.48}],
       "performance": {"projects": [{"name": "2023年市级就业资金", "budget": 170, "actual": 142.94, "total_score": 92.5}]},
       "findings": [{"rule": "sum.basic_split", "severity": "info", "message": "人员经费与公用经费之和270.32不等于基本支出270.33"}],
       "provenance": {"/totals/income_total": {"line": 12, "text": "收入总计547.39万元"},
                      "/functions/0/actual": {"line": 40, "text": "社会保障和就业支出463.53万元"},
                      "/performance/projects/0/budget": {"line": 200, "text": "预算数170"}}}
      """.formatted(TEXT_SHA);

  /** What the unit's standard tables (公开01–09表) state. */
  static final String TABLES = """
      {"fiscal_year": 2023, "unit": {"name": "青山区人才服务中心"},
       "source": {"kind": "xlsx", "file": "qingshan.xlsx", "sha256": "%s"},
       "totals": {"income_total": 547.40, "expenditure_total": 547.39, "execution_rate_pct": 95.3, "carryover_end": 12},
       "functions": [{"code": "208", "name": "社会保障和就业支出", "budget_initial": 490.59, "actual": 463.53},
                     {"code": "20801", "name": "人力资源和社会保障管理事务", "budget_initial": 490.59, "actual": 463.53},
                     {"code": "2080109", "name": "社会保险经办机构", "budget_initial": 200, "actual": 190.1}],
       "three_public": {"actual": {"total": 0.5}},
       "performance": {"projects": [{"name": "2023年市级就业资金", "budget": 171}]},
       "provenance": {"/totals/income_total": {"text": "公开01表!B7"}, "/functions/2/actual": {"text": "公开04表!F12"}}}
      """.formatted(TABLES_SHA);

  static FinalAccount doc(String json) {
    try {
      return DocumentJson.read(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void figuresComeFromBothAndAmountsFromTheTablesWherebothStateThem() {
    FinalAccount merged = DocumentMerge.merge(List.of(doc(DISCLOSURE), doc(TABLES)));

    assertEquals(new BigDecimal("547.40"), merged.totals().incomeTotal(), "the tables' amount is kept");
    assertEquals(new BigDecimal("95.3"), merged.totals().executionRatePct(), "rates within 0.01 agree");
    assertEquals(new BigDecimal("270.33"), merged.totals().basicExpenditure(), "only the text states it");
    assertEquals(new BigDecimal("12"), merged.totals().carryoverEnd(), "only the tables state it");
    assertEquals(new BigDecimal("0.5"), merged.threePublic().actual().total());
    assertEquals(List.of("208", "20801", "2080109"), merged.functions().stream().map(FunctionLine::code).toList(),
        "项-level lines from the tables, matched by code");
    assertEquals(new BigDecimal("94.48"), merged.functions().get(0).executionRatePct(), "a line's rate from the text");
    assertEquals(new BigDecimal("170"), merged.performance().projects().get(0).budget(),
        "the self-evaluation is taken from the document");
    assertEquals(new BigDecimal("142.94"), merged.performance().projects().get(0).actual());
    assertEquals("xlsx", merged.source().kind(), "the source of the amounts is the document's source");
    assertEquals(TABLES_SHA, merged.source().sha256());
    assertEquals(List.of(), DocumentValidator.problems(DocumentJson.tree(merged)));
  }

  @Test
  void eachDisagreementIsAWarningNamingBothFilesTheFieldAndBothValues() {
    FinalAccount merged = DocumentMerge.merge(List.of(doc(DISCLOSURE), doc(TABLES)));
    List<Finding> disagree = merged.findings().stream().filter(f -> f.rule().equals(DocumentMerge.DISAGREE)).toList();
    assertEquals(2, disagree.size(), merged.findings().toString());

    Finding income = disagree.get(0);
    assertEquals(Finding.WARNING, income.severity());
    assertEquals("totals.income_total 在 qingshan.xlsx 中为 547.40，在 qingshan.txt 中为 547.39，两者不一致；"
        + "采用 qingshan.xlsx 的数值（金额、数量等数字以数据集和报表为准）", income.message());
    assertEquals("totals.income_total is 547.40 in qingshan.xlsx (xlsx) but 547.39 in qingshan.txt (text); the figure"
        + " of qingshan.xlsx is kept (amounts, counts and rates are taken from datasets and standard tables first)",
        income.messageEn());
    assertEquals("/totals/income_total: qingshan.xlsx “公开01表!B7”; qingshan.txt line 12 “收入总计547.39万元”",
        income.evidence(), "the source position of both");

    Finding budget = disagree.get(1);
    assertTrue(budget.messageEn().startsWith("performance.projects[2023年市级就业资金].budget is 170 in qingshan.txt"
        + " (text) but 171 in qingshan.xlsx (xlsx); the figure of qingshan.txt is kept"), budget.messageEn());

    assertEquals(List.of("sum.basic_split", DocumentMerge.DISAGREE, DocumentMerge.DISAGREE, DocumentMerge.COMBINED),
        merged.findings().stream().map(Finding::rule).toList(), "the documents' own findings are kept");
    Finding combined = merged.findings().get(3);
    assertEquals(Finding.INFO, combined.severity());
    assertTrue(combined.messageEn().contains("qingshan.xlsx (xlsx), qingshan.txt (text)"), combined.messageEn());
  }

  @Test
  void eachFigureKeepsTheProvenanceOfTheFileItCameFrom() {
    FinalAccount merged = DocumentMerge.merge(List.of(doc(DISCLOSURE), doc(TABLES)));
    assertEquals(new Provenance(null, null, "公开01表!B7", "qingshan.xlsx", TABLES_SHA),
        merged.provenance().get("/totals/income_total"), "the kept figure's source, not the other one's");
    assertEquals(new Provenance(null, null, "公开04表!F12", "qingshan.xlsx", TABLES_SHA),
        merged.provenance().get("/functions/2/actual"));
    assertEquals(new Provenance(null, 40, "社会保障和就业支出463.53万元", "qingshan.txt", TEXT_SHA),
        merged.provenance().get("/functions/0/actual"), "both state 463.53: the text's line says where");
    assertEquals(new Provenance(null, 200, "预算数170", "qingshan.txt", TEXT_SHA),
        merged.provenance().get("/performance/projects/0/budget"));
  }

  @Test
  void theOrderThePartsComeInDoesNotMatter() {
    assertEquals(DocumentMerge.merge(List.of(doc(DISCLOSURE), doc(TABLES))),
        DocumentMerge.merge(List.of(doc(TABLES), doc(DISCLOSURE))));
  }

  @Test
  void aSinglePartIsTakenAsItIs() {
    FinalAccount alone = doc(DISCLOSURE);
    assertSame(alone, DocumentMerge.merge(List.of(alone)));
  }

  @Test
  void theTablesOfADatasetCombineIntoOneDocumentAndComeBeforeTheText() {
    FinalAccount unitYear = doc("""
        {"fiscal_year": 2023, "unit": {"code": "D001", "name": "青山区人才服务中心", "kind": "事业"},
         "source": {"kind": "csv", "file": "district.unit_year.csv", "sha256": "%s"},
         "totals": {"income_total": 547.41},
         "provenance": {"/totals/income_total": {"line": 3, "text": "row 3: income_total = 547.41"}}}
        """.formatted("c".repeat(64)));
    FinalAccount lines = doc("""
        {"fiscal_year": 2023, "unit": {"code": "D001", "name": "青山区人才服务中心"},
         "source": {"kind": "csv", "file": "district.function_line.csv", "sha256": "%s"},
         "functions": [{"code": "2080109", "budget_initial": 200, "actual": 190.1}],
         "provenance": {"/functions/0/actual": {"line": 7, "text": "row 7: actual = 190.1"}}}
        """.formatted("d".repeat(64)));
    FinalAccount indicators = doc("""
        {"fiscal_year": 2023, "unit": {"code": "D001", "name": "青山区人才服务中心"},
         "source": {"kind": "csv", "file": "district.indicator.csv", "sha256": "%s"},
         "performance": {"projects": [{"name": "2023年市级就业资金", "indicators": [{"name": "满意度", "score": 10}]}]}}
        """.formatted("e".repeat(64)));

    FinalAccount dataset = DocumentMerge.merge(List.of(indicators, lines, unitYear));
    assertEquals("district.unit_year.csv", dataset.source().file(), "the unit_year part leads");
    assertEquals("事业", dataset.unit().kind());
    assertEquals(1, dataset.functions().size());
    assertEquals("满意度", dataset.performance().projects().get(0).indicators().get(0).name());
    assertEquals("district.function_line.csv", dataset.provenance().get("/functions/0/actual").file());
    assertTrue(dataset.findings().isEmpty(), "one family: nothing disagrees, nothing to report");

    FinalAccount all = DocumentMerge.merge(List.of(doc(DISCLOSURE), doc(TABLES), indicators, lines, unitYear));
    assertEquals(new BigDecimal("547.41"), all.totals().incomeTotal(), "the dataset before the tables");
    assertEquals(List.of("2080109", "208", "20801"), all.functions().stream().map(FunctionLine::code).toList());
    assertEquals("满意度", all.performance().projects().get(0).indicators().get(0).name(),
        "indicators of the dataset join the document's project of the same name");
    assertEquals(new BigDecimal("170"), all.performance().projects().get(0).budget());
    assertEquals(List.of("547.41 547.40", "547.41 547.39", "170 171"), all.findings().stream()
        .filter(f -> f.rule().equals(DocumentMerge.DISAGREE))
        .map(f -> f.messageEn().replaceAll("^\\S+ is (\\S+) in .* but (\\S+) in .*$", "$1 $2")).toList());
    assertEquals(new Provenance(null, 40, "社会保障和就业支出463.53万元", "qingshan.txt", TEXT_SHA),
        all.provenance().get("/functions/1/actual"), "line 208 moved; the tables agree but give no position");
  }
}
