package org.fiscalscope.cli;

import java.util.List;

/** A result as an aligned text table; Chinese characters count two columns so columns stay aligned in a terminal. */
final class TextTable {

  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(header.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], width(cell(row.get(i))));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    for (int i = 0; i < widths.length; i++) {
      out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.append('\n');
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      String c = cell(cells.get(i));
      out.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(widths[i] - width(c)));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static String cell(String value) {
    return value == null ? "NULL" : value.replace('\n', ' ').replace('\t', ' ');
  }

  /** Display width: East Asian wide and full-width characters take two columns. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
