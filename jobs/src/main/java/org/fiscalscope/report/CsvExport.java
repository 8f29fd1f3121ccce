package org.fiscalscope.report;

import static org.apache.spark.sql.functions.base64;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.lake.Partitions;

/**
 * CSV that spreadsheets open safely, for the report's exports and {@code sql --format csv}: RFC 4180 (a field with a
 * comma, quote or line break is quoted, quotes doubled, records end in CRLF), UTF-8 with a byte-order mark (without
 * one, Excel on Chinese Windows reads UTF-8 as GBK), and every text cell that a spreadsheet would take for a formula
 * — one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — prefixed with {@code '},
 * so Excel and WPS show it as text instead of running it. Numbers of numeric columns, negative ones too, stay numbers.
 *
 * <p>Records are printed by Commons CSV ({@link #FORMAT}), each row's where the row is ({@link Printer}), so a table's
 * records can be written by its tasks side by side (the report's exports) or streamed to the driver one partition at a
 * time ({@link #write}); a table never has to fit the driver.
 */
public final class CsvExport {

  /** RFC 4180: comma, double quote, quotes doubled inside quoted fields, CRLF after every record. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180;
  /** The UTF-8 byte-order mark every file starts with. */
  public static final char BOM = '\uFEFF';
  /** What ends every record. */
  public static final String RECORD_END = FORMAT.getRecordSeparator();
  /** The column {@link #lines} puts each row's record in. */
  public static final String LINE = "line";

  /** What a numeric column prints: Spark's string form of an integer, decimal or floating-point number. */
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /** The first characters that make a spreadsheet take a text for a formula. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvExport() {}

  /**
   * Writes the BOM, a header of the column names and every row to {@code out} (flushed, left open). Nested columns
   * (maps, arrays, structs) are written as JSON, binary ones as Base64.
   */
  public static void write(Dataset<Row> rows, OutputStream out) throws IOException {
    // Flushed, never closed: the caller owns the stream.
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writer.write(head(rows.schema()));
    Iterator<String> it = lines(rows).toLocalIterator();
    while (it.hasNext()) {
      writer.write(it.next());
      writer.write(RECORD_END);
    }
    writer.flush();
  }

  /** What a file of rows of this schema starts with: the BOM and the header record (the column names) with its end. */
  public static String head(StructType schema) throws IOException {
    StringBuilder head = new StringBuilder().append(BOM);
    try (CSVPrinter printer = new CSVPrinter(head, FORMAT)) {
      printer.printRecord(java.util.Arrays.stream(schema.fieldNames()).map(name -> cell(name, false)));
    }
    return head.toString();
  }

  /**
   * Each row's CSV record without its end, one string per row (column {@link #LINE}), printed by Commons CSV where the
   * row is ({@link Printer}).
   */
  public static Dataset<String> lines(Dataset<Row> rows) {
    return asText(rows, false).mapPartitions(new Records(numeric(rows.schema())), Encoders.STRING()).toDF(LINE)
        .as(Encoders.STRING());
  }

  /** Which columns of the schema are numeric (their numbers are written as they are, see {@link #cell}). */
  static boolean[] numeric(StructType schema) {
    boolean[] numeric = new boolean[schema.fields().length];
    for (int i = 0; i < numeric.length; i++) {
      numeric[i] = schema.fields()[i].dataType() instanceof NumericType;
    }
    return numeric;
  }

  /**
   * The rows' values as they are (columns 0 to n - 1) followed by the text of their cells (n to 2n - 1), for a task
   * that prints the records ({@link Printer} from column n) and keeps some of the values.
   */
  static Dataset<Row> withText(Dataset<Row> rows) {
    return asText(rows, true);
  }

  /**
   * Prints the records of rows whose cells' text starts at a column ({@link #asText}): each cell as {@link #cell}
   * gives it, null ones empty. Not thread-safe: one per task.
   */
  static final class Printer {
    private final CSVPrinter printer;
    private final boolean[] numeric;
    private final int offset;
    private final String[] record;

    Printer(Appendable out, boolean[] numeric, int offset) throws IOException {
      this.printer = new CSVPrinter(out, FORMAT);
      this.numeric = numeric;
      this.offset = offset;
      this.record = new String[numeric.length];
    }

    /** Appends the row's record and its end. */
    void print(Row r) throws IOException {
      for (int i = 0; i < record.length; i++) {
        record[i] = r.isNullAt(offset + i) ? null : cell(r.getString(offset + i), numeric[i]);
      }
      printer.printRecord((Object[]) record);
    }

    void flush() throws IOException {
      printer.flush();
    }
  }

  /** Prints each row of text cells as its CSV record without the record's end; runs on the executors. */
  private record Records(boolean[] numeric) implements MapPartitionsFunction<Row, String> {
    @Override
    public Iterator<String> call(Iterator<Row> rows) throws IOException {
      StringBuilder line = new StringBuilder();
      Printer printer = new Printer(line, numeric, 0);
      int end = RECORD_END.length();
      return Partitions.eachMapped(rows, r -> {
        line.setLength(0);
        try {
          printer.print(r);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return line.substring(0, line.length() - end);
      });
    }
  }

  /**
   * One cell as written: a number of a numeric column as it is; any other value (text, or what a numeric column
   * prints that is not a plain number, such as {@code -Infinity}) with {@code '} before a leading {@code =}, {@code +},
   * {@code -}, {@code @}, tab or carriage return.
   */
  public static String cell(String value, boolean isNumericColumn) {
    if (value == null || value.isEmpty() || isNumericColumn && NUMBER.matcher(value).matches()) {
      return value;
    }
    return startsLikeFormula(value) ? "'" + value : value;
  }

  /**
   * Whether a spreadsheet would take this text for a formula: it starts with {@code =}, {@code +}, {@code -},
   * {@code @}, a tab or a carriage return. The rule the CSV files and the workbook's text cells share.
   */
  public static boolean startsLikeFormula(String text) {
    return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
  }

  /**
   * Every column as its string form, named by position: JSON for nested values, Base64 for bytes, Spark's cast for the
   * rest; after the columns as they are when {@code withValues}.
   */
  private static Dataset<Row> asText(Dataset<Row> rows, boolean withValues) {
    StructType schema = rows.schema();
    int width = schema.fields().length;
    String[] positional = new String[width];
    for (int i = 0; i < width; i++) {
      positional[i] = "c" + i;
    }
    Dataset<Row> renamed = rows.toDF(positional);
    int text = withValues ? width : 0;
    Column[] cols = new Column[text + width];
    for (int i = 0; i < width; i++) {
      DataType type = schema.fields()[i].dataType();
      Column c = col(positional[i]);
      if (withValues) {
        cols[i] = c;
      }
      cols[text + i] = (type instanceof MapType || type instanceof ArrayType || type instanceof StructType ? to_json(c)
          : type instanceof BinaryType ? base64(c) : c.cast("string")).as("t" + i);
    }
    return renamed.select(cols);
  }
}
