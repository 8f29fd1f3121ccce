package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PerCapitaTest extends SilverFixtures {

  @Test
  void perPersonOfTheActualHeadcountOnlyWhereItIsStatedAndAboveZero() {
    List<String> got = PerCapita.perCapita(unitYears(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"staff_actual\":20,\"staff_authorised\":25,"
            + "\"basic_expenditure\":100,\"public_expense\":10,\"three_public_actual_total\":2}",
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"staff_actual\":3,\"basic_expenditure\":10,\"public_expense\":2}",
        "{\"unit_id\":\"C\",\"fiscal_year\":2023,\"staff_actual\":0,\"basic_expenditure\":10}",
        "{\"unit_id\":\"D\",\"fiscal_year\":2023,\"staff_authorised\":12,\"basic_expenditure\":10}"))
        .orderBy("unit_id").collectAsList().stream().map(PerCapitaTest::row).toList();
    assertEquals(List.of("A 20 25 5.0000 0.5000 0.1000", "B 3 null 3.3333 0.6667 null"), got,
        "C states 0 people and D only its authorised staff: no per-capita figures");
  }

  private static String row(Row r) {
    StringBuilder s = new StringBuilder(r.getString(0));
    for (int i = 2; i < r.length(); i++) {
      s.append(' ').append(r.isNullAt(i) ? "null" : r.get(i).toString());
    }
    return s.toString();
  }
}
