package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.pipeline.Settings;
import org.junit.jupiter.api.Test;

/** Large workbooks and PDFs are read only as many at once as the heap budget holds; small files are not held back. */
class ParseMemoryTest {

  /** Reads {@code files} files of {@code kind} and {@code bytes} on 8 threads; returns the most read at once. */
  private static int mostAtOnce(InputKind kind, long bytes, int budgetMb, int files) throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> reads = new ArrayList<>();
      for (int i = 0; i < files; i++) {
        reads.add(pool.submit(() -> ParseMemory.admit(kind, bytes, budgetMb, () -> {
          most.accumulateAndGet(now.incrementAndGet(), Math::max);
          try {
            Thread.sleep(60);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          now.decrementAndGet();
          return "read";
        })));
      }
      for (Future<String> r : reads) {
        assertEquals("read", r.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    return most.get();
  }

  @Test
  void largeWorkbooksAreReadOnlyAsManyAtOnceAsTheBudgetHolds() throws Exception {
    // 3 MB of XLSX counts for 1,200 MB: two fit in 2,500 MB, a third waits.
    assertEquals(1200, ParseMemory.estimateMb(InputKind.XLSX, 3 << 20, 2500));
    assertEquals(2, mostAtOnce(InputKind.XLSX, 3 << 20, 2500, 8));
    // A workbook larger than the whole budget is read alone.
    assertEquals(1, mostAtOnce(InputKind.XLSX, 64 << 20, 2501, 4));
    assertEquals(2501, ParseMemory.estimateMb(InputKind.XLSX, 64 << 20, 2501));
    // 10 MB PDFs count for 500 MB each: four at once in 2,000 MB.
    assertEquals(4, mostAtOnce(InputKind.PDF, 10 << 20, 2002, 12));
  }

  @Test
  void smallFilesAndOtherKindsAreNotHeldBack() throws Exception {
    assertEquals(ParseMemory.FLOOR_MB, ParseMemory.estimateMb(InputKind.XLSX, 20_000, 2503));
    assertEquals(8, mostAtOnce(InputKind.XLSX, 20_000, 2503, 16), "eight 20 KB workbooks at once on eight threads");
    assertEquals(0, ParseMemory.estimateMb(InputKind.JSON, 60 << 20, 2504));
    assertEquals(8, mostAtOnce(InputKind.TEXT, 60 << 20, 16, 16), "text and JSON are not counted");
  }

  @Test
  void theDefaultBudgetIsHalfTheHeapAndTheSettingIsValidated() {
    assertEquals(Runtime.getRuntime().maxMemory() / 2 / (1 << 20), ParseMemory.budgetMb(0));
    assertEquals(3000, ParseMemory.budgetMb(3000));
    assertEquals(0, Settings.defaults().ingest().parseMemoryMb());
    assertEquals(1500, parse("ingest:\n  parse-memory-mb: 1500\n").ingest().parseMemoryMb());
    FiscalScopeException e = org.junit.jupiter.api.Assertions.assertThrows(FiscalScopeException.class,
        () -> parse("ingest:\n  parse-memory-mb: -1\n"));
    assertTrue(e.getMessage().contains("ingest.parse-memory-mb must be a number of megabytes, or 0 for half the heap: got -1"),
        e.getMessage());
  }

  private static Settings parse(String yaml) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("settings", ".yaml");
      java.nio.file.Files.writeString(file, yaml, StandardCharsets.UTF_8);
      try {
        return Settings.load(file.toString());
      } finally {
        java.nio.file.Files.delete(file);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
