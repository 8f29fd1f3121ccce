package org.fiscalscope.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.FiscalScopeException;

/**
 * The lake's tables, their keys and their DDL. The DDL files in {@code schemas/tables/} are the single
 * source of each table's schema; this class reads them from the classpath.
 */
public final class Tables {

  public static final TableName BRONZE_DOCUMENTS = TableName.of("bronze.documents");
  public static final TableName BRONZE_REJECTS = TableName.of("bronze.rejects");
  public static final TableName SILVER_UNIT_YEAR = TableName.of("silver.unit_year");
  public static final TableName SILVER_FUNCTION_LINE = TableName.of("silver.function_line");
  public static final TableName SILVER_PROJECT = TableName.of("silver.project");
  public static final TableName SILVER_INDICATOR = TableName.of("silver.indicator");
  public static final TableName SILVER_FINDING = TableName.of("silver.finding");
  public static final TableName SILVER_PROVENANCE = TableName.of("silver.provenance");

  /** Columns identifying one unit-year, the unit a corrected document replaces. */
  public static final List<String> UNIT_YEAR = List.of("unit_id", "fiscal_year");

  private static final Map<String, List<String>> KEYS = Map.ofEntries(
      Map.entry("bronze.documents", List.of("sha256")),
      Map.entry("bronze.rejects", List.of("sha256")),
      Map.entry("silver.unit_year", List.of("unit_id", "fiscal_year")),
      Map.entry("silver.function_line", List.of("unit_id", "fiscal_year", "code")),
      Map.entry("silver.project", List.of("unit_id", "fiscal_year", "project_name")),
      Map.entry("silver.indicator", List.of("unit_id", "fiscal_year", "project_name", "seq")),
      Map.entry("silver.finding", List.of("unit_id", "fiscal_year", "rule", "subject")),
      Map.entry("silver.provenance", List.of("unit_id", "fiscal_year", "field")),
      Map.entry("gold.execution", List.of("unit_id", "fiscal_year", "level", "subject")),
      Map.entry("gold.three_public_trend", List.of("unit_id", "fiscal_year", "category")),
      Map.entry("gold.score_distribution", List.of("fiscal_year", "peer_group", "scope")),
      Map.entry("gold.credibility", List.of("unit_id", "fiscal_year")),
      Map.entry("gold.disclosure_quality", List.of("unit_id", "fiscal_year")),
      Map.entry("gold.flags", List.of("rule", "unit_id", "fiscal_year", "subject")),
      Map.entry("ops.runs", List.of("run_id")));

  private static final Map<TableName, String> DDL_CACHE = new ConcurrentHashMap<>();

  private Tables() {}

  /** The key columns of a table (DESIGN.md "Data flow and tables"). */
  public static List<String> keys(TableName table) {
    List<String> keys = KEYS.get(table.toString());
    if (keys == null) {
      throw new FiscalScopeException("no key is declared for table " + table + " in Tables.KEYS");
    }
    return keys;
  }

  /** The CREATE TABLE statement of a table with {@code ${table}} still to be replaced. */
  public static String ddl(TableName table) {
    return DDL_CACHE.computeIfAbsent(table, t -> {
      String resource = "/schemas/tables/" + t + ".sql";
      try (InputStream in = Tables.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new FiscalScopeException("no DDL for table " + t + ": expected schemas/tables/" + t + ".sql");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The table's schema, parsed from the column list of its DDL. */
  public static StructType schema(TableName table) {
    String ddl = ddl(table);
    int open = ddl.indexOf('(', ddl.indexOf("${table}"));
    int close = ddl.lastIndexOf(") USING");
    if (open < 0 || close < open) {
      throw new FiscalScopeException("schemas/tables/" + table + ".sql is not of the form CREATE TABLE … (columns) USING DELTA");
    }
    String columns = ddl.substring(open + 1, close).replaceAll("(?m)--.*$", "");
    return StructType.fromDDL(columns);
  }
}
