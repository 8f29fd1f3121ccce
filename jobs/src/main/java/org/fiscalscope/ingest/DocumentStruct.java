package org.fiscalscope.ingest;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.document.FinalAccount;

/**
 * The Spark schema of the canonical document, derived from its records so the two cannot drift:
 * BigDecimal → DECIMAL(18,4), Integer → INT, String → STRING, lists → arrays, maps → maps, snake_case names.
 */
public final class DocumentStruct {

  public static final DataType AMOUNT = DataTypes.createDecimalType(18, 4);
  private static final StructType SCHEMA = (StructType) of(FinalAccount.class);

  private DocumentStruct() {}

  public static StructType schema() {
    return SCHEMA;
  }

  private static DataType of(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return DataTypes.createArrayType(of(args[0]), true);
      }
      if (Map.class.isAssignableFrom(raw)) {
        return DataTypes.createMapType(of(args[0]), of(args[1]), true);
      }
      throw new IllegalArgumentException("unsupported document type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return DataTypes.StringType;
    }
    if (c == Integer.class) {
      return DataTypes.IntegerType;
    }
    if (c == BigDecimal.class) {
      return AMOUNT;
    }
    if (c.isRecord()) {
      List<StructField> fields = new ArrayList<>();
      for (RecordComponent rc : c.getRecordComponents()) {
        fields.add(DataTypes.createStructField(jsonName(rc), of(rc.getGenericType()), true));
      }
      return DataTypes.createStructType(fields);
    }
    throw new IllegalArgumentException("unsupported document type " + c);
  }

  /** The JSON key Jackson uses for a component: its {@code @JsonProperty} name, else the snake_case of its name. */
  static String jsonName(RecordComponent rc) {
    com.fasterxml.jackson.annotation.JsonProperty named = annotation(rc);
    if (named != null && !named.value().isEmpty()) {
      return named.value();
    }
    return com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(rc.getName());
  }

  private static com.fasterxml.jackson.annotation.JsonProperty annotation(RecordComponent rc) {
    com.fasterxml.jackson.annotation.JsonProperty a = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
    return a != null ? a : rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
  }
}
