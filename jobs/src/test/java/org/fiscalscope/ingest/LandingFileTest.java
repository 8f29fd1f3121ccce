package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A landing file's bytes, read whole, or refused when it is or grows over the limit. */
class LandingFileTest {

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  @Test
  void aStreamIsReadWholeWhateverTheListedLengthWasUpToTheLimit() throws IOException {
    for (int actual : new int[] {0, 1, 100, 8192, 70_000}) {
      byte[] content = bytes(actual);
      for (long listed : new long[] {0, actual / 2, actual, actual + 1, actual * 2L + 10}) {
        for (long limit : new long[] {actual + 1L, actual + 100L, Math.max(1, actual / 3)}) {
          byte[] read = LandingFile.readAtMost(new ByteArrayInputStream(content), listed, limit);
          assertArrayEquals(Arrays.copyOf(content, (int) Math.min(actual, limit)), read,
              "actual " + actual + ", listed " + listed + ", limit " + limit);
        }
      }
    }
  }

  @Test
  void aLocalFileIsReadAndHashedAndOneThatGrewPastTheLimitIsRefused(@TempDir Path landing) throws IOException {
    Path file = landing.resolve("a.json");
    Files.writeString(file, "{\"fiscal_year\": 2023}", StandardCharsets.UTF_8);
    long size = Files.size(file);
    String root = landing.toUri().toString();
    LandingFile.Content read = LandingFile.read(file.toUri().toString(), "a.json", root, size, 0, 1_000, new Configuration());
    assertNull(read.reason());
    assertEquals("{\"fiscal_year\": 2023}", new String(read.content(), StandardCharsets.UTF_8));
    assertEquals(LandingFile.sha256(read.content()), read.sha256());
    // Listed at 10 bytes under a limit of 12, but 21 bytes long when read.
    LandingFile.Content grew = LandingFile.read(file.toUri().toString(), "a.json", root, 10, 0, 12, new Configuration());
    assertNull(grew.content());
    assertTrue(grew.refusal().startsWith("grew beyond the limit"), grew.refusal());
  }
}
