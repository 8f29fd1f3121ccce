package org.fiscalscope.ingest;

import java.util.List;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Refusal;
import org.fiscalscope.tables.StandardTablesReader;

/** Reads a workbook (XLSX, XLS) or a CSV export of the standard tables 公开01–09表 into a canonical document. */
final class TablesReader {

  private TablesReader() {}

  static ReadOutcome read(InputKind kind, String path, byte[] content, String sha256) {
    StandardTablesReader.Result result;
    try {
      result = StandardTablesReader.read(List.of(new StandardTablesReader.TableFile(path, content)));
    } catch (RuntimeException | StackOverflowError e) {
      return DocumentReader.rejected(path, Problem.TABLES_UNREADABLE.with(e.getClass().getSimpleName()));
    }
    if (result instanceof StandardTablesReader.Result.Refused refused) {
      return new ReadOutcome.Rejected(refused.refusal());
    }
    FinalAccount doc = ((StandardTablesReader.Result.Read) result).document();
    FinalAccount stamped = DocumentReader.stamp(doc, kind, path, sha256);
    List<Reason> problems = DocumentValidator.reasons(DocumentJson.tree(stamped));
    if (!problems.isEmpty()) {
      return new ReadOutcome.Rejected(Refusal.of(path + ": the figures read from the tables are not valid", problems));
    }
    return new ReadOutcome.Accepted(stamped);
  }
}
