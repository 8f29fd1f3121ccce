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
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;
import scala.Option;

/**
 * Read-only Spark SQL over one lake, the one code path of the sql verb and the notebook kernel. Statements run in a
 * query session of their own: files are not read by path ({@code spark.sql.runSQLOnFiles=false}), {@code ${…}} is
 * not substituted (it would read settings, environment variables and system properties), and the function registry
 * holds only {@link QueryFunctions}. Each statement is judged by {@link ReadOnlySql} from its parsed plan, and the
 * plan judged is the plan run; errors are one line.
 */
public final class LakeSql {

  /** Settings of a query session; {@code SET} cannot change them (see {@link ReadOnlySql#SETTABLE}). */
  public static final Map<String, String> QUERY_SESSION = Map.of(
      "spark.sql.runSQLOnFiles", "false",
      "spark.sql.variable.substitute", "false",
      "spark.sql.scripting.enabled", "false");

  private final Lake lake;
  private final ReadOnlySql judge;

  private LakeSql(Lake lake) {
    this.lake = lake;
    this.judge = new ReadOnlySql(lake);
  }

  /**
   * A query session over the lake at {@code root}, derived from {@code spark} (same Spark application and catalog,
   * its own settings, functions and temporary views). Nothing is registered yet: see {@link #register}.
   */
  public static LakeSql open(SparkSession spark, String root) {
    SparkSession query = spark.newSession();
    QUERY_SESSION.forEach(query.conf()::set);
    QueryFunctions.get().restrict(query);
    return new LakeSql(new Lake(query, root));
  }

  /** The lake, bound to the query session. */
  public Lake lake() {
    return lake;
  }

  /** The session statements run in. */
  public SparkSession session() {
    return lake.spark();
  }

  /** Makes the lake's tables answer to layer.table, as {@code run} left them (null: latest); see LakeCatalog. */
  public Map<LakeTable, Long> register(RunRecord run) {
    return LakeCatalog.register(lake, run);
  }

  /**
   * As {@link #register(RunRecord)}, for one statement: only the tables whose name it mentions (in any case, anywhere
   * in its text), since each view costs a read of its table's log; every table for a statement that lists tables
   * ({@code SHOW}). Registering more than the statement reads changes nothing it can see.
   */
  public Map<LakeTable, Long> registerFor(String statement, RunRecord run) {
    String text = statement.toLowerCase(java.util.Locale.ROOT);
    boolean lists = java.util.regex.Pattern.compile("\\bshow\\b").matcher(text).find();
    return LakeCatalog.register(lake, run, t -> lists || text.contains(t.tableName().table()));
  }

  /** A temporary view of one table as a run left it; the view is this session's and may be queried by its name. */
  public long snapshot(LakeTable table, RunRecord run, String view) {
    return LakeCatalog.snapshot(lake, table, run, view);
  }

  /** The statement's result; refuses what does not only read and turns parse and analysis errors into one line. */
  public Dataset<Row> query(String sql) {
    String statement = strip(sql);
    if (statement.isEmpty()) {
      throw Problem.SQL_EMPTY.failure();
    }
    // The parser reads the active session's settings (variable substitution among them): make it this session.
    Option<SparkSession> previous = SparkSession.getActiveSession();
    SparkSession.setActiveSession(session());
    try {
      LogicalPlan plan = judge.admit(statement);
      return org.apache.spark.sql.classic.Dataset.ofRows((org.apache.spark.sql.classic.SparkSession) session(), plan);
    } catch (FiscalScopeException e) {
      throw e;
    } catch (Exception e) { // Spark's parser and analyser also throw the checked SparkException
      throw new FiscalScopeException(Problem.SQL_FAILED.with(oneLine(e)), e);
    } finally {
      if (previous.isDefined()) {
        SparkSession.setActiveSession(previous.get());
      } else {
        SparkSession.clearActiveSession();
      }
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
      return Map.of(SparkSessions.WAREHOUSE, dir.toUri().toString());
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
