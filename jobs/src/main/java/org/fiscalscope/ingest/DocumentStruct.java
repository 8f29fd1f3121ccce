package org.fiscalscope.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.document.DocPath;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Measure;

/**
 * The Spark schema of the canonical document, derived from the field catalogue: each field's path makes the nested
 * structs, lists and maps, its measure the column type — amounts, rates and scores DECIMAL(18,4), counts, years and
 * positions INT, text STRING — every field nullable, in catalogue (document) order. {@link #row} puts a document into
 * it on the executor that read it, as {@code from_json} of its canonical JSON would.
 */
public final class DocumentStruct {

  public static final DataType AMOUNT = DataTypes.createDecimalType(18, 4);
  private static final StructType SCHEMA = (StructType) of(Fields.all());

  private DocumentStruct() {}

  public static StructType schema() {
    return SCHEMA;
  }

  /**
   * The document as a row of {@link #schema()}: what {@code from_json} makes of its canonical JSON (a value of another
   * JSON type than its column's, or a decimal beyond the column's precision, is null; amounts rounded half up to the
   * column's scale; keys the schema does not name left out), without writing that JSON and parsing it again — a
   * tenth of a first load's executor time went to from_json.
   */
  public static Row row(FinalAccount doc) {
    return (Row) value(DocumentJson.tree(doc), SCHEMA);
  }

  private static Object value(JsonNode node, DataType type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (type instanceof StructType struct) {
      if (!node.isObject()) {
        return null;
      }
      StructField[] fields = struct.fields();
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = value(node.get(fields[i].name()), fields[i].dataType());
      }
      return RowFactory.create(values);
    }
    if (type instanceof ArrayType array) {
      if (!node.isArray()) {
        return null;
      }
      List<Object> items = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        items.add(value(item, array.elementType()));
      }
      return scala.jdk.javaapi.CollectionConverters.asScala(items).toSeq();
    }
    if (type instanceof MapType map) {
      if (!node.isObject()) {
        return null;
      }
      Map<String, Object> entries = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        entries.put(e.getKey(), value(e.getValue(), map.valueType()));
      }
      return scala.jdk.javaapi.CollectionConverters.asScala(entries);
    }
    if (type instanceof DecimalType decimal) {
      if (!node.isNumber()) {
        return null;
      }
      BigDecimal scaled = node.decimalValue().setScale(decimal.scale(), RoundingMode.HALF_UP);
      return scaled.precision() > decimal.precision() ? null : scaled;
    }
    if (type == DataTypes.IntegerType) {
      return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** The column type of a measure. */
  public static DataType type(Measure measure) {
    return switch (measure.value()) {
      case DECIMAL -> AMOUNT;
      case WHOLE -> DataTypes.IntegerType;
      case TEXT -> DataTypes.StringType;
    };
  }

  /** One level of the document: the keys of an object in order, or what a list's items or a map's values are. */
  private static final class Node {
    final Map<String, Node> keys = new LinkedHashMap<>();
    Node element;
    boolean isList;
    DataType leaf;

    Node child(DocPath step) {
      if (step.isKey()) {
        return keys.computeIfAbsent(step.name(), k -> new Node());
      }
      isList = step.isItem();
      if (element == null) {
        element = new Node();
      }
      return element;
    }

    DataType type() {
      if (leaf != null) {
        return leaf;
      }
      if (element != null) {
        DataType of = element.type();
        return isList ? DataTypes.createArrayType(of, true) : DataTypes.createMapType(DataTypes.StringType, of, true);
      }
      return DataTypes.createStructType(keys.entrySet().stream()
          .map(e -> DataTypes.createStructField(e.getKey(), e.getValue().type(), true)).toArray(StructField[]::new));
    }
  }

  private static DataType of(List<Field> fields) {
    Node root = new Node();
    for (Field f : fields) {
      Node at = root;
      for (DocPath step : f.path().steps()) {
        at = at.child(step);
      }
      at.leaf = type(f.measure());
    }
    return root.type();
  }
}
