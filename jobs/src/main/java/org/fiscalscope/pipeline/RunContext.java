package org.fiscalscope.pipeline;

import java.time.Instant;
import org.fiscalscope.lake.Lake;

/** What the stages of one run share: its id, configuration, lake, and the last successful run before it. */
public final class RunContext {

  private final String runId;
  private final Settings settings;
  private final Lake lake;
  private final Instant startedAt;
  private final org.fiscalscope.lake.QueryMode queryMode;
  private String previousRun;
  private String previousConfigHash;
  private java.util.Map<String, Long> previousVersions = java.util.Map.of();
  private java.util.List<org.fiscalscope.lake.OutsideWrites.Change> outsideChanges = java.util.List.of();

  private final Progress progress;

  public RunContext(String runId, Settings settings, Lake lake, Instant startedAt, Progress progress) {
    this.progress = progress;
    this.runId = runId;
    this.settings = settings;
    this.lake = lake;
    this.startedAt = startedAt;
    this.queryMode = org.fiscalscope.lake.QueryMode.of(lake.spark());
  }

  public String runId() {
    return runId;
  }

  public Settings settings() {
    return settings;
  }

  public Lake lake() {
    return lake;
  }

  /** Where a stage tells of its steps (a batch of a large ingest) between its start and end lines. */
  public Progress progress() {
    return progress;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /**
   * How the run's queries run (interpreted and planned once, or as generated code planned adaptively), chosen stage
   * by stage by size.
   */
  public org.fiscalscope.lake.QueryMode queryMode() {
    return queryMode;
  }

  /** The last run over this lake that succeeded, or null. */
  public String previousRun() {
    return previousRun;
  }

  /** The configuration hash of {@link #previousRun()}. */
  public String previousConfigHash() {
    return previousConfigHash;
  }

  /** The Delta version of every table as {@link #previousRun()} left it. */
  public java.util.Map<String, Long> previousVersions() {
    return previousVersions;
  }

  /** Tables found changed outside a FiscalScope run when this run started. */
  public java.util.List<org.fiscalscope.lake.OutsideWrites.Change> outsideChanges() {
    return outsideChanges;
  }

  /** Whether a table's rows were changed outside a run: the stages that build on the lake then run whatever else changed. */
  public boolean hasRowsChangedOutside() {
    return outsideChanges.stream().anyMatch(org.fiscalscope.lake.OutsideWrites.Change::hasChangedRows);
  }

  void recordOutsideChanges(java.util.List<org.fiscalscope.lake.OutsideWrites.Change> changes) {
    this.outsideChanges = java.util.List.copyOf(changes);
  }

  void recordPreviousRun(String runId, String configHash, java.util.Map<String, Long> versions) {
    this.previousRun = runId;
    this.previousConfigHash = configHash;
    this.previousVersions = versions == null ? java.util.Map.of() : java.util.Map.copyOf(versions);
  }

}
