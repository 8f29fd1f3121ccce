package org.fiscalscope.ingest;

import java.util.List;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.extract.ExtractionException;

/** Reads a published disclosure text into a canonical document through the extractor. */
final class TextReader {

  private TextReader() {}

  static ReadOutcome read(String path, byte[] content, String sha256) {
    FinalAccount doc;
    try {
      doc = DisclosureExtractor.extract(content, path);
    } catch (ExtractionException e) {
      String m = e.getMessage();
      String what = m.startsWith(path) ? m.substring(path.length()).replaceFirst("^[:\\s]+", "") : m;
      return new ReadOutcome.Rejected(path + ": " + what);
    } catch (RuntimeException | StackOverflowError e) {
      return DocumentReader.rejected(path, "the disclosure text could not be read (" + e.getClass().getSimpleName()
          + "); check that it is a final-account disclosure and report the file if it is");
    }
    FinalAccount stamped = DocumentReader.stamp(doc, InputKind.TEXT, path, sha256);
    List<String> problems = DocumentValidator.problems(DocumentJson.tree(stamped));
    if (!problems.isEmpty()) {
      return DocumentReader.rejected(path, "the figures read from the text are not valid: " + problems.get(0));
    }
    return new ReadOutcome.Accepted(stamped);
  }
}
