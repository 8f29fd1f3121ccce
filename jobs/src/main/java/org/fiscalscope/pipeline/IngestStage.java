package org.fiscalscope.pipeline;

import org.fiscalscope.ingest.IngestJob;

/** The ingest stage: landing folder → bronze → silver. */
public final class IngestStage implements Stage {

  private IngestJob.Result result;

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String description(RunContext context) {
    return "reading " + context.settings().paths().landing();
  }

  @Override
  public StageReport run(RunContext context) {
    long start = System.nanoTime();
    result = IngestJob.run(context.lake(), context.settings().paths().landing(), context.runId(),
        context.settings().ingest().maxFileMb() * 1_048_576L);
    return new StageReport(name(), (System.nanoTime() - start) / 1e9, Progress.counts(
        "files_seen", result.filesSeen(), "new_documents", result.newDocuments(),
        "skipped", result.skipped(), "rejected", result.rejected(), "duplicate_files", result.duplicateFiles(),
        "still_refused", result.stillRefused()));
  }

  /** The ingest result once the stage has run. */
  public IngestJob.Result result() {
    return result;
  }
}
