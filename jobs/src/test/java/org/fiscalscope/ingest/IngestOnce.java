package org.fiscalscope.ingest;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.SparkSessions;

/** One ingest in a process of its own: {@code LANDING LAKE RUN_ID MAX_BYTES}; prints the result. */
public final class IngestOnce {

  private IngestOnce() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSessions.create("ingest-once", "local[1]", Map.of(
        "spark.sql.shuffle.partitions", "1", "spark.default.parallelism", "1", "spark.ui.enabled", "false"));
    try {
      IngestJob.Result r = IngestJob.run(new Lake(spark, args[1]), args[0], args[2], Long.parseLong(args[3]));
      System.out.println("ingest result: " + r);
    } finally {
      spark.stop();
    }
  }
}
