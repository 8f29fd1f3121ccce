package org.fiscalscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fiscalscope.cli.Main;

/**
 * Runs the real {@code nightly} verb in this JVM on a landing zone, each time into a fresh lake, and reads the
 * per-stage seconds from its run summary.
 */
public final class NightlyBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String master;
  private final PrintStream log;

  public NightlyBench(String master, PrintStream log) {
    this.master = master;
    this.log = log;
  }

  /** Writes the generated district of {@code scale} (fixed seed) to {@code landing} and returns it. */
  public Path generate(Scale scale, long seed, Path landing) {
    int code = Main.run("generate", "--units", String.valueOf(scale.units()), "--years", String.valueOf(scale.years()),
        "--out", landing.toString(), "--seed", String.valueOf(seed));
    if (code != 0) {
      throw new IllegalStateException("generate failed for " + scale.label() + " (exit " + code + ")");
    }
    return landing;
  }

  /** One nightly run into {@code lake}: stage → seconds, plus the whole run under {@link StageTimes#TOTAL}. */
  public Map<String, Double> run(Path landing, Path lake) {
    Path summary = lake.resolveSibling(lake.getFileName() + "-summary.json");
    long start = System.nanoTime();
    int code = Main.run("nightly", "--landing", landing.toString(), "--lake", lake.toString(),
        "--report", lake.resolveSibling(lake.getFileName() + "-report").toString(), "--master", master,
        "--summary", summary.toString());
    double total = (System.nanoTime() - start) / 1e9;
    if (code != 0 && code != 3) {
      throw new IllegalStateException("nightly failed on " + landing + " (exit " + code + "), see " + summary);
    }
    Map<String, Double> stages = stageSeconds(summary);
    stages.put(StageTimes.TOTAL, total);
    log.printf("  nightly %s: %.1f s %s%n", landing.getFileName(), total, stages);
    return stages;
  }

  static Map<String, Double> stageSeconds(Path summary) {
    try {
      JsonNode root = JSON.readTree(Files.readString(summary));
      Map<String, Double> stages = new LinkedHashMap<>();
      for (JsonNode stage : root.path("stages")) {
        stages.put(stage.path("name").asText(), stage.path("seconds").asDouble());
      }
      return stages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
