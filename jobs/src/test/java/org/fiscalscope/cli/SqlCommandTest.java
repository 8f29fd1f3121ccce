package org.fiscalscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeSql;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlCommandTest extends SparkTest {

  static final LakeTable RUNS = LakeTable.OPS_RUNS;

  Lake lake;
  String err;

  @BeforeEach
  void smallLake() {
    lake = new Lake(spark, tmp.resolve("lake").toString());
    append("{\"unit_id\":\"A\",\"fiscal_year\":2022}", "{\"unit_id\":\"A\",\"fiscal_year\":2023}");
    recordRun("20260301T010000Z-aaaa", "2026-03-01T01:05:00Z");
    append("{\"unit_id\":\"B\",\"fiscal_year\":2023}");
    recordRun("20260303T010000Z-bbbb", "2026-03-03T01:05:00Z");
  }

  private void append(String... json) {
    lake.ensure(LakeTable.SILVER_UNIT_YEAR);
    DeltaMerge.conform(rows("unit_id STRING, fiscal_year INT", json), LakeTable.SILVER_UNIT_YEAR.schema())
        .write().format("delta").mode("append").save(lake.path(LakeTable.SILVER_UNIT_YEAR));
  }

  private void recordRun(String id, String finished) {
    Instant at = Instant.parse(finished);
    String json = "{\"run_id\":\"" + id + "\",\"verb\":\"nightly\",\"status\":\"succeeded\",\"started_at\":\""
        + at.minusSeconds(60) + "\",\"finished_at\":\"" + at + "\",\"table_versions\":{\"silver.unit_year\":"
        + lake.version(LakeTable.SILVER_UNIT_YEAR) + "}}";
    lake.ensure(RUNS);
    DeltaMerge.conform(rows("run_id STRING, verb STRING, status STRING, started_at TIMESTAMP, finished_at TIMESTAMP,"
        + " table_versions MAP<STRING, BIGINT>", json), RUNS.schema())
        .write().format("delta").mode("append").save(lake.path(RUNS));
  }

  private String[] sql(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "sql";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--lake";
    full[args.length + 2] = lake.root();
    return full;
  }

  /** Runs the verb; returns stdout and leaves stderr in {@link #err}. */
  private String run(int expectedExit, String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter errors = new StringWriter();
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = Main.commandLine().setErr(new PrintWriter(errors, true)).execute(sql(args));
    } finally {
      System.setOut(stdout);
    }
    err = errors.toString();
    assertEquals(expectedExit, exit, "exit code; stderr: " + err);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aStatementHasTheViewsOfTheTablesItNamesAndAListingHasThemAll() throws Exception {
    LakeSql sql = LakeSql.open(spark, lake.root());
    assertEquals(Set.of(LakeTable.SILVER_UNIT_YEAR), sql.registerFor("select * from SILVER.`Unit_Year`", null).keySet());
    assertEquals(Set.of(), sql.registerFor("SELECT 1", null).keySet());
    assertEquals(Set.of(), sql.session().catalog().listTables("silver").collectAsList().stream()
        .map(t -> t.name()).collect(java.util.stream.Collectors.toSet()), "the views of the statement before are gone");
    assertEquals(Set.of(LakeTable.SILVER_UNIT_YEAR, RUNS), sql.registerFor("SHOW TABLES IN silver", null).keySet());
  }

  @Test
  void countsRowsOfALayerTableByItsName() {
    String out = run(0, "SELECT count(*) AS n FROM silver.unit_year");
    assertEquals(List.of("n", "-", "3", "(1 row)"), out.lines().toList());
  }

  @Test
  void asOfAnEarlierRunSeesTheTablesAsThatRunLeftThem() {
    assertTrue(run(0, "SELECT count(*) FROM silver.unit_year", "--as-of", "previous", "--format", "csv").endsWith("\n2\r\n"));
    assertTrue(run(0, "SELECT count(*) FROM silver.unit_year", "--as-of", "2026-03-03", "--format", "csv").endsWith("\n3\r\n"));
  }

  @Test
  void formatsCsvAndJson() {
    String csv = run(0, "SELECT unit_id, fiscal_year, 'a,b' AS note FROM silver.unit_year ORDER BY unit_id, fiscal_year", "--format", "csv");
    assertEquals(List.of("\uFEFFunit_id,fiscal_year,note", "A,2022,\"a,b\"", "A,2023,\"a,b\"", "B,2023,\"a,b\""), csv.lines().toList());
    assertTrue(csv.endsWith("\"a,b\"\r\n"), "records end in CRLF (RFC 4180)");
    String hostile = run(0, "SELECT '=1+1' AS f, 'say \"hi\"' AS q, -1.5 AS n, '-1.5' AS t, '\t@x' AS tab", "--format", "csv");
    assertEquals("\uFEFFf,q,n,t,tab\r\n'=1+1,\"say \"\"hi\"\"\",-1.5,'-1.5,'\t@x\r\n", hostile,
        "quotes doubled, formulas in text cells prefixed, the number left alone");
    String json = run(0, "SELECT unit_id FROM silver.unit_year WHERE unit_id = 'B'", "--format", "json");
    assertEquals("{\"unit_id\":\"B\"}", json.strip());
  }

  @Test
  void refusesWritesAndLeavesTheTableAlone() {
    long before = lake.version(LakeTable.SILVER_UNIT_YEAR);
    for (String write : List.of("DELETE FROM silver.unit_year", "DROP TABLE silver.unit_year",
        "INSERT INTO silver.unit_year SELECT * FROM silver.unit_year", "/* read */ CREATE TABLE t AS SELECT 1",
        "MERGE INTO silver.unit_year t USING silver.unit_year s ON t.unit_id = s.unit_id WHEN MATCHED THEN DELETE")) {
      run(1, write);
      assertTrue(err.contains("refused") && err.strip().lines().count() == 1, write + " → " + err);
    }
    assertEquals(before, lake.version(LakeTable.SILVER_UNIT_YEAR));
  }

  @Test
  void admitsStatementsThatOnlyLook() {
    assertTrue(run(0, "SHOW TABLES IN silver", "--format", "csv").contains("silver,unit_year,false"));
    assertTrue(run(0, "DESCRIBE silver.unit_year").contains("fiscal_year"));
    assertTrue(run(0, "EXPLAIN SELECT count(*) FROM silver.unit_year").contains("count"));
    assertTrue(run(0, "WITH y AS (SELECT DISTINCT fiscal_year FROM silver.unit_year) SELECT count(*) FROM y;",
        "--format", "csv").endsWith("\n2\r\n"));
  }

  @Test
  void aBadQueryIsOneLineNamingTheProblem() {
    run(1, "SELECT * FROM silver.nope");
    assertTrue(err.contains("silver") && err.contains("nope") && err.strip().lines().count() == 1, err);
    run(1, "SELEC 1");
    assertTrue(err.contains("SELEC") && err.strip().lines().count() == 1, err);
  }
}
