package org.fiscalscope.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bytes of a landing file to text: detects UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK, and strips HTML markup. */
public final class TextDecoder {

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
  private static final Pattern BLOCK_END = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|table|section|article)\\s*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

  private TextDecoder() {}

  /** The decoded text, or null when the bytes are neither UTF-8 nor GB18030. */
  static String decode(byte[] content, String fileName) {
    String text = charsetDecode(content);
    if (text == null) {
      return null;
    }
    if (looksLikeHtml(text, fileName)) {
      text = stripHtml(text);
    }
    return text;
  }

  /** The bytes as text, HTML left as it is (e.g. a CSV export), or null when they are neither UTF-8 nor GB18030. */
  public static String plainText(byte[] content) {
    return charsetDecode(content);
  }

  private static String charsetDecode(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return strict(ByteBuffer.wrap(b, 3, b.length - 3), StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return strict(ByteBuffer.wrap(b, 2, b.length - 2), StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return strict(ByteBuffer.wrap(b, 2, b.length - 2), StandardCharsets.UTF_16BE);
    }
    String utf8 = strict(ByteBuffer.wrap(b), StandardCharsets.UTF_8);
    if (utf8 != null) {
      return utf8;
    }
    return strict(ByteBuffer.wrap(b), GB18030);
  }

  private static String strict(ByteBuffer bytes, Charset charset) {
    try {
      CharBuffer chars = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      String s = chars.toString();
      return s.indexOf('\u0000') >= 0 ? null : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean looksLikeHtml(String text, String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml") || name.endsWith(".xhtml")) {
      return true;
    }
    String head = text.substring(0, Math.min(text.length(), 512)).stripLeading().toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html");
  }

  static String stripHtml(String html) {
    String s = COMMENT.matcher(html).replaceAll("");
    s = SCRIPT.matcher(s).replaceAll("");
    s = s.replaceAll("[\\r\\n]+", " ");
    s = CELL_END.matcher(s).replaceAll(" |");
    s = BLOCK_END.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    return unescape(s);
  }

  private static String unescape(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String entity(String name, String whole) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
      }
      if (name.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return whole;
    }
    return switch (name) {
      case "nbsp", "ensp", "emsp" -> " ";
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "ldquo" -> "“";
      case "rdquo" -> "”";
      case "middot" -> "·";
      case "mdash" -> "—";
      default -> whole;
    };
  }
}
