package org.fiscalscope.lake;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the queries of a stage run, by the size of what the stage works on. Spark generates and compiles Java for every
 * operator of every new query shape, and adaptive execution plans each query again after every shuffle, one job per
 * stage; both pay back over many rows, but a run plans hundreds of shapes, and over a district's few thousand
 * unit-years they cost more than they save (the demo nightly from a cold JVM: 88 s generating, 70 s interpreting, the
 * same tables; a 1k district's metrics, flags and report from a cold JVM, two runs each: 50.0 and 51.7 s re-planned,
 * 40.2 and 41.3 s planned once). Below {@link #INTERPRET_BELOW} unit-years a stage interprets its operators and plans
 * each query once (with the configured shuffle partitions); from there on Spark's defaults apply. When the session's
 * settings name any of these keys (the configuration's {@code spark.settings}, {@code --conf}, a system property),
 * they are the user's choice and all are left alone.
 */
public final class QueryMode {

  private static final Logger LOG = LoggerFactory.getLogger(QueryMode.class);

  /** Unit-years (in the lake, plus files to read for ingest) below which a stage interprets. */
  public static final long INTERPRET_BELOW = 5_000;

  /** A setting switched, with its value for interpreting. */
  record Setting(String key, String interpreted) {}

  static final List<Setting> INTERPRETED = List.of(
      new Setting("spark.sql.codegen.wholeStage", "false"),
      new Setting("spark.sql.codegen.factoryMode", "NO_CODEGEN"),
      new Setting("spark.sql.adaptive.enabled", "false"));

  private final SparkSession spark;
  private final boolean chosenByUser;
  private Boolean interpreting;
  private long countedVersion = Long.MIN_VALUE;
  private long counted;

  private QueryMode(SparkSession spark, boolean chosenByUser) {
    this.spark = spark;
    this.chosenByUser = chosenByUser;
  }

  /** For one run over {@code spark}: automatic unless the session's settings already name any of its keys. */
  public static QueryMode of(SparkSession spark) {
    boolean named = INTERPRETED.stream().anyMatch(s -> spark.conf().contains(s.key()));
    return new QueryMode(spark, named);
  }

  /**
   * Interprets and plans once, or generates code and plans adaptively, for what follows, by its size in unit-years;
   * nothing when the user chose.
   */
  public void forSize(long unitYears) {
    if (chosenByUser) {
      return;
    }
    boolean interpret = interpret(unitYears);
    if (interpreting != null && interpreting == interpret) {
      return;
    }
    for (Setting s : INTERPRETED) {
      if (interpret) {
        spark.conf().set(s.key(), s.interpreted());
      } else {
        spark.conf().unset(s.key());
      }
    }
    interpreting = interpret;
    LOG.info("{} unit-years: queries {} (the line is {})", unitYears,
        interpret ? "interpreted and planned once" : "run as generated code, planned adaptively", INTERPRET_BELOW);
  }

  /** Whether a stage over that many unit-years interprets. */
  public static boolean interpret(long unitYears) {
    return unitYears < INTERPRET_BELOW;
  }

  /** Whether the last {@link #forSize} chose to interpret (null before the first, or when the user chose). */
  public Boolean interpreting() {
    return interpreting;
  }

  /** Leaves the session as the run found it. */
  public void restore() {
    if (!chosenByUser && interpreting != null) {
      INTERPRETED.forEach(s -> spark.conf().unset(s.key()));
      interpreting = null;
    }
  }

  /**
   * As {@link #forSize}, for the unit-years in the lake's silver.unit_year plus {@code toRead} (files ingest is about
   * to read). The table's rows are read ({@link Lake#rowCount}) only when its version changed since the last count,
   * and not at all when the user chose.
   */
  public void forLake(Lake lake, long toRead) {
    if (chosenByUser) {
      return;
    }
    long version = lake.version(LakeTable.SILVER_UNIT_YEAR);
    if (version != countedVersion) {
      counted = lake.rowCount(LakeTable.SILVER_UNIT_YEAR);
      countedVersion = version;
    }
    forSize(counted + toRead);
  }
}
