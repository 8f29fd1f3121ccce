package org.fiscalscope.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.fiscalscope.report.ReportJob;

/**
 * The report stage: gold and silver → {@code <reports>/<run date>/index.html}, a page per unit under units/, CSV exports
 * of the gold tables and the workbook.
 */
public final class ReportStage implements Stage {

  /** The stage\'s name in progress lines, run summaries and ops.runs. */
  public static final String NAME = "report";

  private final LocalDate asOf;
  private ReportJob.Result result;

  /** A report dated by the UTC day the run started. */
  public ReportStage() {
    this(null);
  }

  /** A report dated {@code asOf} (null: the UTC day the run started). */
  public ReportStage(LocalDate asOf) {
    this.asOf = asOf;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description(RunContext context) {
    return "writing " + indexPath(context);
  }

  @Override
  public StageReport run(RunContext context) {
    long start = System.nanoTime();
    result = ReportJob.run(context.lake(), context.settings().paths().reports(), runDate(context));
    return new StageReport(name(), (System.nanoTime() - start) / 1e9, Progress.counts(
        "unit_pages", result.unitPages(), "unit_sections", result.unitSections(), "charts", result.charts(),
        "flags", result.flags(), "csv_tables", result.csvTables(), "workbook_sheets", result.sheets()));
  }

  /** The report once the stage has run (its index path is what to open). */
  public ReportJob.Result result() {
    return result;
  }

  LocalDate runDate(RunContext context) {
    return asOf != null ? asOf : LocalDate.ofInstant(context.startedAt(), ZoneOffset.UTC);
  }

  String indexPath(RunContext context) {
    String root = context.settings().paths().reports();
    return (root.endsWith("/") ? root : root + "/") + runDate(context) + "/index.html";
  }
}
