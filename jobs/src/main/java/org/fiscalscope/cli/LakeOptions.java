package org.fiscalscope.cli;

import org.apache.spark.sql.SparkSession;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.SparkSessions;
import org.fiscalscope.pipeline.Settings;
import picocli.CommandLine.Option;

/** Options every verb that touches the lake shares: where the lake is, the config file, the Spark master. */
public final class LakeOptions {

  @Option(names = "--lake", paramLabel = "DIR", description = "Lake root (local folder, hdfs://…, s3a://…). Default: paths.lake of the config (lake).")
  String lake;

  @Option(names = "--conf", paramLabel = "FILE", description = "Configuration file (a local path, hdfs://… or s3a://…). Default: conf/fiscalscope.yaml if present, else built-in defaults.")
  String conf;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for local runs, e.g. local[2]. Default: spark.master of the config (local[*]); spark-submit's --master wins.")
  String master;

  /** The configuration with this command line's flags over the file. */
  public Settings settings(String landing, String reports) {
    return Settings.load(conf).withPaths(landing, lake, reports).withMaster(master);
  }

  public static SparkSession spark(String verb, Settings settings) {
    return SparkSessions.create("fiscalscope " + verb, settings.spark().master(), settings.spark().settings());
  }

  public static Lake lake(SparkSession spark, Settings settings) {
    return new Lake(spark, settings.paths().lake());
  }
}
