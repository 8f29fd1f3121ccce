package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.fiscalscope.SparkTest;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.PlantedAnomaly;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.fiscalscope.ingest.DatasetExport;
import org.fiscalscope.ingest.IngestJob;
import org.fiscalscope.ingest.PartsNotAddingUpScore;
import org.fiscalscope.ingest.SilverRows;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.metrics.MetricsConfig;
import org.fiscalscope.metrics.MetricsJob;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision of the rule flags, and the multivariate model's top-5% hit rate, on a generated district
 * with planted anomalies. Default 300 units × 5 years; {@code -Dbenchmark.units=2000} for the full benchmark.
 * A rule flag counts as correct when its unit-year has a planted anomaly the rule is meant to catch. The district is
 * measured as canonical JSON documents and, through ingest, as standard-tables workbooks and as a dataset export:
 * every planted kind a form carries is found (recall ≥ 95 %) and every rule's flags are right (precision ≥ 90 %).
 */
class PlantedAnomalyBenchmarkTest extends SparkTest {

  /** Which planted kinds each rule catches (a perfect score with low execution is also low and off the rules). */
  static final Map<String, Set<String>> CATCHES = Map.of(
      RuleFlags.LOW_EXECUTION, Set.of("low_execution_project", "low_execution_unit", "perfect_score_low_execution"),
      RuleFlags.PERFECT_SCORE_LOW_EXECUTION, Set.of("perfect_score_low_execution"),
      RuleFlags.SCORE_MISMATCH, Set.of("score_mismatch", "perfect_score_low_execution", "score_above_weight"),
      RuleFlags.RATE_MISMATCH, Set.of("score_mismatch", "perfect_score_low_execution", "parts_not_adding_up"),
      RuleFlags.THREE_PUBLIC_INCREASE, Set.of("three_public_increase", "three_public_total_increase"),
      RuleFlags.THREE_PUBLIC_OVER_BUDGET, Set.of("over_budget", "three_public_increase"),
      RuleFlags.THREE_PUBLIC_TOTAL_INCREASE, Set.of("three_public_total_increase"),
      // A part planted off its total (parts_not_adding_up) can lift one line above 105% of its initial budget: the
      // flag then points at the planted figure, as rate_mismatch does.
      RuleFlags.OVER_EXECUTION, Set.of("over_execution", "parts_not_adding_up"));

  /** Planted kinds the rule family is expected to find; parts that do not add up are silver findings, not flags. */
  static final Set<String> RULE_KINDS = Set.of("low_execution_project", "low_execution_unit", "three_public_increase",
      "over_budget", "perfect_score_low_execution", "score_mismatch", "three_public_total_increase",
      "score_above_weight", "over_execution");

  @Test
  void ruleFlagsFindPlantedAnomaliesAndTheModelRanksMultivariateOnesHigh() {
    int units = Integer.getInteger("benchmark.units", 300);
    DistrictGenerator generator = generator(units);
    StructType docSchema = StructType.fromDDL(
        "sha256 STRING, unit_id STRING, fiscal_year INT, canonical_json STRING, run_id STRING");
    List<Row> docs = new ArrayList<>();
    for (Iterator<FinalAccount> it = generator.documents(); it.hasNext(); ) {
      FinalAccount d = it.next();
      String id = d.unit().code() + "-" + d.fiscalYear();
      docs.add(RowFactory.create(id, d.unit().code(), d.fiscalYear(), DocumentJson.write(d), "bench"));
    }
    List<PlantedAnomaly> planted = generator.anomalies();

    Map<LakeTable, Dataset<Row>> silver = SilverRows.silver(spark.createDataFrame(docs, docSchema));
    silver.values().forEach(df -> df.persist(StorageLevel.MEMORY_AND_DISK()));
    Dataset<Row> unitYear = silver.get(LakeTable.SILVER_UNIT_YEAR);
    Dataset<Row> lines = silver.get(LakeTable.SILVER_FUNCTION_LINE);
    MetricsJob.Gold gold = MetricsJob.compute(unitYear, lines, silver.get(LakeTable.SILVER_PROJECT),
        silver.get(LakeTable.SILVER_INDICATOR), silver.get(LakeTable.SILVER_FINDING), MetricsConfig.defaults());
    Dataset<Row> execution = gold.execution().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> trend = gold.threePublicTrend().persist(StorageLevel.MEMORY_AND_DISK());
    FlagsConfig cfg = FlagsConfig.defaults();

    List<Row> ruleHits = RuleFlags.flags(execution, trend, cfg)
        .select("rule", "unit_id", "fiscal_year").distinct().collectAsList();
    Dataset<Row> scored = MultivariateOutliers.score(unitYear, cfg.multivariate());
    Set<String> topUnitYears = new HashSet<>();
    for (Row r : scored.where(col("is_top")).select("unit_id", "fiscal_year").collectAsList()) {
      topUnitYears.add(r.getString(0) + "/" + r.getInt(1));
    }

    Score score = Score.of(ruleHits, planted, RULE_KINDS);
    Map<String, Set<String>> rulesAt = score.rulesAt();
    Map<String, Integer> wrongByRule = score.wrongByRule();
    int multivariate = 0;
    int multivariateTop = 0;
    for (PlantedAnomaly a : planted) {
      if (a.kind().equals("multivariate")) {
        multivariate++;
        if (topUnitYears.contains(a.unitCode() + "/" + a.fiscalYear())) {
          multivariateTop++;
        }
      }
    }
    double topShare = multivariate == 0 ? 1 : (double) multivariateTop / multivariate;
    System.out.printf("benchmark %d units × 5 years, json: multivariate in top 5%% %.3f (%d/%d)%n%s", units, topShare,
        multivariateTop, multivariate, score.table());
    // The 三公 total rule on its own: it finds the planted total rises, and a category's rise within an unchanged
    // total (three_public_increase, planted so here) raises no warning.
    long totalPlanted = planted.stream().filter(a -> a.kind().equals("three_public_total_increase")).count();
    long totalFound = planted.stream().filter(a -> a.kind().equals("three_public_total_increase")
        && rulesAt.getOrDefault(a.unitCode() + "/" + a.fiscalYear(), Set.of()).contains(RuleFlags.THREE_PUBLIC_TOTAL_INCREASE))
        .count();
    long totalHits = ruleHits.stream().filter(r -> r.getString(0).equals(RuleFlags.THREE_PUBLIC_TOTAL_INCREASE)).count();
    long totalWrong = wrongByRule.getOrDefault(RuleFlags.THREE_PUBLIC_TOTAL_INCREASE, 0);
    System.out.printf("three_public_total_increase: recall %d/%d, precision %d/%d%n", totalFound, totalPlanted,
        totalHits - totalWrong, totalHits);
    // Headcounts: every unit-year has its per-capita spending and a size band; no 事业单位 has operating costs.
    long perCapita = gold.perCapita().where(col("basic_per_capita").isNotNull()).count();
    List<String> sizeGroups = gold.scoreDistribution().where(col("peer_group").startsWith("size:"))
        .select("peer_group").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    long publicServiceCosts = unitYear.where(col("unit_kind").equalTo("事业").and(col("operating_costs").isNotNull()
        .or(col("operating_costs_applicable")))).count();
    System.out.printf("headcounts: %d unit-years with per-capita spending, size groups %s%n", perCapita,
        new java.util.TreeSet<>(sizeGroups));
    assertEquals(unitYear.count(), perCapita, "every unit-year states its headcount");
    assertTrue(sizeGroups.size() >= 3, "the district spans the size bands: " + sizeGroups);
    assertEquals(0, publicServiceCosts, "no 事业单位 has an operating-cost value");
    // The printed scoring rules on their own: tables print 10 (national) or 20 (Wuhan-style) for 预算执行率, and the
    // planted scores off the printed rule or above an indicator's printed weight are found by score_mismatch.
    Set<String> scoringKinds = Set.of("score_mismatch", "score_above_weight");
    long scoringPlanted = planted.stream().filter(a -> scoringKinds.contains(a.kind())).count();
    long scoringFound = planted.stream().filter(a -> scoringKinds.contains(a.kind())
        && rulesAt.getOrDefault(a.unitCode() + "/" + a.fiscalYear(), Set.of()).contains(RuleFlags.SCORE_MISMATCH)).count();
    long scoringHits = ruleHits.stream().filter(r -> r.getString(0).equals(RuleFlags.SCORE_MISMATCH)).count();
    long scoringWrong = wrongByRule.getOrDefault(RuleFlags.SCORE_MISMATCH, 0);
    System.out.printf("score_mismatch (both weight templates): recall %d/%d, precision %d/%d%n", scoringFound,
        scoringPlanted, scoringHits - scoringWrong, scoringHits);
    assertTrue(planted.stream().anyMatch(a -> a.kind().equals("score_above_weight")),
        "the benchmark district plants scores above their printed weight");
    assertTrue(scoringFound >= 0.95 * scoringPlanted, "scoring recall " + scoringFound + "/" + scoringPlanted);
    assertTrue(scoringHits - scoringWrong >= 0.90 * scoringHits,
        "scoring precision " + (scoringHits - scoringWrong) + "/" + scoringHits);
    assertTrue(totalPlanted > 0, "the benchmark district plants rises of the 三公 total");
    assertTrue(totalFound >= 0.95 * totalPlanted, "三公 total recall " + totalFound + "/" + totalPlanted);
    assertTrue(totalHits - totalWrong >= 0.90 * totalHits, "三公 total precision " + (totalHits - totalWrong) + "/" + totalHits);
    // Over-execution on its own: spending above 105% of the initial budget is found, and spending above it that
    // the stated carry-over funds (planted among ordinary unit-years, functional lines included) raises nothing.
    long overPlanted = planted.stream().filter(a -> a.kind().equals("over_execution")).count();
    long overFound = planted.stream().filter(a -> a.kind().equals("over_execution")
        && rulesAt.getOrDefault(a.unitCode() + "/" + a.fiscalYear(), Set.of()).contains(RuleFlags.OVER_EXECUTION))
        .count();
    long overHits = ruleHits.stream().filter(r -> r.getString(0).equals(RuleFlags.OVER_EXECUTION)).count();
    long overWrong = wrongByRule.getOrDefault(RuleFlags.OVER_EXECUTION, 0);
    long carriedOver = execution.where("level = 'unit' AND budget_carryover IS NOT NULL "
        + "AND actual > budget_initial * 1.05").count();
    System.out.printf("over_execution: recall %d/%d, precision %d/%d; %d unit-years above 105%% of the initial budget"
        + " with stated carry-over%n", overFound, overPlanted, overHits - overWrong, overHits, carriedOver);
    assertTrue(overPlanted > 0, "the benchmark district plants over-execution");
    assertTrue(carriedOver > overPlanted / 2, "the district has spending above the initial budget that carry-over funds");
    assertTrue(overFound >= 0.95 * overPlanted, "over-execution recall " + overFound + "/" + overPlanted);
    assertTrue(overHits - overWrong >= 0.90 * overHits, "over-execution precision " + (overHits - overWrong) + "/" + overHits);
    assertEquals(0, execution.where("basis IS NULL").count(), "every gold.execution row names its basis");
    score.assertMet("json");
    assertTrue(topShare >= 0.80, "multivariate top-5% share " + topShare + " below 0.80");
  }

  /** The kinds whose figures the standard tables carry: they print no self-evaluation table, so no project kind. */
  static final Set<String> WORKBOOK_KINDS = Set.of("low_execution_unit", "three_public_increase", "over_budget",
      "three_public_total_increase", "over_execution");

  /** Writes a district's documents into a landing folder in one input form. */
  private interface Form {
    void write(List<FinalAccount> documents, Path landing) throws IOException;
  }

  @Test
  void ruleFlagsFindPlantedAnomaliesInStandardTablesWorkbooks() throws IOException {
    // One unit in four sends .xlsx, the others .xls (both go through the same reader; .xls is quicker to write).
    measureThroughIngest("workbook", WORKBOOK_KINDS, false, ".xls", (docs, landing) -> {
      for (FinalAccount d : docs) {
        boolean xlsx = d.unit().code().hashCode() % 4 == 0;
        Files.write(landing.resolve(d.unit().code() + "-" + d.fiscalYear() + (xlsx ? ".xlsx" : ".xls")),
            StandardTablesRenderer.workbook(d, xlsx ? StandardTablesRenderer.WorkbookFormat.XLSX
                : StandardTablesRenderer.WorkbookFormat.XLS, TablesStyle.of(d.unit().code())));
      }
    });
  }

  @Test
  void ruleFlagsFindPlantedAnomaliesInDatasets() throws IOException {
    measureThroughIngest("dataset", RULE_KINDS, true, ".csv line ", (docs, landing) -> {
      try (DatasetExport export = new DatasetExport(landing, "district")) {
        docs.forEach(export::add);
      }
    });
  }

  /**
   * The benchmark district written in one form, ingested into a lake as the nightly does (readers, merge, audit),
   * then gold and the rule flags computed from the lake's silver tables; recall counted over the planted kinds the
   * form carries. The consistency audit of the same ingest is measured too: the planted parts that do not add up are
   * in silver.finding, each cited at {@code citation} (the standard tables print no procurement, so a workbook
   * carries only the other parts).
   */
  private void measureThroughIngest(String form, Set<String> kinds, boolean carriesProcurement, String citation,
      Form writer) throws IOException {
    int units = Integer.getInteger("benchmark.units", 300);
    DistrictGenerator generator = generator(units);
    List<FinalAccount> docs = new ArrayList<>();
    generator.documents().forEachRemaining(docs::add);
    Path landing = Files.createDirectories(tmp.resolve("landing-" + form));
    writer.write(docs, landing);
    Lake lake = new Lake(spark, tmp.resolve("lake-" + form).toString());
    IngestJob.Result ingested = IngestJob.run(lake, landing.toString(), "bench-" + form, 1 << 24);
    assertEquals(0, ingested.rejected(), form + ": every file is accepted");
    MetricsJob.Gold gold = MetricsJob.compute(lake.read(LakeTable.SILVER_UNIT_YEAR),
        lake.read(LakeTable.SILVER_FUNCTION_LINE), lake.read(LakeTable.SILVER_PROJECT),
        lake.read(LakeTable.SILVER_INDICATOR), lake.read(LakeTable.SILVER_FINDING), MetricsConfig.defaults());
    List<Row> ruleHits = RuleFlags.flags(gold.execution(), gold.threePublicTrend(), FlagsConfig.defaults())
        .select("rule", "unit_id", "fiscal_year").distinct().collectAsList();
    Score score = Score.of(ruleHits, generator.anomalies(), kinds);
    System.out.printf("benchmark %d units × 5 years, %s:%n%s", units, form, score.table());
    score.assertMet(form);
    PartsNotAddingUpScore.assertFound(lake, PartsNotAddingUpScore.planted(generator.anomalies(), carriesProcurement),
        form + ", " + docs.size() + " unit-years", citation, 5);
  }

  static DistrictGenerator generator(int units) {
    return new DistrictGenerator(new GeneratorSpec(units, 5, 2024, 20240601L)
        .withThreePublicTotals().withHeadcounts().withScoringTemplates().withBudgetPhases());
  }

  /**
   * Recall per planted kind (its unit-year flagged by a rule that catches it) and precision per rule (a flag is
   * right when its unit-year has a planted kind the rule catches); counts as {found, planted} and {right, flags}.
   */
  record Score(Map<String, int[]> byKind, Map<String, int[]> byRule, Map<String, Set<String>> rulesAt,
      Map<String, Integer> wrongByRule, Set<String> kinds) {

    static Score of(List<Row> ruleHits, List<PlantedAnomaly> planted, Set<String> kinds) {
      Map<String, Set<String>> kindsAt = new HashMap<>();
      for (PlantedAnomaly a : planted) {
        kindsAt.computeIfAbsent(a.unitCode() + "/" + a.fiscalYear(), k -> new HashSet<>()).add(a.kind());
      }
      Map<String, Set<String>> rulesAt = new HashMap<>();
      Map<String, int[]> byRule = new TreeMap<>();
      Map<String, Integer> wrong = new HashMap<>();
      for (Row r : ruleHits) {
        String rule = r.getString(0);
        String at = r.getString(1) + "/" + r.getInt(2);
        rulesAt.computeIfAbsent(at, k -> new HashSet<>()).add(rule);
        int[] c = byRule.computeIfAbsent(rule, k -> new int[2]);
        c[1]++;
        if (kindsAt.getOrDefault(at, Set.of()).stream().anyMatch(CATCHES.get(rule)::contains)) {
          c[0]++;
        } else {
          wrong.merge(rule, 1, Integer::sum);
        }
      }
      Map<String, int[]> byKind = new TreeMap<>();
      for (PlantedAnomaly a : planted) {
        if (kinds.contains(a.kind())) {
          int[] c = byKind.computeIfAbsent(a.kind(), k -> new int[2]);
          c[1]++;
          if (rulesAt.getOrDefault(a.unitCode() + "/" + a.fiscalYear(), Set.of()).stream()
              .anyMatch(rule -> CATCHES.get(rule).contains(a.kind()))) {
            c[0]++;
          }
        }
      }
      return new Score(byKind, byRule, rulesAt, wrong, kinds);
    }

    String table() {
      StringBuilder b = new StringBuilder();
      byKind.forEach((k, c) -> b.append(String.format("  recall    %-30s %3d/%d%n", k, c[0], c[1])));
      byRule.forEach((r, c) -> b.append(String.format("  precision %-30s %3d/%d%n", r, c[0], c[1])));
      return b.toString();
    }

    /** Every kind the form carries is planted and found ≥ 95 %; every rule's flags are right ≥ 90 %. */
    void assertMet(String form) {
      assertEquals(new java.util.TreeSet<>(kinds), byKind.keySet(), form + ": every kind is planted");
      byKind.forEach((k, c) -> assertTrue(c[0] >= 0.95 * c[1], form + ": recall of " + k + " " + c[0] + "/" + c[1]));
      byRule.forEach((r, c) -> assertTrue(c[0] >= 0.90 * c[1], form + ": precision of " + r + " " + c[0] + "/" + c[1]));
    }
  }
}

