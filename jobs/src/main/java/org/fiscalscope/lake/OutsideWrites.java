package org.fiscalscope.lake;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * Finds what changed lake tables outside FiscalScope runs since a run recorded their versions in ops.runs: each
 * commit after the recorded version that does not carry a run's mark ({@link RunMark}) — a DELETE, UPDATE, RESTORE,
 * VACUUM … made through Delta directly — with its operation and time, and the RESTORE statement that returns the
 * table to the recorded version. A RESTORE back to a version a run left undoes the changes before it. Reads only the
 * Delta log, and only of tables whose version moved.
 */
public final class OutsideWrites {

  /** Operations that rewrite or remove files without changing the rows of the table's current version. */
  private static final Set<String> ROWS_KEPT = Set.of("OPTIMIZE", "VACUUM START", "VACUUM END");
  /** Operation parameters worth showing, in this order. */
  private static final List<String> SHOWN = List.of("predicate", "mode", "version", "timestamp", "specifiedRetentionMillis");
  private static final int MAX_COMMITS = 1_000;

  private OutsideWrites() {}

  /** One commit made outside a run: its version, time, Delta operation and the parameters that say what it did. */
  public record Commit(long version, Instant at, String operation, String parameters) {

    boolean keepsRows() {
      return ROWS_KEPT.contains(operation);
    }

    String describe() {
      return "version " + version + ", " + operation + " at " + at + (parameters.isEmpty() ? "" : " (" + parameters + ")");
    }
  }

  /**
   * A table changed outside a run after run {@code runId} left it at {@code recordedVersion} (-1: it had no such
   * table); {@code currentVersion} is -1 when the table is gone. {@code hasChangedRows} is false when the commits only
   * rewrote or removed files (OPTIMIZE, VACUUM), so the rows are those the run left.
   */
  public record Change(LakeTable table, String path, String runId, long recordedVersion, long currentVersion,
                       List<Commit> commits, boolean hasChangedRows) {

    /** The statement that returns the table to the version the run left, or null when there is none to return to. */
    public String restoreStatement() {
      return recordedVersion >= 0 && currentVersion >= 0
          ? "RESTORE TABLE delta.`" + path.replace("`", "``") + "` TO VERSION AS OF " + recordedVersion : null;
    }

    /** One line: what changed, when, and how to undo it. */
    public String describe() {
      String after = "after run " + runId + (recordedVersion >= 0 ? " left it at version " + recordedVersion : ", which had no such table");
      if (currentVersion < 0) {
        return table + " was removed outside a FiscalScope run " + after + "; restore " + path + " from a backup";
      }
      if (currentVersion < recordedVersion) {
        return table + " was replaced outside a FiscalScope run " + after + " (it is at version " + currentVersion
            + " now); move " + path + " aside and restore it from a backup";
      }
      String what = commits.stream().map(Commit::describe).collect(Collectors.joining("; "));
      if (!hasChangedRows) {
        boolean vacuum = commits.stream().anyMatch(c -> c.operation().startsWith("VACUUM"));
        return table + " had its files rewritten outside a FiscalScope run " + after + ": " + what + "; its rows are"
            + " unchanged" + (vacuum ? ", but versions before the VACUUM may no longer be readable (time travel, --as-of)" : "");
      }
      return table + " was changed outside a FiscalScope run " + after + ": " + what + "; "
          + (restoreStatement() != null ? "undo it with " + restoreStatement()
              : "it was created outside a run: move " + path + " aside");
    }
  }

  /** The tables of {@code tables} changed outside a run since {@code run} recorded their versions. */
  public static List<Change> since(Lake lake, List<LakeTable> tables, RunRecord run) {
    List<Change> changes = new ArrayList<>();
    for (LakeTable t : tables) {
      long recorded = run.tableVersions().getOrDefault(t.toString(), -1L);
      long current = lake.version(t);
      if (current == recorded) {
        continue;
      }
      if (current < recorded) {
        changes.add(new Change(t, lake.path(t), run.runId(), recorded, current, List.of(), true));
        continue;
      }
      List<Row> history = DeltaTable.forPath(lake.spark(), lake.path(t))
          .history((int) Math.min(current - recorded, MAX_COMMITS))
          .select("version", "timestamp", "operation", "operationParameters", "userMetadata").collectAsList();
      Change change = judge(t, lake.path(t), run.runId(), recorded, current, history);
      if (change != null) {
        changes.add(change);
      }
    }
    return changes;
  }

  /**
   * The change shown by the commits after {@code recorded}, or null when every one was a run's or was undone by a
   * RESTORE to a version whose rows a run left.
   */
  static Change judge(LakeTable table, String path, String runId, long recorded, long current, List<Row> history) {
    List<Row> commits = new ArrayList<>(history);
    commits.sort(Comparator.comparingLong(r -> r.getLong(0)));
    List<Commit> outside = new ArrayList<>();
    Map<Long, Boolean> rowsAsRunsLeftThem = new HashMap<>();
    boolean asRunsLeftThem = true;
    for (Row r : commits) {
      long version = r.getLong(0);
      if (version <= recorded) {
        continue;
      }
      if (!RunMark.isRun(r.isNullAt(4) ? null : r.getString(4))) {
        Map<String, String> parameters = r.isNullAt(3) ? Map.of() : r.getJavaMap(3);
        Commit c = new Commit(version, r.getTimestamp(1).toInstant(), r.getString(2), shown(parameters));
        if (c.operation().equals("RESTORE") && restoresRunRows(parameters, recorded, rowsAsRunsLeftThem)) {
          outside.removeIf(earlier -> !earlier.keepsRows());
          asRunsLeftThem = true;
        } else {
          outside.add(c);
          asRunsLeftThem &= c.keepsRows();
        }
      }
      rowsAsRunsLeftThem.put(version, asRunsLeftThem);
    }
    return outside.isEmpty() ? null : new Change(table, path, runId, recorded, current, List.copyOf(outside), !asRunsLeftThem);
  }

  /** Whether a RESTORE went back to the rows runs left: the recorded version, or a later one no outside commit changed. */
  private static boolean restoresRunRows(Map<String, String> parameters, long recorded, Map<Long, Boolean> later) {
    String v = parameters.get("version");
    if (v == null || v.isBlank() || v.equals("null")) {
      return false; // restored to a time: not judged
    }
    try {
      long target = Long.parseLong(v.trim());
      return target == recorded || later.getOrDefault(target, false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String shown(Map<String, String> parameters) {
    List<String> parts = new ArrayList<>();
    for (String key : SHOWN) {
      String value = parameters.get(key);
      if (value != null && !value.isBlank() && !value.equals("null")) {
        parts.add(key + " " + (value.length() > 120 ? value.substring(0, 120) + "…" : value));
      }
    }
    return String.join(", ", parts);
  }
}
