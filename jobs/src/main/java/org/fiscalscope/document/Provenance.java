package org.fiscalscope.document;

/**
 * Where one figure came from: the page of a PDF source (null for text and JSON), the 1-based line of the text
 * the extractor read and the exact source text; in a document merged from several files, also the file and its key
 * ({@code sha256}) — otherwise the figure is from the document's own source.
 */
public record Provenance(Integer page, Integer line, String text, String file, String sha256) {

  /** A figure of a source without pages. */
  public Provenance(Integer line, String text) {
    this(null, line, text, null, null);
  }

  /** A figure of a PDF source. */
  public Provenance(Integer page, Integer line, String text) {
    this(page, line, text, null, null);
  }
}
