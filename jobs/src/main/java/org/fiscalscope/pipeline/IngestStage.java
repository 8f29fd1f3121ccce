package org.fiscalscope.pipeline;

import java.util.List;
import org.fiscalscope.ingest.IngestJob;
import org.fiscalscope.lake.LakeTable;

/** The ingest stage: landing folder → bronze → silver. */
public final class IngestStage implements Stage {

  /** The tables ingest writes: every one exists after it, even one no row has reached (no reject, no finding). */
  public static final List<LakeTable> WRITES = LakeTable.ownedBy(LakeTable.Owner.INGEST);

  private IngestJob.Result result;

  @Override
  public String name() {
    return LakeTable.Owner.INGEST.verb();
  }

  @Override
  public String description(RunContext context) {
    return "reading " + context.settings().paths().landing();
  }

  @Override
  public StageReport run(RunContext context) {
    long start = System.nanoTime();
    Settings.IngestSettings ingest = context.settings().ingest();
    result = IngestJob.run(context.lake(), context.settings().paths().landing(), context.runId(),
        ingest.maxFileMb() * 1_048_576L, ingest.parseMemoryMb(), ingest.batchFiles(),
        files -> context.queryMode().forLake(context.lake(), files),
        batch -> context.progress().line(String.format(java.util.Locale.ROOT, "      %-9s batch %d of %d: %d new files",
            name(), batch.number(), batch.of(), batch.files())));
    WRITES.forEach(context.lake()::ensure);
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
