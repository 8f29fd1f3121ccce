package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Provenance;

/**
 * Every value the sections read, keyed by the JSON pointer of the figure. A figure is kept only when all
 * statements of its best tier agree; two different statements of the same figure keep neither and raise a finding.
 * A scoped statement (one about the fiscal-appropriation part only) counts only when no unscoped one exists.
 */
final class Figures {

  /** One statement of a figure. */
  record Candidate(Object value, Provenance provenance, boolean scoped) {}

  private final Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  void add(String pointer, Object value, Provenance provenance) {
    add(pointer, value, provenance, false);
  }

  void add(String pointer, Object value, Provenance provenance, boolean scoped) {
    if (value == null) {
      return;
    }
    candidates.computeIfAbsent(pointer, k -> new ArrayList<>(2)).add(new Candidate(value, provenance, scoped));
  }

  boolean has(String pointer) {
    return candidates.containsKey(pointer);
  }

  /** The pointers stated so far that start with {@code prefix}, in order. */
  List<String> pointers(String prefix) {
    return candidates.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
  }

  /** The first statement of a figure, or null. */
  Object first(String pointer) {
    List<Candidate> all = candidates.get(pointer);
    return all == null || all.isEmpty() ? null : all.get(0).value();
  }

  /** Moves the statements of one pointer to another (to null: drops them). */
  void move(String from, String to) {
    List<Candidate> moved = candidates.remove(from);
    if (moved != null && to != null) {
      candidates.computeIfAbsent(to, k -> new ArrayList<>(2)).addAll(moved);
    }
  }

  void finding(Finding f) {
    findings.add(f);
  }

  List<Finding> findings() {
    return findings;
  }

  /** The agreed figures: pointer → candidate that stands for them (first statement). */
  Map<String, Candidate> resolve() {
    Map<String, Candidate> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Candidate>> e : candidates.entrySet()) {
      List<Candidate> all = e.getValue();
      boolean anyUnscoped = all.stream().anyMatch(c -> !c.scoped());
      List<Candidate> tier = all.stream().filter(c -> c.scoped() != anyUnscoped).toList();
      Candidate first = tier.get(0);
      List<Candidate> disagreeing = tier.stream().filter(c -> !same(c.value(), first.value())).toList();
      if (disagreeing.isEmpty()) {
        out.put(e.getKey(), first);
      } else {
        findings.add(conflict(e.getKey(), tier));
      }
    }
    return out;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  private static Finding conflict(String pointer, List<Candidate> tier) {
    StringBuilder evidence = new StringBuilder(pointer).append(':');
    for (Candidate c : tier) {
      evidence.append(' ').append(c.value() instanceof BigDecimal d ? d.toPlainString() : c.value())
          .append(" (line ").append(c.provenance().line()).append(')');
    }
    return new Finding("value.conflict", Finding.ERROR,
        "同一数字在文中出现不同的值，已全部舍弃：" + evidence,
        "The document states different values for the same figure, so none is kept: " + evidence,
        evidence.toString());
  }
}
