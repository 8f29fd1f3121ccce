package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

/** 机关运行经费 applies to 行政 and 参公 units only: for a 事业单位 it is null with the marker false, never 0. */
class OperatingCostsByKindTest extends SparkTest {

  @Test
  void theKindDecidesWhetherOperatingCostsApply() {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES "
        + "('A', '行政', CAST(12.5 AS DECIMAL(18,4))), "
        + "('B', '参公', CAST(0 AS DECIMAL(18,4))), "
        + "('C', '参照公务员法管理的事业单位', CAST(3 AS DECIMAL(18,4))), "
        + "('D', '事业', CAST(0 AS DECIMAL(18,4))), "
        + "('E', '公益一类事业单位', CAST(4 AS DECIMAL(18,4))), "
        + "('F', CAST(NULL AS STRING), CAST(0 AS DECIMAL(18,4))) "
        + "AS t(unit_id, unit_kind, operating_costs)");
    List<String> got = SilverRows.byKind(rows).orderBy("unit_id").collectAsList().stream()
        .map(r -> r.getString(0) + " " + (r.isNullAt(2) ? "null" : r.getDecimal(2).stripTrailingZeros().toPlainString())
            + " " + r.getAs("operating_costs_applicable"))
        .toList();
    assertEquals(List.of("A 12.5 true", "B 0 true", "C 3 true", "D null false", "E null false", "F 0 null"), got);
  }
}
