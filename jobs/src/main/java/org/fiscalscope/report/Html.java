package org.fiscalscope.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/** Escaping and number formatting for the report's HTML: every piece of lake data goes through here. */
final class Html {

  private Html() {}

  /** Text safe inside an element or a double-quoted attribute; null becomes empty. */
  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    // Most texts (names, explanations) hold nothing to escape: returned as they are, not copied.
    int i = 0;
    while (i < s.length() && "&<>\"'".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** An element id for a unit's section: hex of its UTF-8 id, so any unit id (Chinese names included) is a valid fragment. */
  static String unitAnchor(String unitId) {
    return "unit-" + HexFormat.of().formatHex(unitId.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The file of a unit's page under {@code units/}: {@code unit-} and the hex of its UTF-8 id (any id, Chinese names
   * included, becomes a portable file name the same on every file system), or of the id's SHA-256 when that would be
   * longer than a file name should be.
   */
  static String unitFile(String unitId) {
    byte[] id = unitId.getBytes(StandardCharsets.UTF_8);
    if (id.length <= 60) {
      return "unit-" + HexFormat.of().formatHex(id) + ".html";
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(id);
      return "unit-h" + HexFormat.of().formatHex(digest) + ".html";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An amount in 万元 with thousands separators and 2 decimals; "—" when absent. */
  static String money(BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    // The digits grouped by hand: String.format's %,.2f of a BigDecimal was 40 % of rendering a unit page.
    String plain = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    int sign = plain.charAt(0) == '-' ? 1 : 0;
    int point = plain.length() - 3;
    StringBuilder b = new StringBuilder(plain.length() + (point - sign) / 3);
    b.append(plain, 0, sign);
    for (int i = sign; i < point; i++) {
      if (i > sign && (point - i) % 3 == 0) {
        b.append(',');
      }
      b.append(plain.charAt(i));
    }
    return b.append(plain, point, plain.length()).toString();
  }

  /** A percentage with 2 decimals and a % sign; "—" when absent. */
  static String pct(BigDecimal rate) {
    return rate == null ? "—" : rate.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static String pct(Double rate) {
    return rate == null || rate.isNaN() ? "—" : String.format(Locale.ROOT, "%.2f%%", rate);
  }

  /** A plain number with up to 2 decimals; "—" when absent. */
  static String num(Double value) {
    return value == null || value.isNaN() ? "—"
        : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static String num(BigDecimal value) {
    return value == null ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
