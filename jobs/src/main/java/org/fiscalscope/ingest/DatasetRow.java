package org.fiscalscope.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.Unit;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Text;

/**
 * One data row of a dataset file, checked: every cell typed by its column (numbers exact, as BigDecimal), required
 * cells filled, and the figures validated by the canonical document's own rules (the row is validated as the
 * small document it states), so a row is refused for the same reasons a JSON document would be. Pure Java.
 */
final class DatasetRow {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern FUNCTION_CODE = Pattern.compile("[0-9]{3}([0-9]{2}){0,2}");

  /** A row's identity and typed values (absent cells left out), or the problems that refuse it. */
  record Checked(String unitId, String unitName, Integer fiscalYear, String projectName, ObjectNode values,
                 List<Reason> reasons) {

    boolean isGood() {
      return reasons.isEmpty();
    }

    /** The problems as sentences. */
    List<String> problems() {
      return reasons.stream().map(Reason::en).toList();
    }
  }

  private DatasetRow() {}

  /**
   * Checks one row's cells (column name → text as in the file; a name starting with {@code #} is a column without a
   * name in the header). Problems are clauses such as {@code budget 'abc' is not a number; correct the figure}.
   */
  static Checked check(DatasetTable table, Map<String, String> cells) {
    List<Reason> problems = new ArrayList<>();
    ObjectNode values = NODES.objectNode();
    for (Map.Entry<String, String> e : cells.entrySet()) {
      if (e.getKey().startsWith("#") && !blank(e.getValue())) {
        problems.add(Problem.ROW_UNNAMED_CELL.with(e.getValue().strip(), e.getKey().substring(1)));
      }
    }
    for (DatasetTable.Column c : table.columns()) {
      String raw = cells.get(c.name());
      if (blank(raw)) {
        if (c.isRequired()) {
          problems.add(Problem.ROW_EMPTY_REQUIRED.with(c.name()));
        }
        continue;
      }
      String text = raw.strip();
      switch (c.type()) {
        case TEXT -> {
          if (c.name().equals("code") && table.name().equals("function_line") && !FUNCTION_CODE.matcher(text).matches()) {
            problems.add(Problem.ROW_BAD_CODE.with(text));
          } else {
            values.put(c.name(), text);
          }
        }
        case AMOUNT -> {
          BigDecimal n = number(text, c.name().endsWith("_pct"));
          if (n == null) {
            problems.add(Problem.ROW_NOT_A_NUMBER.with(c.name(), text));
          } else {
            values.put(c.name(), n);
          }
        }
        case WHOLE_NUMBER -> {
          Integer n = wholeNumber(text);
          if (n == null) {
            problems.add(Problem.ROW_NOT_WHOLE_NUMBER.with(c.name(), text));
          } else {
            values.put(c.name(), n);
          }
        }
      }
    }
    String unitName = values.path("unit_name").textValue();
    String unitId = unitName == null ? null
        : UnitIds.of(new Unit(values.path("unit_code").textValue(), unitName, null, null, null));
    Integer year = values.has("fiscal_year") ? values.get("fiscal_year").intValue() : null;
    if (problems.isEmpty()) {
      problems.addAll(validated(table, values));
    }
    return new Checked(unitId, unitName, year, values.path("project_name").textValue(), values, problems);
  }

  /** The document rules' verdict on the row, worded with its column names. */
  private static List<Reason> validated(DatasetTable table, ObjectNode values) {
    ObjectNode raw = NODES.objectNode();
    values.fieldNames().forEachRemaining(f -> raw.put(f, values.get(f).asText()));
    DatasetDocument.Row row = new DatasetDocument.Row(0, null, "", values, raw);
    ObjectNode doc = DatasetDocument.document(table, List.of(row));
    doc.remove("provenance");
    boolean unitIndicator = table.name().equals("indicator") && !values.has("project_name");
    List<Reason> out = new ArrayList<>();
    for (Reason problem : DocumentValidator.reasons(doc)) {
      out.add(inColumnNames(table, problem, unitIndicator));
    }
    return out;
  }

  /** A validator problem about {@code field functions.0.budget_initial …} reworded as {@code budget_initial …}. */
  private static Reason inColumnNames(DatasetTable table, Reason problem, boolean unitIndicator) {
    if (!problem.problem().enTemplate().startsWith("{field} ")) {
      return problem;
    }
    Object named = problem.arg("field");
    for (DatasetTable.Column c : table.columns()) {
      if (c.field() == null) {
        continue;
      }
      String dotted = DatasetDocument.pointer(c.field(), unitIndicator).substring(1).replace('/', '.');
      if (named.equals(DocumentValidator.field(dotted))) {
        return problem.withArg("field", Text.of(c.name(), "列 " + c.name()));
      }
    }
    return problem;
  }

  /**
   * An exact number: plain ({@code 1234.5}, {@code -3}, {@code 1.0E8} as numbers exported as floating point print),
   * or with thousands separators ({@code 1,234.50}); a rate may end in %. Null when the text is not a number.
   */
  static BigDecimal number(String text, boolean isRate) {
    String s = isRate && text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
    if (GROUPED.matcher(s).matches()) {
      s = s.replace(",", "");
    }
    if (!PLAIN.matcher(s).matches()) {
      return null;
    }
    BigDecimal n = new BigDecimal(s);
    return n.scale() < 0 ? n.setScale(0) : n;
  }

  /** A whole number ({@code 3}, or {@code 3.0} as floating-point exports print it), or null. */
  static Integer wholeNumber(String text) {
    BigDecimal n = number(text, false);
    if (n == null) {
      return null;
    }
    try {
      return n.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
