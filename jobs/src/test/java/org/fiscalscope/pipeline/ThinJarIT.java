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
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin jar runs the demo nightly the way spark-submit runs it: SparkSubmit with --master local[2], Spark on
 * the classpath, and nothing else of ours but the jar, copied away from the lib/ folder its manifest names. The
 * landing folder is the demo's plus one unit's standard tables as an XLSX workbook, so POI runs from the jar too.
 */
class ThinJarIT {

  /** Libraries the thin jar must carry itself, so they are kept off the submitting classpath. */
  private static final List<String> CARRIED = List.of("delta-spark", "delta-storage", "unitycatalog", "picocli",
      "json-schema-validator", "itu-", "jackson-dataformat-yaml", "snakeyaml", "apache/poi/", "xmlbeans",
      "SparseBitSet", "curvesapi", "commons-csv");

  @TempDir
  Path tmp;

  @Test
  void theDemoNightlyRunsThroughSparkSubmit() throws IOException, InterruptedException {
    Path jar = Files.copy(Path.of("jobs", "target", "fiscalscope.jar"), tmp.resolve("fiscalscope.jar"));
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    try (Stream<Path> files = Files.list(Path.of("data", "sample"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, landing.resolve(f.getFileName()));
      }
    }
    Iterator<FinalAccount> district = new DistrictGenerator(new GeneratorSpec(60, 1, 2023, 3L)).documents();
    FinalAccount beyondTheDemo = null;
    while (district.hasNext()) {
      beyondTheDemo = district.next();
    }
    Files.write(landing.resolve("BJ0060-tables.xlsx"), StandardTablesRenderer.workbook(beyondTheDemo,
        StandardTablesRenderer.WorkbookFormat.XLSX, TablesStyle.of(beyondTheDemo.unit().code())));
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
        jar.toString(), "nightly", "--landing", landing.toString(), "--lake", tmp.resolve("lake").toString(),
        "--report", tmp.resolve("reports").toString(), "--summary", tmp.resolve("summary.json").toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("out.txt").toFile()).start();
    boolean finished = p.waitFor(10, TimeUnit.MINUTES);
    String out = Files.readString(tmp.resolve("out.txt"));
    assertTrue(finished, "spark-submit did not finish in 10 minutes:\n" + out);
    assertEquals(0, p.exitValue(), "spark-submit failed:\n" + out);
    JsonNode summary = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
    assertEquals("succeeded", summary.path("status").asText(), "no input rejected, the workbook included: " + out);
    assertTrue(summary.path("new_documents").asLong() >= 170, "the demo has about 178 unit-years: " + summary);
    assertTrue(summary.path("rows_per_table").path("silver.unit_year").asLong() >= 171, summary.toString());
  }
}
