package org.fiscalscope.pipeline;

import java.util.List;
import org.fiscalscope.flags.FlagsStage;
import org.fiscalscope.lake.TableName;
import org.fiscalscope.metrics.MetricsStage;

/** The stages of the nightly run, in order. */
public final class NightlyStages {

  private static final List<TableName> SILVER = Run.TABLES.stream().filter(t -> t.layer().equals("silver")).toList();
  private static final List<TableName> SILVER_AND_GOLD = Run.TABLES.stream()
      .filter(t -> t.layer().equals("silver") || t.layer().equals("gold")).toList();

  private NightlyStages() {}

  /**
   * Ingest, metrics, flags and the report; the last three are skipped when nothing they read changed since the last
   * successful nightly run and their output is there. The report is filed under {@code asOf} (null: the UTC day
   * the run starts).
   */
  public static List<Stage> all(Settings settings, java.time.LocalDate asOf) {
    ReportStage report = new ReportStage(asOf);
    return List.of(
        new IngestStage(),
        WhenInputsChanged.writing(new MetricsStage(), SILVER, TableName.of("gold.execution")),
        WhenInputsChanged.writing(new FlagsStage(), SILVER_AND_GOLD, TableName.of("gold.flags")),
        WhenInputsChanged.writingFile(report, SILVER_AND_GOLD, report::indexPath));
  }
}
