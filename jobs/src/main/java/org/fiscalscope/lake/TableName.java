package org.fiscalscope.lake;

import java.util.regex.Pattern;
import org.fiscalscope.FiscalScopeException;

/** A lake table name {@code layer.table}; stored at {@code <lake>/<layer>/<table>}. */
public record TableName(String layer, String table) {

  private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]*");

  public TableName {
    if (!PART.matcher(layer).matches() || !PART.matcher(table).matches()) {
      throw new FiscalScopeException("table name '" + layer + "." + table
          + "' is not of the form layer.table in lower-case letters, digits and underscores");
    }
  }

  public static TableName of(String qualified) {
    int dot = qualified.indexOf('.');
    if (dot <= 0 || dot != qualified.lastIndexOf('.')) {
      throw new FiscalScopeException("table name '" + qualified + "' must be layer.table, e.g. silver.unit_year");
    }
    return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  @Override
  public String toString() {
    return layer + "." + table;
  }
}
