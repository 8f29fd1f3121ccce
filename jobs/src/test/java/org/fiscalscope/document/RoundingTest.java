package org.fiscalscope.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundingTest {

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) DocumentJson.mapper().readTree(text);
  }

  @Test
  void aFigureWithMoreThanFourDecimalsIsRoundedHalfUpAndSaysSo() throws Exception {
    ObjectNode doc = json("{\"totals\":{\"income_total\":591.123456789,\"actual_final\":591.12},"
        + "\"functions\":[{\"code\":\"201\",\"actual\":0.00005}],\"findings\":[{\"rule\":\"x\",\"severity\":\"info\",\"message\":\"m\"}],"
        + "\"provenance\":{\"/totals/income_total\":{\"line\":3,\"text\":\"row 3: income_total = 591.123456789\"}}}");
    List<Finding> findings = Rounding.round(doc);

    assertEquals("591.1235", doc.at("/totals/income_total").decimalValue().toPlainString());
    assertEquals("591.12", doc.at("/totals/actual_final").decimalValue().toPlainString(), "two decimals stay as they are");
    assertEquals("0.0001", doc.at("/functions/0/actual").decimalValue().toPlainString(), "half up, as Spark rounds");
    assertEquals(List.of(
        new Finding(Rounding.RULE, Finding.INFO, "totals.income_total 为 591.123456789，超过 4 位小数，按 591.1235 保存",
            "totals.income_total is 591.123456789, more than 4 decimals; it is kept as 591.1235",
            "totals.income_total: 591.123456789 → 591.1235 (row 3: income_total = 591.123456789)"),
        new Finding(Rounding.RULE, Finding.INFO, "functions.0.actual 为 0.00005，超过 4 位小数，按 0.0001 保存",
            "functions.0.actual is 0.00005, more than 4 decimals; it is kept as 0.0001",
            "functions.0.actual: 0.00005 → 0.0001")), findings);
    assertEquals(3, doc.get("findings").size(), "added to the document's own findings");
    assertEquals(Rounding.RULE, doc.at("/findings/1/rule").textValue());
    assertEquals("totals.income_total is 591.123456789, more than 4 decimals; it is kept as 591.1235",
        doc.at("/findings/1/message_en").textValue());
  }

  @Test
  void trailingZerosIntegersTextAndProvenanceAreLeftAlone() throws Exception {
    String text = "{\"fiscal_year\":2023,\"totals\":{\"income_total\":5.100000000},\"unit\":{\"name\":\"1.234567\"},"
        + "\"provenance\":{\"/totals/income_total\":{\"line\":1.5000001,\"text\":\"5.100000000\"}}}";
    ObjectNode doc = json(text);
    assertEquals(List.of(), Rounding.round(doc));
    assertEquals(json(text), doc);
  }

  @Test
  void figuresNestedInObjectsAndArraysAreRoundedWhereTheyStandInDocumentOrder() throws Exception {
    ObjectNode doc = json("{\"b\":1.000001,\"a\":{\"x\":[1.123456,{\"y\":2.000005,\"z\":[[7.77777]]}],\"n\":12},"
        + "\"c\":3.1234,\"d\":[\"0.123456\",1E-7,2.5E+3]}");
    List<Finding> findings = Rounding.round(doc);

    assertEquals(List.of("b: 1.000001 → 1.0000", "a.x.0: 1.123456 → 1.1235", "a.x.1.y: 2.000005 → 2.0000",
        "a.x.1.z.0.0: 7.77777 → 7.7778", "d.1: 0.0000001 → 0.0000"), findings.stream().map(Finding::evidence).toList());
    assertEquals(5, doc.get("findings").size());
    assertEquals(json("{\"b\":1.0000,\"a\":{\"x\":[1.1235,{\"y\":2.0000,\"z\":[[7.7778]]}],\"n\":12},"
        + "\"c\":3.1234,\"d\":[\"0.123456\",0.0000,2.5E+3],\"findings\":[]}").without("findings"),
        doc.without("findings"), "rounded in place; integers, text and exact figures as they were");
  }
}
