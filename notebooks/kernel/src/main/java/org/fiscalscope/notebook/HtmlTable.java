package org.fiscalscope.notebook;

import java.util.List;

/** A query result as an HTML table (at most a cap of rows, with the total count) and as plain text. */
public record HtmlTable(List<String> columns, List<List<String>> rows, long totalRows) {

  /** HTML: header, the rows given, and a caption saying how many rows there are and how many are shown. */
  public String html() {
    StringBuilder out = new StringBuilder("<table class=\"fiscalscope\">\n<thead><tr>");
    for (String c : columns) {
      out.append("<th>").append(escape(c)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (String v : row) {
        out.append(v == null ? "<td><i>NULL</i></td>" : "<td>" + escape(v) + "</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n<p><small>").append(caption()).append("</small></p>");
    return out.toString();
  }

  /** Tab-separated text of the same rows and caption. */
  public String text() {
    StringBuilder out = new StringBuilder(String.join("\t", columns)).append('\n');
    for (List<String> row : rows) {
      out.append(String.join("\t", row.stream().map(v -> v == null ? "NULL" : v).toList())).append('\n');
    }
    return out.append(caption()).toString();
  }

  public String caption() {
    String n = totalRows + (totalRows == 1 ? " row" : " rows");
    return rows.size() < totalRows ? n + ", first " + rows.size() + " shown" : n;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
