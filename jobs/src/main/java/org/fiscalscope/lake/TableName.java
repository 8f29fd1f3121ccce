package org.fiscalscope.lake;

import java.util.regex.Pattern;
import org.fiscalscope.problem.Problem;

/** A lake table name {@code layer.table}; stored at {@code <lake>/<layer>/<table>}. */
public record TableName(String layer, String table) {

  private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]*");

  public TableName {
    if (!PART.matcher(layer).matches() || !PART.matcher(table).matches()) {
      throw Problem.TABLE_NAME_INVALID.failure(layer + "." + table);
    }
  }

  public static TableName of(String qualified) {
    int dot = qualified.indexOf('.');
    if (dot <= 0 || dot != qualified.lastIndexOf('.')) {
      throw Problem.TABLE_NAME_UNQUALIFIED.failure(qualified);
    }
    return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  @Override
  public String toString() {
    return layer + "." + table;
  }
}
