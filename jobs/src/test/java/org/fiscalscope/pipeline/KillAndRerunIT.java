package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.fiscalscope.SparkTest;
import org.fiscalscope.cluster.LakeComparison;
import org.fiscalscope.cli.Main;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * The nightly run killed with SIGKILL in each stage, then run again, leaves exactly the tables of an uninterrupted
 * run; two runs at once never interleave; a reader during a run sees a whole version, never half of one.
 */
class KillAndRerunIT extends SparkTest {

  @Test
  void killedRunsAreCompletedByTheNextAndConcurrentRunsDoNotCorrupt() throws Exception {
    Path landing = tmp.resolve("landing");
    assertEquals(0, Main.run("generate", "--units", "10", "--years", "2", "--last-year", "2023", "--seed", "7",
        "--out", landing.toString()));
    Files.copy(Path.of("data", "sample", "qingshan-talent-service-center-2023.txt"),
        landing.resolve("qingshan-talent-service-center-2023.txt"));

    // The uninterrupted run in this JVM: only the runs to be killed need processes of their own.
    Path baseline = tmp.resolve("baseline");
    assertEquals(0, Main.run("nightly", "--landing", landing.toString(), "--lake", baseline.toString(),
        "--report", baseline.resolve("reports").toString(), "--master", "local[2]"), "the uninterrupted run");
    long wholeUnitYears = new Lake(spark, baseline.toString()).read(LakeTable.SILVER_UNIT_YEAR).count();
    assertEquals(21, wholeUnitYears, "10 units over 2 years and the sample disclosure");

    Path lake = tmp.resolve("lake");
    List<String> killedIn = new ArrayList<>();
    for (String stage : List.of("ingest", "metrics", "flags", "report")) {
      Process p = nightly(landing, lake);
      if (waitForLine(p, lake, "] " + stage, Duration.ofMinutes(4))) {
        Thread.sleep(stage.equals("ingest") ? 3000 : 1500);
        p.destroyForcibly().waitFor();
        killedIn.add(stage);
      } else {
        p.waitFor();
      }
    }
    assertEquals(List.of("ingest", "metrics", "flags", "report"), killedIn, "each stage was reached and killed");
    assertTrue(Files.exists(lake.resolve("_lock/run.lock")), "a killed run leaves its lock behind");

    // Two runs at once: the second is refused cleanly while the first holds the lake; a reader meanwhile sees
    // whole versions only.
    Process first = nightly(landing, lake);
    assertTrue(waitForLine(first, lake, "] ingest", Duration.ofMinutes(3)), "the completing run starts");
    Process second = nightly(landing, lake);
    assertTrue(second.waitFor(5, TimeUnit.MINUTES));
    assertEquals(1, second.exitValue(), "the second concurrent run fails cleanly");
    assertTrue(output(lake, second).contains("another run is writing"), output(lake, second));
    // Each version is read once, as soon as its commit file is listed: between reads the reader lists the table's
    // log (no Spark job), so it does not take the cores the run needs.
    Lake reader = new Lake(spark, lake.toString());
    LakeTable unitYear = LakeTable.SILVER_UNIT_YEAR;
    long seen = -1;
    while (first.isAlive()) {
      long latest = reader.version(unitYear);
      if (latest > seen) {
        long n = reader.read(unitYear, latest).count();
        assertTrue(n == 0 || n == wholeUnitYears, "a reader sees a whole version: " + n + " rows");
        seen = latest;
      }
      Thread.sleep(100);
    }
    assertEquals(0, first.exitValue(), output(lake, first));
    assertFalse(Files.exists(lake.resolve("_lock/run.lock")), "no lock is left after the run");

    List<String> differences = LakeComparison.differences(spark, baseline.toString(), lake.toString(), Run.TABLES);
    assertTrue(differences.isEmpty(), "after kills and re-runs, tables differ from the uninterrupted run:\n"
        + String.join("\n", differences));
  }

  private Process nightly(Path landing, Path lake) throws IOException {
    Files.createDirectories(lake);
    List<String> cmd = new ArrayList<>(List.of("./fiscalscope", "nightly", "--landing", landing.toString(),
        "--lake", lake.toString(), "--report", lake.resolve("reports").toString(), "--master", "local[2]"));
    Path out = lake.resolve("out-" + System.nanoTime() + ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("FISCALSCOPE_HEAP", "1g");
    // Killed runs would record class lists and start the launcher's archive in the background (LauncherArchiveIT).
    pb.environment().put("FISCALSCOPE_CDS", "off");
    // The test JVM's compiler and collector (C1 only): these runs are a few dozen documents, short, and share two
    // cores; compiling less costs them less than the slower code. (Spark interprets their queries by itself: lake/QueryMode, for a lake this small.)
    pb.environment().put("FISCALSCOPE_JAVA_OPTS", String.join(" ", org.fiscalscope.ChildJvm.compilerAndCollector())
        + " -Dfiscalscope.log.dir=" + lake.resolve("logs"));
    Process p = pb.start();
    outputs.put(p.pid(), out);
    return p;
  }

  private final Map<Long, Path> outputs = new TreeMap<>();

  private String output(Path lake, Process p) throws IOException {
    return Files.readString(outputs.get(p.pid()), StandardCharsets.UTF_8);
  }

  private boolean waitForLine(Process p, Path lake, String marker, Duration patience) throws Exception {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (output(lake, p).contains(marker)) {
        return true;
      }
      if (!p.isAlive()) {
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
