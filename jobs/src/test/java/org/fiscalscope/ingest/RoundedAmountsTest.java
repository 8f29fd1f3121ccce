package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.document.Rounding;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/** A figure with more than 4 decimals, in a JSON document or a dataset row, lands rounded with a finding saying so. */
class RoundedAmountsTest extends SparkTest {

  @Test
  void jsonDocumentsAndDatasetRowsRecordWhatWasRounded() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(landing.resolve("r1.json"), "{\"fiscal_year\":2023,\"unit\":{\"code\":\"R1\",\"name\":\"甲单位\"},"
        + "\"totals\":{\"income_total\":591.123456789,\"actual_final\":100.5}}", StandardCharsets.UTF_8);
    Files.writeString(landing.resolve("2023.unit_year.csv"), "unit_code,unit_name,fiscal_year,income_total,actual_final\n"
        + "R2,乙单位,2023,12.34565,7.25\n", StandardCharsets.UTF_8);
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    IngestJob.Result result = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertEquals(0, result.rejected());

    assertEquals(List.of("[R1,591.1235,100.5000]", "[R2,12.3457,7.2500]"), sorted(lake.read(LakeTable.SILVER_UNIT_YEAR)
        .select("unit_id", "income_total", "actual_final")));
    List<Row> findings = lake.read(LakeTable.SILVER_FINDING).filter("rule = '" + Rounding.RULE + "'")
        .orderBy("unit_id").collectAsList();
    assertEquals(2, findings.size(), "one finding per rounded figure, and none for the others");
    assertEquals(List.of("R1", "info", "totals.income_total is 591.123456789, more than 4 decimals; it is kept as 591.1235",
            "totals.income_total: 591.123456789 → 591.1235"),
        List.of(findings.get(0).<String>getAs("unit_id"), findings.get(0).getAs("severity"),
            findings.get(0).getAs("message_en"), findings.get(0).getAs("evidence")));
    assertEquals(List.of("R2", "totals.income_total is 12.34565, more than 4 decimals; it is kept as 12.3457",
            "totals.income_total: 12.34565 → 12.3457 (row 2: income_total = 12.34565)"),
        List.of(findings.get(1).<String>getAs("unit_id"), findings.get(1).getAs("message_en"),
            findings.get(1).getAs("evidence")));
  }
}
