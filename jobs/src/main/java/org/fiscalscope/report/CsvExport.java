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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * CSV that spreadsheets open safely, for the report's exports and {@code sql --format csv}: RFC 4180 (a field with a
 * comma, quote or line break is quoted, quotes doubled, records end in CRLF), UTF-8 with a byte-order mark (without
 * one, Excel on Chinese Windows reads UTF-8 as GBK), and every text cell that a spreadsheet would take for a formula
 * — one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — prefixed with {@code '},
 * so Excel and WPS show it as text instead of running it. Numbers of numeric columns, negative ones too, stay numbers.
 * Rows stream to the output one partition at a time ({@code toLocalIterator}), so a table never has to fit the driver.
 */
public final class CsvExport {

  /** RFC 4180: comma, double quote, quotes doubled inside quoted fields, CRLF after every record. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180;
  /** The UTF-8 byte-order mark every file starts with. */
  public static final char BOM = '\uFEFF';

  /** What a numeric column prints: Spark's string form of an integer, decimal or floating-point number. */
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private CsvExport() {}

  /**
   * Writes the BOM, a header of the column names and every row to {@code out} (flushed, left open). Nested columns
   * (maps, arrays, structs) are written as JSON, binary ones as Base64.
   */
  public static void write(Dataset<Row> rows, OutputStream out) throws IOException {
    write(rows, out, null);
  }

  /**
   * As {@link #write(Dataset, OutputStream)}, and hands every row, with its values as Spark gives them, to
   * {@code alongside} (when not null) in the same pass: a table read once for its CSV and its workbook sheet.
   */
  public static void write(Dataset<Row> rows, OutputStream out, java.util.function.Consumer<Row> alongside)
      throws IOException {
    StructType schema = rows.schema();
    int width = schema.fields().length;
    boolean[] numeric = new boolean[width];
    String[] record = new String[width];
    for (int i = 0; i < width; i++) {
      numeric[i] = schema.fields()[i].dataType() instanceof NumericType;
      record[i] = cell(schema.fields()[i].name(), false);
    }
    // Flushed, never closed: the caller owns the stream.
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writer.write(BOM);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord((Object[]) record);
    // With a row consumer, each row is its values followed by their text (so the values keep their positions).
    int text = alongside == null ? 0 : width;
    Iterator<Row> it = asText(rows, alongside != null).toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      for (int i = 0; i < width; i++) {
        record[i] = r.isNullAt(text + i) ? null : cell(r.getString(text + i), numeric[i]);
      }
      printer.printRecord((Object[]) record);
      if (alongside != null) {
        alongside.accept(r);
      }
    }
    printer.flush();
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
    if (text == null || text.isEmpty()) {
      return false;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }

  /**
   * Every column as its string form: JSON for nested values, Base64 for bytes, Spark's cast for the rest; after the
   * columns as they are when {@code withValues}.
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
