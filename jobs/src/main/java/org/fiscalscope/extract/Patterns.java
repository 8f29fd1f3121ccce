package org.fiscalscope.extract;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles sentence patterns written with {AMT} (amount with unit), {PCT} (percentage) and {N} (count) placeholders. */
final class Patterns {

  private Patterns() {}

  /**
   * A pattern whose every match contains {@code anchor}, for a pattern whose alternatives hide it from
   * {@link #anchor(String)} (货物 in 政府采购货物支出 and in 货物采购金额).
   */
  static Pattern compile(String template, String anchor) {
    Pattern p = compile(template);
    ANCHORS.put(p.pattern(), anchor);
    return p;
  }

  static Pattern compile(String template) {
    return Pattern.compile(template
        .replace("{AMT}", PrintedNumbers.AMT)
        .replace("{PCT}", PrintedNumbers.PCT)
        .replace("{NUM}", PrintedNumbers.NUM)
        .replace("{N}", "(\\d{1,6})(?![\\d.])"));
  }

  /**
   * Every match, leftmost first. When the pattern holds a mandatory literal (its anchor), only windows around the
   * anchor's occurrences are searched, which keeps a few dozen patterns cheap on a 40 KB text.
   */
  static void each(Pattern p, String text, Consumer<Matcher> action) {
    String anchor = ANCHORS.computeIfAbsent(p.pattern(), Patterns::anchor);
    Matcher m = p.matcher(text);
    if (anchor.isEmpty()) {
      while (m.find()) {
        action.accept(m);
      }
      return;
    }
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int lastEnd = 0;
    for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
      int from = Math.max(lastEnd, at - WINDOW_BEFORE);
      m.region(from, Math.min(text.length(), at + anchor.length() + WINDOW_AFTER));
      while (m.find()) {
        if (m.start() >= lastEnd) {
          action.accept(m);
          lastEnd = m.end();
        }
      }
    }
  }

  private static final int WINDOW_BEFORE = 96;
  private static final int WINDOW_AFTER = 320;
  private static final java.util.Map<String, String> ANCHORS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The longest run of Chinese characters every match must contain, or "" when there is none to rely on. */
  static String anchor(String regex) {
    String s = regex.replaceAll("\\[(?:\\\\.|[^\\]\\\\])*\\]", " ").replaceAll("\\\\.", " ");
    String before;
    do {
      before = s;
      s = s.replaceAll("\\((?:\\?<?[!=:])?[^()]*\\)(?:[?*]|\\{[^}]*\\})?", " ");
    } while (!s.equals(before));
    if (s.contains("|")) {
      return "";
    }
    s = s.replaceAll(".(?:[?*]|\\{[^}]*\\})", " ");
    java.util.regex.Matcher run = Pattern.compile("[\\u4e00-\\u9fff“”、]+").matcher(s);
    String best = "";
    while (run.find()) {
      if (run.group().length() > best.length()) {
        best = run.group();
      }
    }
    return best.length() >= 2 ? best : "";
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
