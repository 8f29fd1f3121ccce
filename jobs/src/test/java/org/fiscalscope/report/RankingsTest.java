package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/** The page's rankings: execution rates, disclosure quality per district, three-public breaks. */
class RankingsTest extends SparkTest {

  private Dataset<Row> execution(String... rows) {
    return rows(LakeTable.GOLD_EXECUTION.schema(), rows);
  }

  private static String unitRate(String unit, int year, String recomputed, String reported) {
    return "{\"unit_id\":\"" + unit + "\",\"fiscal_year\":" + year + ",\"level\":\"unit\",\"subject\":\"unit\","
        + "\"subject_name\":\"" + unit + "局\",\"basis\":\"initial\",\"budget\":100,\"actual\":90"
        + (recomputed == null ? "" : ",\"rate_recomputed_pct\":" + recomputed)
        + (reported == null ? "" : ",\"rate_reported_pct\":" + reported) + "}";
  }

  private static List<String> shown(ExecutionRanking r) {
    return r.shown().stream().map(u -> u.rank() + " " + u.unitId() + " " + u.ratePct().setScale(2)).toList();
  }

  @Test
  void theExecutionRankingOfTheLatestYearShowsAllOrBothEnds() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      rows.add(unitRate("U" + i, 2024, (80 + i) + ".00", null));
    }
    rows.add(unitRate("U5", 2024, null, null)); // no rate: not ranked (a duplicate key, as a careless lake may hold)
    rows.add(unitRate("W1", 2024, null, "95.5")); // the reported rate when none is recomputed
    rows.add(unitRate("OLD", 2023, "10.00", null)); // an earlier year: not in the ranking
    rows.add("{\"unit_id\":\"U1\",\"fiscal_year\":2025,\"level\":\"project\",\"subject\":\"p\",\"basis\":\"adjusted\","
        + "\"rate_recomputed_pct\":50.00}"); // a project row of a later year: years come from unit rows only
    Dataset<Row> execution = execution(rows.toArray(String[]::new));

    ExecutionRanking ends = WindowWarnings.none(() -> ExecutionRanking.of(execution, 2).orElseThrow());
    assertEquals(2024, ends.fiscalYear());
    assertEquals(10, ends.units());
    assertEquals(List.of("1 W1 95.50", "2 U9 89.00", "9 U2 82.00", "10 U1 81.00"), shown(ends));
    assertEquals(2, ends.highest().size());
    assertEquals(6, ends.hidden());

    ExecutionRanking all = ExecutionRanking.of(execution, 5).orElseThrow();
    assertEquals(10, all.shown().size(), "ten units, five at each end: all of them, in rank order");
    assertEquals(List.of(), all.lowest());
    assertEquals("1 W1 95.50", shown(all).get(0));
    assertEquals("10 U1 81.00", shown(all).get(9));
    assertEquals(0, all.hidden());

    ExecutionRanking oneOfFew = ExecutionRanking.of(execution.filter("fiscal_year = 2023"), 3).orElseThrow();
    assertEquals(List.of("1 OLD 10.00"), shown(oneOfFew));
    assertTrue(ExecutionRanking.of(execution.filter("level = 'project'"), 3).isEmpty(), "no unit rate, no ranking");
  }

  private static String quality(String unit, int year, String region, String score, int rank) {
    return "{\"unit_id\":\"" + unit + "\",\"fiscal_year\":" + year + ",\"unit_name\":\"" + unit + "局\","
        + (region == null ? "" : "\"region\":\"" + region + "\",")
        + (score == null ? "" : "\"score\":" + score + ",") + "\"score_tables\":100,\"tables_present\":9,"
        + "\"district_rank\":" + rank + ",\"missing\":\"\"}";
  }

  @Test
  void theDisclosureRankingShowsEachDistrictsEndsAndCountsTheDistrictsNotShown() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      rows.add(quality("A" + i, 2024, "甲区", (50 + 10 * i) + ".00", 6 - i));
    }
    rows.add(quality("B1", 2024, "乙区", "70.00", 1));
    rows.add(quality("N1", 2024, null, "88.00", 1));
    rows.add(quality("C1", 2024, "丙区", null, 1)); // no score: not ranked, its district not counted
    rows.add(quality("Z1", 2023, "丁区", "90.00", 1)); // an earlier year
    Dataset<Row> q = rows(LakeTable.GOLD_DISCLOSURE_QUALITY.schema(), rows.toArray(String[]::new));

    DisclosureRanking r = WindowWarnings.none(() -> DisclosureRanking.of(q, 2, 2).orElseThrow());
    assertEquals(2024, r.fiscalYear());
    assertEquals(3, r.districtsTotal(), "甲区, 乙区 and the units without a district");
    assertEquals(List.of("乙区", "甲区"), r.districts().stream().map(DisclosureRanking.District::region).toList(),
        "the first districts by name");
    DisclosureRanking.District a = r.districts().get(1);
    assertEquals(5, a.units());
    assertEquals("80.00", a.meanScore().toPlainString());
    assertEquals(List.of("A5", "A4", "A2", "A1"), a.shown().stream().map(DisclosureRanking.RatedUnit::unitId).toList(),
        "the best two, then the worst two, best first");
    assertEquals(2, a.bestShown());
    assertEquals(1, a.hidden());
    assertEquals(List.of(1, 2, 4, 5), a.shown().stream().map(DisclosureRanking.RatedUnit::rank).toList());

    DisclosureRanking every = DisclosureRanking.of(q, 5, 10).orElseThrow();
    assertEquals(List.of("乙区", "甲区", DisclosureRanking.NO_REGION),
        every.districts().stream().map(DisclosureRanking.District::region).toList());
    assertEquals(5, every.districts().get(1).shown().size(), "a small district shows every unit once");
    assertEquals(List.of("N1"),
        every.districts().get(2).shown().stream().map(DisclosureRanking.RatedUnit::unitId).toList());
    assertTrue(DisclosureRanking.of(q.filter("score IS NULL"), 2, 2).isEmpty(), "no score, no ranking");
  }

  private static String trend(String unit, int year, String category, String actual, Boolean breaks, String change) {
    return "{\"unit_id\":\"" + unit + "\",\"fiscal_year\":" + year + ",\"category\":\"" + category + "\","
        + "\"actual\":" + actual
        + (breaks == null ? "" : ",\"breaks_only_decrease_rule\":" + breaks)
        + (change == null ? "" : ",\"yoy_change_amount\":" + change) + "}";
  }

  @Test
  void threePublicBreakersComeLargestIncreaseFirstWithTheirSeries() {
    Dataset<Row> t = rows(LakeTable.GOLD_THREE_PUBLIC_TREND.schema(),
        trend("U1", 2023, "total", "10", null, null), trend("U1", 2024, "total", "12", true, "2"),
        trend("U1", 2023, "reception", "4", null, null), trend("U1", 2024, "reception", "6", true, "2"),
        trend("U1", 2024, "outbound_travel", "0", false, "0"),
        trend("U2", 2023, "total", "10", null, null), trend("U2", 2024, "total", "20", true, "10"),
        trend("U3", 2023, "total", "10", null, null), trend("U3", 2024, "total", "5", false, "-5"),
        trend("U4", 2024, "total", "7", true, null));
    Dataset<Row> names = rows("unit_id STRING, unit_name STRING", "{\"unit_id\":\"U1\",\"unit_name\":\"一局\"}");

    ThreePublicBreaks b = WindowWarnings.none(() -> ThreePublicBreaks.of(t, names, 2).orElseThrow());
    assertEquals(3, b.units(), "three units broke the rule in some year and category");
    assertEquals(List.of("U2", "U1"), b.shown().stream().map(ThreePublicBreaks.UnitTrend::unitId).toList(),
        "the largest increase first; U4, which states no increase, would come after them and is cut by the limit");
    ThreePublicBreaks.UnitTrend u1 = b.shown().get(1);
    assertEquals("一局", u1.unitName());
    assertEquals("U2", b.shown().get(0).unitName(), "a unit without a name is shown by its id");
    assertEquals(List.of(2023, 2024), u1.years());
    assertEquals(List.of("total", "reception"), List.copyOf(u1.actual().keySet()),
        "a category never spent on is left out");
    assertEquals(List.of(false, true), u1.breaks().get("reception"));
    assertEquals(List.of("total", "reception"), u1.brokenCategories());

    assertEquals(0, ThreePublicBreaks.of(t.filter("unit_id = 'U3'"), names, 2).orElseThrow().units(),
        "a trend without a break: a section that says so");
    assertTrue(ThreePublicBreaks.of(t.limit(0), names, 2).isEmpty(), "no trend rows, no section");
  }
}
