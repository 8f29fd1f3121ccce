package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin jar runs the demo nightly the way spark-submit runs it: SparkSubmit with --master local[2], Spark on
 * the classpath, and nothing else of ours but the jar, copied away from the lib/ folder its manifest names.
 */
class ThinJarIT {

  /** Libraries the thin jar must carry itself, so they are kept off the submitting classpath. */
  private static final List<String> CARRIED = List.of("delta-spark", "delta-storage", "unitycatalog", "picocli",
      "json-schema-validator", "itu-", "jackson-dataformat-yaml", "snakeyaml");

  @TempDir
  Path tmp;

  @Test
  void theDemoNightlyRunsThroughSparkSubmit() throws IOException, InterruptedException {
    Path jar = Files.copy(Path.of("jobs", "target", "fiscalscope.jar"), tmp.resolve("fiscalscope.jar"));
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.contains("target" + File.separator + "classes") && !p.contains("test-classes")
            && !p.contains("fiscalscope") && CARRIED.stream().noneMatch(p::contains))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.addAll(Arrays.asList(Files.readString(Path.of("jobs", "target", "jvm.options")).trim().split("\\s+")));
    command.addAll(List.of("-cp", classpath, "org.apache.spark.deploy.SparkSubmit",
        "--class", "org.fiscalscope.cli.Main", "--master", "local[2]",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2",
        jar.toString(), "nightly", "--landing", "data/sample", "--lake", tmp.resolve("lake").toString(),
        "--report", tmp.resolve("reports").toString(), "--summary", tmp.resolve("summary.json").toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("out.txt").toFile()).start();
    boolean finished = p.waitFor(10, TimeUnit.MINUTES);
    String out = Files.readString(tmp.resolve("out.txt"));
    assertTrue(finished, "spark-submit did not finish in 10 minutes:\n" + out);
    assertEquals(0, p.exitValue(), "spark-submit failed:\n" + out);
    JsonNode summary = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
    assertEquals("succeeded", summary.path("status").asText(), out);
    assertTrue(summary.path("new_documents").asLong() >= 170, "the demo has about 178 unit-years: " + summary);
    assertTrue(summary.path("rows_per_table").path("silver.unit_year").asLong() >= 170, summary.toString());
  }
}
