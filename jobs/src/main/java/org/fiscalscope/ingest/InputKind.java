package org.fiscalscope.ingest;

import java.util.Locale;

/** What a landing file is, judged by its name: a canonical JSON document or a published disclosure text. */
public enum InputKind {
  JSON("json"),
  TEXT("text"),
  UNSUPPORTED("unsupported");

  private final String label;

  InputKind(String label) {
    this.label = label;
  }

  /** The value stored in {@code kind} columns and {@code source.kind}. */
  public String label() {
    return label;
  }

  public static InputKind of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".html") || name.endsWith(".htm")) {
      return TEXT;
    }
    return UNSUPPORTED;
  }
}
