package org.fiscalscope.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.ingest.DocumentStruct;
import org.junit.jupiter.api.Test;

/**
 * The field catalogue against everything that declares the document's fields outside it: the document's records (as
 * JSON maps them), the JSON Schema in schemas/final-account.schema.json, and the Spark struct derived from the
 * catalogue. A field added to one and not to the others fails here, naming it.
 */
class CatalogueTest {

  @Test
  void theStructDerivedFromTheCatalogueIsTheStructOfTheRecords() {
    StructType fromRecords = (StructType) recordType(FinalAccount.class);
    assertEquals(fromRecords.treeString(), DocumentStruct.schema().treeString(),
        "the catalogue's fields, their order and types are those of the document's records");
    assertEquals(fromRecords, DocumentStruct.schema());
  }

  @Test
  void everyFieldOfTheJsonSchemaIsInTheCatalogueWithItsMeasure() throws IOException {
    JsonNode schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/final-account.schema.json")) {
      schema = DocumentJson.mapper().readTree(in);
    }
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    leaves(schema, schema, "", leaves);
    Set<String> declared = new TreeSet<>(leaves.keySet());
    Set<String> catalogued = new TreeSet<>();
    Fields.all().forEach(f -> catalogued.add(f.path().pattern()));
    assertEquals(Set.of(), minus(declared, catalogued), "fields of the JSON Schema missing from the catalogue");
    assertEquals(Set.of(), minus(catalogued, declared), "fields of the catalogue missing from the JSON Schema");
    for (Field f : Fields.all()) {
      JsonNode leaf = leaves.get(f.path().pattern());
      String ref = leaf.path("$ref").asText("");
      Set<String> types = types(resolve(schema, leaf));
      String expectedRef = switch (f.measure()) {
        case AMOUNT -> "#/$defs/amount";
        case SIGNED_AMOUNT -> "#/$defs/signed_amount";
        case RATE -> "#/$defs/rate_pct";
        case SIGNED_RATE -> "#/$defs/signed_pct";
        case SCORE -> "#/$defs/score";
        case COUNT -> "#/$defs/count";
        default -> null;
      };
      if (expectedRef != null) {
        assertEquals(expectedRef, ref, f.name() + " " + f + " is a " + f.measure());
      }
      Set<String> expectedTypes = switch (f.measure().value()) {
        case DECIMAL -> Set.of("number");
        case WHOLE -> Set.of("integer");
        case TEXT -> f.measure() == Measure.PRINTED ? Set.of("string", "number") : Set.of("string");
      };
      types.remove("null");
      assertEquals(expectedTypes, types, f.name() + " " + f + " is a " + f.measure());
    }
  }

  @Test
  void fieldsAreNamedPlacedAndLabelled() {
    for (Field f : Fields.all()) {
      assertNotNull(f.name(), f.toString());
      assertTrue(!f.zh().isBlank() && !f.en().isBlank(), f.name());
      assertEquals(f, Fields.ofPattern(f.path().pattern()));
      int[] positions = new int[f.lists()];
      java.util.Arrays.fill(positions, 2);
      if (f.category() != Category.PROVENANCE) {
        FieldAt at = Fields.at(f.pointer(positions));
        assertEquals(f, at.field(), f.name());
        assertEquals(f.pointer(positions), at.pointer());
      }
    }
    assertEquals("/performance/projects/6/execution_rate_pct", FieldAt.of(Fields.PROJECT_EXECUTION_RATE_PCT, 6).pointer());
    assertEquals("/performance/projects/1/indicators/0/score", FieldAt.of(Fields.PROJECT_INDICATOR_SCORE, 1, 0).pointer());
    assertEquals(List.of("/functions/", "/actual"), Fields.FUNCTION_ACTUAL.path().parts());
    assertEquals(Fields.THREE_PUBLIC_ACTUAL_RECEPTION,
        Fields.threePublic(ThreePublicSide.ACTUAL, ThreePublicCategory.RECEPTION));
    assertEquals("/three_public/actual/reception", Fields.THREE_PUBLIC_ACTUAL_RECEPTION.pointer());
    assertEquals("three_public_budget_vehicle_purchase", Fields.THREE_PUBLIC_BUDGET_VEHICLE_PURCHASE.silver().column());
    assertEquals(Fields.UNIT_EVAL_BUDGET, Fields.inUnitEvaluation(Fields.PROJECT_BUDGET));
    assertEquals(Fields.UNIT_INDICATOR_SCORE, Fields.inUnitEvaluation(Fields.PROJECT_INDICATOR_SCORE));
    assertEquals(Fields.PROJECT_INDICATOR_TARGET, Fields.inProject(Fields.UNIT_INDICATOR_TARGET));
    assertNull(Fields.at("/totals"), "a part is not a field");
    assertNull(Fields.at("/totals/income_totl"));
    assertNull(Fields.at("/functions/x/actual"));
  }

  static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  /** Every leaf of a JSON Schema by pattern ({@code *} for list items and map values), each $ref resolved on the way. */
  private static void leaves(JsonNode root, JsonNode node, String at, Map<String, JsonNode> out) {
    JsonNode n = resolve(root, node);
    Set<String> types = types(n);
    if (n.has("properties")) {
      n.get("properties").fields().forEachRemaining(e -> leaves(root, e.getValue(), at + "/" + e.getKey(), out));
      if (n.path("additionalProperties").isObject()) {
        leaves(root, n.get("additionalProperties"), at + "/*", out);
      }
    } else if (n.path("additionalProperties").isObject()) {
      leaves(root, n.get("additionalProperties"), at + "/*", out);
    } else if (types.contains("array")) {
      leaves(root, n.get("items"), at + "/*", out);
    } else {
      out.put(at, node);
    }
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    String ref = node.path("$ref").asText(null);
    return ref == null ? node : root.at(ref.substring(1));
  }

  private static Set<String> types(JsonNode n) {
    Set<String> types = new TreeSet<>();
    JsonNode t = n.path("type");
    if (t.isTextual()) {
      types.add(t.asText());
    }
    t.forEach(x -> types.add(x.asText()));
    return types;
  }

  /** The Spark type the document's records map to, by the JSON names Jackson gives their components. */
  static DataType recordType(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return DataTypes.createArrayType(recordType(args[0]), true);
      }
      return DataTypes.createMapType(recordType(args[0]), recordType(args[1]), true);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return DataTypes.StringType;
    }
    if (c == Integer.class) {
      return DataTypes.IntegerType;
    }
    if (c == BigDecimal.class) {
      return DocumentStruct.AMOUNT;
    }
    List<StructField> fields = new ArrayList<>();
    for (RecordComponent rc : c.getRecordComponents()) {
      fields.add(DataTypes.createStructField(jsonName(rc), recordType(rc.getGenericType()), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static String jsonName(RecordComponent rc) {
    com.fasterxml.jackson.annotation.JsonProperty named =
        rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
    if (named == null) {
      named = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
    }
    return named != null && !named.value().isEmpty() ? named.value()
        : com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(rc.getName());
  }
}
