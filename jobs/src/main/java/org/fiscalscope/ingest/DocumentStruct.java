package org.fiscalscope.ingest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.document.DocPath;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Measure;

/**
 * The Spark schema of the canonical document, derived from the field catalogue: each field's path makes the nested
 * structs, lists and maps, its measure the column type — amounts, rates and scores DECIMAL(18,4), counts, years and
 * positions INT, text STRING — every field nullable, in catalogue (document) order.
 */
public final class DocumentStruct {

  public static final DataType AMOUNT = DataTypes.createDecimalType(18, 4);
  private static final StructType SCHEMA = (StructType) of(Fields.all());

  private DocumentStruct() {}

  public static StructType schema() {
    return SCHEMA;
  }

  /** Fields of the document's schema, those of nested structs, list items and map keys and values counted as Spark counts them. */
  public static int nestedFields() {
    return nestedFields(SCHEMA);
  }

  private static int nestedFields(DataType type) {
    if (type instanceof StructType s) {
      return Arrays.stream(s.fields()).mapToInt(f -> nestedFields(f.dataType())).sum();
    }
    if (type instanceof ArrayType a) {
      return nestedFields(a.elementType());
    }
    if (type instanceof MapType m) {
      return nestedFields(m.keyType()) + nestedFields(m.valueType());
    }
    return 1;
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
