package org.fiscalscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.SqlCatalogue;
import org.fiscalscope.lake.SqlCatalogue.Section;
import org.fiscalscope.lake.SqlCatalogue.Statement;
import org.fiscalscope.report.CsvExport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sql verb against the statement catalogue (lake/sql-catalogue.txt): every hostile statement exits 1 with one
 * line and changes nothing in the lake, beside it or on the machine; every admitted one runs.
 */
class SqlRefusalTest extends SparkTest {

  static Path dir;
  static SqlCatalogue catalogue;

  @BeforeAll
  static void lake() throws IOException {
    dir = Files.createTempDirectory("fiscalscope-sql");
    catalogue = new SqlCatalogue(sharedSession(), dir);
  }

  @AfterAll
  static void removeLake() {
    deleteRecursively(dir);
  }

  /** Exit code, stdout and stderr of one sql verb run. */
  record Outcome(int exit, String out, String err) {}

  private Outcome sql(String statement, String... more) {
    List<String> args = new ArrayList<>(List.of("sql", statement, "--lake", catalogue.root()));
    args.addAll(List.of(more));
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit = Main.commandLine().setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));
      return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  void refusesEveryHostileStatementWithOneLineAndTheLakeIsUnchanged() {
    Map<String, Long> versions = catalogue.versions();
    SortedMap<String, String> files = catalogue.files();
    List<String> wrong = new ArrayList<>();
    List<Statement> refused = catalogue.statements(Section.REFUSED);
    List<Statement> syntax = catalogue.statements(Section.SYNTAX);
    for (Statement s : concat(refused, syntax)) {
      Outcome o = sql(s.sql());
      String expected = s.section() == Section.REFUSED ? "fiscalscope sql: \\[SQL_REFUSED_[A-Z]+\\] refused: .*"
          : "fiscalscope sql: \\[SQL_(SYNTAX|FAILED)\\] .*";
      if (o.exit() != 1 || o.err().strip().lines().count() != 1 || !o.err().strip().matches(expected) || !o.out().isEmpty()) {
        wrong.add(s.sql() + "\n    exit " + o.exit() + ", stderr: " + o.err().strip() + (o.out().isEmpty() ? "" : "\n    stdout: " + o.out().strip()));
      }
    }
    assertEquals("", String.join("\n", wrong), wrong.size() + " of " + (refused.size() + syntax.size()) + " statements not refused as expected");
    assertTrue(refused.size() > 150 && syntax.size() >= 4, refused.size() + " refused, " + syntax.size() + " syntax");
    assertEquals(versions, catalogue.versions(), "table versions after the hostile statements");
    assertEquals(files, catalogue.files(), "files of both lakes and the scratch folder after the hostile statements");
    assertFalse(Files.exists(dir.resolve("scratch/pwned")));
  }

  @Test
  void runsEveryAdmittedStatement() {
    Map<String, Long> versions = catalogue.versions();
    SortedMap<String, String> files = catalogue.files();
    List<String> wrong = new ArrayList<>();
    for (Statement s : catalogue.statements(Section.ADMITTED)) {
      Outcome o = sql(s.sql(), "--format", "csv");
      if (o.exit() != 0) {
        wrong.add(s.sql() + "\n    exit " + o.exit() + ", stderr: " + o.err().strip());
      }
    }
    assertEquals("", String.join("\n", wrong), wrong.size() + " admitted statements failed");
    assertEquals(versions, catalogue.versions());
    assertEquals(files, catalogue.files());
  }

  @Test
  void neitherSettingsNorTheEnvironmentAreSubstitutedIntoStatements() {
    Outcome o = sql("SELECT '${env:HOME}' AS a, '${system:user.name}' AS b, '${spark.sql.warehouse.dir}' AS c", "--format", "csv");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().startsWith(String.valueOf(CsvExport.BOM)), "csv output starts with the byte-order mark");
    assertEquals(List.of("a,b,c", "${env:HOME},${system:user.name},${spark.sql.warehouse.dir}"),
        o.out().substring(1).lines().toList());
  }

  @Test
  void describeHistoryOfALakeTableShowsItsCommits() {
    Outcome o = sql("DESCRIBE HISTORY silver.unit_year", "--format", "csv");
    assertEquals(0, o.exit(), o.err());
    assertEquals(catalogue.lake().version(org.fiscalscope.lake.LakeTable.SILVER_UNIT_YEAR) + 2, o.out().lines().count(), o.out());
    assertTrue(o.out().lines().skip(1).allMatch(l -> l.matches("\\d+,.*")), o.out());
  }

  @Test
  void aFunctionOffTheListIsRefusedByName() {
    Outcome o = sql("SELECT upper(unit_id), java_method('java.lang.System', 'getenv', 'HOME') FROM silver.unit_year");
    assertEquals(1, o.exit());
    assertEquals("fiscalscope sql: [SQL_REFUSED_FUNCTION] refused: function java_method calls any static Java method; SQL here only reads the"
        + " lake's layer.table views.", o.err().strip());
    o = sql("SELECT no_such_function(1)");
    assertTrue(o.err().contains("function no_such_function is not one SQL here may call"), o.err());
  }

  @Test
  void aSettingOffTheListIsRefusedByName() {
    Outcome o = sql("SET spark.databricks.delta.retentionDurationCheck.enabled=false");
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("SET spark.databricks.delta.retentionDurationCheck.enabled is not a setting"), o.err());
  }

  private static List<Statement> concat(List<Statement> a, List<Statement> b) {
    List<Statement> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
