package org.fiscalscope.document;

/**
 * What a field's value is and in which unit: amounts in 万元, rates in percent as printed, scores in points, counts,
 * years and positions as whole numbers, text, codes, and values printed either as text or as a number. Decides the
 * value's Java type (BigDecimal, Integer, String) and so its column type (DECIMAL(18,4), INT, STRING).
 */
public enum Measure {
  /** 万元, not negative. */
  AMOUNT("万元", Value.DECIMAL),
  /** 万元, a change that may be negative. */
  SIGNED_AMOUNT("万元", Value.DECIMAL),
  /** Percent as printed, 0–1000. */
  RATE("%", Value.DECIMAL),
  /** Percent, a change that may be negative. */
  SIGNED_RATE("%", Value.DECIMAL),
  /** Points of a self-evaluation, 0–100. */
  SCORE("分", Value.DECIMAL),
  /** A number of things (groups, persons, vehicles, batches). */
  COUNT("", Value.WHOLE),
  /** A fiscal year. */
  YEAR("年", Value.WHOLE),
  /** A 1-based page or line of a source. */
  POSITION("", Value.WHOLE),
  /** Free text: a name, a message. */
  TEXT("", Value.TEXT),
  /** A classification code (支出功能分类科目 3, 5 or 7 digits). */
  CODE("", Value.TEXT),
  /** A value as the source prints it: text such as ≥95%, or a number. */
  PRINTED("", Value.TEXT);

  /** How a value is held: an exact decimal, a whole number or text. */
  public enum Value { DECIMAL, WHOLE, TEXT }

  private final String unit;
  private final Value value;

  Measure(String unit, Value value) {
    this.unit = unit;
    this.value = value;
  }

  /** The unit a figure of this measure is stated in (万元, %, 分), empty when it has none. */
  public String unit() {
    return unit;
  }

  public Value value() {
    return value;
  }

  /** The Java type the document's records hold a value of this measure in. */
  public Class<?> javaType() {
    return switch (value) {
      case DECIMAL -> java.math.BigDecimal.class;
      case WHOLE -> Integer.class;
      case TEXT -> String.class;
    };
  }
}
