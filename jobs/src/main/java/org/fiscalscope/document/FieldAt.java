package org.fiscalscope.document;

/**
 * A field at its place in one document: the field, and its positions in the lists it lies in (0-based; -1 where it
 * lies in no list) — the line of a functional classification, the project, the indicator.
 */
public record FieldAt(Field field, int position, int inner) {

  public FieldAt {
    int given = position < 0 ? 0 : inner < 0 ? 1 : 2;
    if (given != field.lists() || position < -1 || inner < -1) {
      throw new IllegalArgumentException(field + " takes " + field.lists() + " list position(s): " + position + ", " + inner);
    }
  }

  /** A field outside lists. */
  public static FieldAt of(Field field) {
    return new FieldAt(field, -1, -1);
  }

  /** A field of a list item: the line or project at {@code position}. */
  public static FieldAt of(Field field, int position) {
    return new FieldAt(field, position, -1);
  }

  /** A field of an item of an item's list: indicator {@code inner} of project {@code position}. */
  public static FieldAt of(Field field, int position, int inner) {
    return new FieldAt(field, position, inner);
  }

  /** The JSON pointer of the value, as provenance keys it: {@code /performance/projects/3/execution_rate_pct}. */
  public String pointer() {
    return switch (field.lists()) {
      case 0 -> field.pointer();
      case 1 -> field.pointer(position);
      default -> field.pointer(position, inner);
    };
  }

  @Override
  public String toString() {
    return pointer();
  }
}
