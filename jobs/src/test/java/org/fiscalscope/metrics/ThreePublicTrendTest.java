package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ThreePublicTrendTest extends SilverFixtures {

  private static String reception(String unit, int year, String actual, String budget) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":%d,\"three_public_actual_reception\":%s,"
        + "\"three_public_budget_reception\":%s}", unit, year, actual, budget);
  }

  @Test
  void priorYearYoyCagrAndPolicyFlags() {
    Dataset<Row> trend = ThreePublicTrend.trend(unitYears(
        reception("A", 2019, "10", "12"),
        reception("A", 2020, "8", "12"),
        reception("A", 2021, "0", "12"),
        reception("A", 2022, "5", "4"),
        reception("B", 2023, "3", "2"),
        reception("C", 2020, "6", "6"),
        reception("C", 2022, "7", "6")));
    List<String> got = sorted(trend.select("unit_id", "fiscal_year", "category", "prior_year_actual",
        "yoy_change_amount", "yoy_change_pct", "years_in_series", "cagr_pct", "breaks_only_decrease_rule",
        "is_over_budget"));
    assertEquals(List.of(
        "[A,2019,reception,null,null,null,1,null,null,false]",
        "[A,2020,reception,10.0000,-2.0000,-20.00,2,null,false,false]",
        "[A,2021,reception,8.0000,-8.0000,-100.00,3,-100.00,false,false]",
        "[A,2022,reception,0.0000,5.0000,null,4,-20.63,true,true]",
        "[B,2023,reception,null,null,null,1,null,null,true]",
        "[C,2020,reception,null,null,null,1,null,null,false]",
        "[C,2022,reception,null,null,null,2,null,null,true]"), got,
        "a zero prior year with spending now is an increase without a percentage; a missing year breaks the chain; "
            + "CAGR from the third year: (5/10)^(1/3) − 1 = −20.63%");
  }

  @Test
  void priorBudgetZeroBaseAndTheBaseYearsFigures() {
    Dataset<Row> trend = ThreePublicTrend.trend(unitYears(
        reception("A", 2019, "30", "32"),
        reception("A", 2022, "0", "10"),
        reception("A", 2023, "4", "12"),
        reception("B", 2022, "2", "3"),
        reception("B", 2023, "1", "3")), 2019);
    List<String> got = sorted(trend.select("unit_id", "fiscal_year", "prior_year_budget", "zero_base", "budget_rises",
        "base_year", "base_year_actual", "base_year_budget", "base_year_change_pct", "yoy_change_pct"));
    assertEquals(List.of(
        "[A,2019,null,null,null,null,null,null,null,null]",
        "[A,2022,null,null,null,2019,30.0000,32.0000,-100.00,null]",
        "[A,2023,10.0000,true,true,2019,30.0000,32.0000,-86.67,null]",
        "[B,2022,null,null,null,2019,null,null,null,null]",
        "[B,2023,3.0000,false,false,2019,null,null,null,-50.00]"), got,
        "a zero base gives no rate but says so; the base year is compared with the years after it, when the unit has it");
    assertEquals(List.of("[A,2023,null,null]"), sorted(ThreePublicTrend.trend(unitYears(
        reception("A", 2019, "30", "32"), reception("A", 2023, "4", "12")), 2023)
        .where("fiscal_year = 2023").select("unit_id", "fiscal_year", "base_year", "base_year_actual")),
        "the base year itself is not compared with itself");
  }

  @Test
  void sampleUnitHasFiveZeroCategoriesAndNoIncrease() {
    Dataset<Row> trend = ThreePublicTrend.trend(unitYears(SAMPLE));
    assertEquals(5, trend.count(), "four categories and the total");
    assertEquals(0, trend.where("breaks_only_decrease_rule OR is_over_budget").count());
  }

  @Test
  void emptyAndUnreportedGiveNoRows() {
    assertEquals(0, ThreePublicTrend.trend(unitYears()).count());
    assertEquals(0, ThreePublicTrend.trend(unitYears("{\"unit_id\":\"X\",\"fiscal_year\":2023}")).count(),
        "a unit that states no three-public figure has no trend rows (absent is not zero)");
  }
}
