package org.fiscalscope.extract;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Folds one line of disclosure text to the form the patterns expect: full-width digits and punctuation to
 * ASCII (NFKC), traditional to simplified characters, and inline pinyin annotations such as 經(jīng) removed.
 */
final class LineFolder {

  private static final char[] TABLE = new char[Character.MAX_VALUE + 1];
  private static final Pattern PINYIN = Pattern.compile(
      "(?<=[\\u4e00-\\u9fff])\\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\)");

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      TABLE[c] = (char) c;
      if (c >= 0x80 && !Character.isSurrogate((char) c) && !Character.isIdeographic(c)
          || c >= 0xF900 && c <= 0xFAFF) {
        String n = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKC);
        if (n.length() == 1) {
          TABLE[c] = n.charAt(0);
        }
      }
    }
    TraditionalChinese.applyTo(TABLE);
    TABLE['\t'] = ' ';
    TABLE['\f'] = ' ';
    TABLE['\u000b'] = ' ';
    TABLE['\u200b'] = ' ';
    TABLE['\u200c'] = ' ';
    TABLE['\u200d'] = ' ';
    TABLE['\ufeff'] = ' ';
    TABLE['\u3000'] = ' ';
    TABLE['\u00a0'] = ' ';
    TABLE['｜'] = '|';
    TABLE['－'] = '-';
    TABLE['〇'] = '〇';
  }

  /** The same folding, but Chinese punctuation (（）：，；) kept as printed: for table cells whose text is shown. */
  private static final char[] CELL = TABLE.clone();

  static {
    for (char c : "（）：，；".toCharArray()) {
      CELL[c] = c;
    }
  }

  private LineFolder() {}

  /** A table cell folded like a line, its Chinese punctuation kept (names read from it keep their （）). */
  static String cell(String raw) {
    char[] out = new char[raw.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = CELL[raw.charAt(i)];
    }
    return new String(out);
  }

  static String line(String raw) {
    char[] out = new char[raw.length()];
    boolean parenthesis = false;
    for (int i = 0; i < out.length; i++) {
      char c = TABLE[raw.charAt(i)];
      out[i] = c;
      parenthesis |= c == '(';
    }
    String s = new String(out);
    return parenthesis ? PINYIN.matcher(s).replaceAll("") : s;
  }
}
