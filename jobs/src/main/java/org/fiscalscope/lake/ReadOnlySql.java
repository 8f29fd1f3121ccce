package org.fiscalscope.lake;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.CurrentNamespace$;
import org.apache.spark.sql.catalyst.analysis.MultiAlias;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAlias;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedExtractValue;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunctionName;
import org.apache.spark.sql.catalyst.analysis.UnresolvedGenerator;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedOrdinal;
import org.apache.spark.sql.catalyst.analysis.UnresolvedPipeAggregateOrdinal;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRegex;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedStar;
import org.apache.spark.sql.catalyst.analysis.UnresolvedStarExceptOrReplace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedView;
import org.apache.spark.sql.catalyst.expressions.Add;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.BitwiseAnd;
import org.apache.spark.sql.catalyst.expressions.BitwiseNot;
import org.apache.spark.sql.catalyst.expressions.BitwiseOr;
import org.apache.spark.sql.catalyst.expressions.BitwiseXor;
import org.apache.spark.sql.catalyst.expressions.CaseWhen;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Coalesce;
import org.apache.spark.sql.catalyst.expressions.Collate;
import org.apache.spark.sql.catalyst.expressions.Concat;
import org.apache.spark.sql.catalyst.expressions.CreateNamedStruct;
import org.apache.spark.sql.catalyst.expressions.Cube;
import org.apache.spark.sql.catalyst.expressions.CurrentDate;
import org.apache.spark.sql.catalyst.expressions.CurrentRow$;
import org.apache.spark.sql.catalyst.expressions.CurrentTime;
import org.apache.spark.sql.catalyst.expressions.CurrentTimestamp;
import org.apache.spark.sql.catalyst.expressions.Divide;
import org.apache.spark.sql.catalyst.expressions.EqualNullSafe;
import org.apache.spark.sql.catalyst.expressions.EqualTo;
import org.apache.spark.sql.catalyst.expressions.Exists;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GreaterThan;
import org.apache.spark.sql.catalyst.expressions.GreaterThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.GroupingSets;
import org.apache.spark.sql.catalyst.expressions.ILike;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.InSubquery;
import org.apache.spark.sql.catalyst.expressions.IntegralDivide;
import org.apache.spark.sql.catalyst.expressions.IsNotNull;
import org.apache.spark.sql.catalyst.expressions.IsNotUnknown;
import org.apache.spark.sql.catalyst.expressions.IsNull;
import org.apache.spark.sql.catalyst.expressions.IsUnknown;
import org.apache.spark.sql.catalyst.expressions.LambdaFunction;
import org.apache.spark.sql.catalyst.expressions.LateralSubquery;
import org.apache.spark.sql.catalyst.expressions.LessThan;
import org.apache.spark.sql.catalyst.expressions.LessThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.Like;
import org.apache.spark.sql.catalyst.expressions.LikeAll;
import org.apache.spark.sql.catalyst.expressions.LikeAny;
import org.apache.spark.sql.catalyst.expressions.ListQuery;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Lower;
import org.apache.spark.sql.catalyst.expressions.Multiply;
import org.apache.spark.sql.catalyst.expressions.NamedArgumentExpression;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.NotLikeAll;
import org.apache.spark.sql.catalyst.expressions.NotLikeAny;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.expressions.Overlay;
import org.apache.spark.sql.catalyst.expressions.PipeExpression;
import org.apache.spark.sql.catalyst.expressions.PipeOperator;
import org.apache.spark.sql.catalyst.expressions.RLike;
import org.apache.spark.sql.catalyst.expressions.Remainder;
import org.apache.spark.sql.catalyst.expressions.Rollup;
import org.apache.spark.sql.catalyst.expressions.ScalarSubquery;
import org.apache.spark.sql.catalyst.expressions.SemiStructuredExtract;
import org.apache.spark.sql.catalyst.expressions.ShiftLeft;
import org.apache.spark.sql.catalyst.expressions.ShiftRight;
import org.apache.spark.sql.catalyst.expressions.ShiftRightUnsigned;
import org.apache.spark.sql.catalyst.expressions.SortOrder;
import org.apache.spark.sql.catalyst.expressions.SpecifiedWindowFrame;
import org.apache.spark.sql.catalyst.expressions.StringLocate;
import org.apache.spark.sql.catalyst.expressions.StringTrim;
import org.apache.spark.sql.catalyst.expressions.StringTrimLeft;
import org.apache.spark.sql.catalyst.expressions.StringTrimRight;
import org.apache.spark.sql.catalyst.expressions.Substring;
import org.apache.spark.sql.catalyst.expressions.Subtract;
import org.apache.spark.sql.catalyst.expressions.TimestampAdd;
import org.apache.spark.sql.catalyst.expressions.TimestampDiff;
import org.apache.spark.sql.catalyst.expressions.UnaryMinus;
import org.apache.spark.sql.catalyst.expressions.UnaryPositive;
import org.apache.spark.sql.catalyst.expressions.UnboundedFollowing$;
import org.apache.spark.sql.catalyst.expressions.UnboundedPreceding$;
import org.apache.spark.sql.catalyst.expressions.UnresolvedCollation;
import org.apache.spark.sql.catalyst.expressions.UnresolvedNamedLambdaVariable;
import org.apache.spark.sql.catalyst.expressions.UnresolvedWindowExpression;
import org.apache.spark.sql.catalyst.expressions.UnspecifiedFrame$;
import org.apache.spark.sql.catalyst.expressions.WindowExpression;
import org.apache.spark.sql.catalyst.expressions.WindowSpecDefinition;
import org.apache.spark.sql.catalyst.expressions.WindowSpecReference;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.AnyValue;
import org.apache.spark.sql.catalyst.expressions.aggregate.First;
import org.apache.spark.sql.catalyst.expressions.aggregate.Last;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.CreateVariable;
import org.apache.spark.sql.catalyst.plans.logical.DefaultValueExpression;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.DropVariable;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LimitAll;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.SetVariable;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableProperties;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowTablesExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.delta.commands.DescribeDeltaDetailCommand;
import org.apache.spark.sql.delta.commands.DescribeDeltaHistory;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.command.ShowNamespacesCommand;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import scala.Option;
import scala.Product;
import scala.Tuple2;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Decides, from the parsed and not yet analysed plan, whether a statement may run over the lake: read-only by
 * construction. Every plan node and every expression — in subqueries, CTE definitions, lambdas, lateral views, table
 * functions and the commands that may run — must be of a class on an allowlist; tables are named only as the lake's
 * {@code layer.table} views, CTEs or the session's own temporary views; functions only from {@link QueryFunctions};
 * settings only from {@link #SETTABLE}. Anything else is refused with one line before Spark analyses or runs it.
 */
public final class ReadOnlySql {

  /** Ends every refusal. */
  /** The settings {@code SET key=value} may change: how results are shown, never what is read. */
  public static final Set<String> SETTABLE = Set.of(
      "spark.sql.session.timeZone", "spark.sql.ansi.enabled", "spark.sql.shuffle.partitions");

  /** Plan nodes of queries: what a SELECT (with CTEs, set operations, windows, pivots, samples) parses into. */
  private static final Set<Class<?>> QUERY_NODES = Set.of(
      Project.class, Filter.class, Join.class, LateralJoin.class, Aggregate.class, UnresolvedHaving.class,
      WithWindowDefinition.class, Sort.class, GlobalLimit.class, LocalLimit.class, LimitAll.class, Offset.class,
      Distinct.class, Union.class, Intersect.class, Except.class, UnresolvedWith.class, SubqueryAlias.class,
      UnresolvedSubqueryColumnAliases.class, UnresolvedRelation.class, UnresolvedInlineTable.class,
      LocalRelation.class, OneRowRelation.class, Generate.class, UnresolvedTableValuedFunction.class,
      UnresolvedTVFAliases.class, Pivot.class, Unpivot.class, Sample.class, UnresolvedHint.class,
      RepartitionByExpression.class, PipeOperator.class);

  /** Expressions the parser builds for queries: operators, literals, casts, names, subqueries, windows, lambdas. */
  private static final Set<Class<?>> EXPRESSIONS = Set.of(
      Literal.class, Cast.class, Alias.class, MultiAlias.class, UnresolvedAlias.class, UnresolvedAttribute.class,
      UnresolvedStar.class, UnresolvedStarExceptOrReplace.class, UnresolvedRegex.class, UnresolvedExtractValue.class,
      UnresolvedOrdinal.class, UnresolvedPipeAggregateOrdinal.class, PipeExpression.class, AttributeReference.class,
      UnresolvedFunction.class, UnresolvedGenerator.class, NamedArgumentExpression.class,
      Add.class, Subtract.class, Multiply.class, Divide.class, IntegralDivide.class, Remainder.class,
      UnaryMinus.class, UnaryPositive.class, BitwiseAnd.class, BitwiseOr.class, BitwiseXor.class, BitwiseNot.class,
      ShiftLeft.class, ShiftRight.class, ShiftRightUnsigned.class, Concat.class,
      EqualTo.class, EqualNullSafe.class, LessThan.class, LessThanOrEqual.class, GreaterThan.class,
      GreaterThanOrEqual.class, And.class, Or.class, Not.class, In.class, IsNull.class, IsNotNull.class,
      IsUnknown.class, IsNotUnknown.class, Like.class, ILike.class, RLike.class, LikeAll.class, LikeAny.class,
      NotLikeAll.class, NotLikeAny.class, Lower.class, CaseWhen.class, Coalesce.class, CreateNamedStruct.class,
      Substring.class, StringLocate.class, StringTrim.class, StringTrimLeft.class, StringTrimRight.class,
      Overlay.class, TimestampAdd.class, TimestampDiff.class, CurrentDate.class, CurrentTimestamp.class,
      CurrentTime.class, Collate.class, UnresolvedCollation.class, SemiStructuredExtract.class,
      AggregateExpression.class, First.class, Last.class, AnyValue.class, Cube.class, Rollup.class, GroupingSets.class,
      ScalarSubquery.class, Exists.class, ListQuery.class, InSubquery.class, LateralSubquery.class,
      LambdaFunction.class, UnresolvedNamedLambdaVariable.class, SortOrder.class,
      WindowExpression.class, WindowSpecDefinition.class, WindowSpecReference.class,
      UnresolvedWindowExpression.class, SpecifiedWindowFrame.class, UnspecifiedFrame$.class, CurrentRow$.class,
      UnboundedPreceding$.class, UnboundedFollowing$.class, DefaultValueExpression.class);

  /** Names Spark resolves to a function when no column has them (current_user …): refused like the function. */
  private static final Set<String> NAMES_THAT_CALL = Set.of("current_user", "user", "session_user");

  /** Why a statement or node of this class (simple name) is refused. */
  private static final Map<String, Reason> WHY = Map.ofEntries(
      Map.entry("UnresolvedExecuteImmediate", runsCode("EXECUTE IMMEDIATE runs a statement built at run time")),
      Map.entry("InsertIntoStatement", writes("INSERT writes into a table")),
      Map.entry("InsertIntoDir", writes("INSERT … DIRECTORY writes files")),
      Map.entry("ScriptTransformation", runsCode("TRANSFORM … USING runs a program on this machine")),
      Map.entry("RestoreTableStatement", writes("RESTORE rewrites a table to an earlier version")),
      Map.entry("CloneTableStatement", writes("CLONE creates a table")),
      Map.entry("CacheTable", changesSession("CACHE TABLE fills the session's cache")),
      Map.entry("CacheTableAsSelect", changesSession("CACHE TABLE … AS defines a cached table")),
      Map.entry("UncacheTable", changesSession("UNCACHE TABLE changes the session's cache")),
      Map.entry("ClearCacheCommand$", changesSession("CLEAR CACHE changes the session's cache")),
      Map.entry("AddJarsCommand", runsCode("ADD JAR loads code into Spark")),
      Map.entry("AddFilesCommand", runsCode("ADD FILE ships files to Spark")),
      Map.entry("AddArchivesCommand", runsCode("ADD ARCHIVE ships files to Spark")),
      Map.entry("ListJarsCommand", changesSession("LIST JAR lists files loaded into Spark")),
      Map.entry("ListFilesCommand", changesSession("LIST FILE lists files loaded into Spark")),
      Map.entry("ListArchivesCommand", changesSession("LIST ARCHIVE lists files loaded into Spark")),
      Map.entry("CreateFunctionCommand", runsCode("CREATE FUNCTION defines code to run")),
      Map.entry("CreateUserDefinedFunction", runsCode("CREATE FUNCTION defines code to run")),
      Map.entry("CreateFunction", runsCode("CREATE FUNCTION defines code to run")),
      Map.entry("DropFunction", changesSession("DROP FUNCTION changes the session's functions")),
      Map.entry("DropFunctionCommand", changesSession("DROP FUNCTION changes the session's functions")),
      Map.entry("CreateViewCommand", writes("CREATE VIEW defines a view")),
      Map.entry("CreateView", writes("CREATE VIEW defines a view")),
      Map.entry("CreateTempViewUsing", readsPath("CREATE TEMPORARY VIEW … USING reads files by path")),
      Map.entry("AlterViewAs", writes("ALTER VIEW redefines a view")),
      Map.entry("DropView", writes("DROP VIEW removes a view")),
      Map.entry("CreateTable", writes("CREATE TABLE writes a table")),
      Map.entry("CreateTableAsSelect", writes("CREATE TABLE … AS writes a table")),
      Map.entry("CreateTableLikeCommand", writes("CREATE TABLE … LIKE writes a table")),
      Map.entry("ReplaceTable", writes("REPLACE TABLE rewrites a table")),
      Map.entry("ReplaceTableAsSelect", writes("REPLACE TABLE … AS rewrites a table")),
      Map.entry("DropTable", writes("DROP TABLE removes a table")),
      Map.entry("DeleteFromTable", writes("DELETE removes rows")),
      Map.entry("UpdateTable", writes("UPDATE changes rows")),
      Map.entry("MergeIntoTable", writes("MERGE changes rows")),
      Map.entry("TruncateTable", writes("TRUNCATE removes rows")),
      Map.entry("LoadData", writes("LOAD DATA writes files into a table")),
      Map.entry("VacuumTableCommand", writes("VACUUM deletes table files")),
      Map.entry("OptimizeTableCommand", writes("OPTIMIZE rewrites table files")),
      Map.entry("DeltaReorgTable", writes("REORG rewrites table files")),
      Map.entry("ConvertToDeltaCommand", writes("CONVERT TO DELTA writes a table")),
      Map.entry("DeltaGenerateCommand", writes("GENERATE writes manifest files")),
      Map.entry("SetCatalogAndNamespace", changesSession("USE changes the session's current database")),
      Map.entry("SetCatalogCommand", changesSession("SET CATALOG changes the session's current catalog")),
      Map.entry("SetNamespaceCommand", changesSession("USE changes the session's current database")),
      Map.entry("ResetCommand", changesSession("RESET restores settings this session relies on")),
      Map.entry("RepairTable", writes("MSCK REPAIR changes the catalog")),
      Map.entry("RefreshTable", changesSession("REFRESH TABLE changes the session's cache")),
      Map.entry("RefreshFunction", changesSession("REFRESH FUNCTION changes the session's functions")),
      Map.entry("RefreshResource", changesSession("REFRESH changes the session's cache")),
      Map.entry("AnalyzeTable", writes("ANALYZE writes statistics into the catalog")),
      Map.entry("AnalyzeTables", writes("ANALYZE writes statistics into the catalog")),
      Map.entry("AnalyzeColumn", writes("ANALYZE writes statistics into the catalog")),
      Map.entry("CompoundBody", runsCode("a BEGIN … END script runs several statements")),
      Map.entry("Call", runsCode("CALL runs a procedure")),
      Map.entry("CreateNamespace", writes("CREATE DATABASE changes the catalog")),
      Map.entry("DropNamespace", writes("DROP DATABASE changes the catalog")),
      Map.entry("RelationTimeTravel", readsPath("VERSION AS OF / TIMESTAMP AS OF reads a table's files by version; see the lake"
          + " as a run left it with --as-of (sql) or %as_of and %snapshot (notebooks)")),
      Map.entry("PlanWithUnresolvedIdentifier", notAStatement("IDENTIFIER(…) builds a name at run time; write the name itself")),
      Map.entry("ExpressionWithUnresolvedIdentifier", notAStatement("IDENTIFIER(…) builds a name at run time; write the name itself")),
      Map.entry("UnresolvedPathBasedDeltaTable", readsPath("a quoted path names files, not a lake table")),
      Map.entry("UnresolvedPathBasedTable", readsPath("a quoted path names files, not a lake table")),
      Map.entry("NamedParameter", notAStatement("parameter markers (:name) take values SQL here does not pass")),
      Map.entry("PosParameter", notAStatement("parameter markers (?) take values SQL here does not pass")),
      Map.entry("CurrentUser", offListFunction(QueryFunctions.get().whyRefused(QueryFunctions.Kind.SCALAR, "current_user"))));

  /** A quoted first part that names a file format, or a name holding a path: {@code delta.`/x`}, {@code `/x`}. */
  private static final Pattern PATH = Pattern.compile(".*[/\\\\:].*");

  private final Lake lake;

  /** A judge for statements run in {@code lake.spark()}, whose catalog holds the lake's registered views. */
  public ReadOnlySql(Lake lake) {
    this.lake = lake;
  }

  /**
   * Parses the statement and returns the plan to run: the parsed plan itself, or, for DESCRIBE HISTORY and DESCRIBE
   * DETAIL of a lake table, the same command on the table the view reads. Throws a one-line
   * {@link FiscalScopeException} when the statement is malformed or not allowed.
   */
  public LogicalPlan admit(String sql) {
    LogicalPlan parsed = parse(lake.spark(), sql);
    try {
      return statement(parsed);
    } catch (StackOverflowError e) {
      throw refused(notAStatement("the statement is nested too deeply to check"));
    }
  }

  /** The parsed plan, or a one-line error naming the syntax problem. */
  public static LogicalPlan parse(SparkSession spark, String sql) {
    try {
      return ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().sqlParser().parsePlan(sql);
    } catch (ParseException e) {
      throw new FiscalScopeException(Problem.SQL_SYNTAX.with(firstLine(e.getMessage())), e);
    }
  }

  private LogicalPlan statement(LogicalPlan p) {
    if (p instanceof ExplainCommand explain) {
      query(explain.logicalPlan(), Set.of());
    } else if (p instanceof DescribeQueryCommand describe) {
      query(describe.plan(), Set.of());
    } else if (p instanceof DescribeRelation describe) {
      tableOrView(describe.relation());
    } else if (p instanceof DescribeColumn describe) {
      tableOrView(describe.relation());
      expression(describe.column(), Set.of());
    } else if (p instanceof DescribeDeltaHistory history) {
      Option<Object> limit = history.limit();
      return parse(lake.spark(), "DESCRIBE HISTORY " + stored(history.child(), "DESCRIBE HISTORY")
          + (limit.isDefined() ? " LIMIT " + limit.get() : ""));
    } else if (p instanceof DescribeDeltaDetailCommand detail) {
      return parse(lake.spark(), "DESCRIBE DETAIL " + stored(detail.child(), "DESCRIBE DETAIL"));
    } else if (p instanceof DescribeFunction describe && describe.child() instanceof UnresolvedFunctionName f) {
      function(parts(f.multipartIdentifier()), QueryFunctions.Kind.SCALAR);
    } else if (p instanceof ShowTables show) {
      namespace(show.namespace());
    } else if (p instanceof ShowTablesExtended show) {
      namespace(show.namespace());
    } else if (p instanceof ShowViews show) {
      namespace(show.namespace());
    } else if (p instanceof ShowNamespacesCommand show) {
      namespace(show.child());
    } else if (p instanceof ShowFunctions show) {
      namespace(show.namespace());
    } else if (p instanceof ShowColumns show) {
      tableOrView(show.child());
    } else if (p instanceof ShowCreateTable show) {
      tableOrView(show.child());
    } else if (p instanceof ShowTableProperties show) {
      tableOrView(show.table());
    } else if (p instanceof SetCommand set) {
      setting(set.kv());
    } else if (p instanceof CreateVariable declare) {
      CollectionConverters.asJava(declare.names()).forEach(this::variable);
      expression(declare.defaultExpr(), Set.of());
    } else if (p instanceof SetVariable set) {
      CollectionConverters.asJava(set.targetVariables()).forEach(e -> expression(e, Set.of()));
      query(set.sourceQuery(), Set.of());
    } else if (p instanceof DropVariable drop) {
      variable(drop.name());
    } else {
      query(p, Set.of());
    }
    return p;
  }

  /** A query: every node and expression on the lists, tables by allowed names only; {@code ctes} are in scope. */
  private void query(LogicalPlan p, Set<String> ctes) {
    if (p instanceof UnresolvedWith with) {
      Set<String> visible = new HashSet<>(ctes);
      for (Tuple3<String, SubqueryAlias, Option<Object>> cte : CollectionConverters.asJava(with.cteRelations())) {
        String name = cte._1().toLowerCase(Locale.ROOT);
        if (with.allowRecursion()) {
          visible.add(name);
        }
        query(cte._2(), Set.copyOf(visible));
        visible.add(name);
      }
      query(with.child(), Set.copyOf(visible));
      return;
    }
    if (!QUERY_NODES.contains(p.getClass())) {
      throw refused(why(p));
    }
    if (p instanceof UnresolvedRelation r) {
      if (!r.options().isEmpty()) {
        throw refused(readsPath("table options (WITH (…)) change how files are read"));
      }
      if (r.isStreaming()) {
        throw refused(notAStatement("STREAM reads a table as a stream"));
      }
      table(parts(r.multipartIdentifier()), ctes);
    } else if (p instanceof UnresolvedTableValuedFunction f) {
      function(parts(f.name()), QueryFunctions.Kind.TABLE);
    }
    elements(p, ctes);
  }

  private void expression(Expression e, Set<String> ctes) {
    if (!EXPRESSIONS.contains(e.getClass())) {
      throw refused(why(e));
    }
    if (e instanceof UnresolvedFunction f) {
      if (f.isInternal()) {
        throw refused(offListFunction("internal function " + f.prettyName() + " is not one SQL here may call"));
      }
      function(parts(f.nameParts()), QueryFunctions.Kind.SCALAR);
    } else if (e instanceof UnresolvedGenerator g) {
      function(g.name().database().isDefined() ? List.of(g.name().database().get(), g.name().funcName())
          : List.of(g.name().funcName()), QueryFunctions.Kind.SCALAR);
    } else if (e instanceof UnresolvedAttribute a && a.nameParts().size() == 1
        && NAMES_THAT_CALL.contains(a.nameParts().head().toLowerCase(Locale.ROOT))) {
      throw refused(offListFunction(QueryFunctions.get().whyRefused(QueryFunctions.Kind.SCALAR, a.nameParts().head())));
    }
    elements(e, ctes);
  }

  /** Every plan and expression held anywhere in a node's fields (children, subqueries, options, Seqs, tuples). */
  private void elements(Product node, Set<String> ctes) {
    scala.collection.Iterator<Object> it = node.productIterator();
    while (it.hasNext()) {
      visit(it.next(), ctes);
    }
  }

  private void visit(Object o, Set<String> ctes) {
    if (o instanceof LogicalPlan p) {
      query(p, ctes);
    } else if (o instanceof Expression e) {
      expression(e, ctes);
    } else if (o instanceof Option<?> opt) {
      if (opt.isDefined()) {
        visit(opt.get(), ctes);
      }
    } else if (o instanceof scala.collection.Iterable<?> items) {
      scala.collection.Iterator<?> it = items.iterator();
      while (it.hasNext()) {
        visit(it.next(), ctes);
      }
    } else if (o instanceof Product product) {
      elements(product, ctes);
    }
  }

  /** A table name in a query: a CTE in scope, a temporary view of this session, or a lake view layer.table. */
  private void table(List<String> name, Set<String> ctes) {
    if (name.size() == 1) {
      String n = name.get(0).toLowerCase(Locale.ROOT);
      if (ctes.contains(n) || isTempView(n)) {
        return;
      }
    } else if (lakeTable(name) != null) {
      return;
    }
    throw refused(describeName(name));
  }

  /** The target of DESCRIBE / SHOW COLUMNS / SHOW CREATE TABLE / SHOW TBLPROPERTIES. */
  private void tableOrView(LogicalPlan target) {
    if (target instanceof UnresolvedTableOrView || target instanceof UnresolvedTable
        || target instanceof UnresolvedView) {
      table(parts(target), Set.of());
    } else {
      throw refused(why(target));
    }
  }

  /** The catalog table a lake view reads, for DESCRIBE HISTORY / DETAIL (views have no history). */
  private String stored(LogicalPlan target, String command) {
    List<String> name = target instanceof UnresolvedTable ? parts(target) : List.of();
    if (name.isEmpty()) {
      throw refused(why(target));
    }
    LakeTable table = lakeTable(name);
    if (table == null) {
      throw refused(name.size() == 1 && isTempView(name.get(0).toLowerCase(Locale.ROOT))
          ? notATable(command + " takes a lake table (layer.table); " + name.get(0) + " is a view of this session")
          : describeName(name));
    }
    return LakeCatalog.storedTable(lake, table);
  }

  /** SHOW … IN namespace: only the current one or a lake layer. */
  private void namespace(LogicalPlan ns) {
    if (ns == CurrentNamespace$.MODULE$) {
      return;
    }
    if (ns instanceof UnresolvedNamespace u) {
      List<String> parts = parts(u.multipartIdentifier());
      if (parts.isEmpty() || parts.size() == 1 && LakeCatalog.LAYERS.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
        return;
      }
      throw refused(notATable(String.join(".", parts) + " is not a layer of this lake ("
          + String.join(", ", LakeCatalog.LAYERS) + ")"));
    }
    throw refused(why(ns));
  }

  private void function(List<String> name, QueryFunctions.Kind kind) {
    if (name.size() != 1) {
      throw refused(offListFunction(String.join(".", name) + " names a function by a qualified name; call built-in"
          + " functions by their plain name"));
    }
    if (!QueryFunctions.get().allows(kind, name.get(0))) {
      throw refused(offListFunction(QueryFunctions.get().whyRefused(kind, name.get(0))));
    }
  }

  private void variable(LogicalPlan name) {
    if (!(name instanceof UnresolvedIdentifier)) {
      throw refused(why(name));
    }
  }

  private void setting(Option<Tuple2<String, Option<String>>> kv) {
    if (kv.isEmpty()) {
      throw refused(offListSetting("SET without a key lists every setting, storage credentials among them; read one SQL"
          + " setting with SET spark.sql.<key>, or list them with SET -v"));
    }
    String key = kv.get()._1();
    if (kv.get()._2().isEmpty()) {
      if (!key.equals("-v") && !key.startsWith("spark.sql.")) {
        throw refused(offListSetting("SET " + key + " reads a setting other than Spark SQL's (spark.sql.*)"));
      }
      return;
    }
    if (!SETTABLE.contains(key)) {
      throw refused(offListSetting("SET " + key + " is not a setting SQL here may change (it may change "
          + SETTABLE.stream().sorted().collect(Collectors.joining(", ")) + ")"));
    }
  }

  /** The lake table a two-part name registers as a view, or null. */
  private LakeTable lakeTable(List<String> name) {
    if (name.size() != 2) {
      return null;
    }
    String layer = name.get(0).toLowerCase(Locale.ROOT);
    String table = name.get(1).toLowerCase(Locale.ROOT);
    java.util.Optional<LakeTable> declared = LakeTable.named(layer + "." + table);
    if (declared.isEmpty()) {
      return null;
    }
    SparkSession spark = lake.spark();
    try {
      if (spark.catalog().tableExists(layer, table)
          && "VIEW".equalsIgnoreCase(spark.catalog().getTable(layer, table).tableType())) {
        return declared.get();
      }
    } catch (org.apache.spark.sql.AnalysisException e) {
      return null;
    }
    return null;
  }

  private boolean isTempView(String name) {
    return ((org.apache.spark.sql.classic.SparkSession) lake.spark()).sessionState().catalog()
        .getTempView(name).isDefined();
  }

  private static Reason describeName(List<String> name) {
    String quoted = name.stream().map(p -> p.matches("[A-Za-z_][A-Za-z0-9_]*") ? p : "`" + p + "`")
        .collect(Collectors.joining("."));
    if (name.stream().anyMatch(p -> PATH.matcher(p).matches())) {
      return readsPath(quoted + " reads files by path");
    }
    return notATable(quoted + " is not a table of this lake (name its tables as layer.table; SHOW TABLES IN silver lists"
        + " them)");
  }

  private static Reason why(Object node) {
    String simple = node.getClass().getSimpleName();
    Reason reason = WHY.get(simple);
    if (reason != null) {
      return reason;
    }
    String name = simple.replace("$", "");
    return notAStatement(node instanceof Expression ? "expression " + name + " is not one SQL here evaluates"
        : name + " is not a statement SQL here runs (it runs queries, DESCRIBE, SHOW, EXPLAIN and SET)");
  }

  private static List<String> parts(LogicalPlan target) {
    if (target instanceof UnresolvedTableOrView t) {
      return parts(t.multipartIdentifier());
    } else if (target instanceof UnresolvedTable t) {
      return parts(t.multipartIdentifier());
    } else if (target instanceof UnresolvedView t) {
      return parts(t.multipartIdentifier());
    }
    throw refused(why(target));
  }

  private static List<String> parts(scala.collection.Seq<String> name) {
    return List.copyOf(CollectionConverters.asJava(name));
  }

  private static FiscalScopeException refused(Reason why) {
    return why.failure();
  }

  /** Refused because it writes a table, files or the catalog. */
  private static Reason writes(String why) {
    return Problem.SQL_REFUSED_WRITE.with(why);
  }

  /** Refused because it runs code or statements built at run time. */
  private static Reason runsCode(String why) {
    return Problem.SQL_REFUSED_CODE.with(why);
  }

  /** Refused because it reads files by path rather than the lake's views. */
  private static Reason readsPath(String why) {
    return Problem.SQL_REFUSED_PATH.with(why);
  }

  /** Refused because it names no table of the lake. */
  private static Reason notATable(String why) {
    return Problem.SQL_REFUSED_TABLE.with(why);
  }

  /** Refused because it calls a function off the reviewed list. */
  private static Reason offListFunction(String why) {
    return Problem.SQL_REFUSED_FUNCTION.with(why);
  }

  /** Refused because it reads or changes a setting outside the allowed ones. */
  private static Reason offListSetting(String why) {
    return Problem.SQL_REFUSED_SETTING.with(why);
  }

  /** Refused because it changes the session (cache, current database, functions). */
  private static Reason changesSession(String why) {
    return Problem.SQL_REFUSED_SESSION.with(why);
  }

  /** Refused because it is not a statement or expression SQL here runs. */
  private static Reason notAStatement(String why) {
    return Problem.SQL_REFUSED_STATEMENT.with(why);
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
