package org.fiscalscope.ingest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Admits the reading of workbooks, CSV tables and PDFs by the heap each is estimated to need, so that the tasks of a
 * many-core executor (or of {@code local[*]}) cannot exhaust the heap together with several large files that are
 * each within the limits. The budget is per JVM: {@code ingest.parse-memory-mb}, or by default half the JVM's
 * maximum heap. A file waits until its estimate fits beside those being read (first come, first served); a file
 * whose estimate exceeds the whole budget is read alone. Other files (JSON, text, datasets) are not held back.
 */
final class ParseMemory {

  /**
   * Heap a parse takes per byte of the file, measured at the peak (garbage included): POI's XLSX model of a
   * 12 MB workbook of 9 sheets × 5,000 rows took 3.3 GB (a 1.3 MB one 540 MB), an XLS of 17 MB 710 MB, the
   * 3.6 MB real PDF of the corpus 160 MB.
   */
  static final int XLSX_FACTOR = 400;
  static final int XLS_FACTOR = 50;
  static final int PDF_FACTOR = 50;
  static final int CSV_FACTOR = 20;
  /** The least a parse is counted for, whatever its size. */
  static final int FLOOR_MB = 16;

  private static final ConcurrentHashMap<Integer, Semaphore> BUDGETS = new ConcurrentHashMap<>();

  private ParseMemory() {}

  /** The budget in MB: {@code configuredMb}, or half this JVM's maximum heap when it is 0. */
  static int budgetMb(int configuredMb) {
    return configuredMb > 0 ? configuredMb : (int) Math.max(FLOOR_MB, Runtime.getRuntime().maxMemory() / 2 / (1 << 20));
  }

  /** MB the reading of a file of {@code kind} and {@code bytes} is counted for: 0 when it is not held back. */
  static int estimateMb(InputKind kind, long bytes, int budgetMb) {
    int factor = switch (kind) {
      case XLSX -> XLSX_FACTOR;
      case XLS -> XLS_FACTOR;
      case PDF -> PDF_FACTOR;
      case CSV_TABLES -> CSV_FACTOR;
      default -> 0;
    };
    if (factor == 0) {
      return 0;
    }
    long mb = (Math.max(0, bytes) * factor + (1 << 20) - 1) >> 20;
    return (int) Math.min(budgetMb, Math.max(FLOOR_MB, mb));
  }

  /** Runs {@code read} once the file's estimate fits in this JVM's budget, and gives the memory back after. */
  static <T> T admit(InputKind kind, long bytes, int configuredMb, Supplier<T> read) {
    int budget = budgetMb(configuredMb);
    int need = estimateMb(kind, bytes, budget);
    if (need == 0) {
      return read.get();
    }
    Semaphore memory = BUDGETS.computeIfAbsent(budget, b -> new Semaphore(b, true));
    try {
      memory.acquire(need);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for memory to read a " + kind.label() + " file", e);
    }
    try {
      return read.get();
    } finally {
      memory.release(need);
    }
  }
}
