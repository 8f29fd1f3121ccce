package org.fiscalscope.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;

/**
 * How many figures a document holds in each part of the national template (every figure with a source), the
 * functional lines by level, and which parts it lacks — what a user wants to see at once about a file read.
 */
public record SectionSummary(Map<Section, Integer> figures, int classes, int groups, int items, List<Section> absent) {

  /** The parts of a 部门决算 the document's figures fall in, by their JSON pointer. */
  public enum Section {
    TOTALS("/totals/", "totals", "收入支出决算总体情况"),
    FUNCTIONS("/functions/", "functional lines", "支出功能分类"),
    THREE_PUBLIC("/three_public/", "three public costs", "三公经费"),
    OPERATING_COSTS("/operating_costs", "operating costs", "机关运行经费"),
    PROCUREMENT("/procurement/", "procurement", "政府采购"),
    ASSETS("/assets/", "assets", "国有资产"),
    PERFORMANCE("/performance/", "self-evaluation", "绩效自评");

    private final String prefix;
    private final String label;
    private final String zh;

    Section(String prefix, String label, String zh) {
      this.prefix = prefix;
      this.label = label;
      this.zh = zh;
    }

    /** How the section is named in the summary: {@code three public costs (三公经费)}. */
    public String label() {
      return label + " (" + zh + ")";
    }
  }

  /** The summary of one document. */
  public static SectionSummary of(FinalAccount doc) {
    Map<Section, Integer> figures = new LinkedHashMap<>();
    for (Section s : Section.values()) {
      figures.put(s, 0);
    }
    if (doc.provenance() != null) {
      for (String pointer : doc.provenance().keySet()) {
        for (Section s : Section.values()) {
          if (pointer.startsWith(s.prefix)) {
            figures.merge(s, 1, Integer::sum);
          }
        }
      }
    }
    int[] levels = new int[3];
    for (FunctionLine f : doc.functions() == null ? List.<FunctionLine>of() : doc.functions()) {
      if (f.code() != null && f.code().matches("\\d{3}(?:\\d{2}){0,2}")) {
        levels[(f.code().length() - 3) / 2]++;
      }
    }
    List<Section> absent = new ArrayList<>();
    figures.forEach((s, n) -> {
      if (n == 0) {
        absent.add(s);
      }
    });
    return new SectionSummary(figures, levels[0], levels[1], levels[2], List.copyOf(absent));
  }

  /** One line: {@code 118 figures: totals 20, functional lines 59 (类 4, 款 4, 项 11), …; absent: self-evaluation}. */
  public String line() {
    int total = figures.values().stream().mapToInt(Integer::intValue).sum();
    List<String> parts = new ArrayList<>();
    figures.forEach((s, n) -> {
      if (n > 0) {
        parts.add(s.label + " " + n + (s == Section.FUNCTIONS
            ? " (类 " + classes + ", 款 " + groups + ", 项 " + items + ")" : ""));
      }
    });
    String absentText = absent.isEmpty() ? "" : "; absent: "
        + String.join(", ", absent.stream().map(Section::label).toList());
    return total + " figure" + (total == 1 ? "" : "s") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
        + absentText;
  }
}
