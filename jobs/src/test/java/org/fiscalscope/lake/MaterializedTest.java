package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

class MaterializedTest extends SparkTest {

  @Test
  void keepsEachFrameOnceAndReleasesAllOfThemWhereUnpersistDoesNot() {
    List<String> before = heldBlocks();
    Dataset<Row> frame = spark.range(0, 1000, 1, 3).selectExpr("id", "id * 2 AS twice");
    try (Materialized scope = new Materialized()) {
      Dataset<Row> kept = scope.keep(frame);
      assertEquals(List.of("MapPartitionsRDD (3 partitions)"), added(before), "computed at once, a block per partition");
      assertEquals(999 * 1000L, kept.selectExpr("sum(twice)").first().getLong(0));
      assertEquals(1000, kept.count());
      kept.unpersist(true);
      assertEquals(1, added(before).size(), "unpersist drops cached plans only");
      scope.keep(kept.filter("id < 10"));
      assertEquals(2, added(before).size());
    }
    assertEquals(List.of(), added(before), "closing the scope released both");
  }

  /**
   * Blocks held now that were not held before (a frame an earlier test of this JVM left cached may be released by
   * Spark's cleaner meanwhile, whenever the collector runs).
   */
  private List<String> added(List<String> before) {
    List<String> held = new java.util.ArrayList<>(heldBlocks());
    held.removeAll(before);
    return held;
  }
}
