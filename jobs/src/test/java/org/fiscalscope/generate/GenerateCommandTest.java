package org.fiscalscope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fiscalscope.cli.Main;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.tables.StandardTablesReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @TempDir Path dir;

  @Test
  void writesOneFilePerUnitYearAndTheManifest() throws IOException {
    Path keep = Files.writeString(dir.resolve("_README.md"), "kept");
    int exit = Main.run("generate", "--units", "5", "--years", "3", "--last-year", "2023", "--seed", "7",
        "--out", dir.toString());
    assertEquals(0, exit, "generate exits 0");
    List<String> names = names();
    assertEquals(15 + 2, names.size(), "15 documents, the manifest and the kept file: " + names);
    assertTrue(names.contains("BJ0001-2021.json") && names.contains("BJ0005-2023.json"), "files named <code>-<year>.json");
    assertTrue(Files.exists(keep), "other files in --out are kept");

    FinalAccount doc = DocumentJson.read(Files.readAllBytes(dir.resolve("BJ0003-2022.json")));
    assertEquals(2022, doc.fiscalYear(), "fiscal year in the file");
    Manifest manifest = Manifest.read(dir.resolve(Manifest.FILE_NAME));
    assertEquals(15, manifest.documents(), "manifest counts the documents");
    assertEquals(2021, manifest.firstYear(), "manifest states the years");
    assertEquals(7L, manifest.seed(), "manifest states the seed");
    assertEquals(new DistrictGenerator(new GeneratorSpec(5, 3, 2023, 7)).anomalies(), manifest.anomalies(),
        "manifest lists the planted anomalies");
  }

  @Test
  void rerunWithFewerUnitsReplacesTheEarlierDocuments() throws IOException {
    assertEquals(0, Main.run("generate", "--units", "4", "--years", "2", "--out", dir.toString()), "first run");
    assertEquals(0, Main.run("generate", "--units", "2", "--years", "2", "--out", dir.toString()), "second run");
    assertEquals(List.of("BJ0001-2023.json", "BJ0001-2024.json", "BJ0002-2023.json", "BJ0002-2024.json",
        "_manifest.json"), names(), "only the second run's documents remain, no staging folder");
  }

  @Test
  void writesEveryFormatAskedForAndTheTablesReadBack() throws IOException {
    assertEquals(0, Main.run("generate", "--units", "2", "--years", "1", "--out", dir.toString(),
        "--formats", "json,text,xlsx,xls,csv"), "generate exits 0");
    List<String> names = names();
    assertEquals(2 * (4 + 9) + 1, names.size(), "json, text, xlsx, xls and 9 CSV per unit-year: " + names);
    assertTrue(names.containsAll(List.of("BJ0001-2024.json", "BJ0001-2024.txt", "BJ0001-2024.xlsx",
        "BJ0001-2024.xls", "BJ0001-2024-公开01表.csv", "BJ0002-2024-公开09表.csv")), names.toString());
    FinalAccount doc = DocumentJson.read(Files.readAllBytes(dir.resolve("BJ0002-2024.json")));
    for (String workbook : List.of("BJ0002-2024.xlsx", "BJ0002-2024.xls")) {
      StandardTablesReader.Result read = StandardTablesReader.read(List.of(
          new StandardTablesReader.TableFile(workbook, Files.readAllBytes(dir.resolve(workbook)))));
      FinalAccount back = ((StandardTablesReader.Result.Read) read).document();
      assertEquals(doc.unit().name(), back.unit().name(), workbook);
      assertEquals(0, doc.totals().expenditureTotal().compareTo(back.totals().expenditureTotal()), workbook);
      assertEquals(StandardTablesRenderer.functionLines(doc).size(), back.functions().size(), workbook);
    }
    assertEquals(0, Main.run("generate", "--units", "1", "--years", "1", "--out", dir.toString()), "json only");
    assertEquals(List.of("BJ0001-2024.json", "_manifest.json"), names(), "a rerun replaces every generated format");
  }

  @Test
  void writesTheDistrictAsOneDatasetExportWithARowPerUnitYearLineProjectAndIndicator() throws IOException {
    assertEquals(0, Main.run("generate", "--units", "3", "--years", "2", "--out", dir.toString(), "--formats",
        "json,dataset", "--scoring-templates", "--budget-phases", "--headcounts"), "generate exits 0");
    List<String> names = names();
    assertTrue(names.containsAll(List.of("district.unit_year.csv", "district.function_line.csv",
        "district.project.csv", "district.indicator.csv")), names.toString());
    int lines = 0;
    int projects = 0;
    int indicators = 0;
    for (String name : names) {
      if (name.endsWith(".json") && name.startsWith("BJ")) {
        FinalAccount doc = DocumentJson.read(Files.readAllBytes(dir.resolve(name)));
        lines += doc.functions().size();
        projects += doc.performance().projects().size();
        indicators += doc.performance().unitEvaluation().indicators().size();
        for (var p : doc.performance().projects()) {
          indicators += p.indicators().size();
        }
      }
    }
    assertEquals(6, rows("unit_year").size(), "one row per unit-year");
    assertEquals(lines, rows("function_line").size(), "one row per functional line");
    assertEquals(projects, rows("project").size(), "one row per project");
    assertEquals(indicators, rows("indicator").size(), "one row per indicator, the unit's own included");
    List<String> firstRow = List.of(rows("unit_year").get(0).split(",", -1));
    assertEquals(org.fiscalscope.ingest.DatasetTable.of("unit_year").columns().stream()
        .map(org.fiscalscope.ingest.DatasetTable.Column::name).toList(), List.of(Files.readAllLines(
            dir.resolve("district.unit_year.csv")).get(0).split(",")), "the header is the schema's columns");
    assertTrue(firstRow.stream().filter(c -> !c.isEmpty()).count() > 20, "a unit-year's figures fill its row");
    assertEquals(0, Main.run("generate", "--units", "1", "--years", "1", "--out", dir.toString()), "json only");
    assertEquals(List.of("BJ0001-2024.json", "_manifest.json"), names(), "a rerun replaces the dataset export");
  }

  /** The data rows of the generated dataset file of a table. */
  private List<String> rows(String table) throws IOException {
    List<String> all = Files.readAllLines(dir.resolve("district." + table + ".csv"), StandardCharsets.UTF_8);
    return all.subList(1, all.size());
  }

  @Test
  void writesTheDisclosureAsTextAndPdfWhenAsked() throws IOException {
    assertEquals(0, Main.run("generate", "--units", "2", "--years", "1", "--seed", "7", "--formats", "json,text,pdf",
        "--out", dir.toString()), "generate exits 0");
    assertEquals(List.of("BJ0001-2024.json", "BJ0001-2024.pdf", "BJ0001-2024.txt", "BJ0002-2024.json",
        "BJ0002-2024.pdf", "BJ0002-2024.txt", "_manifest.json"), names(), "each unit-year in every format");
    FinalAccount doc = DocumentJson.read(Files.readAllBytes(dir.resolve("BJ0002-2024.json")));
    FinalAccount fromPdf = DisclosureExtractor.extractPdf(Files.readAllBytes(dir.resolve("BJ0002-2024.pdf")), "p.pdf");
    FinalAccount fromText = DisclosureExtractor.extract(Files.readAllBytes(dir.resolve("BJ0002-2024.txt")), "t.txt");
    assertEquals(doc.unit().name(), fromPdf.unit().name(), "the PDF is the unit's disclosure");
    for (FinalAccount read : List.of(fromPdf, fromText)) {
      assertEquals(0, doc.totals().incomeTotal().compareTo(read.totals().incomeTotal()), "income total as generated");
      assertEquals(0, doc.totals().projectExpenditure().compareTo(read.totals().projectExpenditure()),
          "project expenditure as generated");
      assertEquals(doc.performance().projects().size(), read.performance().projects().size(), "every project table");
    }

    assertEquals(0, Main.run("generate", "--units", "1", "--years", "1", "--formats", "pdf", "--out", dir.toString()));
    assertEquals(List.of("BJ0001-2024.pdf", "_manifest.json"), names(), "a re-run replaces every earlier format");
  }

  @Test
  void refusesBadArgumentsWithOneSentence() throws IOException {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(1, Main.run("generate", "--units", "0", "--years", "3", "--out", dir.toString()), "units 0 fails");
      assertEquals(1, Main.run("generate", "--units", "2", "--years", "1", "--last-year", "2999", "--out",
          dir.toString()), "a year that cannot have closed fails");
      Path file = Files.writeString(dir.resolve("plain.txt"), "x");
      assertEquals(1, Main.run("generate", "--units", "2", "--years", "1", "--out", file.toString()), "file as --out fails");
      assertEquals(1, Main.run("generate", "--units", "2", "--years", "1", "--out", dir.toString(), "--formats",
          "json,docx"), "an unknown format fails");
    } finally {
      System.setErr(err);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("[GENERATE_UNITS] --units must be at least 1: got 0; give a positive number of units."),
        "names the bad option and the fix: " + text);
    assertTrue(text.contains("is a file"), "explains a file given as --out: " + text);
    assertTrue(text.contains("--last-year 2999 is after"), "explains a future year: " + text);
    assertTrue(text.contains("unknown format 'docx'; choose from json, text, pdf, xlsx, xls, csv"), text);
    assertFalse(names().stream().anyMatch(n -> n.endsWith(".json")), "nothing written on failure");
  }

  @Test
  void headcountsAreWrittenOnlyWhenAskedForAndReadBackFromTheText() throws IOException {
    assertEquals(0, Main.run("generate", "--units", "3", "--years", "1", "--out", dir.toString(), "--formats",
        "json,text", "--headcounts"), "generate exits 0");
    FinalAccount doc = DocumentJson.read(Files.readAllBytes(dir.resolve("BJ0003-2024.json")));
    assertEquals("事业", doc.unit().kind(), "the third unit of the district is a 事业单位");
    assertTrue(doc.totals().staffActual() > 0 && doc.operatingCosts() == null, "headcounts, no operating costs");
    FinalAccount text = DisclosureExtractor.extract(Files.readAllBytes(dir.resolve("BJ0003-2024.txt")),
        "BJ0003-2024.txt");
    assertEquals(List.of(doc.totals().staffAuthorised(), doc.totals().staffActual(), doc.totals().staffInService()),
        List.of(text.totals().staffAuthorised(), text.totals().staffActual(), text.totals().staffInService()));

    assertEquals(0, Main.run("generate", "--units", "3", "--years", "1", "--out", dir.toString()), "without the option");
    FinalAccount plain = DocumentJson.read(Files.readAllBytes(dir.resolve("BJ0003-2024.json")));
    assertTrue(plain.totals().staffActual() == null, "no headcounts unless asked for");
  }

  @Test
  void helpDescribesTheOptions() {
    PrintStream outStream = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.run("generate", "--help"), "--help exits 0");
    } finally {
      System.setOut(outStream);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    for (String option : List.of("--units", "--years", "--out", "--seed", "--last-year", "--formats", "--headcounts")) {
      assertTrue(text.contains(option), "help lists " + option + ": " + text);
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
