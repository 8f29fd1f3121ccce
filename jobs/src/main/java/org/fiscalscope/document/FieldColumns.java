package org.fiscalscope.document;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Fields of the catalogue as Spark columns: the JSON pointer of a field at list positions held in columns, as
 * silver.provenance keys it — so a Spark job names the field and its row's position, and never spells the pointer.
 */
public final class FieldColumns {

  private FieldColumns() {}

  /**
   * The pointer of {@code field} at the 0-based list positions in {@code positions}, outermost list first:
   * {@code pointer(Fields.FUNCTION_ACTUAL, col("pos"))} is {@code /functions/3/actual} on a row with pos 3.
   *
   * @throws IllegalArgumentException when the field lies in another number of lists
   */
  public static Column pointer(Field field, Column... positions) {
    List<String> parts = field.path().parts();
    if (positions.length != field.lists()) {
      throw new IllegalArgumentException(field + " takes " + field.lists() + " list position(s), not " + positions.length);
    }
    if (positions.length == 0) {
      return lit(field.pointer());
    }
    List<Column> pieces = new ArrayList<>();
    pieces.add(lit(parts.get(0)));
    for (int i = 0; i < positions.length; i++) {
      pieces.add(positions[i].cast("string"));
      if (!parts.get(i + 1).isEmpty()) {
        pieces.add(lit(parts.get(i + 1)));
      }
    }
    return concat(pieces.toArray(Column[]::new));
  }
}
