package org.fiscalscope.ingest;

import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.problem.Refusal;

/** The result of reading one landing file: a canonical document, or why it was refused (its code and sentence). */
public sealed interface ReadOutcome {

  record Accepted(FinalAccount document) implements ReadOutcome {}

  record Rejected(Refusal refusal) implements ReadOutcome {

    /** One line naming the file, every problem and its fix: bronze.rejects.reason. */
    public String reason() {
      return refusal.line();
    }

    /** The code of the most important problem: bronze.rejects.reason_code. */
    public String code() {
      return refusal.code();
    }
  }
}
