package org.fiscalscope.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeDoctor;
import org.fiscalscope.lake.OutsideWrites;
import org.fiscalscope.lake.RunRecord;
import org.fiscalscope.pipeline.Run;
import org.fiscalscope.pipeline.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code doctor}: checks a lake and says what to do about each problem. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Check a lake: every table present and readable, schema as declared, version and rows,",
        "data files missing from storage, files no version refers to, tables changed outside a FiscalScope run",
        "since the last successful run (with the RESTORE statement that undoes it), a run lock left behind.",
        "Gold tables of a lake that was only ingested into are listed as not computed yet, which is no problem."},
    footer = {"", "Exit codes: 0 healthy, 1 problems found (each printed with what to do)."})
final class DoctorCommand implements Callable<Integer> {

  @Mixin
  LakeOptions lakeOptions;

  @Override
  public Integer call() {
    Settings settings = lakeOptions.settings(null, null);
    SparkSession spark = LakeOptions.spark("doctor", settings);
    Lake lake = LakeOptions.lake(spark, settings);
    int problems = 0;
    System.out.println("lake " + lake.root());
    for (LakeDoctor.TableHealth h : new LakeDoctor(lake).examine()) {
      String state = !h.isHealthy() ? "PROBLEM" : h.version() < 0 ? "not yet" : "ok     ";
      String detail = h.version() < 0 ? "" : "version " + h.version() + (h.rows() == null ? "" : ", " + h.rows() + " rows");
      System.out.printf("  %s %-26s %s%n", state, h.table(), detail);
      for (String p : h.problems()) {
        System.out.println("      problem: " + p);
      }
      for (String n : h.notes()) {
        System.out.println("      note: " + n);
      }
      problems += h.problems().size();
    }
    problems += reportOutsideChanges(lake);
    String lock = new LakeDoctor(lake).lockHolder();
    if (lock != null) {
      System.out.println("  note: " + lock);
    }
    System.out.println(problems == 0 ? "healthy" : problems + " problem" + (problems > 1 ? "s" : "") + " found");
    return problems == 0 ? 0 : 1;
  }

  /** Prints the tables changed outside a run since the last successful one; returns the number of problems. */
  private static int reportOutsideChanges(Lake lake) {
    java.util.Optional<RunRecord> last;
    try {
      last = Run.lastSuccessful(lake);
    } catch (RuntimeException e) {
      System.out.println("  note: ops.runs cannot be read, so changes made outside a run cannot be checked: "
          + org.fiscalscope.FiscalScopeException.oneLine(e));
      return 0;
    }
    if (last.isEmpty()) {
      return 0;
    }
    int problems = 0;
    for (OutsideWrites.Change c : new LakeDoctor(lake).changedOutsideRuns(Run.TABLES, last.get())) {
      if (c.hasChangedRows()) {
        System.out.println("  PROBLEM " + c.describe());
        problems++;
      } else {
        System.out.println("  note: " + c.describe());
      }
    }
    return problems;
  }
}
