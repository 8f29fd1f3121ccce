package org.fiscalscope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.SqlCatalogue;
import org.fiscalscope.lake.SqlCatalogue.Section;
import org.fiscalscope.lake.SqlCatalogue.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notebook kernel against the statement catalogue the sql verb's tests use (lake/sql-catalogue.txt, from the
 * jobs test jar): every hostile statement is a one-line error in the cell and changes nothing; every admitted one,
 * and every cell of every notebook, runs.
 */
class KernelRefusalTest extends SparkTest {

  static Path dir;
  static SqlCatalogue catalogue;
  LakeKernel kernel;

  @BeforeAll
  static void lake() throws IOException {
    dir = Files.createTempDirectory("fiscalscope-kernel");
    catalogue = new SqlCatalogue(sharedSession(), dir);
  }

  @AfterAll
  static void removeLake() {
    deleteRecursively(dir);
  }

  @BeforeEach
  void kernel() {
    kernel = new LakeKernel(new LakeSession(spark));
    kernel.evalRaw("%lake " + catalogue.root());
  }

  /** The cell's error message, or null when it ran. */
  private String error(String cell) {
    try {
      kernel.evalRaw(cell);
      return null;
    } catch (SqlError e) {
      return e.getMessage();
    }
  }

  @Test
  void refusesEveryHostileStatementWithOneLineAndTheLakeIsUnchanged() {
    Map<String, Long> versions = catalogue.versions();
    SortedMap<String, String> files = catalogue.files();
    List<String> wrong = new ArrayList<>();
    List<Statement> all = new ArrayList<>(catalogue.statements(Section.REFUSED));
    all.addAll(catalogue.statements(Section.SYNTAX));
    for (Statement s : all) {
      String message = error(s.sql());
      String expected = s.section() == Section.REFUSED ? "refused: " : "";
      boolean multiStatement = s.section() == Section.SYNTAX && s.sql().startsWith("SELECT 1;");
      if (multiStatement) {
        // A cell splits statements at semicolons: the second one is refused on its own.
        expected = "refused: ";
      }
      if (message == null || message.lines().count() != 1 || !message.startsWith(expected)) {
        wrong.add(s.sql() + "\n    → " + message);
      }
    }
    assertEquals("", String.join("\n", wrong), wrong.size() + " of " + all.size() + " statements not refused as expected");
    assertEquals(versions, catalogue.versions(), "table versions after the hostile cells");
    assertEquals(files, catalogue.files(), "files of both lakes and the scratch folder after the hostile cells");
    assertFalse(Files.exists(dir.resolve("scratch/pwned")));
  }

  @Test
  void runsEveryAdmittedStatement() {
    List<String> wrong = new ArrayList<>();
    for (Statement s : catalogue.statements(Section.ADMITTED)) {
      String message = error(s.sql());
      if (message != null) {
        wrong.add(s.sql() + "\n    → " + message);
      }
    }
    assertEquals("", String.join("\n", wrong), wrong.size() + " admitted statements failed");
  }

  @Test
  void aNotebookCannotLoosenTheSessionAndThenVacuum() {
    long flags = catalogue.lake().version(org.fiscalscope.lake.LakeTable.GOLD_FLAGS);
    String set = error("SET spark.databricks.delta.retentionDurationCheck.enabled=false");
    assertTrue(set.startsWith("refused: SET spark.databricks.delta.retentionDurationCheck.enabled"), set);
    String vacuum = error("EXECUTE IMMEDIATE 'VACUUM delta.`" + catalogue.root() + "/gold/flags` RETAIN 0 HOURS'");
    assertTrue(vacuum.startsWith("refused: EXECUTE IMMEDIATE"), vacuum);
    String cell = error("SELECT count(*) FROM gold.flags;\nDELETE FROM gold.flags");
    assertTrue(cell.startsWith("refused: DELETE removes rows"), cell);
    assertEquals(flags, catalogue.lake().version(org.fiscalscope.lake.LakeTable.GOLD_FLAGS));
    assertEquals(1, pinnedCount(SqlCatalogue.FIRST_RUN, "gold.flags"), "gold.flags as the first run left it");
  }

  /** Rows of a table as the lake was after a run, through %as_of: pinned versions stay readable. */
  private long pinnedCount(String run, String table) {
    kernel.evalRaw("%as_of " + run);
    DisplayData d = (DisplayData) kernel.evalRaw("SELECT count(*) AS n FROM " + table);
    assertNotNull(d);
    return Long.parseLong(String.valueOf(d.getData(MIMEType.TEXT_PLAIN)).lines().skip(1).findFirst().orElseThrow().strip());
  }

  @Test
  void magicsPassTheirSqlThroughTheSameCheck() {
    String view = error("%snapshot gold.flags latest x;DROP");
    assertTrue(view.contains("letters, digits and underscores"), view);
    kernel.evalRaw("%snapshot gold.flags " + SqlCatalogue.FIRST_RUN + " flags_before");
    assertNull(error("SELECT count(*) FROM flags_before"));
    String history = error("DESCRIBE HISTORY flags_before");
    assertTrue(history.startsWith("refused: DESCRIBE HISTORY takes a lake table"), history);
    assertNull(error("%source \"A' OR '1'='1\" 2023 /totals/income_total"));
    assertNull(error("DECLARE OR REPLACE VARIABLE focus_unit STRING DEFAULT 'B'\n;SELECT * FROM silver.unit_year WHERE unit_id = focus_unit"));
  }

  @Test
  void everyCellOfEveryNotebookRuns() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    int tables = 0;
    int charts = 0;
    try (DirectoryStream<Path> notebooks = Files.newDirectoryStream(Path.of("notebooks"), "[0-9]*.ipynb")) {
      for (Path notebook : notebooks) {
        LakeKernel k = new LakeKernel(new LakeSession(spark));
        for (JsonNode cell : json.readTree(notebook.toFile()).path("cells")) {
          if (!cell.path("cell_type").asText().equals("code")) {
            continue;
          }
          // nbformat keeps a cell's source as one string or as a list of lines.
          StringBuilder source = new StringBuilder(cell.path("source").isTextual() ? cell.path("source").asText() : "");
          cell.path("source").forEach(line -> source.append(line.asText()));
          String code = source.toString().replaceAll("(?m)^%lake .*$", "%lake " + catalogue.root())
              .replace("${FISCALSCOPE_RUN_BEFORE:-previous}", SqlCatalogue.FIRST_RUN)
              .replace("${FISCALSCOPE_RUN:-latest}", SqlCatalogue.SECOND_RUN);
          cells++;
          try {
            Object shown = k.evalRaw(code);
            if (shown instanceof DisplayData d && d.hasDataForType(MIMEType.IMAGE_PNG)) {
              charts++;
            } else if (shown instanceof DisplayData d && d.hasDataForType(MIMEType.TEXT_HTML)) {
              tables++;
            }
          } catch (SqlError e) {
            wrong.add(notebook.getFileName() + ": " + code.lines().filter(l -> !l.startsWith("--")).findFirst().orElse("")
                + "\n    → " + e.getMessage());
          }
        }
      }
    }
    assertEquals("", String.join("\n", wrong), wrong.size() + " of " + cells + " notebook cells failed");
    assertTrue(cells >= 30 && tables >= 15 && charts >= 8, cells + " cells, " + tables + " tables, " + charts + " charts");
  }

  private static void assertNull(String message) {
    assertEquals(null, message, "the cell failed");
  }

  @Test
  void anUnknownTableIsOneLineNamingIt() {
    String message = assertThrows(SqlError.class, () -> kernel.evalRaw("SELECT * FROM silver.nope")).getMessage();
    assertTrue(message.contains("silver.nope") && message.lines().count() == 1, message);
  }
}
