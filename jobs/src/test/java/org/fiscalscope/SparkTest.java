package org.fiscalscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.lake.JobLabel;
import org.fiscalscope.lake.SparkSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of Spark tests: one local[2] session for the whole test JVM (UI off, 2 shuffle partitions, Delta
 * configured, code generation off), a fresh temporary lake folder per test, and helpers for inline fixtures.
 */
public abstract class SparkTest {

  private static SparkSession session;

  /** The shared session's settings beyond the product's (see {@link SparkSessions#create}). */
  protected static final Map<String, String> SESSION_SETTINGS = Map.of(
      "spark.sql.shuffle.partitions", "2",
      "spark.default.parallelism", "2",
      "spark.ui.enabled", "false",
      "spark.databricks.delta.snapshotPartitions", "1",
      "spark.sql.sources.parallelPartitionDiscovery.parallelism", "2",
      // Fixtures are a few rows: generating and compiling code for every operator of every plan costs more than
      // interpreting them (a third of an ingest test's CPU went to generating projections over the document's
      // wide schema in each task), re-planning by adaptive execution buys nothing, and a plan's description is
      // cut short. (The product interprets lakes this small by itself, lake/QueryMode; generated code runs on
      // the cluster of StandaloneClusterIT.)
      "spark.sql.codegen.wholeStage", "false",
      "spark.sql.codegen.factoryMode", "NO_CODEGEN",
      "spark.sql.adaptive.enabled", "false",
      "spark.sql.maxPlanStringLength", "4096");

  protected SparkSession spark;
  protected Path tmp;

  protected static synchronized SparkSession sharedSession() {
    if (session == null) {
      session = SparkSessions.create("fiscalscope-test", "local[2]", SESSION_SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  @BeforeEach
  void startSpark() throws IOException {
    spark = sharedSession();
    // As a run labels its jobs (JobLabel): Spark then takes no stack walk per action for the jobs' call site.
    JobLabel.callSite(spark, getClass().getSimpleName());
    tmp = Files.createTempDirectory("fiscalscope-test");
  }

  @AfterEach
  void cleanTmp() {
    deleteRecursively(tmp);
  }

  /** Rows of the given DDL schema from JSON lines, e.g. {@code rows("a INT, b STRING", "{\"a\":1,\"b\":\"x\"}")}. */
  protected Dataset<Row> rows(String ddl, String... jsonLines) {
    StructType schema = StructType.fromDDL(ddl);
    return rows(schema, jsonLines);
  }

  protected Dataset<Row> rows(StructType schema, String... jsonLines) {
    Dataset<String> lines = spark.createDataset(Arrays.asList(jsonLines), org.apache.spark.sql.Encoders.STRING());
    return spark.read().schema(schema).option("mode", "FAILFAST").json(lines);
  }

  /**
   * What the block manager still holds besides Delta's own table states: the RDDs of frames kept or cached by a job
   * (their names and partitions held), which a finished job must have released.
   */
  protected List<String> heldBlocks() {
    // The storage info comes from Spark's status store, which its listener bus fills asynchronously: drained first,
    // or a block cached a moment ago may be missing from it on a busy machine.
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(30_000);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain in 30 s", e);
    }
    return Arrays.stream(spark.sparkContext().getRDDStorageInfo())
        .filter(i -> i.numCachedPartitions() > 0 && (i.name() == null || !i.name().startsWith("Delta Table State")))
        .map(i -> i.name() + " (" + i.numCachedPartitions() + " partitions)").toList();
  }

  /** Rows sorted by their string form, for order-independent comparison. */
  protected static List<String> sorted(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  protected static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
