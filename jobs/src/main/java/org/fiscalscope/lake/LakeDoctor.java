package org.fiscalscope.lake;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks a lake: every table present and readable, its schema as declared, its version and rows, data files the
 * current version needs but the storage lacks, files no version refers to, and commits made outside FiscalScope runs.
 * Each problem says what to do.
 */
public final class LakeDoctor {

  /** One table's health. {@code problems} is empty when it is healthy (a gold table not computed yet is). */
  public record TableHealth(LakeTable table, long version, Long rows, List<String> problems, List<String> notes) {

    public boolean isHealthy() {
      return problems.isEmpty();
    }
  }

  private final Lake lake;
  private Set<String> everRecorded;

  public LakeDoctor(Lake lake) {
    this.lake = lake;
  }

  /**
   * The tables some run recorded in ops.runs. A gold table no run has recorded was never computed (the lake has only
   * been ingested into), which is no fault; one a run recorded and the storage lacks is.
   */
  private Set<String> everRecorded() {
    if (everRecorded == null) {
      everRecorded = new HashSet<>();
      if (lake.exists(LakeTable.OPS_RUNS)) {
        for (Row r : lake.read(LakeTable.OPS_RUNS).select(org.apache.spark.sql.functions.explode(
            org.apache.spark.sql.functions.map_keys(col("table_versions")))).distinct().collectAsList()) {
          everRecorded.add(r.getString(0));
        }
      }
    }
    return everRecorded;
  }

  /** Every table of the lake, in layer order. */
  public List<TableHealth> examine() {
    return examine(LakeTable.all());
  }

  public List<TableHealth> examine(List<LakeTable> tables) {
    List<TableHealth> out = new ArrayList<>();
    for (LakeTable t : tables) {
      out.add(examine(t));
    }
    return out;
  }

  public TableHealth examine(LakeTable table) {
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long version = lake.version(table);
    if (version < 0) {
      if (table.layer() == LakeTable.Layer.GOLD && !everRecorded().contains(table.toString())) {
        notes.add("not computed yet — run `fiscalscope metrics` and `fiscalscope flags`, or `fiscalscope nightly`");
      } else {
        problems.add("missing: no Delta table at " + lake.path(table) + "; run `fiscalscope nightly` to create it");
      }
      return new TableHealth(table, version, null, problems, notes);
    }
    Dataset<Row> data;
    try {
      data = lake.read(table);
    } catch (RuntimeException e) {
      problems.add("unreadable: " + org.fiscalscope.FiscalScopeException.oneLine(e) + "; restore " + lake.path(table) + "/_delta_log from a backup");
      return new TableHealth(table, version, null, problems, notes);
    }
    problems.addAll(schemaProblems(table, data.schema()));
    List<String> missing = new ArrayList<>();
    Set<String> active = new HashSet<>();
    try {
      FileSystem fs = new Path(lake.path(table)).getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      for (String f : data.inputFiles()) {
        Path p = new Path(URI.create(f));
        active.add(p.toUri().getPath());
        if (!fs.exists(p)) {
          missing.add(p.getName());
        }
      }
      if (!missing.isEmpty()) {
        problems.add("missing data file" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
            + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : "") + " of version " + version
            + "; restore them from a backup, or roll the table back to a version without them: RESTORE TABLE delta.`"
            + lake.path(table) + "` TO VERSION AS OF <n> (see DESCRIBE HISTORY), then run `fiscalscope nightly` again");
      }
      int orphans = orphans(fs, table, active);
      if (orphans > 0) {
        notes.add(orphans + " data file" + (orphans > 1 ? "s" : "") + " no version refers to (left by an interrupted write);"
            + " harmless, removed by VACUUM delta.`" + lake.path(table) + "`");
      }
    } catch (IOException | RuntimeException e) {
      problems.add("its files cannot be listed: " + org.fiscalscope.FiscalScopeException.oneLine(e) + "; check the storage and its permissions");
    }
    Long rows = null;
    if (missing.isEmpty()) {
      try {
        rows = data.count();
      } catch (RuntimeException e) {
        problems.add("unreadable data: " + org.fiscalscope.FiscalScopeException.oneLine(e) + "; restore the file named above or roll the table back");
      }
    }
    return new TableHealth(table, version, rows, problems, notes);
  }

  /**
   * The tables changed outside a FiscalScope run since {@code run} (the last successful run) recorded their versions,
   * each naming the commits (operation and time, from the Delta log) and the RESTORE statement back to that version.
   */
  public List<OutsideWrites.Change> changedOutsideRuns(List<LakeTable> tables, RunRecord run) {
    return OutsideWrites.since(lake, tables, run);
  }

  /** Who holds the lake's run lock, or null when nobody does. */
  public String lockHolder() {
    Path file = RunLock.lockFile(lake);
    try {
      FileSystem fs = file.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        return null;
      }
      try (var in = fs.open(file)) {
        String holder = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        return RunLock.isStale(holder)
            ? "a run lock is left by a process that ended (" + holder + "); the next run takes it over"
            : "a run holds the lock (" + holder + "); tables may change while it runs";
      }
    } catch (IOException e) {
      return "the run lock " + file + " cannot be read: " + e.getMessage();
    }
  }

  /** Columns the DDL declares that the table lacks or holds with another type. */
  static List<String> schemaProblems(LakeTable table, StructType actual) {
    List<String> problems = new ArrayList<>();
    StructType declared = table.schema();
    for (StructField f : declared.fields()) {
      int i = actual.getFieldIndex(f.name()).getOrElse(() -> -1);
      if (i < 0) {
        problems.add("column " + f.name() + " is missing (schemas/tables/" + table + ".sql declares it); the table was"
            + " written by an earlier version: the next `fiscalscope nightly` adds the column (empty for rows already there)");
      } else if (!actual.fields()[i].dataType().sameType(f.dataType())) {
        problems.add("column " + f.name() + " is " + actual.fields()[i].dataType().simpleString() + ", expected "
            + f.dataType().simpleString() + "; move the table aside and run `fiscalscope nightly` to rebuild it");
      }
    }
    return problems;
  }

  /** Data files under the table folder that no commit of the log adds. */
  private int orphans(FileSystem fs, LakeTable table, Set<String> active) throws IOException {
    Path dir = new Path(lake.path(table));
    Set<String> referenced = new HashSet<>(active);
    Path log = new Path(dir, "_delta_log");
    List<String> commits = new ArrayList<>();
    for (FileStatus s : fs.listStatus(log)) {
      String n = s.getPath().getName();
      if (n.endsWith(".json") && !n.startsWith(".")) {
        commits.add(s.getPath().toString());
      }
    }
    if (!commits.isEmpty()) {
      Dataset<Row> actions = lake.spark().read().json(commits.toArray(String[]::new));
      for (String kind : List.of("add", "remove")) {
        if (List.of(actions.columns()).contains(kind)) {
          for (Row r : actions.select(col(kind + ".path")).filter(col("path").isNotNull()).collectAsList()) {
            referenced.add(new Path(dir, new Path(URI.create(r.getString(0)))).toUri().getPath());
          }
        }
      }
    }
    return (int) lake.dataFiles(table).stream().filter(p -> !referenced.contains(p.toUri().getPath())).count();
  }
}
