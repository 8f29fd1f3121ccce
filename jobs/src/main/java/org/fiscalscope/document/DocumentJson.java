package org.fiscalscope.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON (de)serialisation of the canonical document: snake_case keys, exact decimals, absent figures omitted. */
public final class DocumentJson {

  /** Nesting deeper than this is refused before it can exhaust the stack. */
  public static final int MAX_NESTING_DEPTH = 64;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(40).build());
  }

  private DocumentJson() {}

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static FinalAccount read(byte[] json) throws IOException {
    return MAPPER.readValue(json, FinalAccount.class);
  }

  public static FinalAccount read(String json) throws IOException {
    return MAPPER.readValue(json, FinalAccount.class);
  }

  public static JsonNode tree(FinalAccount doc) {
    return MAPPER.valueToTree(doc);
  }

  public static FinalAccount fromTree(JsonNode node) throws IOException {
    return MAPPER.treeToValue(node, FinalAccount.class);
  }

  /** Compact JSON, keys in record order. */
  public static String write(FinalAccount doc) {
    try {
      return MAPPER.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON for files people read. */
  public static String writePretty(FinalAccount doc) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
