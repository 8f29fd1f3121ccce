package org.fiscalscope.lake;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Names the Spark jobs the calling thread starts: their group and description (what the event log, the UI and the
 * benchmark's per-stage CPU show) and their call site. Without a call site set, Spark works one out for every
 * Dataset action and every RDD by walking the thread's stack against regular expressions: a tenth of the driver's
 * time in a small ingest.
 */
public final class JobLabel {

  /** Spark's local properties for the call site ({@code org.apache.spark.util.CallSite}'s SHORT_FORM, LONG_FORM). */
  private static final String SHORT_FORM = "callSite.short";
  private static final String LONG_FORM = "callSite.long";
  /** Spark's local property of the jobs' description ({@code SparkContext.setJobDescription}). */
  private static final String DESCRIPTION = "spark.job.description";

  private JobLabel() {}

  /** The job group of a stage's jobs: its name in capitals (ingest → INGEST). */
  public static String group(String stage) {
    return stage.toUpperCase(java.util.Locale.ROOT);
  }

  /** Jobs of the stage that owns {@code owner}'s tables, described and located as {@code description}. */
  public static void set(SparkSession spark, LakeTable.Owner owner, String description) {
    set(spark, group(owner.verb()), description);
  }

  /** Jobs of {@code group} (e.g. INGEST), described and located as {@code description}. */
  public static void set(SparkSession spark, String group, String description) {
    spark.sparkContext().setJobGroup(group, description, false);
    callSite(spark, description);
  }

  /** Jobs located as {@code text}, in whatever group is set. */
  public static void callSite(SparkSession spark, String text) {
    SparkContext sc = spark.sparkContext();
    sc.setLocalProperty(SHORT_FORM, text);
    sc.setLocalProperty(LONG_FORM, text);
  }

  /**
   * Runs {@code work} with the jobs it starts from this thread described and located as {@code description} (in the
   * thread's group), then puts the thread's labels back as they were.
   */
  public static <T> T during(SparkSession spark, String description, java.util.function.Supplier<T> work) {
    SparkContext sc = spark.sparkContext();
    String[] keys = {DESCRIPTION, SHORT_FORM, LONG_FORM};
    String[] before = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      before[i] = sc.getLocalProperty(keys[i]);
    }
    sc.setJobDescription(description);
    callSite(spark, description);
    try {
      return work.get();
    } finally {
      for (int i = 0; i < keys.length; i++) {
        sc.setLocalProperty(keys[i], before[i]);
      }
    }
  }

  /** No group, and Spark's own call sites again. */
  public static void clear(SparkSession spark) {
    SparkContext sc = spark.sparkContext();
    sc.clearJobGroup();
    sc.setLocalProperty(SHORT_FORM, null);
    sc.setLocalProperty(LONG_FORM, null);
  }
}
