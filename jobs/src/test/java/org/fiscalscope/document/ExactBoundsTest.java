package org.fiscalscope.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.ValidatorTypeCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The document schema's bounds checked on the parsed number say exactly what the library's own validators say. */
class ExactBoundsTest {

  private static JsonSchema schema(JsonSchemaFactory factory) throws IOException {
    try (InputStream in = ExactBoundsTest.class.getResourceAsStream("/schemas/final-account.schema.json")) {
      return factory.getSchema(in);
    }
  }

  private static Set<String> messages(JsonSchema schema, JsonNode doc) {
    return schema.validate(doc).stream()
        .map(m -> m.getType() + " " + m.getInstanceLocation() + " " + List.of(m.getArguments()) + " " + m.getMessage())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theBoundsAreReplacedAndSayWhatTheLibrarySays() throws IOException {
    var meta = ExactBounds.metaSchema();
    assertNotSame(ValidatorTypeCode.MINIMUM, meta.getKeywords().get("minimum"));
    assertNotSame(ValidatorTypeCode.MAXIMUM, meta.getKeywords().get("maximum"));
    JsonSchemaFactory stock = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonSchema library = schema(stock);
    JsonSchema exact = schema(JsonSchemaFactory.builder(stock).metaSchema(meta).build());
    String[] amounts = {"0", "-0", "-0.00", "0.0001", "-0.01", "-1", "547.39", "1E+2", "-1E-10", "99999999999999",
        "99999999999999.0001", "100000000000000", "-99999999999999", "-99999999999999.5", "123456789012345678901234567890",
        "-123456789012345678901234567890", "\"12\"", "null", "true"};
    String[] years = {"1989", "1990", "2023", "2100", "2101", "2023.0", "-5", "9999999999999999999"};
    int checked = 0;
    for (String amount : amounts) {
      for (String year : years) {
        JsonNode doc = DocumentJson.mapper().readTree("{\"fiscal_year\": " + year + ", \"unit\": {\"name\": \"x\"},"
            + " \"totals\": {\"income_total\": " + amount + ", \"actual_final\": " + amount + "},"
            + " \"functions\": [{\"code\": \"2010101\", \"name\": \"行政运行\", \"actual\": " + amount
            + ", \"execution_rate_pct\": " + amount + "}]}");
        assertEquals(messages(library, doc), messages(exact, doc), doc::toString);
        checked += messages(exact, doc).isEmpty() ? 0 : 1;
      }
    }
    assertFalse(checked == 0, "some documents break a bound");
    // The validator the product uses is the exact one: a negative amount is named with its bound.
    assertEquals(List.of("field totals.income_total is -0.01 but must be at least 0; correct the figure"),
        DocumentValidator.problems(DocumentJson.mapper().readTree(
            "{\"fiscal_year\": 2023, \"unit\": {\"name\": \"x\"}, \"totals\": {\"income_total\": -0.01}}")));
  }

  @Test
  void aMessageOfTheExactBoundsIsAValidationMessageOfItsKeyword() throws IOException {
    JsonSchemaFactory stock = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonSchema exact = schema(JsonSchemaFactory.builder(stock).metaSchema(ExactBounds.metaSchema()).build());
    Set<ValidationMessage> found = exact.validate(DocumentJson.mapper().readTree(
        "{\"fiscal_year\": 2200, \"unit\": {\"name\": \"x\"}, \"totals\": {\"income_total\": -3}}"));
    assertEquals(Set.of("maximum $.fiscal_year 2100", "minimum $.totals.income_total 0"), found.stream()
        .map(m -> m.getType() + " " + m.getInstanceLocation() + " " + m.getArguments()[m.getArguments().length - 1])
        .collect(Collectors.toSet()));
  }
}
