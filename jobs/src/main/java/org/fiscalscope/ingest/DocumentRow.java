package org.fiscalscope.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.lake.Partitions;

/**
 * A canonical document's JSON → its row in the document's Spark schema ({@link DocumentStruct}), the row Spark's
 * {@code from_json} makes of the same text: an absent key or a JSON null is null, a key the schema does not know is
 * skipped, a decimal is rounded half up to its column's scale, a map keeps its keys in order. Read from the text's
 * UTF-8 bytes as they are, one converter per column built once, where {@code from_json} decodes the text to characters
 * and looks up each object's defaults: the parse of every document for silver takes a third to a half less executor
 * CPU (bench/RESULTS.md). Text that is not such a document (a value of another kind than its column's, which a
 * canonical document has not; malformed JSON) gives no row here: {@link #parsed} leaves it to {@code from_json},
 * whose rules for it are its own.
 */
final class DocumentRow {

  private static final Converter DOCUMENT = converter(DocumentStruct.schema());

  private DocumentRow() {}

  /** The row of the document in {@code json} (UTF-8), or null as said above. */
  static InternalRow of(byte[] json) {
    try (JsonParser p = DocumentJson.mapper().getFactory().createParser(json)) {
      if (p.nextToken() == null) {
        return null;
      }
      InternalRow row = (InternalRow) DOCUMENT.read(p);
      // Anything after the document is from_json's to judge.
      return p.nextToken() == null ? row : null;
    } catch (Mismatch | IOException | ArithmeticException e) {
      // ArithmeticException: a decimal wider than its column, which from_json refuses in its own way.
      return null;
    }
  }

  /** Input columns of {@link #parsed}, in this order. */
  private static final List<String> IN = List.of("sha256", "unit_id", "fiscal_year", "run_id", "canonical_json");

  /**
   * Documents with columns {@code sha256, unit_id, fiscal_year, run_id, canonical_json} (others ignored) → the same
   * with {@code doc} instead of the text, each document read by {@link #of} on the executors, those it gives no row
   * parsed by {@code from_json}.
   */
  static Dataset<Row> parsed(Dataset<Row> documents) {
    Dataset<Row> in = documents.select(IN.stream().map(functions::col).toArray(Column[]::new));
    // The keys as they come in, the document's row, and its text where that is null.
    StructType out = new StructType(Arrays.copyOf(in.schema().fields(), IN.size() - 1))
        .add("doc", DocumentStruct.schema())
        .add("unparsed_json", DataTypes.StringType);
    RDD<InternalRow> rows = in.queryExecution().toRdd().toJavaRDD()
        .mapPartitions((FlatMapFunction<Iterator<InternalRow>, InternalRow>) it -> Partitions.eachMapped(it, r -> {
          UTF8String json = r.isNullAt(4) ? null : r.getUTF8String(4);
          InternalRow doc = json == null ? null : of(json.getBytes());
          // The row's own strings are copied: Spark reuses the buffer of the row it hands over.
          return new GenericInternalRow(new Object[] {copy(r, 0), copy(r, 1), r.isNullAt(2) ? null : r.getInt(2),
              copy(r, 3), doc, doc == null && json != null ? json.copy() : null});
        })).rdd();
    // Rows of Spark's own types given as they are, as its file sources give theirs: through Spark's conversion of
    // external rows a document's row cost more than from_json.
    Dataset<Row> read = ((org.apache.spark.sql.classic.SparkSession) documents.sparkSession())
        .internalCreateDataFrame(rows, out, false);
    return read.select(functions.col("sha256"), functions.col("unit_id"), functions.col("fiscal_year"),
        functions.col("run_id"), functions.coalesce(functions.col("doc"),
            functions.from_json(functions.col("unparsed_json"), DocumentStruct.schema())).as("doc"));
  }

  private static UTF8String copy(InternalRow r, int i) {
    return r.isNullAt(i) ? null : r.getUTF8String(i).copy();
  }

  /** Reads one value whose first token is the parser's current one, leaving the parser on its last token. */
  @FunctionalInterface
  private interface Converter {
    Object read(JsonParser p) throws IOException;
  }

  /** A value of another kind than its column's. */
  private static final class Mismatch extends RuntimeException {
    private static final Mismatch INSTANCE = new Mismatch();

    private Mismatch() {
      super(null, null, false, false);
    }
  }

  private static Converter converter(DataType type) {
    if (type instanceof StructType s) {
      return struct(s);
    }
    if (type instanceof ArrayType a) {
      Converter element = converter(a.elementType());
      return p -> {
        if (expect(p, JsonToken.START_ARRAY)) {
          return null;
        }
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(element.read(p));
        }
        return new GenericArrayData(items.toArray());
      };
    }
    if (type instanceof MapType m && m.keyType() instanceof StringType) {
      Converter value = converter(m.valueType());
      return p -> {
        if (expect(p, JsonToken.START_OBJECT)) {
          return null;
        }
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          keys.add(UTF8String.fromString(p.currentName()));
          p.nextToken();
          values.add(value.read(p));
        }
        return new ArrayBasedMapData(new GenericArrayData(keys.toArray()), new GenericArrayData(values.toArray()));
      };
    }
    if (type instanceof DecimalType d) {
      return p -> switch (p.currentToken()) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Decimal.apply(p.getDecimalValue(), d.precision(), d.scale());
        default -> throw Mismatch.INSTANCE;
      };
    }
    if (type instanceof IntegerType) {
      return p -> switch (p.currentToken()) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_INT -> {
          // from_json takes a whole number that fits an INT; the others fail it.
          if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() != (int) p.getLongValue()) {
            throw Mismatch.INSTANCE;
          }
          yield p.getIntValue();
        }
        default -> throw Mismatch.INSTANCE;
      };
    }
    if (type instanceof StringType) {
      return p -> switch (p.currentToken()) {
        case VALUE_NULL -> null;
        case VALUE_STRING -> UTF8String.fromString(p.getText());
        default -> throw Mismatch.INSTANCE;
      };
    }
    throw new IllegalArgumentException("no reading of " + type.simpleString() + " into a document row");
  }

  private static Converter struct(StructType s) {
    Map<String, Integer> index = new HashMap<>();
    Converter[] fields = new Converter[s.size()];
    for (int i = 0; i < fields.length; i++) {
      index.put(s.fields()[i].name(), i);
      fields[i] = converter(s.fields()[i].dataType());
    }
    return p -> {
      if (expect(p, JsonToken.START_OBJECT)) {
        return null;
      }
      GenericInternalRow row = new GenericInternalRow(fields.length);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Integer i = index.get(p.currentName());
        p.nextToken();
        if (i == null) {
          p.skipChildren();
        } else {
          row.update(i, fields[i].read(p));
        }
      }
      return row;
    };
  }

  /** True for a JSON null; nothing for {@code start}; else the value is of another kind. */
  private static boolean expect(JsonParser p, JsonToken start) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return true;
    }
    if (p.currentToken() != start) {
      throw Mismatch.INSTANCE;
    }
    return false;
  }
}
