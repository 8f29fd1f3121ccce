package org.fiscalscope.pipeline;

import java.util.List;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.lake.LakeTable.Layer;
import org.fiscalscope.lake.LakeTable.Owner;

/** The stages of the nightly run, in order. */
public final class NightlyStages {

  private static final List<LakeTable> SILVER = LakeTable.inLayers(Layer.SILVER);
  private static final List<LakeTable> SILVER_AND_GOLD = LakeTable.inLayers(Layer.SILVER, Layer.GOLD);

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
        WhenInputsChanged.writing(new MetricsStage(), SILVER, LakeTable.ownedBy(Owner.METRICS)),
        WhenInputsChanged.writing(new FlagsStage(), SILVER_AND_GOLD, LakeTable.ownedBy(Owner.FLAGS)),
        WhenInputsChanged.writingFile(report, SILVER_AND_GOLD, report::indexPath));
  }

  /** The names of the nightly's stages, in the order they run. */
  public static List<String> names() {
    return all(Settings.defaults(), null).stream().map(Stage::name).toList();
  }
}
