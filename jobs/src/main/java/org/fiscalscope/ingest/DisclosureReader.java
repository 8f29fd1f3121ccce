package org.fiscalscope.ingest;

import java.util.List;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.extract.ExtractionException;

/** Reads a published disclosure, as text or as PDF, into a canonical document through the extractor. */
final class DisclosureReader {

  private DisclosureReader() {}

  static ReadOutcome read(String path, byte[] content, String sha256, InputKind kind) {
    FinalAccount doc;
    try {
      doc = kind == InputKind.PDF ? DisclosureExtractor.extractPdf(content, path) : DisclosureExtractor.extract(content, path);
    } catch (ExtractionException e) {
      String m = e.getMessage();
      String what = m.startsWith(path) ? m.substring(path.length()).replaceFirst("^[:\\s]+", "") : m;
      return new ReadOutcome.Rejected(path + ": " + what);
    } catch (RuntimeException | StackOverflowError e) {
      return DocumentReader.rejected(path, "the disclosure " + (kind == InputKind.PDF ? "PDF" : "text")
          + " could not be read (" + e.getClass().getSimpleName()
          + "); check that it is a final-account disclosure and report the file if it is");
    }
    FinalAccount stamped = DocumentReader.stamp(doc, kind, path, sha256);
    List<String> problems = DocumentValidator.problems(DocumentJson.tree(stamped));
    if (!problems.isEmpty()) {
      return DocumentReader.rejected(path, "the figures read from the " + (kind == InputKind.PDF ? "PDF" : "text")
          + " are not valid: " + DocumentValidator.sentence(problems));
    }
    return new ReadOutcome.Accepted(stamped);
  }
}
