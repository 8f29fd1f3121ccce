package org.fiscalscope.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Provenance;

/**
 * One unit-year's canonical documents from different kinds of source (a disclosure document, the standard tables,
 * the parts of a tabular dataset) → one document with the figures of all of them. Where two state a figure:
 * <ul>
 *   <li>amounts, counts and rates outside {@code performance}: the dataset first, then the standard tables, then the
 *       document — the structured exports come from the accounting system, the text is transcribed from them;</li>
 *   <li>{@code performance} (self-evaluations, projects, indicators, scores): the document first, then the dataset,
 *       then the tables — the narrative is where the self-evaluation is published;</li>
 * </ul>
 * and every figure on which they differ becomes a {@value #DISAGREE} warning naming both files, the field and both
 * values, with the source position of each (amounts must match exactly; printed rates may differ by 0.01, their
 * rounding). A figure only one states is taken from it; list items (functional lines, projects, indicators) are
 * matched by code or name. Each figure keeps the provenance of the source it was taken from, with that file.
 * When the sources are of more than one family, a {@value #COMBINED} info finding lists them. Pure Java: the same
 * parts give the same document whatever order they come in.
 */
public final class DocumentMerge {

  public static final String DISAGREE = "merge.disagree";
  public static final String COMBINED = "merge.combined";

  /** Printed rates are rounded to two decimals: two renderings of one rate differ by at most this. */
  static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.01");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The document mapper, but trees keep each amount as written (547.40 stays 547.40), as messages quote it. */
  static final ObjectMapper EXACT = DocumentJson.mapper().copy()
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  /** A source document with what decides its precedence. */
  private record Part(FinalAccount doc, ObjectNode tree, InputKind.Family family, int tableRank, String file,
                      String sha256, String kind) {

    static Part of(FinalAccount doc) {
      String kind = doc.source() == null ? null : doc.source().kind();
      String file = doc.source() == null || doc.source().file() == null ? "(unnamed)" : doc.source().file();
      String table = InputKind.datasetTable(file);
      int rank = table == null ? 0 : List.of(InputKind.DATASET_TABLES).indexOf(table);
      return new Part(doc, (ObjectNode) EXACT.valueToTree(doc), InputKind.ofLabel(kind).family(), rank, file,
          doc.source() == null ? null : doc.source().sha256(), kind);
    }

    int figuresRank() {
      return switch (family) {
        case DATASET -> 0;
        case TABLES -> 1;
        case DOCUMENT -> 2;
        case NONE -> 3;
      };
    }

    int performanceRank() {
      return switch (family) {
        case DOCUMENT -> 0;
        case DATASET -> 1;
        case TABLES -> 2;
        case NONE -> 3;
      };
    }

    Provenance provenance(String pointer) {
      return doc.provenance() == null ? null : doc.provenance().get(pointer);
    }
  }

  /** One source's node at a place of the merged document, and where it is in its own document. */
  private record Candidate(Part part, JsonNode node, String pointer) {}

  /** Per part (by identity): where each place of its own document went in the merged one. */
  private final Map<Part, Map<String, String>> moved = new IdentityHashMap<>();
  /** Per place of the merged document: the parts that state its value, the one it was taken from first. */
  private final Map<String, List<Part>> sources = new HashMap<>();
  private final List<Finding> disagreements = new ArrayList<>();

  private DocumentMerge() {}

  /** The merged document of one unit-year's parts (a single part is returned as it is). */
  public static FinalAccount merge(List<FinalAccount> documents) {
    if (documents.size() == 1) {
      return documents.get(0);
    }
    List<Part> parts = documents.stream().map(Part::of).toList();
    Comparator<Part> tieBreak = Comparator.comparingInt(Part::tableRank).thenComparing(Part::file)
        .thenComparing(p -> p.sha256() == null ? "" : p.sha256());
    List<Part> figures = parts.stream()
        .sorted(Comparator.comparingInt(Part::figuresRank).thenComparing(tieBreak)).toList();
    List<Part> performance = parts.stream()
        .sorted(Comparator.comparingInt(Part::performanceRank).thenComparing(tieBreak)).toList();
    return new DocumentMerge().mergeAll(figures, performance);
  }

  private FinalAccount mergeAll(List<Part> figures, List<Part> performance) {
    Part primary = figures.get(0);
    ObjectNode out = NODES.objectNode();
    for (String key : DocumentStruct.schema().fieldNames()) {
      switch (key) {
        case "source" -> copy(primary.tree(), out, key);
        case "findings", "provenance" -> { }
        default -> {
          List<Part> order = key.equals("performance") ? performance : figures;
          JsonNode merged = merge("/" + key, key, order.stream()
              .map(p -> new Candidate(p, p.tree().get(key), "/" + key)).toList());
          if (merged != null) {
            out.set(key, merged);
          }
        }
      }
    }
    ArrayNode findings = out.putArray("findings");
    for (Part p : figures) {
      JsonNode f = p.tree().get("findings");
      if (f != null && f.isArray()) {
        findings.addAll((ArrayNode) f);
      }
    }
    disagreements.forEach(f -> findings.add(EXACT.valueToTree(f)));
    if (figures.stream().map(Part::family).distinct().count() > 1) {
      findings.add(EXACT.valueToTree(combined(figures.get(0), performance.get(0), figures)));
    }
    ObjectNode provenance = provenance(figures);
    if (!provenance.isEmpty()) {
      out.set("provenance", provenance);
    }
    try {
      return EXACT.treeToValue(out, FinalAccount.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The merged node at {@code pointer} from the candidates, in precedence order (null when none states it). */
  private JsonNode merge(String pointer, String label, List<Candidate> candidates) {
    List<Candidate> present = candidates.stream()
        .filter(c -> c.node() != null && !c.node().isNull() && !c.node().isMissingNode()).toList();
    if (present.isEmpty()) {
      return null;
    }
    for (Candidate c : present) {
      moved.computeIfAbsent(c.part(), p -> new HashMap<>()).put(c.pointer(), pointer);
    }
    List<Part> stating = new ArrayList<>();
    sources.put(pointer, stating);
    if (present.stream().allMatch(c -> c.node().isObject())) {
      present.forEach(c -> stating.add(c.part()));
      ObjectNode out = NODES.objectNode();
      Set<String> keys = new LinkedHashSet<>();
      present.forEach(c -> c.node().fieldNames().forEachRemaining(keys::add));
      for (String key : keys) {
        JsonNode child = merge(pointer + "/" + key, label + "." + key, present.stream()
            .map(c -> new Candidate(c.part(), c.node().get(key), c.pointer() + "/" + key)).toList());
        if (child != null) {
          out.set(key, child);
        }
      }
      return out;
    }
    if (present.stream().allMatch(c -> c.node().isArray())) {
      present.forEach(c -> stating.add(c.part()));
      Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
      Map<String, String> display = new HashMap<>();
      for (Candidate c : present) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < c.node().size(); i++) {
          JsonNode item = c.node().get(i);
          String shown = itemName(pointer, item, i);
          String key = shown + "#" + seen.merge(shown, 1, Integer::sum);
          display.putIfAbsent(key, shown);
          byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Candidate(c.part(), item, c.pointer() + "/" + i));
        }
      }
      ArrayNode out = NODES.arrayNode();
      for (Map.Entry<String, List<Candidate>> e : byKey.entrySet()) {
        JsonNode child = merge(pointer + "/" + out.size(), label + "[" + display.get(e.getKey()) + "]", e.getValue());
        if (child != null) {
          out.add(child);
        }
      }
      return out;
    }
    Candidate kept = present.get(0);
    stating.add(kept.part());
    for (Candidate other : present.subList(1, present.size())) {
      if (differ(kept.node(), other.node(), pointer)) {
        disagreements.add(disagreement(label, pointer, kept, other));
      } else {
        stating.add(other.part());
      }
    }
    return kept.node().deepCopy();
  }

  /**
   * How an item of a list is matched across sources: a line by its code, a project or indicator by its name, a part
   * of the contents by its id (so a merged document contains the parts of all its sources).
   */
  private static String itemName(String pointer, JsonNode item, int index) {
    String pattern = pointer.replaceAll("/\\d+", "/*");
    String code = item.path("code").textValue();
    String name = item.path("name").textValue();
    if (pattern.equals("/contents/parts") && item.isTextual()) {
      return item.textValue();
    }
    if (pattern.equals("/functions") && code != null && !code.isBlank()) {
      return code.strip();
    }
    if ((pattern.equals("/functions") || pattern.equals("/performance/projects") || pattern.endsWith("/indicators"))
        && name != null && !name.isBlank()) {
      return UnitIds.normalisedName(name);
    }
    return "#" + (index + 1);
  }

  /** Two numbers that are not the same figure: amounts, counts and scores exactly, printed rates beyond 0.01. */
  private static boolean differ(JsonNode a, JsonNode b, String pointer) {
    if (!a.isNumber() || !b.isNumber()) {
      return false;
    }
    BigDecimal diff = a.decimalValue().subtract(b.decimalValue()).abs();
    return pointer.endsWith("_pct") ? diff.compareTo(RATE_TOLERANCE) > 0 : diff.signum() != 0;
  }

  private Finding disagreement(String label, String pointer, Candidate kept, Candidate other) {
    boolean isPerformance = pointer.startsWith("/performance");
    String whyZh = isPerformance ? "绩效自评以文档为准" : "金额、数量等数字以数据集和报表为准";
    String whyEn = isPerformance ? "performance self-evaluations are taken from the document first"
        : "amounts, counts and rates are taken from datasets and standard tables first";
    String a = kept.node().decimalValue().toPlainString();
    String b = other.node().decimalValue().toPlainString();
    String fa = kept.part().file();
    String fb = other.part().file();
    return new Finding(DISAGREE, Finding.WARNING,
        label + " 在 " + fa + " 中为 " + a + "，在 " + fb + " 中为 " + b + "，两者不一致；采用 " + fa
            + " 的数值（" + whyZh + "）",
        label + " is " + a + " in " + fa + " (" + kept.part().kind() + ") but " + b + " in " + fb + " ("
            + other.part().kind() + "); the figure of " + fa + " is kept (" + whyEn + ")",
        pointer + ": " + fa + " " + where(kept.part().provenance(kept.pointer())) + "; "
            + fb + " " + where(other.part().provenance(other.pointer())));
  }

  private static String where(Provenance p) {
    if (p == null) {
      return "(no source position)";
    }
    String page = p.page() == null ? "" : "page " + p.page() + " ";
    String line = p.line() == null ? "" : "line " + p.line() + " ";
    return (page + line + (p.text() == null ? "" : "“" + p.text() + "”")).strip();
  }

  private static Finding combined(Part figures, Part performance, List<Part> parts) {
    String files = parts.stream().map(p -> p.file() + " (" + p.kind() + ")").collect(Collectors.joining(", "));
    String filesZh = parts.stream().map(p -> p.file() + "（" + p.kind() + "）").collect(Collectors.joining("、"));
    return new Finding(COMBINED, Finding.INFO,
        "本年度数据由 " + filesZh + " 合并而成：金额等数字优先取自 " + figures.file() + "，绩效自评优先取自 "
            + performance.file(),
        "this unit-year combines " + files + ": amounts, counts and rates first from " + figures.file()
            + ", performance first from " + performance.file(),
        parts.stream().map(p -> p.file() + " sha256 " + p.sha256()).collect(Collectors.joining("; ")));
  }

  /**
   * Every part's provenance moved to where its figures are in the merged document; of a figure several parts state
   * alike, the entry of the part it was taken from first (else of the next that has one); each stamped with its file
   * and key.
   */
  private ObjectNode provenance(List<Part> parts) {
    Map<String, Map<Part, Provenance>> entries = new LinkedHashMap<>();
    for (Part p : parts) {
      if (p.doc().provenance() != null) {
        p.doc().provenance().forEach((pointer, prov) -> {
          String at = movedPointer(p, pointer);
          if (at != null) {
            entries.computeIfAbsent(at, k -> new IdentityHashMap<>()).putIfAbsent(p, prov);
          }
        });
      }
    }
    ObjectNode out = NODES.objectNode();
    entries.forEach((at, byPart) -> {
      List<Part> order = sources.containsKey(at) ? sources.get(at) : parts;
      order.stream().filter(byPart::containsKey).findFirst().ifPresent(p -> {
        Provenance from = byPart.get(p);
        Provenance stamped = new Provenance(from.page(), from.line(), from.text(),
            from.file() == null ? p.file() : from.file(), from.sha256() == null ? p.sha256() : from.sha256());
        out.set(at, EXACT.valueToTree(stamped));
      });
    });
    return out;
  }

  /** Where a pointer of a part's own document is in the merged one (through its longest moved prefix). */
  private String movedPointer(Part p, String pointer) {
    Map<String, String> m = moved.getOrDefault(p, Map.of());
    String prefix = pointer;
    while (!prefix.isEmpty()) {
      String to = m.get(prefix);
      if (to != null) {
        return to + pointer.substring(prefix.length());
      }
      prefix = prefix.substring(0, Math.max(prefix.lastIndexOf('/'), 0));
    }
    return null;
  }

  private static void copy(ObjectNode from, ObjectNode to, String key) {
    if (from.hasNonNull(key)) {
      to.set(key, from.get(key).deepCopy());
    }
  }
}
