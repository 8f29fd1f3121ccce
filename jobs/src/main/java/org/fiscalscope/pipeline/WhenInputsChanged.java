package org.fiscalscope.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;
import org.fiscalscope.lake.LakeTable;

/**
 * Runs a stage only when its inputs may have changed since the last successful run: an input table at another
 * version than that run left it (so the work of a killed run is redone), another configuration, its output
 * missing, or rows of the lake changed outside a run (gold is then rebuilt). Otherwise the stage is reported as
 * skipped and writes nothing.
 */
public final class WhenInputsChanged implements Stage {

  private final Stage stage;
  private final List<LakeTable> inputs;
  private final String outputName;
  private final Predicate<RunContext> outputPresent;

  public WhenInputsChanged(Stage stage, List<LakeTable> inputs, String outputName, Predicate<RunContext> outputPresent) {
    this.stage = stage;
    this.inputs = List.copyOf(inputs);
    this.outputName = outputName;
    this.outputPresent = outputPresent;
  }

  /** A stage reading {@code inputs} whose output is lake tables: present when every one of them exists. */
  public static WhenInputsChanged writing(Stage stage, List<LakeTable> inputs, List<LakeTable> outputs) {
    String names = outputs.stream().map(LakeTable::toString).collect(java.util.stream.Collectors.joining(", "));
    return new WhenInputsChanged(stage, inputs, names, context -> outputs.stream().allMatch(context.lake()::exists));
  }

  /** A stage reading {@code inputs} whose output is a file (e.g. the day's report). */
  public static WhenInputsChanged writingFile(Stage stage, List<LakeTable> inputs,
                                              java.util.function.Function<RunContext, String> file) {
    return new WhenInputsChanged(stage, inputs, "the output file", context -> {
      Path p = new Path(file.apply(context));
      try {
        return p.getFileSystem(context.lake().spark().sparkContext().hadoopConfiguration()).exists(p);
      } catch (IOException e) {
        return false;
      }
    });
  }

  @Override
  public String name() {
    return stage.name();
  }

  @Override
  public String description(RunContext context) {
    return reason(context) == null ? "nothing new since run " + context.previousRun() + ": skipped"
        : stage.description(context);
  }

  @Override
  public StageReport run(RunContext context) {
    if (reason(context) == null) {
      return new StageReport(name(), 0.0, Map.of("stage_skipped", 1L));
    }
    return stage.run(context);
  }

  /** Why the stage must run, or null when nothing it reads has changed. */
  private String reason(RunContext context) {
    if (!outputPresent.test(context)) {
      return outputName + " missing";
    }
    if (context.previousRun() == null) {
      return "no earlier successful run";
    }
    if (context.hasRowsChangedOutside()) {
      return "tables changed outside a run";
    }
    for (LakeTable t : inputs) {
      if (context.lake().version(t) != context.previousVersions().getOrDefault(t.toString(), -1L)) {
        return t + " changed";
      }
    }
    if (!context.settings().hash().equals(context.previousConfigHash())) {
      return "configuration changed";
    }
    return null;
  }
}
