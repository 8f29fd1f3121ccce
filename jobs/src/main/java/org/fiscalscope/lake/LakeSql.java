package org.fiscalscope.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.FiscalScopeException;

/** Read-only Spark SQL over the lake, for the sql verb and the notebook kernel: one statement, one-line errors. */
public final class LakeSql {

  private LakeSql() {}

  /** The statement's result; refuses writes and turns parse and analysis errors into one line. */
  public static Dataset<Row> query(SparkSession spark, String sql) {
    String statement = strip(sql);
    if (statement.isEmpty()) {
      throw new FiscalScopeException("empty statement: give a SQL query, e.g. SELECT count(*) FROM silver.unit_year");
    }
    ReadOnlySql.check(spark, statement);
    try {
      return spark.sql(statement);
    } catch (RuntimeException e) {
      throw new FiscalScopeException(oneLine(e), e);
    }
  }

  /**
   * The first line of the most telling message: a Spark error class message ([TABLE_OR_VIEW_NOT_FOUND] …) where
   * there is one, else the root cause's.
   */
  public static String oneLine(Throwable e) {
    for (Throwable t = e; t != null && !(t instanceof FiscalScopeException); t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AnalysisException || t instanceof org.apache.spark.SparkThrowable && t.getMessage() != null
          && t.getMessage().startsWith("[")) {
        return ReadOnlySql.firstLine(t.getMessage());
      }
    }
    return FiscalScopeException.oneLine(e);
  }

  /** The statement without surrounding blanks and trailing semicolons. */
  public static String strip(String sql) {
    String s = sql == null ? "" : sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  /**
   * Session settings that keep the catalog's databases in a temporary folder (removed when the JVM exits) rather
   * than a spark-warehouse folder in the working directory.
   */
  public static Map<String, String> catalogSettings() {
    try {
      Path dir = Files.createTempDirectory("fiscalscope-catalog");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      return Map.of("spark.sql.warehouse.dir", dir.toUri().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort at exit
    }
  }
}
