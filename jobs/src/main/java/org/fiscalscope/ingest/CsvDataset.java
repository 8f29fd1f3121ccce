package org.fiscalscope.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Text;

/**
 * The bytes of one dataset CSV file → its data rows, each with the row number a spreadsheet shows for it (the
 * header is row 1; a line break inside a quoted cell does not start a row; blank rows count but hold nothing).
 * UTF-8 (with or without byte-order mark) or GBK/GB18030, comma-separated, a header row naming the columns.
 * Parsed with univocity, the CSV parser Spark's own reader uses, because Spark's reader cannot say which row of
 * the file a record was. Pure Java, run on executors, one file at a time.
 */
final class CsvDataset {

  private static final Charset GB18030 = Charset.forName("GB18030");

  /** One data row: its spreadsheet row number and its cells by column name (unnamed columns as {@code #n}). */
  record DataRow(long number, Map<String, String> cells) {}

  /** The rows of a file, or why the file as a whole is refused ({@code rows} is then empty). */
  record Parsed(List<DataRow> rows, Reason refusal) {

    /** Why the file is refused, as a sentence, or null. */
    String problem() {
      return refusal == null ? null : refusal.en();
    }
  }

  private CsvDataset() {}

  static Parsed parse(byte[] content, DatasetTable table) {
    String text = decode(content);
    if (text == null) {
      return refused(Problem.DATASET_NOT_TEXT.with());
    }
    CsvParser parser = new CsvParser(settings());
    parser.beginParsing(new StringReader(text));
    try {
      String[] header = parser.parseNext();
      if (header == null || blank(header)) {
        return refused(Problem.DATASET_NO_HEADER.with(table.schemaFile()));
      }
      List<String> names = new ArrayList<>();
      int named = 0;
      for (int i = 0; i < header.length; i++) {
        String n = DatasetTable.normalisedColumnName(header[i]);
        names.add(n);
        if (!n.isEmpty()) {
          named = i + 1;
        }
      }
      for (int i = 0; i < named; i++) {
        if (names.get(i).isEmpty()) {
          return refused(Problem.DATASET_UNNAMED_COLUMN.with(i + 1));
        }
      }
      Text problem = table.headerProblem(names.subList(0, named));
      if (problem != null) {
        return refused(Problem.DATASET_BAD_HEADER.with(problem, table.schemaFile()));
      }
      List<DataRow> rows = new ArrayList<>();
      String[] record;
      while ((record = parser.parseNext()) != null) {
        if (blank(record)) {
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < record.length; i++) {
          cells.put(i < named ? names.get(i) : "#" + (i + 1), record[i]);
        }
        rows.add(new DataRow(parser.getContext().currentRecord(), cells));
      }
      if (rows.isEmpty()) {
        return refused(Problem.DATASET_NO_ROWS.with());
      }
      return new Parsed(rows, null);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
      return refused(Problem.DATASET_CSV_MALFORMED.with(parser.getContext().currentRecord(), why));
    } finally {
      parser.stopParsing();
    }
  }

  private static CsvParserSettings settings() {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(',');
    s.getFormat().setQuote('"');
    s.getFormat().setQuoteEscape('"');
    s.getFormat().setComment('\0');
    s.setLineSeparatorDetectionEnabled(true);
    s.setHeaderExtractionEnabled(false);
    s.setSkipEmptyLines(false);
    s.setMaxCharsPerColumn(-1);
    s.setMaxColumns(1024);
    s.setNullValue(null);
    s.setEmptyValue("");
    return s;
  }

  private static Parsed refused(Reason problem) {
    return new Parsed(List.of(), problem);
  }

  private static boolean blank(String[] record) {
    for (String v : record) {
      if (v != null && !v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 (a byte-order mark dropped), else GB18030 (which GBK exports are), else null. */
  static String decode(byte[] b) {
    boolean bom = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    String utf8 = strict(ByteBuffer.wrap(b, bom ? 3 : 0, b.length - (bom ? 3 : 0)), StandardCharsets.UTF_8);
    return utf8 != null || bom ? utf8 : strict(ByteBuffer.wrap(b), GB18030);
  }

  private static String strict(ByteBuffer bytes, Charset charset) {
    try {
      String s = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
      return s.indexOf('\u0000') >= 0 ? null : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
