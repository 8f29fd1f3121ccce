package org.fiscalscope.tables;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fiscalscope.extract.TextDecoder;
import org.fiscalscope.problem.Problem;

/**
 * A CSV export of one standard table as a {@link Grid}: UTF-8 (with or without BOM), UTF-16 with BOM or GBK/GB18030,
 * comma-, semicolon- or tab-separated, quoted per RFC 4180. A CSV file has no merged cells: a header spanning several
 * columns is written once, in its first column.
 */
final class CsvGrid {

  private CsvGrid() {}

  static Grid read(String fileName, byte[] content) {
    String text = TextDecoder.plainText(content);
    if (text == null) {
      throw Problem.TABLES_CSV_NOT_TEXT.failure();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).get();
    List<String[]> rows = new ArrayList<>();
    int width = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        if (rows.size() >= WorkbookGrids.MAX_ROWS) {
          throw Problem.TABLES_CSV_TOO_LONG.failure(WorkbookGrids.MAX_ROWS);
        }
        String[] cells = new String[Math.min(record.size(), WorkbookGrids.MAX_COLUMNS)];
        for (int c = 0; c < cells.length; c++) {
          cells[c] = record.get(c).strip();
        }
        width = Math.max(width, cells.length);
        rows.add(cells);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw Problem.TABLES_CSV_MALFORMED.failure(e.getMessage());
    }
    List<String[]> cells = new ArrayList<>(rows.size());
    List<BigDecimal[]> numbers = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      String[] full = Arrays.copyOf(row, width);
      for (int c = row.length; c < width; c++) {
        full[c] = "";
      }
      cells.add(full);
      numbers.add(new BigDecimal[width]);
    }
    return new Grid(fileName, false, cells, numbers);
  }

  /** The separator of the first lines: the most frequent of comma, tab and semicolon outside quotes. */
  private static char delimiter(String text) {
    String head = text.substring(0, Math.min(text.length(), 4096)).replaceAll("\"[^\"]*\"", "");
    long commas = head.chars().filter(ch -> ch == ',').count();
    long tabs = head.chars().filter(ch -> ch == '\t').count();
    long semicolons = head.chars().filter(ch -> ch == ';').count();
    if (tabs > commas && tabs >= semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }
}
