package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fiscalscope.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two OS processes race for the run lock of one lake at the same moment, 200 times on a free lock and 200 times on a
 * lock left by a process that ended: each time exactly one holds it, never both.
 */
class RunLockRaceTest {

  private static final int RACES = 200;

  @TempDir
  Path tmp;

  @Test
  void twoProcessesNeverHoldTheLockTogether() throws Exception {
    Path lake = Files.createDirectories(tmp.resolve("lake"));
    Path sync = Files.createDirectories(tmp.resolve("sync"));
    Path lock = lake.resolve("_lock/run.lock");
    List<Process> racers = new ArrayList<>();
    try {
      for (String[] pair : new String[][] {{"a", "b"}, {"b", "a"}}) {
        racers.add(ChildJvm.start(LockRacer.class, tmp.resolve("racer-" + pair[0] + ".log"),
            List.of(lake.toString(), sync.toString(), pair[0], pair[1], String.valueOf(2 * RACES))));
      }
      awaitFiles(racers, sync.resolve("ready-a"), sync.resolve("ready-b"));

      int takenOver = 0;
      for (int i = 0; i < 2 * RACES; i++) {
        boolean stale = i >= RACES;
        if (stale) {
          Files.createDirectories(lock.getParent());
          // This host, a process id no process can have: a lock left by a run that ended.
          Files.writeString(lock, RunLock.describeSelf("nightly").replaceFirst(" pid \\d+ ", " pid " + Integer.MAX_VALUE + " "));
        } else {
          assertTrue(Files.notExists(lock), "race " + i + " starts on a free lock");
        }
        Path go = sync.resolve("go-" + i);
        Files.writeString(sync.resolve(".go"), String.valueOf(System.currentTimeMillis() + 20));
        Files.move(sync.resolve(".go"), go, StandardCopyOption.ATOMIC_MOVE);

        Path resultA = sync.resolve("result-" + i + "-a");
        Path resultB = sync.resolve("result-" + i + "-b");
        awaitFiles(racers, resultA, resultB);
        List<String> winners = new ArrayList<>();
        for (String name : List.of("a", "b")) {
          if (Files.readString(sync.resolve("result-" + i + "-" + name)).equals("won")) {
            winners.add(name);
          }
        }
        assertTrue(winners.size() < 2, "race " + i + (stale ? " (stale lock)" : " (free lock)") + ": both processes held the lock");
        assertEquals(1, winners.size(), "race " + i + ": one process holds the lock");
        awaitFiles(racers, sync.resolve("released-" + i + "-" + winners.get(0)));
        takenOver += stale ? 1 : 0;
      }
      for (Process p : racers) {
        assertTrue(p.waitFor(1, java.util.concurrent.TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), log(tmp));
      }
      assertEquals(RACES, takenOver);
      try (Stream<Path> left = Files.list(lock.getParent())) {
        assertEquals(List.of(), left.toList(), "no lock, takeover marker or temporary file is left");
      }
    } finally {
      racers.forEach(Process::destroyForcibly);
    }
  }

  private void awaitFiles(List<Process> racers, Path... files) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    for (Path f : files) {
      while (!Files.exists(f)) {
        for (Process p : racers) {
          if (!p.isAlive() && p.exitValue() != 0) {
            throw new AssertionError("a racer failed (exit " + p.exitValue() + "): " + log(tmp));
          }
        }
        if (racers.stream().noneMatch(Process::isAlive) && !Files.exists(f)) {
          throw new AssertionError("the racers ended without writing " + f.getFileName() + ": " + log(tmp));
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("no " + f.getFileName() + " after 2 minutes: " + log(tmp));
        }
        Thread.sleep(1);
      }
    }
  }

  private static String log(Path tmp) {
    try {
      return Files.readString(tmp.resolve("racer-a.log")) + Files.readString(tmp.resolve("racer-b.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
