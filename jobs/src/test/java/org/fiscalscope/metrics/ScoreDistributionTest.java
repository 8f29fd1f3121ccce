package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ScoreDistributionTest extends SilverFixtures {

  private static String unit(String id, String kind, String region, String unitScore) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":2023,\"unit_kind\":\"%s\",\"region\":\"%s\","
        + "\"unit_eval_total_score\":%s}", id, kind, region, unitScore);
  }

  private static String score(String id, String name, String total) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":2023,\"project_name\":\"%s\",\"total_score\":%s}",
        id, name, total);
  }

  private static String fn(String id, String code, String actual) {
    return String.format("{\"unit_id\":\"%s\",\"fiscal_year\":2023,\"code\":\"%s\",\"level\":%d,\"actual\":%s}",
        id, code, code.length() == 3 ? 1 : 2, actual);
  }

  @Test
  void quantilesHistogramAndPerfectSharePerPeerGroup() {
    Dataset<Row> units = unitYears(unit("A", "事业", "青山区", "99"), unit("B", "行政", "青山区", "null"));
    Dataset<Row> lines = functionLines(fn("A", "208", "10"), fn("A", "201", "10"), fn("B", "201", "5"),
        fn("B", "20101", "5"), fn("B", "208", "8"));
    Dataset<Row> projects = projects(score("A", "p1", "100"), score("A", "p2", "100"), score("A", "p3", "59"),
        score("B", "p4", "95"), score("B", "p5", "60"), score("B", "p6", "null"));
    Dataset<Row> dist = ScoreDistribution.distribution(ScoreDistribution.scores(projects, units),
        ScoreDistribution.peerGroups(units, lines, MetricsConfig.defaults().peerGroups()));

    Row all = dist.where("peer_group = 'all' AND scope = 'project'").first();
    assertEquals(5L, (long) all.getAs("n"), "null scores are not counted");
    assertEquals(82.8, (double) all.getAs("mean"), 1e-9);
    assertEquals(59.4, (double) all.getAs("p10"), 1e-9, "exact percentile of 59,60,95,100,100 with interpolation");
    assertEquals(95.0, (double) all.getAs("median"), 1e-9);
    assertEquals(100.0, (double) all.getAs("p75"), 1e-9, "tied top scores");
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 1L, 2L), List.of(all.getAs("bin_below_60"), all.getAs("bin_60_70"),
        all.getAs("bin_70_80"), all.getAs("bin_80_90"), all.getAs("bin_90_95"), all.getAs("bin_95_100"),
        all.getAs("bin_100")), "95 goes to 95–<100, 60 to 60–70");
    assertEquals(0.4, (double) all.getAs("perfect_share"), 1e-9);

    assertEquals(List.of("all", "class:201", "class:208", "kind:事业", "kind:行政", "region:青山区"),
        dist.where("scope = 'project'").select("peer_group").as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList().stream().sorted().toList(),
        "A ties 201 and 208 at 10: the smaller code wins; B's 款 line is not added to its 类, so 208 (8) beats 201 (5)");
    Row unitScope = dist.where("peer_group = 'all' AND scope = 'unit'").first();
    assertEquals(1L, (long) unitScope.getAs("n"));
    assertTrue(unitScope.isNullAt(unitScope.fieldIndex("stddev")), "one score has no sample deviation");
  }

  @Test
  void officialGradeBandsAreCountedPerPeerGroupWithTheirLowerBoundsIncluded() {
    Dataset<Row> units = unitYears(unit("A", "事业", "青山区", "90"), unit("B", "行政", "江岸区", "79.99"));
    Dataset<Row> projects = projects(score("A", "p1", "100"), score("A", "p2", "90"), score("A", "p3", "89.99"),
        score("A", "p4", "80"), score("B", "p5", "60"), score("B", "p6", "59.99"), score("B", "p7", "0"));
    Dataset<Row> dist = ScoreDistribution.distribution(ScoreDistribution.scores(projects, units),
        ScoreDistribution.peerGroups(units, functionLines(), List.of("all", "region")));
    Row all = dist.where("peer_group = 'all' AND scope = 'project'").first();
    assertEquals(List.of(2L, 2L, 1L, 2L), grades(all), "优 100, 90; 良 89.99, 80; 中 60; 差 59.99, 0");
    assertEquals(List.of(2L, 2L, 0L, 0L), grades(dist.where("peer_group = 'region:青山区' AND scope = 'project'").first()));
    assertEquals(List.of(0L, 0L, 1L, 2L), grades(dist.where("peer_group = 'region:江岸区' AND scope = 'project'").first()));
    assertEquals(List.of(1L, 0L, 1L, 0L), grades(dist.where("peer_group = 'all' AND scope = 'unit'").first()),
        "the unit evaluations: 90 is 优, 79.99 中");
    assertEquals(org.fiscalscope.document.ScoreGrade.GOOD, org.fiscalscope.document.ScoreGrade.of(new java.math.BigDecimal("80")));
    assertEquals("良 80–90", org.fiscalscope.document.ScoreGrade.GOOD.range());
  }

  private static List<Long> grades(Row r) {
    return java.util.Arrays.stream(org.fiscalscope.document.ScoreGrade.values())
        .map(g -> (Long) r.getAs(g.column())).toList();
  }

  @Test
  void sizeBandGroupsFromTheStatedActualHeadcount() {
    Dataset<Row> units = unitYears(
        "{\"unit_id\":\"S\",\"fiscal_year\":2023,\"staff_actual\":12,\"unit_eval_total_score\":90}",
        "{\"unit_id\":\"M\",\"fiscal_year\":2023,\"staff_actual\":50,\"unit_eval_total_score\":80}",
        "{\"unit_id\":\"L\",\"fiscal_year\":2023,\"staff_actual\":51,\"unit_eval_total_score\":85}",
        "{\"unit_id\":\"X\",\"fiscal_year\":2023,\"staff_actual\":101,\"unit_eval_total_score\":70}",
        "{\"unit_id\":\"Z\",\"fiscal_year\":2023,\"staff_actual\":0,\"unit_eval_total_score\":75}",
        "{\"unit_id\":\"N\",\"fiscal_year\":2023,\"unit_eval_total_score\":60}");
    assertEquals(List.of("size:1-20 1", "size:21-50 1", "size:51-100 1", "size:>100 1"), groupSizes(units, "size"),
        "50 is the upper bound of 21-50; no headcount or 0 people: no size group");
  }

  @Test
  void parentDepartmentGroupsWhereTheDocumentNamesTheParent() {
    Dataset<Row> units = unitYears(
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"parent_name\":\"青山区人社局\",\"unit_eval_total_score\":90}",
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"parent_name\":\"青山区人社局\",\"unit_eval_total_score\":80}",
        "{\"unit_id\":\"C\",\"fiscal_year\":2023,\"parent_name\":\"青山区教育局\",\"unit_eval_total_score\":70}",
        "{\"unit_id\":\"D\",\"fiscal_year\":2023,\"unit_eval_total_score\":60}");
    assertEquals(List.of("parent:青山区人社局 2", "parent:青山区教育局 1"), groupSizes(units, "parent"),
        "units of one parent department are peers; a unit naming no parent is in no parent group");
    assertTrue(MetricsConfig.defaults().peerGroups().contains("parent"), "on by default");
  }

  /** "peer_group n" of the unit scores' distribution in the groups of one kind, in group order. */
  private List<String> groupSizes(Dataset<Row> units, String kind) {
    return ScoreDistribution.distribution(ScoreDistribution.scores(projects(), units),
            ScoreDistribution.peerGroupsOf(units, FunctionClasses.largestClass(functionLines()), List.of(kind),
                MetricsConfig.defaults().sizeBands()))
        .orderBy("peer_group").collectAsList().stream().map(r -> r.getAs("peer_group") + " " + r.getAs("n")).toList();
  }

  @Test
  void emptyScoresGiveNoGroups() {
    Dataset<Row> units = unitYears(unit("A", "事业", "青山区", "null"));
    assertEquals(0, ScoreDistribution.distribution(ScoreDistribution.scores(projects(), units),
        ScoreDistribution.peerGroups(units, functionLines(), List.of("all"))).count());
  }

  @Test
  void meanAndDeviationDoNotDependOnHowTheScoresArePartitioned() {
    java.util.Random random = new java.util.Random(11);
    List<String> units = new java.util.ArrayList<>();
    List<String> scores = new java.util.ArrayList<>();
    for (int u = 0; u < 40; u++) {
      units.add(unit("U" + u, "事业", "青山区", String.format(java.util.Locale.ROOT, "%.4f", 80 + random.nextDouble() * 20)));
      for (int p = 0; p < 25; p++) {
        scores.add(score("U" + u, "p" + p, String.format(java.util.Locale.ROOT, "%.4f", 60 + random.nextDouble() * 40)));
      }
    }
    Dataset<Row> unitYear = unitYears(units.toArray(String[]::new));
    Dataset<Row> projects = projects(scores.toArray(String[]::new));
    Dataset<Row> groups = ScoreDistribution.peerGroups(unitYear, functionLines(), List.of("all"));
    List<String> expected = sorted(ScoreDistribution.distribution(
        ScoreDistribution.scores(projects.repartition(1), unitYear), groups));
    for (int partitions : new int[] {3, 7, 16}) {
      Dataset<Row> shuffled = projects.orderBy(org.apache.spark.sql.functions.rand(partitions)).repartition(partitions);
      assertEquals(expected, sorted(ScoreDistribution.distribution(ScoreDistribution.scores(shuffled, unitYear),
          groups)), "the same scores in " + partitions + " partitions, in another order");
    }
  }
}
