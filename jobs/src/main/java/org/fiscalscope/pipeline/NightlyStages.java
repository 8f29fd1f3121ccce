package org.fiscalscope.pipeline;

import java.util.List;

/** The stages of the nightly run, in order. */
public final class NightlyStages {

  private NightlyStages() {}

  public static List<Stage> all(Settings settings) {
    return List.of(new IngestStage());
  }
}
