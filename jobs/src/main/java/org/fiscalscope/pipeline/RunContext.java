package org.fiscalscope.pipeline;

import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.lake.Lake;

/** What the stages of one run share: its id, configuration, lake, and what earlier stages changed. */
public final class RunContext {

  private final String runId;
  private final Settings settings;
  private final Lake lake;
  private final Instant startedAt;
  private String previousRun;
  private String previousConfigHash;
  private Dataset<Row> changedUnitYears;
  private boolean hasChanges;

  public RunContext(String runId, Settings settings, Lake lake, Instant startedAt) {
    this.runId = runId;
    this.settings = settings;
    this.lake = lake;
    this.startedAt = startedAt;
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

  public Instant startedAt() {
    return startedAt;
  }

  /** Unit-years whose silver rows this run wrote (columns unit_id, fiscal_year); null before ingest ran. */
  public Dataset<Row> changedUnitYears() {
    return changedUnitYears;
  }

  /** Whether ingest wrote anything to silver in this run; later stages skip their work when it did not. */
  public boolean hasChanges() {
    return hasChanges;
  }

  /** The last run over this lake that succeeded, or null. */
  public String previousRun() {
    return previousRun;
  }

  /** The configuration hash of {@link #previousRun()}. */
  public String previousConfigHash() {
    return previousConfigHash;
  }

  void recordPreviousRun(String runId, String configHash) {
    this.previousRun = runId;
    this.previousConfigHash = configHash;
  }

  void recordIngest(Dataset<Row> unitYears, boolean changed) {
    this.changedUnitYears = unitYears;
    this.hasChanges = changed;
  }
}
