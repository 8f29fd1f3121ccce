package org.fiscalscope.pipeline;

/** One stage of a run (ingest, metrics, flags, report): does its work and says what it did. */
public interface Stage {

  String name();

  /** A few words shown when the stage starts. */
  String description(RunContext context);

  StageReport run(RunContext context);
}
