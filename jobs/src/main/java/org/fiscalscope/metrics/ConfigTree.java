package org.fiscalscope.metrics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;

/** Binds a config record from a Jackson tree laid over the record's defaults, so a file names only what it changes. */
public final class ConfigTree {

  /** Keeps 80 as 80 (not 8E+1) on the way through the tree. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ConfigTree() {}

  /** {@code defaults} with every key present in {@code overrides} replaced; null or missing overrides keep the defaults. */
  public static <T> T overlay(T defaults, JsonNode overrides, Class<T> type, String section) {
    ObjectNode merged = MAPPER.valueToTree(defaults);
    if (overrides != null && !overrides.isNull() && !overrides.isMissingNode()) {
      if (!overrides.isObject()) {
        throw Problem.CONFIG_SECTION_NOT_A_MAPPING.failure(section, overrides);
      }
      merge(merged, (ObjectNode) overrides);
    }
    try {
      return MAPPER.treeToValue(merged, type);
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof FiscalScopeException fse) {
          throw fse;
        }
        if (t instanceof UnrecognizedPropertyException u) {
          throw new FiscalScopeException(Problem.CONFIG_UNKNOWN_KEY.with("config section '" + section + "'",
              u.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                  .collect(Collectors.joining(".")),
              u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))), e);
        }
      }
      throw new FiscalScopeException(Problem.CONFIG_SECTION_DOES_NOT_BIND.with(section,
          e.getMessage().split("\n")[0]), e);
    }
  }

  private static void merge(ObjectNode base, ObjectNode overrides) {
    Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode current = base.get(f.getKey());
      if (current != null && current.isObject() && f.getValue().isObject()) {
        merge((ObjectNode) current, (ObjectNode) f.getValue());
      } else {
        base.set(f.getKey(), f.getValue());
      }
    }
  }

  /** Fails with a message naming the key when a condition on its value does not hold. */
  static void require(boolean condition, String key, String expectation, Object got) {
    if (!condition) {
      throw Problem.CONFIG_INVALID_VALUE.failure(key, expectation, got);
    }
  }
}
