package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

class RunLockTest extends SparkTest {

  @Test
  void aSecondRunIsRefusedWithTheHolderNamed() {
    Lake lake = new Lake(spark, tmp.toString());
    try (RunLock first = RunLock.acquire(lake, "nightly", Duration.ZERO)) {
      FiscalScopeException e = assertThrows(FiscalScopeException.class,
          () -> RunLock.acquire(lake, "ingest", Duration.ofSeconds(1)));
      assertTrue(e.getMessage().contains("another run is writing") && e.getMessage().contains("run nightly pid "),
          e.getMessage());
    }
    try (RunLock again = RunLock.acquire(lake, "nightly", Duration.ZERO)) {
      assertTrue(Files.exists(tmp.resolve("_lock/run.lock")), "released locks can be taken again");
    }
    assertFalse(Files.exists(tmp.resolve("_lock/run.lock")));
  }

  @Test
  void aLockLeftByAKilledProcessIsTakenOver() throws IOException {
    Lake lake = new Lake(spark, tmp.toString());
    Path lock = tmp.resolve("_lock/run.lock");
    Files.createDirectories(lock.getParent());
    String self = RunLock.describeSelf("nightly");
    // The same host, a process id that cannot be alive.
    Files.writeString(lock, self.replaceFirst(" pid \\d+ ", " pid " + Integer.MAX_VALUE + " "));
    try (RunLock taken = RunLock.acquire(lake, "nightly", Duration.ZERO)) {
      assertTrue(Files.readString(lock).contains(" pid " + ProcessHandle.current().pid() + " "));
    }
  }
}
