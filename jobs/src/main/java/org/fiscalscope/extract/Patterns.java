package org.fiscalscope.extract;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles sentence patterns written with {AMT} (amount with unit), {PCT} (percentage) and {N} (count) placeholders. */
final class Patterns {

  private Patterns() {}

  static Pattern compile(String template) {
    return Pattern.compile(template
        .replace("{AMT}", Amounts.AMT)
        .replace("{PCT}", Amounts.PCT)
        .replace("{NUM}", Amounts.NUM)
        .replace("{N}", "(\\d{1,6})(?![\\d.])"));
  }

  static void each(Pattern p, CharSequence text, Consumer<Matcher> action) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      action.accept(m);
    }
  }

  /** Start of the clause holding {@code pos}: just after the nearest preceding 。；，：or ; , : */
  static int clauseStart(String flow, int pos) {
    for (int i = pos - 1; i >= 0; i--) {
      char c = flow.charAt(i);
      if (c == '。' || c == ';' || c == ',' || c == ':' || c == '|') {
        return i + 1;
      }
      if (pos - i > 24) {
        return i;
      }
    }
    return 0;
  }

  /** Whether the clause before {@code pos} narrows the statement to fiscal appropriations. */
  static boolean scopedToAppropriation(String flow, int pos) {
    return flow.substring(clauseStart(flow, pos), pos).contains("财政拨款");
  }
}
