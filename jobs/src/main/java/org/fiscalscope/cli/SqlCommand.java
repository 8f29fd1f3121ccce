package org.fiscalscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.lake.AsOf;
import org.fiscalscope.lake.LakeCatalog;
import org.fiscalscope.lake.LakeSql;
import org.fiscalscope.lake.RunRecord;
import org.fiscalscope.lake.SparkSessions;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.report.CsvExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sql}: one read-only Spark SQL statement over the lake, {@code layer.table} names resolved, result on stdout. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run one read-only Spark SQL statement over the lake; layer.table names (silver.unit_year,"
        + " gold.flags, ops.runs …) resolve to the lake's Delta tables.",
        "Allowed: queries over layer.table names (CTEs, joins, windows, subqueries, built-in functions but those that"
        + " call Java code or read files), DESCRIBE [HISTORY|DETAIL], SHOW, EXPLAIN of a query, SET of a display"
        + " setting. Anything else (writes, paths, EXECUTE IMMEDIATE, TRANSFORM, ADD JAR …) is refused.",
        "Example: fiscalscope sql \"SELECT count(*) FROM silver.unit_year\""},
    footer = {"", "Exit codes: 0 success, 1 failure (a refused statement, a syntax or analysis error: one line on stderr)."})
final class SqlCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { table, csv, json }

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL statement.")
  String query;

  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default, at most --max-rows rows), csv (all rows; RFC 4180, UTF-8 with a byte-order mark, text cells"
      + " that would start a spreadsheet formula prefixed with ') or json (one object per line; all rows).")
  Format format = Format.table;

  @Option(names = "--as-of", paramLabel = "RUN", description = "Query the lake as a run left it: a run id, a run number (1 = first, -1 = latest),"
      + " previous, or a date/timestamp (the last run finished by then, UTC).")
  String asOf;

  @Option(names = "--max-rows", paramLabel = "N", description = "Rows shown by --format table (default: ${DEFAULT-VALUE}).")
  int maxRows = 1000;

  @Override
  public Integer call() {
    if (maxRows < 1) {
      throw Problem.CLI_MAX_ROWS.failure(maxRows);
    }
    Settings settings = lakeOptions.settings(null, null);
    Map<String, String> sparkSettings = new HashMap<>(settings.spark().settings());
    sparkSettings.putAll(LakeSql.catalogSettings());
    sparkSettings.putIfAbsent("spark.databricks.delta.snapshotPartitions", "1");
    SparkSession spark = SparkSessions.create("fiscalscope sql", settings.spark().master(), sparkSettings);
    LakeSql lake = LakeSql.open(spark, LakeOptions.lake(spark, settings).root());
    RunRecord run = asOf == null ? null : LakeCatalog.run(lake.lake(), AsOf.parse(asOf));
    lake.registerFor(query, run);
    if (run != null) {
      System.err.println("as of run " + run.runId() + " (finished " + run.finishedAt() + ")");
    }
    Dataset<Row> result = lake.query(query);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try {
      print(result, out);
    } catch (FiscalScopeException e) {
      throw e;
    } catch (Exception e) { // an error while the query runs (a cast, a division under ANSI): Spark's sentence, coded
      throw new FiscalScopeException(Problem.SQL_FAILED.with(LakeSql.oneLine(e)), e);
    }
    out.flush();
    return 0;
  }

  private void print(Dataset<Row> result, PrintStream out) {
    List<String> header = Arrays.asList(result.columns());
    switch (format) {
      case json -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
      case csv -> {
        try {
          CsvExport.write(result, out);
        } catch (IOException e) {
          throw new UncheckedIOException("writing the CSV result", e);
        }
      }
      default -> {
        List<Row> rows = asText(result).limit(maxRows + 1).collectAsList();
        List<List<String>> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), maxRows); i++) {
          shown.add(cells(rows.get(i)));
        }
        out.print(TextTable.render(header, shown));
        out.println(rows.size() > maxRows
            ? "(first " + maxRows + " rows; raise --max-rows or use --format csv for all)"
            : "(" + shown.size() + (shown.size() == 1 ? " row)" : " rows)"));
      }
    }
  }

  /** Every column cast to its SQL string form (maps, arrays and decimals as Spark prints them). */
  private static Dataset<Row> asText(Dataset<Row> df) {
    String[] positional = new String[df.columns().length];
    Column[] cols = new Column[positional.length];
    for (int i = 0; i < positional.length; i++) {
      positional[i] = "c" + i;
      cols[i] = org.apache.spark.sql.functions.col(positional[i]).cast("string");
    }
    return df.toDF(positional).select(cols);
  }

  private static List<String> cells(Row r) {
    List<String> cells = new ArrayList<>(r.length());
    for (int i = 0; i < r.length(); i++) {
      cells.add(r.isNullAt(i) ? null : r.getString(i));
    }
    return cells;
  }
}
