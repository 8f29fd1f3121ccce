package org.fiscalscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive ({@code ./fiscalscope}): a run that starts no Spark leaves no class list
 * behind; the first Spark run records the classes it loads; the next one writes the archive (here in the foreground,
 * {@code FISCALSCOPE_CDS=wait}), maps it (told to map it or fail: {@code -Xshare:on}) and answers;
 * {@code FISCALSCOPE_CDS=off} records nothing, and a value it does not know is refused. A run that starts a flight
 * recording goes without the archive.
 */
class LauncherArchiveIT {

  @TempDir
  Path tmp;

  private record Outcome(int exit, String output) {}

  @Test
  void theSecondSparkRunWritesTheArchiveAndLaterRunsMapIt() throws Exception {
    Path cds = tmp.resolve("cds");
    Path archive = cds.resolve("fiscalscope.jsa");

    Outcome help = launch(cds, "wait", "", "--help");
    assertEquals(0, help.exit(), help.output());
    Outcome first = launch(cds, "wait", "", "sql", "--lake", tmp.resolve("lake").toString(), "SELECT 41 + 1 AS answer");
    assertEquals(0, first.exit(), first.output());
    assertTrue(first.output().contains("42"), first.output());
    List<Path> lists = lists(cds);
    assertEquals(1, lists.size(), "the Spark run's class list, and no longer the --help run's: " + lists);
    assertTrue(Files.readAllLines(lists.get(0)).size() >= 8000, "a Spark run loads thousands of classes");
    assertFalse(Files.exists(archive));

    // -Xshare:on: the JVM refuses to start unless it maps the archive it is given; the class-loading log says where
    // Spark's classes came from (the JDK's own archive holds none of them).
    Path loaded = tmp.resolve("class-load.log");
    Outcome second = launch(cds, "wait", "-Xshare:on -Xlog:class+load=info:file=" + loaded, "sql", "--lake",
        tmp.resolve("lake").toString(), "SELECT 41 + 1 AS answer");
    assertEquals(0, second.exit(), second.output() + readIfThere(cds.resolve("dump.log")));
    assertTrue(second.output().contains("42"), second.output());
    assertTrue(Files.readString(loaded).contains("org.apache.spark.sql.SparkSession source: shared objects file"),
        "Spark's classes are mapped from the archive");
    assertTrue(Files.size(archive) > 10_000_000, "the archive holds the recorded classes");
    assertEquals(List.of(), lists(cds), "the list is removed once the archive is written");
    assertFalse(Files.exists(cds.resolve("dumping")));

    // A flight recording beside the mapped archive crashes Java 17's JVM at start-up: such a run goes without it.
    Path recording = tmp.resolve("run.jfr");
    Outcome profiled = launch(cds, "on", "-XX:StartFlightRecording=filename=" + recording, "sql", "--lake",
        tmp.resolve("lake").toString(), "SELECT 41 + 1 AS answer");
    assertEquals(0, profiled.exit(), profiled.output());
    assertTrue(profiled.output().contains("42"), profiled.output());
    assertTrue(profiled.output().contains("a flight recording is asked for: this run does not use the class-data-sharing"
        + " archive"), profiled.output());
    assertTrue(Files.size(recording) > 0, "the recording is written");
  }

  @Test
  void offRecordsNothingAndAnUnknownValueIsRefused() throws Exception {
    Path cds = tmp.resolve("cds");
    Outcome off = launch(cds, "off", "", "--version");
    assertEquals(0, off.exit(), off.output());
    assertFalse(Files.exists(cds), "FISCALSCOPE_CDS=off: no archive folder");

    Outcome unknown = launch(cds, "yes", "", "--version");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.output().contains("FISCALSCOPE_CDS is on, off or wait, not 'yes'"), unknown.output());
  }

  private Outcome launch(Path cds, String mode, String javaOpts, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("./fiscalscope"));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out-" + System.nanoTime() + ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("FISCALSCOPE_CDS", mode);
    pb.environment().put("FISCALSCOPE_CDS_DIR", cds.toString());
    pb.environment().put("FISCALSCOPE_HEAP", "1g");
    pb.environment().put("FISCALSCOPE_JAVA_OPTS", String.join(" ", org.fiscalscope.ChildJvm.compilerAndCollector())
        + " -Dfiscalscope.log.dir=" + tmp.resolve("logs") + " " + javaOpts);
    int exit = pb.start().waitFor();
    return new Outcome(exit, Files.readString(out, StandardCharsets.UTF_8));
  }

  private static List<Path> lists(Path cds) throws IOException {
    try (Stream<Path> files = Files.list(cds)) {
      return files.filter(f -> f.getFileName().toString().matches("classes\\.\\d+\\.lst")).toList();
    }
  }

  private static String readIfThere(Path file) throws IOException {
    return Files.exists(file) ? "\n" + Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
