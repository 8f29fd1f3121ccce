package org.fiscalscope.document;

/** Where one figure came from: 1-based line number in the source and the exact source text. */
public record Provenance(Integer line, String text) {}
