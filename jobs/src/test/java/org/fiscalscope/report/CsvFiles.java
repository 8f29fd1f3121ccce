package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads exported CSV files the way their users' tools do and asserts what every export promises: Python's csv module
 * (check_csv.py) and Commons CSV in strict RFC 4180 both find the header's width on every row, the file starts with
 * the UTF-8 byte-order mark, and no text cell starts with = + - or @.
 */
public final class CsvFiles {

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private CsvFiles() {}

  /** Runs check_csv.py with python3 over the files; fails the test with its report unless every file passes. */
  public static void checkWithPython(List<Path> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", script().toString()));
    files.forEach(f -> command.add(f.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "check_csv.py finished");
    assertEquals(0, p.exitValue(), "Python's csv module reads every file cleanly:\n" + out);
    assertEquals(files.size(), out.lines().filter(l -> l.startsWith("ok ")).count(), out);
  }

  /**
   * The records of a file, parsed by Commons CSV in strict RFC 4180 (header first), after asserting the BOM, the
   * header's width on every record and that no text cell starts with = + - or @.
   */
  public static List<CSVRecord> parse(Path file) throws IOException {
    return parse(file.toString(), Files.readAllBytes(file));
  }

  public static List<CSVRecord> parse(String name, byte[] content) throws IOException {
    String text = new String(content, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFF"), name + " starts with the UTF-8 byte-order mark");
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
      records = parser.getRecords();
    }
    assertFalse(records.isEmpty(), name + " has a header");
    int width = records.get(0).size();
    for (CSVRecord r : records) {
      assertEquals(width, r.size(), name + " record " + r.getRecordNumber() + " has the header's width: " + r);
      for (String cell : r) {
        if (!NUMBER.matcher(cell).matches()) {
          assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0,
              name + " record " + r.getRecordNumber() + ": text cell " + cell + " would start a formula");
        }
      }
    }
    return records;
  }

  private static Path script() {
    try {
      return Path.of(CsvFiles.class.getResource("/csv/check_csv.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
