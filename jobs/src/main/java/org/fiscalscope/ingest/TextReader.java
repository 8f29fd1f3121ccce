package org.fiscalscope.ingest;

/** Reads a published disclosure text into a canonical document through the extractor. */
final class TextReader {

  private TextReader() {}

  static ReadOutcome read(String path, byte[] content, String sha256) {
    return DocumentReader.rejected(path, "disclosure texts are not read by this build; send a canonical JSON document");
  }
}
