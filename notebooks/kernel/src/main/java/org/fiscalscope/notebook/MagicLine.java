package org.fiscalscope.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code %magic} line of a cell: its name, positional words and {@code key=value} options. Words may be quoted
 * ("two words") and may name environment variables as {@code ${NAME}} or {@code ${NAME:-default}}.
 */
public record MagicLine(String name, List<String> args, Map<String, String> options) {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
  private static final Pattern OPTION = Pattern.compile("([a-z_]+)=(.*)", Pattern.DOTALL);

  /** Parses a line starting with {@code %}; {@code env} looks up environment variables (null when unset). */
  public static MagicLine parse(String line, UnaryOperator<String> env) {
    String body = line.strip();
    if (!body.startsWith("%")) {
      throw new IllegalArgumentException("a magic line starts with %: " + line);
    }
    List<String> words = words(body.substring(1), env);
    if (words.isEmpty() || words.get(0).isBlank()) {
      throw new SqlError("a magic needs a name after %, e.g. %lake, %as_of, %chart, %source");
    }
    List<String> args = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (String w : words.subList(1, words.size())) {
      Matcher m = OPTION.matcher(w);
      if (m.matches()) {
        options.put(m.group(1), m.group(2));
      } else {
        args.add(w);
      }
    }
    return new MagicLine(words.get(0), List.copyOf(args), Map.copyOf(options));
  }

  public String arg(int i, String fallback) {
    return i < args.size() ? args.get(i) : fallback;
  }

  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  private static List<String> words(String s, UnaryOperator<String> env) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(expand(w.toString(), env));
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new SqlError("unclosed quote " + quote + " in %" + s.strip());
    }
    if (inWord) {
      out.add(expand(w.toString(), env));
    }
    return out;
  }

  static String expand(String word, UnaryOperator<String> env) {
    Matcher m = VARIABLE.matcher(word);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null || value.isEmpty()) {
        value = m.group(2);
      }
      if (value == null) {
        throw new SqlError("environment variable " + m.group(1) + " is not set and " + m.group() + " gives no default;"
            + " write ${" + m.group(1) + ":-default}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
