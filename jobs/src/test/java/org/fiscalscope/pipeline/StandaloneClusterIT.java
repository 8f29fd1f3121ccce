package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fiscalscope.SparkTest;
import org.fiscalscope.cli.Main;
import org.fiscalscope.cluster.LakeComparison;
import org.fiscalscope.cluster.StandaloneCluster;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.generate.DisclosurePdfRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.junit.jupiter.api.Test;

/**
 * The thin jar runs the demo nightly on a real Spark standalone cluster — a Master and two Workers in JVMs of their
 * own, the driver submitted through SparkSubmit in client mode, executors launched by the Workers from Spark's jars
 * alone — and leaves exactly the bronze, silver and gold tables of a local run of the same nightly. What a single
 * JVM forgives fails here: a closure that does not serialise, a static set on the driver and read in a task, a
 * file read by a task relative to the driver's working folder (executors run in the Workers' folders), a class the
 * thin jar lacks. The landing folder is the demo's plus one unit's standard tables as a workbook, one as CSV exports
 * and one disclosure as PDF, so POI, Commons CSV and PDFBox run from the jar on the executors too.
 */
class StandaloneClusterIT extends SparkTest {

  @Test
  void theDemoNightlyOnAStandaloneClusterGivesTheTablesOfALocalRun() throws Exception {
    Path landing = demoLanding(tmp.resolve("landing"));
    // The jar copied away from the lib/ folder its manifest names: nothing but the jar and the cluster's Spark.
    Path jar = Files.copy(Path.of("jobs", "target", "fiscalscope.jar"), tmp.resolve("fiscalscope.jar"));
    Path conf = Path.of("conf", "fiscalscope.yaml").toAbsolutePath();
    Path clusterLake = tmp.resolve("cluster-lake");
    Path localLake = tmp.resolve("local-lake");
    Path driverFolder = tmp.resolve("driver");

    try (StandaloneCluster cluster = StandaloneCluster.launch(tmp.resolve("cluster"), StandaloneCluster.Spec.small(),
        jar, testJvmFlags())) {
      // The local run while the cluster's JVMs start.
      assertEquals(0, Main.run("nightly", "--landing", landing.toString(), "--lake", localLake.toString(),
          "--report", tmp.resolve("local-reports").toString(), "--conf", conf.toString(), "--master", "local[2]"),
          "the local run");

      cluster.awaitReady();
      Files.createDirectories(driverFolder);
      Path out = tmp.resolve("cluster-out.txt");
      // The cluster generates code (a setting the user names is kept; a lake this small would be interpreted), the
      // local run interprets (the shared test session does): the tables must be the same either way.
      Process submit = cluster.submit(jar, "org.fiscalscope.cli.Main", Map.of("spark.sql.codegen.wholeStage", "true"),
          List.of("nightly", "--landing", landing.toString(), "--lake", clusterLake.toString(),
              // Relative, as a user would give it: the driver's folder, not the executors' own working folders.
              "--report", "reports", "--conf", conf.toString(),
              "--summary", tmp.resolve("summary.json").toString()), driverFolder, out);
      boolean finished = submit.waitFor(15, TimeUnit.MINUTES);
      String output = Files.readString(out);
      assertTrue(finished, "the nightly on the cluster did not finish in 15 minutes:\n" + output + cluster.diagnostics());
      assertEquals(0, submit.exitValue(), "the nightly on the cluster failed:\n" + output + cluster.diagnostics());

      JsonNode summary = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
      assertEquals("succeeded", summary.path("status").asText(), "no input rejected: " + output);
      assertTrue(summary.path("new_documents").asLong() >= 170, "the demo has about 178 unit-years: " + summary);

      // The tasks ran in the Workers' executors: one per Worker, each with the jar it fetched from the driver.
      List<Path> executors = cluster.executorFolders();
      assertEquals(2, executors.size(), "one executor per worker: " + executors + "\n" + cluster.diagnostics());
      for (Path e : executors) {
        assertTrue(Files.exists(e.resolve("fiscalscope.jar")), "executor " + e + " fetched the thin jar");
      }
      String driverLog = output;
      assertFalse(driverLog.contains("Lost task") || driverLog.contains("ExecutorLostFailure"),
          "no task was lost or retried on the cluster:\n" + driverLog);
    }

    List<String> differences = LakeComparison.differences(spark, localLake.toString(), clusterLake.toString(),
        Run.TABLES);
    assertTrue(differences.isEmpty(), "the cluster's tables differ from the local run's:\n"
        + String.join("\n", differences));

    // The report's files the executors wrote (unit pages, the exports' parts) are in the driver's report folder.
    Path localDay = onlyDay(tmp.resolve("local-reports"));
    Path clusterDay = onlyDay(driverFolder.resolve("reports"));
    for (String file : List.of("csv/gold.execution.csv", "csv/gold.flags.csv")) {
      assertEquals(Files.readAllLines(localDay.resolve(file)).size(), Files.readAllLines(clusterDay.resolve(file)).size(),
          file + " holds as many records as the local run's");
    }
    try (Stream<Path> local = Files.list(localDay.resolve("units")); Stream<Path> cluster = Files.list(clusterDay.resolve("units"))) {
      assertEquals(local.map(p -> p.getFileName().toString()).sorted().toList(),
          cluster.map(p -> p.getFileName().toString()).sorted().toList(), "a page for every unit");
    }
  }

  /** The one dated folder of a reports folder. */
  private static Path onlyDay(Path reports) throws IOException {
    try (Stream<Path> days = Files.list(reports)) {
      List<Path> all = days.filter(Files::isDirectory).toList();
      assertEquals(1, all.size(), "one report day in " + reports + ": " + all);
      return all.get(0);
    }
  }

  /**
   * The flags the launcher gives Spark's JVMs, and the test JVM's compiler and collector: five short-lived JVMs share
   * two cores here, and compiling less costs them less than the slower code.
   */
  private static List<String> testJvmFlags() throws IOException {
    List<String> flags = new ArrayList<>(StandaloneCluster.jvmFlags(Path.of("jobs", "target", "jvm.options")));
    flags.addAll(org.fiscalscope.ChildJvm.compilerAndCollector());
    return flags;
  }

  /** The demo landing zone plus three units beyond it, as a workbook, CSV exports of the tables, and a PDF. */
  private static Path demoLanding(Path landing) throws IOException {
    Files.createDirectories(landing);
    try (Stream<Path> files = Files.list(Path.of("data", "sample"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, landing.resolve(f.getFileName()));
      }
    }
    List<FinalAccount> beyond = new ArrayList<>();
    Iterator<FinalAccount> district = new DistrictGenerator(new GeneratorSpec(62, 1, 2023, 3L)).documents();
    while (district.hasNext()) {
      FinalAccount doc = district.next();
      if (doc.unit().code().compareTo("BJ0060") >= 0) {
        beyond.add(doc);
      }
    }
    assertEquals(3, beyond.size(), "units BJ0060–BJ0062 are beyond the demo's 59");
    FinalAccount workbook = beyond.get(0);
    Files.write(landing.resolve(workbook.unit().code() + "-tables.xlsx"), StandardTablesRenderer.workbook(workbook,
        StandardTablesRenderer.WorkbookFormat.XLSX, TablesStyle.of(workbook.unit().code())));
    FinalAccount csv = beyond.get(1);
    for (Map.Entry<String, byte[]> f : StandardTablesRenderer.csv(csv, TablesStyle.of(csv.unit().code())).entrySet()) {
      Files.write(landing.resolve(f.getKey()), f.getValue());
    }
    FinalAccount pdf = beyond.get(2);
    Files.write(landing.resolve(pdf.unit().code() + "-2023.pdf"), new DisclosurePdfRenderer().render(pdf,
        new Random(62)).pdf());
    return landing;
  }
}
