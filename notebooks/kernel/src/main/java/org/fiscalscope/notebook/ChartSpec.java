package org.fiscalscope.notebook;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code %chart bar|line|hist [x=col] [y=col,col] [series=col] [title="…"] [bins=N]} asks for. Without x the
 * first column is the x axis; without y every other column is a series (hist: the first column is the values).
 */
public record ChartSpec(String type, String x, List<String> y, String series, String title, int bins, int width, int height) {

  private static final List<String> TYPES = List.of("bar", "line", "hist");

  public static ChartSpec of(MagicLine magic) {
    String type = magic.arg(0, "");
    if (!TYPES.contains(type)) {
      throw new SqlError("%chart needs a type: bar, line or hist (got '" + type + "'), e.g. %chart bar x=unit y=rate");
    }
    String y = magic.option("y", null);
    return new ChartSpec(type, magic.option("x", null),
        y == null ? List.of() : Arrays.stream(y.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
        magic.option("series", null), magic.option("title", ""), number(magic, "bins", 10),
        number(magic, "width", 720), number(magic, "height", 400));
  }

  private static int number(MagicLine magic, String key, int fallback) {
    String v = magic.option(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > 4000) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new SqlError("%chart " + key + "=" + v + " must be a whole number from 1 to 4000");
    }
  }

  /** The x column among the result's columns. */
  public String xColumn(List<String> columns) {
    String col = x == null ? columns.get(0) : x;
    require(col, columns);
    return col;
  }

  /** The value columns: y, or every column other than x and series. */
  public List<String> yColumns(List<String> columns) {
    if (!y.isEmpty()) {
      y.forEach(c -> require(c, columns));
      return y;
    }
    if (type.equals("hist")) {
      return List.of(x == null ? columns.get(0) : x);
    }
    String xc = xColumn(columns);
    List<String> rest = columns.stream().filter(c -> !c.equals(xc) && !c.equals(series)).toList();
    if (rest.isEmpty()) {
      throw new SqlError("%chart " + type + " needs a value column besides " + xc + "; add one to the SELECT or give y=");
    }
    return rest;
  }

  static void require(String col, List<String> columns) {
    if (!columns.contains(col)) {
      throw new SqlError("%chart column " + col + " is not in the result; columns are " + columns);
    }
  }
}
