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

/** The corpus the tests read (see {@link org.fiscalscope.TestCorpus}), and helpers to walk canonical JSON. */
final class Corpus {

  static final Path ROOT = org.fiscalscope.TestCorpus.ROOT;
  static final Path SAMPLE = org.fiscalscope.TestCorpus.SAMPLE;
  static final Path SAMPLE_EXPECTED = org.fiscalscope.TestCorpus.SAMPLE_EXPECTED;

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
