package org.fiscalscope.ingest;

import java.util.List;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Refusal;
import org.fiscalscope.problem.Text;

/** Reads a published disclosure, as text or as PDF, into a canonical document through the extractor. */
final class DisclosureReader {

  private DisclosureReader() {}

  static ReadOutcome read(String path, byte[] content, String sha256, InputKind kind) {
    FinalAccount doc;
    try {
      doc = kind == InputKind.PDF ? DisclosureExtractor.extractPdf(content, path) : DisclosureExtractor.extract(content, path);
    } catch (FiscalScopeException e) {
      return DocumentReader.rejected(path, e.reason());
    } catch (RuntimeException | StackOverflowError e) {
      return DocumentReader.rejected(path, Problem.DISCLOSURE_UNREADABLE.with(
          kind == InputKind.PDF ? Text.of("PDF", "PDF") : Text.of("text", "文本"), e.getClass().getSimpleName()));
    }
    FinalAccount stamped = DocumentReader.stamp(doc, kind, path, sha256);
    List<Reason> problems = DocumentValidator.reasons(DocumentJson.tree(stamped));
    if (!problems.isEmpty()) {
      return new ReadOutcome.Rejected(Refusal.of(path + ": the figures read from the "
          + (kind == InputKind.PDF ? "PDF" : "text") + " are not valid", problems));
    }
    return new ReadOutcome.Accepted(stamped);
  }
}
