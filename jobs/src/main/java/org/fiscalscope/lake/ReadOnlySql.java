package org.fiscalscope.lake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.fiscalscope.FiscalScopeException;

/**
 * Admits only statements that read: queries and the listing/describing commands. Judged from the parsed logical
 * plan (any command or insert node refuses the statement), so comments, CTEs or odd spacing cannot smuggle a write.
 */
public final class ReadOnlySql {

  /** Commands that only look (at tables, columns, history, plans) or touch the session's own settings and variables. */
  private static final Set<String> READING_COMMANDS = Set.of(
      "ShowTables", "ShowTablesExtended", "ShowNamespaces", "ShowViews", "ShowColumns", "ShowFunctions",
      "ShowTableProperties", "ShowCreateTable", "ShowPartitions", "DescribeRelation", "DescribeColumn",
      "DescribeNamespace", "DescribeFunction", "ExplainCommand", "SetCommand", "DescribeDeltaHistory",
      "DescribeDeltaDetailCommand", "DescribeDeltaHistoryCommand", "ShowCatalogs", "ShowCurrentNamespace",
      "CreateVariable", "SetVariable", "DropVariable");

  private ReadOnlySql() {}

  /** Parses the statement and throws a one-line {@link FiscalScopeException} when it is malformed or would write. */
  public static void check(SparkSession spark, String sql) {
    LogicalPlan plan = parse(spark, sql);
    String writer = writer(plan);
    if (writer != null) {
      throw new FiscalScopeException("refused: " + verb(sql) + " would change the lake (" + writer + "); SQL here only"
          + " reads — tables change through the nightly, ingest and metrics runs");
    }
  }

  /** The parsed plan, or a one-line error naming the syntax problem. */
  public static LogicalPlan parse(SparkSession spark, String sql) {
    try {
      return ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().sqlParser().parsePlan(sql);
    } catch (ParseException e) {
      throw new FiscalScopeException(firstLine(e.getMessage()), e);
    }
  }

  /** The class of the first node that writes, or null when the plan only reads. */
  static String writer(LogicalPlan plan) {
    if (plan instanceof Command && READING_COMMANDS.contains(plan.nodeName())) {
      return null;
    }
    Deque<LogicalPlan> todo = new ArrayDeque<>();
    todo.push(plan);
    while (!todo.isEmpty()) {
      LogicalPlan p = todo.pop();
      if (p instanceof Command || p instanceof InsertIntoStatement || p instanceof ParsedStatement) {
        return p.nodeName();
      }
      scala.jdk.javaapi.CollectionConverters.asJava(p.children()).forEach(todo::push);
    }
    return null;
  }

  private static String verb(String sql) {
    String s = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--.*$", " ").trim();
    String word = s.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    return word.isEmpty() ? "this statement" : "this " + word + " statement";
  }

  public static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl).strip() : m;
  }
}
