package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.metrics.SilverFixtures;
import org.junit.jupiter.api.Test;

class MultivariateOutliersTest extends SilverFixtures {

  @Test
  void theUnitWithAnOddCostMixScoresHighestAndItsDriversAreNamed() {
    Random random = new Random(7);
    List<String> json = new ArrayList<>();
    for (int i = 0; i < 59; i++) {
      double spent = 500 + random.nextInt(500);
      double basic = spent * (0.5 + random.nextDouble() * 0.1);
      json.add(unit("U" + i, spent, basic, basic * 0.9, basic * 0.1, spent * 0.01));
    }
    json.add(unit("ODD", 700, 385, 385 * 0.45, 385 * 0.55, 7));
    Dataset<Row> scored = MultivariateOutliers.score(unitYears(json.toArray(String[]::new)),
        FlagsConfig.defaults().multivariate());
    Row top = scored.orderBy(scored.col("anomaly_score").desc()).first();
    assertEquals("ODD", top.getAs("unit_id"));
    String drivers = top.getAs("drivers_en");
    assertTrue(drivers.contains("share of basic expenditure"), drivers);
    Dataset<Row> flags = MultivariateOutliers.flags(scored, FlagsConfig.defaults().multivariate());
    assertEquals(3, flags.count(), "top 5% of 60 unit-years");
    assertTrue(sorted(flags.select("unit_id")).contains("[ODD]"));
  }

  @Test
  void tooFewUnitYearsHaveNoPeersAndNoScore() {
    Dataset<Row> scored = MultivariateOutliers.score(unitYears(unit("A", 500, 300, 270, 30, 5), unit("B", 600, 320, 280, 40, 6)),
        FlagsConfig.defaults().multivariate());
    assertEquals(0, scored.count(), "two unit-years are below min-unit-years (30)");
  }

  @Test
  void scoresDoNotDependOnHowTheUnitYearsArePartitioned() {
    Random random = new Random(5);
    List<String> json = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double spent = 100 + random.nextInt(5000);
      double basic = spent * (0.3 + random.nextDouble() * 0.5);
      double personnel = basic * (0.5 + random.nextDouble() * 0.45);
      json.add(unit("U" + i, spent, basic, personnel, basic - personnel, spent * random.nextDouble() * 0.05));
    }
    Dataset<Row> unitYear = unitYears(json.toArray(String[]::new));
    FlagsConfig.Multivariate cfg = FlagsConfig.defaults().multivariate();
    List<String> expected = sorted(MultivariateOutliers.score(unitYear.repartition(1), cfg));
    for (int partitions : new int[] {2, 5, 9}) {
      Dataset<Row> shuffled = unitYear.orderBy(org.apache.spark.sql.functions.rand(partitions)).repartition(partitions);
      assertEquals(expected, sorted(MultivariateOutliers.score(shuffled, cfg)),
          "the same unit-years in " + partitions + " partitions, in another order");
    }
  }

  @Test
  void aPublicServiceUnitWithoutOperatingCostsIsNotJudgedOnThem() {
    // 57 administrative units spend about a tenth on 机关运行经费; three 事业单位 have none, which silver stores as
    // null (not applicable): the median placed there for KMeans adds nothing to their score and is never a driver.
    Random random = new Random(11);
    List<String> json = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double spent = 500 + random.nextInt(500);
      double basic = spent * (0.5 + random.nextDouble() * 0.1);
      String u = unit((i < 57 ? "A" : "S") + i, spent, basic, basic * 0.9, basic * 0.1, spent * 0.01);
      String operating = i < 57
          ? String.format(java.util.Locale.ROOT, "%.2f", spent * (0.09 + random.nextDouble() * 0.02)) : "null";
      json.add(u.substring(0, u.length() - 1) + ",\"operating_costs\":" + operating + "}");
    }
    Dataset<Row> scored = MultivariateOutliers.score(unitYears(json.toArray(String[]::new)),
        FlagsConfig.defaults().multivariate());
    List<Row> publicService = scored.where(scored.col("unit_id").startsWith("S")).collectAsList();
    assertEquals(3, publicService.size());
    assertTrue(publicService.stream().noneMatch(r -> ((String) r.getAs("drivers_en")).contains("operating-cost")),
        "not applicable is no evidence");
    assertTrue(scored.where(scored.col("drivers_en").contains("operating-cost")).count() > 0,
        "administrative units are still compared on operating costs");
  }

  private static String unit(String id, double spent, double basic, double personnel, double pub, double threePublic) {
    return String.format(java.util.Locale.ROOT, "{\"unit_id\":\"%s\",\"fiscal_year\":2023,\"expenditure_this_year\":%.2f,"
        + "\"budget_initial\":%.2f,\"actual_final\":%.2f,\"basic_expenditure\":%.2f,\"personnel_expense\":%.2f,"
        + "\"public_expense\":%.2f,\"three_public_actual_total\":%.2f}", id, spent, spent, spent, basic, personnel, pub,
        threePublic);
  }
}
