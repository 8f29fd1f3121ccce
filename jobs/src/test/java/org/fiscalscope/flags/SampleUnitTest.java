package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.ingest.SilverRows;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.metrics.MetricsConfig;
import org.fiscalscope.metrics.MetricsJob;
import org.junit.jupiter.api.Test;

/** The real sample unit of the demo landing zone, from its disclosure text through silver to gold and flags. */
class SampleUnitTest extends SparkTest {

  @Test
  void qingshanTalentServiceCentre2023() throws Exception {
    byte[] text = Files.readAllBytes(Path.of("data/sample/qingshan-talent-service-center-2023.txt"));
    String json = org.fiscalscope.document.DocumentJson.write(((org.fiscalscope.ingest.ReadOutcome.Accepted)
        org.fiscalscope.ingest.DocumentReader.read("qingshan-talent-service-center-2023.txt", text, "0".repeat(64))).document());
    StructType schema = StructType.fromDDL("sha256 STRING, unit_id STRING, fiscal_year INT, canonical_json STRING, run_id STRING");
    Dataset<Row> docs = spark.createDataFrame(List.of(RowFactory.create("sha", "QS", 2023, json, "r")), schema);
    Map<LakeTable, Dataset<Row>> silver = SilverRows.silver(docs);
    MetricsJob.Gold gold = MetricsJob.compute(silver.get(LakeTable.SILVER_UNIT_YEAR), silver.get(LakeTable.SILVER_FUNCTION_LINE),
        silver.get(LakeTable.SILVER_PROJECT), silver.get(LakeTable.SILVER_INDICATOR), silver.get(LakeTable.SILVER_FINDING),
        MetricsConfig.defaults());

    assertEquals(List.of("[unit,unit,95.3000,95.29,initial]", "[project,2023年市级就业资金,84.0800,84.08,adjusted]"),
        gold.execution().where("level = 'unit' OR subject = '2023年市级就业资金'")
            .orderBy(gold.execution().col("level").desc())
            .select("level", "subject", "rate_reported_pct", "rate_recomputed_pct", "basis").collectAsList().stream()
            .map(Row::toString).toList(),
        "the unit's rate is on its initial budget (完成年初预算的%), the project's on its full-year budget (项目全年预算数)");
    assertEquals(0, gold.execution().where("basis IS NULL").count(), "every row names its basis");

    Dataset<Row> flags = RuleFlags.flags(gold.execution(), gold.threePublicTrend(), FlagsConfig.defaults());
    assertEquals(List.of("[low_execution,warning,2023年市级就业资金,项目“2023年市级就业资金”执行率84.08%（按全年预算计），"
            + "低于预警线90%（全年预算170万元，执行142.94万元）]"),
        sorted(flags.select("rule", "severity", "subject", "explanation_zh")),
        "one warning, and no three-public flag: the unit's three public costs are all zero");
    assertEquals(List.of("[qingshan-talent-service-center-2023.txt,null,1383]"),
        sorted(FlagsJob.withSource(flags, silver.get(LakeTable.SILVER_PROVENANCE))
            .select("source_file", "source_page", "source_line")),
        "the flag points at the file, page (none for text) and line that stated the rate");
  }
}
