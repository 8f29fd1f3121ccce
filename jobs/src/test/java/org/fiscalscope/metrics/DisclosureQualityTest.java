package org.fiscalscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.DisclosurePart;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.ingest.DocumentReader;
import org.fiscalscope.ingest.SilverRows;
import org.fiscalscope.ingest.ReadOutcome;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/** gold.disclosure_quality over the real sample disclosure, a copy of it without its 三公 section, and small fixtures. */
class DisclosureQualityTest extends SilverFixtures {

  private static final String THREE_PUBLIC_HEADING = "九、财政拨款“三公”经费支出决算情况说明";
  private static final String NEXT_HEADING = "十、机关运行经费支出情况";

  @Test
  void theSampleIsRatedOnEveryCriterionAndLosesScoreWithoutItsThreePublicSection() throws Exception {
    String text = Files.readString(TestCorpus.SAMPLE, StandardCharsets.UTF_8);
    int from = text.indexOf(THREE_PUBLIC_HEADING);
    int to = text.indexOf(NEXT_HEADING);
    assertTrue(from > 0 && to > from, "the sample has its 三公 section before 十、机关运行经费");
    String copy = text.substring(0, from) + text.substring(to);

    Map<String, Row> rated = rated(Map.of("QS", text, "QS-COPY", copy));
    Row seed = rated.get("QS");
    Row cut = rated.get("QS-COPY");

    for (DisclosureCriterion c : DisclosureCriterion.values()) {
      boolean known = !seed.isNullAt(seed.fieldIndex(c.column()));
      String notKnown = seed.getAs("not_known");
      assertTrue(known || notKnown != null && notKnown.contains(c.zh()),
          c.id() + " is either scored or listed as not known: " + seed);
    }
    assertEquals(5, (int) seed.<Integer>getAs("criteria_known"), "no dates in the text: timeliness is not known");
    assertNull(seed.getAs("score_timeliness"));
    assertTrue(seed.<String>getAs("not_known").contains(DisclosureCriterion.TIMELINESS.zh()));
    assertEquals(3, (int) seed.<Integer>getAs("tables_present"), "its text holds tables 07–09: " + seed.getAs("tables_missing"));
    assertTrue(seed.<String>getAs("tables_missing").startsWith(DisclosurePart.TABLE_01.zh()));
    assertEquals(8, (int) seed.<Integer>getAs("sections_present"), "every required section: " + seed.getAs("sections_missing"));
    assertEquals(7, (int) seed.<Integer>getAs("projects_stated"));
    assertEquals(7, (int) seed.<Integer>getAs("projects_published"));
    assertEquals(Boolean.TRUE, seed.getAs("has_three_public_reasons"));
    assertEquals(4, (int) seed.<Integer>getAs("three_public_categories"));
    String seedMissing = seed.getAs("missing");
    assertFalse(seedMissing != null && seedMissing.contains(DisclosurePart.THREE_PUBLIC_NOTE.zh()), seedMissing);
    assertNotNull(seed.getAs("score"));

    assertTrue(cut.<java.math.BigDecimal>getAs("score").compareTo(seed.getAs("score")) < 0,
        "without its 三公 section the score drops: " + cut.getAs("score") + " vs " + seed.getAs("score"));
    String cutMissing = cut.getAs("missing");
    assertTrue(cutMissing.contains(DisclosurePart.THREE_PUBLIC_NOTE.zh()), "names the missing section: " + cutMissing);
    assertTrue(cutMissing.contains(DisclosurePart.THREE_PUBLIC_REASONS.zh()), "names the missing reasons: " + cutMissing);
    assertEquals(Boolean.FALSE, cut.getAs("has_three_public_reasons"));
    assertEquals(1, (int) seed.<Integer>getAs("district_rank"));
    assertEquals(2, (int) cut.<Integer>getAs("district_rank"));
    assertEquals(2, (int) seed.<Integer>getAs("district_units"));
  }

  @Test
  void datesDecideTimelinessAndAMissingContentsListIsNotKnownRatherThanFailed() {
    String late = SAMPLE.replace("\"unit_id\":\"QS\"", "\"unit_id\":\"LATE\"").replace("}",
        ",\"contents\":[\"table_09\",\"three_public_note\"],\"projects_stated\":3,"
            + "\"approved_on\":\"2024-07-01\",\"published_on\":\"2024-07-26\"}");
    String onTime = SAMPLE.replace("\"unit_id\":\"QS\"", "\"unit_id\":\"ONTIME\"").replace("}",
        ",\"approved_on\":\"2024-07-01\",\"published_on\":\"2024-07-21\"}");
    Dataset<Row> q = DisclosureQuality.quality(unitYears(late, onTime),
        projects(project("人才工作经费", "40", "40", "100", "20", "100", 1).replace("\"QS\"", "\"LATE\"")),
        rows(LakeTable.SILVER_FINDING.schema(),
            "{\"unit_id\":\"LATE\",\"fiscal_year\":2023,\"rule\":\"sum.basic_split\",\"subject\":\"1\",\"severity\":\"error\"}",
            "{\"unit_id\":\"LATE\",\"fiscal_year\":2023,\"rule\":\"sum.functions\",\"subject\":\"1\",\"severity\":\"info\"}",
            "{\"unit_id\":\"LATE\",\"fiscal_year\":2023,\"rule\":\"indicators.unaligned\",\"subject\":\"1\",\"severity\":\"warning\"}"));
    Map<String, Row> byUnit = new java.util.HashMap<>();
    q.collectAsList().forEach(r -> byUnit.put(r.getAs("unit_id"), r));

    Row l = byUnit.get("LATE");
    assertEquals(25, (int) l.<Integer>getAs("days_to_publish"));
    assertEquals(Boolean.TRUE, l.getAs("is_late"));
    assertEquals(0, l.<java.math.BigDecimal>getAs("score_timeliness").signum());
    assertTrue(l.<String>getAs("missing").contains("批复后 25 日公开"), l.<String>getAs("missing"));
    assertEquals(1, (int) l.<Integer>getAs("tables_present"));
    assertEquals(1, (int) l.<Integer>getAs("consistency_errors"));
    assertEquals(0, (int) l.<Integer>getAs("consistency_warnings"),
        "info findings (rounding) and what the reader could not align do not count");
    assertEquals(new java.math.BigDecimal("75.00"), l.getAs("score_consistency"));
    assertEquals(new java.math.BigDecimal("33.33"), l.getAs("score_projects"), "1 of 3 stated projects published");

    Row o = byUnit.get("ONTIME");
    assertEquals(Boolean.FALSE, o.getAs("is_late"), "20 days is within the rule");
    assertEquals(0, new java.math.BigDecimal("100").compareTo(o.getAs("score_timeliness")));
    assertNull(o.getAs("score_tables"), "no contents list: the tables are not known, not failed");
    assertNull(o.getAs("score_sections"));
    assertNull(o.getAs("has_three_public_reasons"));
    assertTrue(o.<String>getAs("not_known").contains(DisclosureCriterion.TABLES.zh()));
    assertEquals(3, (int) o.<Integer>getAs("criteria_known"), "three public, consistency, timeliness");
  }

  @Test
  void emptySilverGivesNoRows() {
    assertEquals(0, DisclosureQuality.quality(unitYears(), projects(), rows(LakeTable.SILVER_FINDING.schema())).count());
  }

  /** gold.disclosure_quality rows of disclosure texts read as the ingest reads them, by unit id (one region). */
  private Map<String, Row> rated(Map<String, String> texts) {
    StructType schema = StructType.fromDDL("sha256 STRING, unit_id STRING, fiscal_year INT, canonical_json STRING, run_id STRING");
    List<Row> docs = new ArrayList<>();
    texts.forEach((id, text) -> {
      ReadOutcome outcome = DocumentReader.read(id + ".txt", text.getBytes(StandardCharsets.UTF_8), "0".repeat(64));
      String json = DocumentJson.write(((ReadOutcome.Accepted) outcome).document());
      docs.add(RowFactory.create("sha-" + id, id, 2023, json, "r"));
    });
    Map<LakeTable, Dataset<Row>> silver = SilverRows.silver(spark.createDataFrame(docs, schema));
    Dataset<Row> unitYear = silver.get(LakeTable.SILVER_UNIT_YEAR).withColumn("region", org.apache.spark.sql.functions.lit("武汉市青山区"));
    Map<String, Row> out = new java.util.HashMap<>();
    DisclosureQuality.quality(unitYear, silver.get(LakeTable.SILVER_PROJECT), silver.get(LakeTable.SILVER_FINDING))
        .collectAsList().forEach(r -> out.put(r.getAs("unit_id"), r));
    return out;
  }
}
