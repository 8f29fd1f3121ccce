package org.fiscalscope.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures with more decimals than the lake keeps: amounts, rates and scores are DECIMAL(18,4), which would round
 * 591.123456789 to 591.1235 without a word. Here the document is rounded the same way (half up) before it goes on,
 * and every rounded figure gets an info finding {@value #RULE} naming the field and both values, so the change is
 * on record in silver.finding. Pure Java.
 */
public final class Rounding {

  public static final String RULE = "amount.rounded";
  /** Decimals of DECIMAL(18,4). */
  public static final int SCALE = 4;

  private Rounding() {}

  /**
   * Rounds, in place, every number of {@code document} (its provenance and findings aside) with more than
   * {@link #SCALE} decimals, and adds a finding for each to its {@code findings}; the evidence quotes the figure's
   * source from the document's provenance when it has one (e.g. {@code row 17: budget = 591.123456789}).
   *
   * @return the findings added
   */
  public static List<Finding> round(ObjectNode document) {
    JsonNode provenance = document.path("provenance");
    List<Finding> findings = new ArrayList<>();
    walk(document, null, pointer -> provenance.path(pointer).path("text").textValue(), findings);
    if (!findings.isEmpty()) {
      ArrayNode list = document.path("findings").isArray() ? (ArrayNode) document.get("findings")
          : document.putArray("findings");
      findings.forEach(f -> list.add(DocumentJson.mapper().valueToTree(f)));
    }
    return findings;
  }

  /**
   * Where a node sits, built into a JSON pointer only for a figure that is rounded: most documents have none, and a
   * string per node was most of this pass's cost.
   */
  private record At(At parent, String name, int index) {
    String pointer() {
      return (parent == null ? "" : parent.pointer()) + "/" + (name == null ? String.valueOf(index) : name);
    }
  }

  private static void walk(JsonNode node, At at, Function<String, String> source, List<Finding> out) {
    if (node instanceof ObjectNode object) {
      // The entries are the object's own: a rounded figure replaces its value in place, in document order.
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String name = field.getKey();
        if (at == null && (name.equals("provenance") || name.equals("findings"))) {
          continue;
        }
        JsonNode child = field.getValue();
        if (isTooPrecise(child)) {
          field.setValue(rounded(child, new At(at, name, -1).pointer(), source, out));
        } else if (child.isContainerNode()) {
          walk(child, new At(at, name, -1), source, out);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (isTooPrecise(child)) {
          array.set(i, rounded(child, new At(at, null, i).pointer(), source, out));
        } else if (child.isContainerNode()) {
          walk(child, new At(at, null, i), source, out);
        }
      }
    }
  }

  /** A number with a fraction whose decimals, trailing zeros aside, are more than {@link #SCALE}. */
  private static boolean isTooPrecise(JsonNode n) {
    if (!n.isNumber() || n.isIntegralNumber()) {
      return false;
    }
    BigDecimal value = n.decimalValue();
    // Stripping trailing zeros never raises the scale: only a scale above SCALE needs the stripped copy.
    return value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE;
  }

  private static JsonNode rounded(JsonNode n, String pointer, Function<String, String> source, List<Finding> out) {
    BigDecimal stated = n.decimalValue();
    BigDecimal kept = stated.setScale(SCALE, RoundingMode.HALF_UP);
    String field = pointer.substring(1).replace('/', '.');
    String was = stated.toPlainString();
    String is = kept.toPlainString();
    String from = source == null ? null : source.apply(pointer);
    out.add(new Finding(RULE, Finding.INFO,
        field + " 为 " + was + "，超过 " + SCALE + " 位小数，按 " + is + " 保存",
        field + " is " + was + ", more than " + SCALE + " decimals; it is kept as " + is,
        field + ": " + was + " → " + is + (from == null ? "" : " (" + from + ")")));
    return DecimalNode.valueOf(kept);
  }
}
