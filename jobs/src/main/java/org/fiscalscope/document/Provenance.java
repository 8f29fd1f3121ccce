package org.fiscalscope.document;

/**
 * Where one figure came from: the page of a PDF source (null for text and JSON), the 1-based line of the text
 * the extractor read and the exact source text.
 */
public record Provenance(Integer page, Integer line, String text) {

  /** A figure of a source without pages. */
  public Provenance(Integer line, String text) {
    this(null, line, text);
  }
}
