package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

class HeadlineTest extends SparkTest {

  private static String unitYear(String unit, int year, String budget, String actual) {
    return "{\"unit_id\":\"" + unit + "\",\"fiscal_year\":" + year + ",\"budget_initial\":" + budget
        + ",\"actual_final\":" + actual + "}";
  }

  @Test
  void unitsOfAllYearsAndTheMoneyOfEachYearLatestFirst() {
    Headline h = Headline.of(rows(LakeTable.SILVER_UNIT_YEAR.schema(), unitYear("A", 2023, "100.5", "90"),
        unitYear("A", 2024, "200", "150.25"), unitYear("B", 2024, "50", "null"), unitYear("C", 2022, "null", "null")));
    assertEquals(3, h.units(), "distinct units over all years, not the sum of each year's");
    assertEquals(4, h.unitYears());
    assertEquals(List.of(2024, 2023, 2022), h.years().stream().map(Headline.YearTotals::fiscalYear).toList());
    Headline.YearTotals latest = h.years().get(0);
    assertEquals(2, latest.units());
    assertEquals(0, new BigDecimal("250").compareTo(latest.budget()));
    assertEquals(0, new BigDecimal("150.25").compareTo(latest.actual()), "an actual not stated adds nothing");
    assertEquals(null, h.years().get(2).budget(), "a year without any budget stated has none");

    List<String> many = new ArrayList<>();
    for (int y = 2000; y < 2000 + Headline.MAX_YEARS + 3; y++) {
      many.add(unitYear("A", y, "1", "1"));
    }
    Headline capped = Headline.of(rows(LakeTable.SILVER_UNIT_YEAR.schema(), many.toArray(String[]::new)));
    assertEquals(Headline.MAX_YEARS, capped.years().size());
    assertEquals(2000 + Headline.MAX_YEARS + 2, capped.years().get(0).fiscalYear(), "the latest years are listed");
    assertEquals(Headline.MAX_YEARS + 3, capped.unitYears());

    Headline none = Headline.of(rows(LakeTable.SILVER_UNIT_YEAR.schema()));
    assertEquals(0, none.units());
    assertEquals(List.of(), none.years());
  }
}
