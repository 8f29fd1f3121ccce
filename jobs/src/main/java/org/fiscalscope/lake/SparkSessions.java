package org.fiscalscope.lake;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession every verb uses: Delta configured, quiet UI, settings from the config file. */
public final class SparkSessions {

  static final String WAREHOUSE = "spark.sql.warehouse.dir";

  private SparkSessions() {}

  /**
   * The active session if one exists (spark-submit, notebooks), otherwise a new one. {@code master} is used only
   * when nothing else set it (spark-submit's --master wins).
   */
  public static SparkSession create(String appName, String master, Map<String, String> settings) {
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.shuffle.partitions", "8")
        // Delta's optimized write bins the rows into files by size before writing. Without it, a write whose first
        // partition holds no row (Spark writes a file for that one even when empty) leaves an empty data file
        // that Delta keeps out of the commit: a file no version refers to, after every such MERGE or append.
        .config("spark.databricks.delta.optimizeWrite.enabled", "true")
        .config("spark.sql.debug.maxToStringFields", "500")
        // A run plans hundreds of small queries over the same few shapes: generated classes are kept for all of them
        // (Spark keeps 100, and a nightly evicts and compiles the same class again), and the plan each query hands to
        // the status listener is its one-line tree, not the formatted one with every wide schema spelled out.
        .config("spark.sql.codegen.cache.maxEntries", "2000")
        .config("spark.sql.ui.explainMode", "simple");
    if (System.getProperty("spark.master") == null && master != null) {
      b.master(master);
    }
    // A local session's files are this machine's: set permissions and read links without a process per call. (A
    // cluster keeps its own Hadoop configuration: its executors may not load classes of the application jar there.)
    boolean local = System.getProperty("spark.master", master == null ? "" : master).startsWith("local");
    if (local) {
      LocalFiles.SETTINGS.forEach(b::config);
      catalogFolder(settings).forEach(b::config);
    }
    if (System.getProperty("spark.ui.enabled") == null) {
      b.config("spark.ui.enabled", "false");
    }
    settings.forEach(b::config);
    SparkSession spark = b.getOrCreate();
    if (local) {
      LocalFiles.replaceCached(spark.sparkContext().hadoopConfiguration());
    }
    return spark;
  }

  /**
   * Where a local session keeps Spark's catalog folder: a temporary one, removed when the JVM exits, rather than a
   * spark-warehouse folder left in the working directory by every run (the lake's tables are addressed by their
   * paths, and a local catalog lives in memory and ends with the JVM). None when the settings or the JVM name one.
   */
  static Map<String, String> catalogFolder(Map<String, String> settings) {
    return settings.containsKey(WAREHOUSE) || System.getProperty(WAREHOUSE) != null ? Map.of()
        : LakeSql.catalogSettings();
  }
}
