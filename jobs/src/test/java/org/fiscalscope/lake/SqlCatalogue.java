package org.fiscalscope.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A real Delta lake for the read-only SQL tests — silver, gold and ops tables with rows, two runs recorded in
 * ops.runs, a second lake beside it and a scratch folder — and the statements of {@code lake/sql-catalogue.txt}
 * with their placeholders filled in. The sql verb's tests and the notebook kernel's share both.
 */
public final class SqlCatalogue {

  /** Sections of the catalogue. */
  public enum Section { REFUSED, SYNTAX, ADMITTED }

  /** One statement of the catalogue and the section it is in. */
  public record Statement(Section section, String sql) {
    @Override
    public String toString() {
      return sql;
    }
  }

  /** The run ids recorded in ops.runs, first and second. */
  public static final String FIRST_RUN = "20260301T010000Z-aaaa";
  public static final String SECOND_RUN = "20260303T010000Z-bbbb";

  private static final String RESOURCE = "/lake/sql-catalogue.txt";
  private static final List<LakeTable> TABLES = List.of(LakeTable.SILVER_UNIT_YEAR, LakeTable.SILVER_PROJECT,
      LakeTable.SILVER_PROVENANCE, LakeTable.GOLD_FLAGS, LakeTable.GOLD_EXECUTION,
      LakeTable.GOLD_THREE_PUBLIC_TREND, LakeTable.GOLD_SCORE_DISTRIBUTION,
      LakeTable.GOLD_CREDIBILITY, LakeTable.GOLD_DISCLOSURE_QUALITY, LakeTable.SILVER_FINDING,
      LakeTable.BRONZE_DOCUMENTS);

  private final Path dir;
  private final Lake lake;
  private final Lake other;

  /** Builds the lakes in {@code dir}: {@code dir/lake}, {@code dir/other}, and an empty {@code dir/scratch}. */
  public SqlCatalogue(SparkSession spark, Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir.resolve("scratch"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lake = new Lake(spark, dir.resolve("lake").toString());
    other = new Lake(spark, dir.resolve("other").toString());
    for (LakeTable t : TABLES) {
      lake.ensure(t);
    }
    append(lake, LakeTable.SILVER_UNIT_YEAR, "unit_id STRING, fiscal_year INT, unit_name STRING, unit_kind STRING",
        "{\"unit_id\":\"A\",\"fiscal_year\":2022,\"unit_name\":\"甲单位\",\"unit_kind\":\"行政\"}",
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"unit_name\":\"甲单位\",\"unit_kind\":\"行政\"}");
    append(lake, LakeTable.GOLD_FLAGS, "rule STRING, severity STRING, unit_id STRING, fiscal_year INT,"
        + " level STRING, subject STRING, value DOUBLE, threshold DOUBLE",
        "{\"rule\":\"low_execution\",\"severity\":\"warning\",\"unit_id\":\"A\",\"fiscal_year\":2023,"
            + "\"level\":\"project\",\"subject\":\"p1\",\"value\":84.08,\"threshold\":90}");
    recordRun(FIRST_RUN, "2026-03-01T01:05:00Z");
    append(lake, LakeTable.SILVER_UNIT_YEAR, "unit_id STRING, fiscal_year INT, unit_name STRING, unit_kind STRING",
        "{\"unit_id\":\"B\",\"fiscal_year\":2023,\"unit_name\":\"乙单位\",\"unit_kind\":\"事业\"}");
    append(lake, LakeTable.SILVER_PROJECT, "unit_id STRING, fiscal_year INT, project_name STRING, budget DECIMAL(18,4),"
        + " actual DECIMAL(18,4)",
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"project_name\":\"p1\",\"budget\":170,\"actual\":142.94}");
    append(lake, LakeTable.GOLD_EXECUTION, "unit_id STRING, fiscal_year INT, level STRING, subject STRING,"
        + " budget DECIMAL(18,4), actual DECIMAL(18,4), rate_recomputed_pct DECIMAL(18,2),"
        + " total_score_reported DECIMAL(18,4), basis STRING",
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"level\":\"project\",\"subject\":\"p1\",\"budget\":170,"
            + "\"actual\":142.94,\"rate_recomputed_pct\":84.08,\"total_score_reported\":95,\"basis\":\"adjusted\"}",
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"level\":\"unit\",\"subject\":\"unit\",\"budget\":574.45,"
            + "\"actual\":547.39,\"rate_recomputed_pct\":95.29,\"total_score_reported\":98,\"basis\":\"initial\"}");
    append(lake, LakeTable.GOLD_FLAGS, "rule STRING, severity STRING, unit_id STRING, fiscal_year INT,"
        + " level STRING, subject STRING, value DOUBLE, threshold DOUBLE",
        "{\"rule\":\"low_execution\",\"severity\":\"warning\",\"unit_id\":\"B\",\"fiscal_year\":2023,"
            + "\"level\":\"unit\",\"subject\":\"unit\",\"value\":70,\"threshold\":90}");
    recordRun(SECOND_RUN, "2026-03-03T01:05:00Z");
    other.ensure(LakeTable.SILVER_UNIT_YEAR);
    append(other, LakeTable.SILVER_UNIT_YEAR, "unit_id STRING, fiscal_year INT",
        "{\"unit_id\":\"SECRET\",\"fiscal_year\":2023}");
  }

  /** The lake the statements query. */
  public Lake lake() {
    return lake;
  }

  public String root() {
    return lake.root();
  }

  /** The statements of one section, placeholders filled in. */
  public List<Statement> statements(Section section) {
    String stored = LakeCatalog.storedTable(lake, LakeTable.SILVER_UNIT_YEAR);
    Map<String, String> vars = Map.of("{lake}", lake.root(), "{other}", other.root(),
        "{scratch}", dir.resolve("scratch").toString(), "{stored}", stored.substring(0, stored.indexOf('.')));
    List<Statement> out = new ArrayList<>();
    Section current = null;
    try (InputStream in = SqlCatalogue.class.getResourceAsStream(RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          current = Section.valueOf(line.substring(1, line.length() - 1).toUpperCase(java.util.Locale.ROOT));
        } else if (current == section) {
          String sql = line;
          for (Map.Entry<String, String> v : vars.entrySet()) {
            sql = sql.replace(v.getKey(), v.getValue());
          }
          out.add(new Statement(current, sql));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The Delta version of every table of both lakes. */
  public Map<String, Long> versions() {
    Map<String, Long> v = new LinkedHashMap<>();
    for (LakeTable t : LakeCatalog.tables(lake)) {
      v.put("lake " + t, lake.version(t));
    }
    for (LakeTable t : LakeCatalog.tables(other)) {
      v.put("other " + t, other.version(t));
    }
    return v;
  }

  /** Every file and folder under the lakes and the scratch folder, with its size and modification time. */
  public SortedMap<String, String> files() {
    SortedMap<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        out.put(dir.relativize(p).toString(), a.isDirectory() ? "dir" : a.size() + " bytes, " + a.lastModifiedTime());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private void recordRun(String id, String finished) {
    Instant at = Instant.parse(finished);
    StringBuilder versions = new StringBuilder();
    for (LakeTable t : TABLES) {
      versions.append(versions.length() == 0 ? "" : ",").append('"').append(t).append("\":").append(lake.version(t));
    }
    LakeTable runs = LakeTable.OPS_RUNS;
    lake.ensure(runs);
    append(lake, runs, "run_id STRING, verb STRING, status STRING, started_at TIMESTAMP, finished_at TIMESTAMP,"
        + " table_versions MAP<STRING, BIGINT>",
        "{\"run_id\":\"" + id + "\",\"verb\":\"nightly\",\"status\":\"succeeded\",\"started_at\":\""
            + at.minusSeconds(60) + "\",\"finished_at\":\"" + at + "\",\"table_versions\":{" + versions + "}}");
  }

  private static void append(Lake lake, LakeTable table, String ddl, String... json) {
    SparkSession spark = lake.spark();
    Dataset<String> lines = spark.createDataset(List.of(json), Encoders.STRING());
    Dataset<Row> rows = spark.read().schema(StructType.fromDDL(ddl)).option("mode", "FAILFAST").json(lines);
    DeltaMerge.conform(rows, table.schema()).write().format("delta").mode("append").save(lake.path(table));
  }
}
