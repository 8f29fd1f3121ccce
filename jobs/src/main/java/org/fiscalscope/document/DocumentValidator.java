package org.fiscalscope.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a document against {@code schemas/final-account.schema.json} and the rules a schema cannot state,
 * and words each problem as a sentence naming the field, what was found and what is expected.
 */
public final class DocumentValidator {

  private static final String SCHEMA_RESOURCE = "/schemas/final-account.schema.json";
  private static final JsonSchema SCHEMA = load();

  private DocumentValidator() {}

  private static JsonSchema load() {
    try (InputStream in = DocumentValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the document schema is missing from the classpath: " + SCHEMA_RESOURCE);
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every problem of the document, most important first: the fiscal year, then the unit's name (without them the
   * document cannot be placed), then missing fields, wrong types, negative amounts, figures out of range, and
   * unknown keys last; each problem once. Empty when the document is valid.
   */
  public static List<String> problems(JsonNode document) {
    List<Problem> found = new ArrayList<>();
    for (ValidationMessage m : SCHEMA.validate(document)) {
      String field = dotted(m.getInstanceLocation().toString());
      if (m.getType().equals("required") || m.getType().equals("additionalProperties")) {
        field = join(field, m.getProperty());
      }
      found.add(new Problem(rank(field, m.getType()), field, m.getType(), describe(m)));
    }
    JsonNode year = document.path("fiscal_year");
    int latest = Year.now().getValue() + 1;
    if (year.isInt() && year.asInt() > latest && found.stream().noneMatch(p -> p.field().equals("fiscal_year"))) {
      found.add(new Problem(rank("fiscal_year", "maximum"), "fiscal_year", "maximum", "field fiscal_year is " + year.asInt()
          + ", a year whose accounts cannot be closed yet (latest possible: " + latest + "); correct the fiscal year"));
    }
    JsonNode version = document.path("schema_version");
    if (version.isNumber() && version.decimalValue().compareTo(BigDecimal.ONE) != 0) {
      found.add(new Problem(rank("schema_version", "enum"), "schema_version", "enum", "field schema_version is " + version
          + " but the only version is 1 (\"" + FinalAccount.SCHEMA_VERSION + "\"); write 1 or leave it out"));
    }
    found.sort(Comparator.comparingInt(Problem::rank).thenComparing(Problem::field)
        .thenComparingInt(p -> SPECIFIC_FIRST.indexOf(p.type()) < 0 ? SPECIFIC_FIRST.size() : SPECIFIC_FIRST.indexOf(p.type())));
    // One problem per field: an empty name breaks both minLength and its pattern, and one sentence says it.
    Map<String, String> perField = new LinkedHashMap<>();
    for (Problem p : found) {
      perField.putIfAbsent(p.field(), p.text());
    }
    return List.copyOf(perField.values());
  }

  /** Of several problems of one field, the one named: the more specific rule first. */
  private static final List<String> SPECIFIC_FIRST = List.of("required", "type", "minLength", "minimum", "maximum");

  /**
   * The problems as one line for a reject reason, most important first, joined by "; " — every one of them, so a
   * sender fixes the file once rather than once per problem.
   */
  public static String sentence(List<String> problems) {
    return String.join("; ", problems);
  }

  private record Problem(int rank, String field, String type, String text) {}

  private static int rank(String field, String type) {
    if (field.equals("fiscal_year")) {
      return 0;
    }
    if (field.equals("unit") || field.equals("unit.name")) {
      return 1;
    }
    return switch (type) {
      case "required" -> 2;
      case "type" -> 3;
      case "minimum" -> 4;
      case "additionalProperties" -> 6;
      default -> 5;
    };
  }

  /** One sentence for one schema violation, with the field as a dotted path. */
  static String describe(ValidationMessage m) {
    String field = dotted(m.getInstanceLocation().toString());
    JsonNode value = m.getInstanceNode();
    String found = value == null ? "" : " is " + abbreviate(value.toString());
    Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
    return switch (m.getType()) {
      case "required" -> "required field " + join(field, m.getProperty()) + " is missing; add it";
      case "additionalProperties" -> "unknown field " + join(field, m.getProperty())
          + " is not a key of the canonical document; remove it or correct its spelling (see schemas/final-account.schema.json)";
      case "minimum" -> "field " + field + found + " but must be at least " + first(args) + "; correct the figure";
      case "maximum" -> "field " + field + found + " but must be at most " + first(args) + "; check the figure and its unit";
      case "type" -> "field " + field + found + " but must be " + expected(args) + "; correct its type";
      case "enum", "const" -> "field " + field + found + " but must be one of " + first(args);
      case "pattern" -> "\\S".equals(first(args)) ? "field " + field + " is blank; fill it in"
          : "field " + field + found + " but does not have the expected form " + first(args);
      case "minLength" -> "field " + field + " is empty; fill it in";
      default -> "field " + field + ": " + stripLocation(m.getMessage());
    };
  }

  private static String dotted(String location) {
    String s = location.startsWith("$") ? location.substring(1) : location;
    s = s.replaceAll("\\[(\\d+)\\]", ".$1");
    return s.startsWith(".") ? s.substring(1) : s.isEmpty() ? "(document)" : s;
  }

  private static String join(String field, String property) {
    if (property == null) {
      return field;
    }
    return field.equals("(document)") ? property : field + "." + property;
  }

  private static String first(Object[] args) {
    return args.length == 0 ? "?" : String.valueOf(args[args.length - 1]);
  }

  private static String expected(Object[] args) {
    String t = args.length == 0 ? "?" : String.valueOf(args[args.length - 1]);
    return t.replace("[", "").replace("]", "").replace(", null", "").replace("null, ", "");
  }

  private static String stripLocation(String message) {
    int colon = message.indexOf(": ");
    return colon > 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "…" : s;
  }
}
