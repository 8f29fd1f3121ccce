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
}
