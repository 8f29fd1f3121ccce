package org.fiscalscope.ingest;

import org.fiscalscope.document.FinalAccount;

/** The result of reading one landing file: a canonical document, or one sentence saying why it was refused. */
public sealed interface ReadOutcome {

  record Accepted(FinalAccount document) implements ReadOutcome {}

  record Rejected(String reason) implements ReadOutcome {}
}
