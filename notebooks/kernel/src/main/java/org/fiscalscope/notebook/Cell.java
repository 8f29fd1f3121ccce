package org.fiscalscope.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A notebook cell split into its leading {@code %magic} lines and the SQL statements after them. */
public record Cell(List<MagicLine> magics, List<String> statements) {

  public static Cell parse(String source, UnaryOperator<String> env) {
    List<MagicLine> magics = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("--")) {
        continue;
      }
      if (!line.startsWith("%")) {
        break;
      }
      magics.add(MagicLine.parse(line, env));
    }
    StringBuilder sql = new StringBuilder();
    for (; i < lines.length; i++) {
      sql.append(lines[i]).append('\n');
    }
    return new Cell(List.copyOf(magics), statements(sql.toString()));
  }

  /** Statements separated by semicolons outside quotes, backticks and comments; blank ones dropped. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
      if (quote != 0) {
        current.append(c);
        if (c == '\\' && quote != '`' && next != 0) {
          current.append(next);
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '-' && next == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        current.append(sql, i, end);
        i = end - 1;
      } else if (c == '/' && next == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? sql.length() : end + 2;
        current.append(sql, i, end);
        i = end - 1;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        current.append(c);
      } else if (c == ';') {
        add(out, current);
      } else {
        current.append(c);
      }
    }
    add(out, current);
    return List.copyOf(out);
  }

  private static void add(List<String> out, StringBuilder statement) {
    String s = statement.toString().strip();
    if (!s.isEmpty() && !onlyComments(s)) {
      out.add(s);
    }
    statement.setLength(0);
  }

  private static boolean onlyComments(String s) {
    return s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)--.*$", "").isBlank();
  }
}
