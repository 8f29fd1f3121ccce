package org.fiscalscope.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Text;

/**
 * The rows one dataset file gives for one unit-year → the part of the canonical document they state, each figure
 * with its provenance (the row and the cell's text). Each column lands on the document field its schema names;
 * the {@code *} of a list field is the row's line, project or indicator. Pure Java, run on executors.
 */
final class DatasetDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PROJECT_INDICATORS = "/performance/projects/*/indicators/*";
  private static final String UNIT_INDICATORS = "/performance/unit_evaluation/indicators/*";

  /**
   * One checked data row: its position (CSV row number or Parquet row index), the line for provenance (CSV row
   * number, null for Parquet), how messages name it ("row 17", "row index 16"), its typed values and raw cells.
   */
  record Row(long position, Integer line, String label, ObjectNode values, ObjectNode raw) {

    String text(String column) {
      JsonNode v = values.get(column);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  /** A row that repeats another one's key within the unit-year, with the clause saying so. */
  record Repeat(Row row, Reason problem) {}

  /** The document part of a unit-year, and the rows left out because they repeat an earlier row's key. */
  record Assembled(ObjectNode document, List<Row> taken, List<Repeat> repeats) {}

  private DatasetDocument() {}

  /**
   * The document part that {@code rows} (all of one file, unit and year) state: rows ordered by position (indicators
   * by seq first), a row repeating an earlier row's key (the unit-year itself, a line's code, a project's name, an
   * indicator's seq within its project) left out as a repeat.
   */
  static Assembled assemble(DatasetTable table, List<Row> rows) {
    List<Row> ordered = new ArrayList<>(rows);
    Comparator<Row> byPosition = Comparator.comparingLong(Row::position);
    ordered.sort(byPosition);
    Map<String, Row> firstByKey = new HashMap<>();
    List<Row> taken = new ArrayList<>();
    List<Repeat> repeats = new ArrayList<>();
    for (Row r : ordered) {
      String key = key(table, r);
      Row first = key == null ? null : firstByKey.putIfAbsent(key, r);
      if (first != null) {
        repeats.add(new Repeat(r, Problem.ROW_REPEATED.with(first.label(), what(table, r), one(table))));
      } else {
        taken.add(r);
      }
    }
    if (table.name().equals("indicator")) {
      taken.sort(Comparator.<Row, Long>comparing(r -> seq(r), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(byPosition));
    }
    return new Assembled(document(table, taken), taken, repeats);
  }

  /** The document part the rows state, in the given order, with a provenance entry for every figure. */
  static ObjectNode document(DatasetTable table, List<Row> rows) {
    ObjectNode doc = NODES.objectNode();
    ObjectNode provenance = NODES.objectNode();
    Map<String, Integer> projects = new LinkedHashMap<>();
    Map<String, Integer> indicatorsPerProject = new HashMap<>();
    int lines = 0;
    int unitIndicators = 0;
    for (Row r : rows) {
      String project = r.text("project_name");
      int[] index = switch (table.name()) {
        case "function_line" -> new int[] {lines++};
        case "project" -> new int[] {projects.computeIfAbsent(project, p -> projects.size())};
        case "indicator" -> project == null ? new int[] {unitIndicators++} : new int[] {
            projects.computeIfAbsent(project, p -> projects.size()), indicatorsPerProject.merge(project, 1, Integer::sum) - 1};
        default -> new int[0];
      };
      for (DatasetTable.Column c : table.columns()) {
        JsonNode value = r.values().get(c.name());
        if (c.field() == null || value == null || value.isNull()) {
          continue;
        }
        String pointer = pointer(c.field(), project == null && table.name().equals("indicator"), index);
        set(doc, pointer, value);
        if (!pointer.startsWith("/unit/") && !pointer.equals("/fiscal_year")) {
          ObjectNode p = provenance.putObject(pointer);
          if (r.line() != null) {
            p.put("line", r.line());
          }
          p.put("text", r.label() + ": " + c.name() + " = " + r.raw().path(c.name()).asText());
        }
      }
    }
    if (!provenance.isEmpty()) {
      doc.set("provenance", provenance);
    }
    return doc;
  }

  /** The field of one column for a row: {@code *} replaced by the row's indexes, unit-level indicators moved. */
  static String pointer(String field, boolean isUnitIndicator, int... index) {
    String f = isUnitIndicator && field.startsWith(PROJECT_INDICATORS)
        ? UNIT_INDICATORS + field.substring(PROJECT_INDICATORS.length()) : field;
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < f.length(); i++) {
      char ch = f.charAt(i);
      if (ch == '*') {
        out.append(next < index.length ? index[next++] : 0);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** Sets a value at a JSON pointer, creating the objects and lists on the way (a numeric step is a list index). */
  static void set(ObjectNode root, String pointer, JsonNode value) {
    String[] steps = pointer.substring(1).split("/");
    JsonNode at = root;
    for (int i = 0; i < steps.length - 1; i++) {
      boolean nextIsIndex = steps[i + 1].chars().allMatch(Character::isDigit);
      at = child(at, steps[i], nextIsIndex);
    }
    String last = steps[steps.length - 1];
    if (at instanceof ArrayNode list) {
      int i = Integer.parseInt(last);
      while (list.size() <= i) {
        list.addNull();
      }
      list.set(i, value);
    } else {
      ((ObjectNode) at).set(last, value);
    }
  }

  private static JsonNode child(JsonNode at, String step, boolean isList) {
    if (at instanceof ArrayNode list) {
      int i = Integer.parseInt(step);
      while (list.size() <= i) {
        list.addObject();
      }
      if (list.get(i).isNull()) {
        list.set(i, NODES.objectNode());
      }
      return list.get(i);
    }
    ObjectNode object = (ObjectNode) at;
    JsonNode existing = object.get(step);
    if (existing == null || existing.isNull()) {
      return isList ? object.putArray(step) : object.putObject(step);
    }
    return existing;
  }

  /** The key a row must not share with an earlier row of its unit-year, or null when repeats are allowed. */
  private static String key(DatasetTable table, Row r) {
    return switch (table.name()) {
      case "unit_year" -> "";
      case "function_line" -> r.text("code");
      case "project" -> UnitIds.normalisedName(r.text("project_name"));
      case "indicator" -> seq(r) == null ? null : r.text("project_name") + "\u0000" + seq(r);
      default -> null;
    };
  }

  private static Long seq(Row r) {
    JsonNode s = r.values().get("seq");
    return s == null || s.isNull() ? null : s.asLong();
  }

  private static Text what(DatasetTable table, Row r) {
    return switch (table.name()) {
      case "unit_year" -> Text.of("the same unit and fiscal year", "同一单位同一年度");
      case "function_line" -> Text.of("the same functional line " + r.text("code"), "同一功能科目 " + r.text("code"));
      case "project" -> Text.of("the same project " + r.text("project_name"), "同一项目 " + r.text("project_name"));
      default -> Text.of("the same seq " + seq(r) + (r.text("project_name") == null ? " of the unit's evaluation"
          : " of project " + r.text("project_name")), (r.text("project_name") == null ? "单位自评"
          : "项目 " + r.text("project_name")) + "的同一 seq " + seq(r));
    };
  }

  private static Text one(DatasetTable table) {
    return switch (table.name()) {
      case "unit_year" -> Text.of("unit and year", "单位年度");
      case "function_line" -> Text.of("line", "科目");
      case "project" -> Text.of("project", "项目");
      default -> Text.of("indicator", "指标");
    };
  }
}
