package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.junit.jupiter.api.Test;

/** Printed rates and shares against the ratio of their figures: how much rounding each is allowed. */
class DocumentRulesTest {

  private static List<String> findings(String rate, String... shares) throws IOException {
    FinalAccount doc = DocumentJson.read("""
        {"fiscal_year": 2023, "unit": {"name": "测试单位"},
         "totals": {"budget_initial": 574.45, "actual_final": 300.00, "execution_rate_pct": %s},
         "functions": [
           {"code": "201", "name": "一般公共服务支出", "actual": 100.00, "share_pct": %s},
           {"code": "205", "name": "教育支出", "actual": 100.00, "share_pct": %s},
           {"code": "208", "name": "社会保障和就业支出", "actual": 100.00, "share_pct": %s}]}
        """.formatted(rate, shares[0], shares[1], shares[2]));
    return DocumentRules.audit(doc, (pointer, value) -> pointer + "=" + value.toPlainString()).stream()
        .map(f -> f.rule() + " " + f.severity()).toList();
  }

  @Test
  void aRateIsConsistentWithinHalfAUnitOfItsLastPrintedDigit() throws IOException {
    // 300 / 574.45 = 52.2239…%
    assertEquals(List.of(), findings("52.22", "33.33", "33.33", "33.34"));
    assertEquals(List.of("rate.execution warning"), findings("52.23", "33.33", "33.33", "33.34"));
    assertEquals(List.of("rate.execution error"), findings("53.30", "33.33", "33.33", "33.34"));
  }

  @Test
  void sharesRoundedToAddUpTo100MayMoveByOneUnitOfTheirLastDigit() throws IOException {
    // each share is 33.333…%: 33.34 is the largest-remainder rounding that makes the three add up to 100.00
    assertEquals(List.of(), findings("52.22", "33.34", "33.33", "33.33"));
    assertEquals(List.of("rate.function_share warning"), findings("52.22", "33.35", "33.33", "33.33"));
    assertEquals(List.of("rate.function_share warning", "rate.function_share warning"),
        findings("52.22", "33.33", "33.36", "33.31"));
  }
}
