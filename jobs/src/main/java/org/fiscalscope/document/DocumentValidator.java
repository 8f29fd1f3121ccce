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
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Text;

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
      return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
          .metaSchema(ExactBounds.metaSchema()).build().getSchema(in);
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
    return reasons(document).stream().map(Reason::en).toList();
  }

  /** {@link #problems}, each with its code of the error catalogue. */
  public static List<Reason> reasons(JsonNode document) {
    List<Found> found = new ArrayList<>();
    for (ValidationMessage m : SCHEMA.validate(document)) {
      String field = dotted(m.getInstanceLocation().toString());
      if (m.getType().equals("required") || m.getType().equals("additionalProperties")) {
        field = join(field, m.getProperty());
      }
      found.add(new Found(rank(field, m.getType()), field, m.getType(), describe(m)));
    }
    JsonNode year = document.path("fiscal_year");
    int latest = Year.now().getValue() + 1;
    if (year.isInt() && year.asInt() > latest && found.stream().noneMatch(p -> p.field().equals("fiscal_year"))) {
      found.add(new Found(rank("fiscal_year", "maximum"), "fiscal_year", "maximum",
          Problem.REJECT_FUTURE_YEAR.with(field("fiscal_year"), year.asInt(), latest)));
    }
    JsonNode version = document.path("schema_version");
    if (version.isNumber() && version.decimalValue().compareTo(BigDecimal.ONE) != 0) {
      found.add(new Found(rank("schema_version", "enum"), "schema_version", "enum",
          Problem.REJECT_SCHEMA_VERSION.with(field("schema_version"), version)));
    }
    found.sort(Comparator.comparingInt(Found::rank).thenComparing(Found::field)
        .thenComparingInt(p -> SPECIFIC_FIRST.indexOf(p.type()) < 0 ? SPECIFIC_FIRST.size() : SPECIFIC_FIRST.indexOf(p.type())));
    // One problem per field: an empty name breaks both minLength and its pattern, and one sentence says it.
    Map<String, Reason> perField = new LinkedHashMap<>();
    for (Found p : found) {
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

  private record Found(int rank, String field, String type, Reason text) {}

  /** A field of the document as a sentence names it: {@code field totals.income_total}. */
  public static Text field(String dotted) {
    return Text.of("field " + dotted, "字段 " + dotted);
  }

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

  /** One problem of the catalogue for one schema violation, with the field as a dotted path. */
  static Reason describe(ValidationMessage m) {
    String at = dotted(m.getInstanceLocation().toString());
    Text field = field(at);
    JsonNode node = m.getInstanceNode();
    String value = node == null ? "null" : abbreviate(node.toString());
    Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
    return switch (m.getType()) {
      case "required" -> Problem.REJECT_MISSING_FIELD.with(field(join(at, m.getProperty())));
      case "additionalProperties" -> Problem.REJECT_UNKNOWN_FIELD.with(field(join(at, m.getProperty())));
      case "minimum" -> (isZero(first(args)) ? Problem.REJECT_NEGATIVE_AMOUNT : Problem.REJECT_BELOW_MINIMUM)
          .with(field, value, first(args));
      case "maximum" -> Problem.REJECT_ABOVE_MAXIMUM.with(field, value, first(args));
      case "type" -> Problem.REJECT_WRONG_TYPE.with(field, value, expected(args));
      case "enum", "const" -> Problem.REJECT_NOT_ALLOWED.with(field, value, first(args));
      case "pattern" -> "\\S".equals(first(args)) ? Problem.REJECT_BLANK_FIELD.with(field)
          : Problem.REJECT_BAD_FORM.with(field, value, first(args));
      case "minLength" -> Problem.REJECT_EMPTY_FIELD.with(field);
      default -> Problem.REJECT_INVALID_FIELD.with(field, stripLocation(m.getMessage()));
    };
  }

  private static boolean isZero(String number) {
    try {
      return new BigDecimal(number).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
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
