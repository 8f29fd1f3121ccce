package org.fiscalscope.document;

/** Where a document came from: input kind (json|text|pdf|csv|parquet), file name and content hash. */
public record Source(String kind, String file, String sha256) {}
