package org.fiscalscope.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.fiscalscope.FiscalScopeException;

/**
 * One racer of {@link RunLockRaceTest}, in a process of its own: {@code LAKE SYNC_DIR NAME OTHER TRIALS}. For each
 * trial it waits for {@code go-<i>} (which holds the instant to start at), tries the run lock once without waiting,
 * writes {@code result-<i>-<NAME>} ({@code won} or {@code lost}), and a winner holds the lock until the other racer's
 * result is written, so the other always tries while the lock is held.
 */
public final class LockRacer {

  private LockRacer() {}

  public static void main(String[] args) throws Exception {
    Path lake = Path.of(args[0]);
    Path sync = Path.of(args[1]);
    String name = args[2];
    String other = args[3];
    int trials = Integer.parseInt(args[4]);
    Configuration hadoop = new Configuration();
    org.apache.hadoop.fs.Path lockFile = new org.apache.hadoop.fs.Path(lake.toUri().toString(), "_lock/run.lock");
    Files.writeString(sync.resolve("ready-" + name), "");
    for (int i = 0; i < trials; i++) {
      Path go = sync.resolve("go-" + i);
      while (!Files.exists(go)) {
        Thread.sleep(0, 200_000);
      }
      long startAt = Long.parseLong(Files.readString(go).trim());
      while (System.currentTimeMillis() < startAt) {
        Thread.onSpinWait();
      }
      RunLock lock = null;
      try {
        lock = RunLock.acquire(lockFile, hadoop, "racer-" + name, Duration.ZERO, lake.toString());
      } catch (FiscalScopeException lost) {
        if (!lost.getMessage().contains("another run is writing")) {
          throw lost;
        }
      }
      Path result = sync.resolve("result-" + i + "-" + name);
      Files.writeString(sync.resolve(".tmp-" + name), lock != null ? "won" : "lost");
      Files.move(sync.resolve(".tmp-" + name), result, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      if (lock != null) {
        while (!Files.exists(sync.resolve("result-" + i + "-" + other))) {
          Thread.sleep(0, 200_000);
        }
        lock.close();
        Files.writeString(sync.resolve("released-" + i + "-" + name), "");
      }
    }
  }
}
