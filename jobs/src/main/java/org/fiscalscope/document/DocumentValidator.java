package org.fiscalscope.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

  /** Every problem of the document, most basic first; empty when it is valid. */
  public static List<String> problems(JsonNode document) {
    List<ValidationMessage> messages = new ArrayList<>(SCHEMA.validate(document));
    messages.sort(Comparator.comparing((ValidationMessage m) -> rank(m.getType()))
        .thenComparing(m -> m.getInstanceLocation().toString()));
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      out.add(describe(m));
    }
    JsonNode year = document.path("fiscal_year");
    int latest = Year.now().getValue() + 1;
    if (year.isInt() && year.asInt() > latest && out.stream().noneMatch(s -> s.contains("fiscal_year"))) {
      out.add("field fiscal_year is " + year.asInt() + ", a year whose accounts cannot be closed yet (latest possible: "
          + latest + "); correct the fiscal year");
    }
    return out;
  }

  private static int rank(String type) {
    return switch (type) {
      case "required" -> 0;
      case "type" -> 1;
      case "additionalProperties" -> 2;
      default -> 3;
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
      case "pattern" -> "field " + field + found + " but does not have the expected form " + first(args);
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
