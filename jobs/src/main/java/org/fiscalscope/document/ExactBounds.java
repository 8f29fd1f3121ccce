package org.fiscalscope.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.BaseJsonValidator;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.ValidatorTypeCode;
import com.networknt.schema.Vocabulary;
import com.networknt.schema.utils.JsonNodeUtil;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Set;

/**
 * The 2020-12 meta-schema with {@code minimum} and {@code maximum} checked on the number as parsed. The library's own
 * validators print every amount back to text and parse it again, twice per amount, with the bound parsed again each
 * time: a tenth of reading a JSON document went there. Same keywords, same messages (type, arguments, location), the
 * same comparison of exact decimals; only the way to the number differs.
 */
final class ExactBounds {

  private ExactBounds() {}

  /** Draft 2020-12 with its validation vocabulary's {@code minimum} and {@code maximum} replaced. */
  static JsonMetaSchema metaSchema() {
    JsonMetaSchema draft = JsonMetaSchema.getV202012();
    Vocabulary standard = Vocabulary.V202012_VALIDATION;
    Keyword[] keywords = standard.getKeywords().stream()
        .map(k -> k == ValidatorTypeCode.MINIMUM ? new Bound(ValidatorTypeCode.MINIMUM, -1, "exclusiveMinimum")
            : k == ValidatorTypeCode.MAXIMUM ? new Bound(ValidatorTypeCode.MAXIMUM, 1, "exclusiveMaximum") : k)
        .toArray(Keyword[]::new);
    Vocabulary validation = new Vocabulary(standard.getIri(), keywords);
    return JsonMetaSchema.builder(draft)
        .vocabularyFactory(iri -> standard.getIri().equals(iri) ? validation : null)
        .build();
  }

  /** {@code minimum} (a number below the bound fails) or {@code maximum} (above it). */
  private record Bound(ValidatorTypeCode code, int failingSide, String exclusiveKeyword) implements Keyword {

    @Override
    public String getValue() {
      return code.getValue();
    }

    @Override
    public com.networknt.schema.JsonValidator newValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath,
        JsonNode schemaNode, JsonSchema parentSchema, ValidationContext validationContext) {
      return new Validator(this, schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext);
    }
  }

  private static final class Validator extends BaseJsonValidator {

    private final Bound bound;
    private final BigDecimal limit;
    private final String limitText;
    private final boolean excludeEqual;

    Validator(Bound bound, SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
        JsonSchema parentSchema, ValidationContext validationContext) {
      super(schemaLocation, evaluationPath, schemaNode, parentSchema, bound.code(), validationContext);
      if (!schemaNode.isNumber()) {
        throw new com.networknt.schema.JsonSchemaException(bound.getValue() + " value is not a number");
      }
      this.bound = bound;
      this.limitText = schemaNode.asText();
      this.limit = new BigDecimal(limitText);
      JsonNode exclusive = parentSchema.getSchemaNode().get(bound.exclusiveKeyword());
      this.excludeEqual = exclusive != null && exclusive.isBoolean() && exclusive.booleanValue();
    }

    @Override
    public Set<ValidationMessage> validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
        JsonNodePath instanceLocation) {
      if (!JsonNodeUtil.isNumber(node, validationContext.getConfig())) {
        return Collections.emptySet();
      }
      BigDecimal value;
      try {
        // A number node holds its value exactly (floats are read as BigDecimal); a number written as text (a loose
        // configuration) is parsed, as the library does.
        value = node.isNumber() && !node.isDouble() && !node.isFloat() ? node.decimalValue() : new BigDecimal(node.asText());
      } catch (NumberFormatException e) {
        return Collections.emptySet();
      }
      int side = Integer.signum(value.compareTo(limit));
      if (side == bound.failingSide() || (excludeEqual && side == 0)) {
        return Collections.singleton(message().instanceNode(node).instanceLocation(instanceLocation)
            .locale(executionContext.getExecutionConfig().getLocale())
            .failFast(executionContext.isFailFast())
            .arguments(limitText).build());
      }
      return Collections.emptySet();
    }
  }
}
