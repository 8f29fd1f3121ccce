package org.fiscalscope.lake;

import java.time.Instant;
import java.util.Map;

/** One row of ops.runs as time travel needs it: which run, when it finished, the Delta version of each table after it. */
public record RunRecord(String runId, Instant startedAt, Instant finishedAt, String status, Map<String, Long> tableVersions) {

  public RunRecord {
    tableVersions = tableVersions == null ? Map.of() : Map.copyOf(tableVersions);
  }
}
