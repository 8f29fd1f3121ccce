package org.fiscalscope.lake;

import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Marks every Delta commit made while it is open with the run that made it ({@code commitInfo.userMetadata} =
 * {@code fiscalscope run <run id>}), so a commit without the mark shows a table was changed by something else
 * ({@link OutsideWrites}).
 */
public final class RunMark implements AutoCloseable {

  /** The Delta setting whose value every commit of the session records as its user metadata. */
  static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
  private static final String PREFIX = "fiscalscope run ";

  private final SparkSession spark;
  private final Option<String> previous;

  private RunMark(SparkSession spark, Option<String> previous) {
    this.spark = spark;
    this.previous = previous;
  }

  /** Marks the session's commits with {@code runId} until closed. */
  public static RunMark open(SparkSession spark, String runId) {
    Option<String> previous = spark.conf().getOption(USER_METADATA);
    spark.conf().set(USER_METADATA, PREFIX + runId);
    return new RunMark(spark, previous);
  }

  /** Whether a commit's user metadata names a FiscalScope run. */
  public static boolean isRun(String userMetadata) {
    return userMetadata != null && userMetadata.startsWith(PREFIX);
  }

  @Override
  public void close() {
    if (previous.isDefined()) {
      spark.conf().set(USER_METADATA, previous.get());
    } else {
      spark.conf().unset(USER_METADATA);
    }
  }
}
