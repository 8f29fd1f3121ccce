package org.fiscalscope.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;

/** The shared corpus beside the project checkout, and helpers to walk canonical JSON. */
final class Corpus {

  static final Path ROOT = Path.of("..", "shared", "corpus");
  static final Path SAMPLE = ROOT.resolve("qingshan-talent-service-center-2023.txt");
  static final Path SAMPLE_EXPECTED = ROOT.resolve("qingshan-talent-service-center-2023.expected.json");

  private Corpus() {}

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every numeric leaf of a JSON tree as (pointer, node). */
  static List<Map.Entry<String, JsonNode>> numericLeaves(JsonNode node, String pointer) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    walk(node, pointer, out);
    return out;
  }

  private static void walk(JsonNode node, String pointer, List<Map.Entry<String, JsonNode>> out) {
    if (node.isNumber()) {
      out.add(Map.entry(pointer, node));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), pointer + "/" + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, out);
      }
    }
  }
}
