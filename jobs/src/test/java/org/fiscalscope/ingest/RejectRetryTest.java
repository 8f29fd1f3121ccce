package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.fiscalscope.ChildJvm;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A file refused without being read is checked again on every run: the fix its reason advises (make it readable,
 * raise the limit, put it back, copy the folder in) takes effect on the next run, while a file still refused adds
 * nothing, and accepted files are still skipped unread.
 */
class RejectRetryTest extends SparkTest {

  private Path landing;
  private Lake lake;

  @BeforeEach
  void folders() throws IOException {
    landing = Files.createDirectories(tmp.resolve("landing"));
    lake = new Lake(spark, tmp.resolve("lake").toString());
  }

  private Path write(String name, String content) throws IOException {
    Path p = landing.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  private List<String> silverUnitYears() {
    return sorted(lake.read(LakeTable.SILVER_UNIT_YEAR).select("unit_id", "fiscal_year", "source_file"));
  }

  private Row onlyReject() {
    List<Row> rejects = lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason", "content", "sha256").collectAsList();
    assertEquals(1, rejects.size(), rejects.toString());
    return rejects.get(0);
  }

  @Test
  void aFileOverTheLimitIsNotReadThenIngestedOnceTheLimitIsRaised() throws IOException {
    Path file = write("a.json", IngestJobTest.UNIT_A);
    long limit = 256;
    assertTrue(Files.size(file) > limit);

    IngestJob.Result refused = IngestJob.run(lake, landing.toString(), "run-1", limit);
    assertEquals(1, refused.rejected());
    Row reject = onlyReject();
    assertTrue(reject.getString(1).startsWith("a.json: is ") && reject.getString(1).contains("larger than the limit of"),
        reject.getString(1));
    assertNull(reject.get(2), "the content of a file over the limit is not kept");
    assertNotEquals(LandingFile.sha256(Files.readAllBytes(file)), reject.getString(3),
        "a file over the limit is not hashed: its key is where it is, not what it holds");

    Map<String, Long> before = LakeVersions.ofIngestTables(lake);
    IngestJob.Result again = IngestJob.run(lake, landing.toString(), "run-2", limit);
    assertEquals(0, again.rejected());
    assertEquals(1, again.stillRefused());
    assertEquals(before, LakeVersions.ofIngestTables(lake), "refused again for the same reason: nothing is committed");

    IngestJob.Result raised = IngestJob.run(lake, landing.toString(), "run-3", 1 << 20);
    assertEquals(1, raised.newDocuments(), "the limit was raised: the file is read");
    assertEquals(0, raised.rejected());
    assertEquals(List.of("[A001,2023,a.json]"), silverUnitYears());

    before = LakeVersions.ofIngestTables(lake);
    IngestJob.Result quiet = IngestJob.run(lake, landing.toString(), "run-4", 1 << 20);
    assertEquals(1, quiet.skipped());
    assertEquals(0, quiet.newDocuments() + quiet.rejected() + quiet.stillRefused());
    assertEquals(before, LakeVersions.ofIngestTables(lake), "an accepted file is skipped unread");
  }

  @Test
  void aFileThatVanishedDuringTheRunIsIngestedWhenItIsBack() throws IOException {
    Path file = write("b.json", IngestJobTest.UNIT_B);
    Path away = tmp.resolve("away.json");

    IngestJob.Result vanished = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20, () -> move(file, away));
    assertEquals(1, vanished.rejected());
    String reason = onlyReject().getString(1);
    assertTrue(reason.startsWith("b.json: was removed or moved away while the run was reading the landing folder"), reason);
    assertFalse(reason.contains("pipe"), reason);

    move(away, file);
    IngestJob.Result back = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(1, back.newDocuments(), "the file moved back (same name, size and time) is read");
    assertEquals(List.of("[滨江区第二中学,2022,b.json]"), silverUnitYears());
  }

  @Test
  void aFileRefusedAsUnreadableIsIngestedOnceItIsMadeReadable() throws Exception {
    assumeTrue(ChildJvm.canBindByPermissions(), "needs setpriv to run an ingest bound by file permissions as root");
    Path file = write("a.json", IngestJobTest.UNIT_A);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

    // The first run in a process that file permissions bind (also when the tests run as root).
    Path log = tmp.resolve("ingest-once.log");
    Process p = ChildJvm.startBoundByPermissions(IngestOnce.class, log,
        List.of(landing.toString(), lake.root(), "run-1", String.valueOf(1 << 20)));
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the ingest process ends");
    assertEquals(0, p.exitValue(), Files.readString(log));
    Row reject = onlyReject();
    assertTrue(reject.getString(1).startsWith("a.json: cannot be read (permission denied); make it readable"),
        reject.getString(1));
    assertNull(reject.get(2));

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    IngestJob.Result fixed = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(1, fixed.newDocuments(), "chmod made it readable: it is read");
    assertEquals(List.of("[A001,2023,a.json]"), silverUnitYears());
  }

  @Test
  void aLinkToAFolderOutsideIsRefusedThenTheFolderCopiedInIsRead() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("b.json"), IngestJobTest.UNIT_B);
    Path link = Files.createSymbolicLink(landing.resolve("units"), outside);

    IngestJob.Result refused = IngestJob.run(lake, landing.toString(), "run-1", 1 << 20);
    assertEquals(1, refused.filesSeen(), "the link is an input, refused");
    assertEquals(1, refused.rejected());
    Row reject = onlyReject();
    assertTrue(reject.getString(1).startsWith("units: is a link to a folder outside the landing folder"), reject.getString(1));

    Files.delete(link);
    move(outside, link);
    IngestJob.Result copied = IngestJob.run(lake, landing.toString(), "run-2", 1 << 20);
    assertEquals(1, copied.newDocuments());
    assertEquals(List.of("[滨江区第二中学,2022,units/b.json]"), silverUnitYears());
  }

  @Test
  void aMissingFileIsSaidToBeGoneNotAPipe() throws IOException {
    LandingFile.Content c = LandingFile.read("file:" + landing.resolve("gone.json"), "gone.json",
        "file:" + landing + "/", 10, 1000, 1 << 20, spark.sparkContext().hadoopConfiguration());
    assertFalse(c.isRead());
    assertTrue(c.refusal().startsWith("was removed or moved away"), c.refusal());
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
