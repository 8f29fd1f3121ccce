package org.fiscalscope.lake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing run per lake at a time: a lock file {@code <lake>/_lock/run.lock} created exclusively and atomically
 * ({@link LockFiles}), naming the run, host and process that holds it. A second run waits up to its patience, then
 * fails with that name. A lock left by a killed process on this host is recognised (its process is gone) and taken
 * over, so a SIGKILL never leaves the lake locked.
 *
 * <p>Taking over is a compare-and-delete: of the processes that find the same stale lock, only the one that creates
 * its takeover marker ({@code run.lock.takeover-<id of that lock>-<n>}, exclusively) may remove it, and only after
 * reading it again and finding it unchanged; then every process competes for the lock by the exclusive create, so
 * two never hold it. A marker left by a taker that died is passed over (marker {@code n + 1}).
 */
public final class RunLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  private static final String LOCK = "run.lock";

  private final LockFiles files;
  private final String holder;

  private RunLock(LockFiles files, String holder) {
    this.files = files;
    this.holder = holder;
  }

  /** The lock file of a lake. */
  public static Path lockFile(Lake lake) {
    return new Path(lake.hadoopRoot(), "_lock/" + LOCK);
  }

  /** Takes the lake's run lock, waiting up to {@code patience} for another run to finish. */
  public static RunLock acquire(Lake lake, String owner, Duration patience) {
    return acquire(lockFile(lake), lake.spark().sparkContext().hadoopConfiguration(), owner, patience, lake.root());
  }

  /** Takes the run lock {@code file} (named {@code run.lock}) of lake {@code lakeName}. */
  public static RunLock acquire(Path file, Configuration hadoop, String owner, Duration patience, String lakeName) {
    Instant deadline = Instant.now().plus(patience);
    String self = describeSelf(owner);
    try {
      LockFiles files = LockFiles.in(file.getParent(), hadoop);
      while (true) {
        if (files.createExclusive(LOCK, self)) {
          return new RunLock(files, self);
        }
        Optional<String> holder = files.read(LOCK);
        if (holder.isEmpty()) {
          continue; // released between the create and the read: try again at once
        }
        if (isStale(holder.get()) && takeOver(files, holder.get(), self)) {
          continue; // the stale lock is gone: compete for the lock like anyone else
        }
        if (Instant.now().isAfter(deadline)) {
          throw Problem.LAKE_LOCKED.failure(lakeName, holder.get().isBlank() ? "holder unknown" : holder.get().trim(),
              files.where(LOCK));
        }
        Thread.sleep(1000);
      }
    } catch (IOException e) {
      throw new FiscalScopeException(Problem.LAKE_LOCK_FAILED.with(lakeName, e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FiscalScopeException(Problem.LAKE_LOCK_INTERRUPTED.with(lakeName), e);
    }
  }

  /**
   * Removes the stale lock {@code stale} if this process wins the right to: true when the lock no longer holds
   * {@code stale} (removed here, or by another taker before), false when a live process is taking it over.
   */
  private static boolean takeOver(LockFiles files, String stale, String self) throws IOException {
    String id = sha256(stale).substring(0, 16);
    for (int n = 0; n < 1000; n++) {
      String marker = LOCK + ".takeover-" + id + "-" + n;
      if (files.createExclusive(marker, self)) {
        try {
          Optional<String> now = files.read(LOCK);
          if (now.isPresent() && now.get().equals(stale)) {
            LOG.warn("taking over the run lock left by a process that no longer runs: {}", stale.trim());
            files.delete(LOCK);
          }
          return true;
        } finally {
          for (int earlier = n; earlier >= 0; earlier--) {
            files.delete(LOCK + ".takeover-" + id + "-" + earlier);
          }
        }
      }
      Optional<String> taker = files.read(marker);
      if (taker.isEmpty()) {
        n--; // its taker finished meanwhile: this marker is free again
      } else if (!isStale(taker.get())) {
        return false;
      }
    }
    return false;
  }

  /** "run <verb> pid <pid> host <host> since <instant> lock <nonce>": who holds the lock, unique to this acquisition. */
  static String describeSelf(String owner) {
    return "run " + owner + " pid " + ProcessHandle.current().pid() + " host " + host() + " since " + Instant.now()
        + " lock " + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** A lock is stale when it names a process of this host that has ended. */
  static boolean isStale(String holder) {
    String[] w = holder.trim().split("\\s+");
    if (w.length < 6 || !"pid".equals(w[2]) || !"host".equals(w[4]) || !w[5].equals(host())) {
      return false;
    }
    try {
      long pid = Long.parseLong(w[3]);
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  /** Releases the lock if this run still holds it (compare-and-delete, never another run's lock). */
  @Override
  public void close() {
    try {
      Optional<String> now = files.read(LOCK);
      if (now.isPresent() && now.get().equals(holder)) {
        files.delete(LOCK);
      } else {
        LOG.warn("the run lock {} is no longer this run's ({}), so it is left as it is", files.where(LOCK),
            now.map(String::trim).orElse("absent"));
      }
    } catch (IOException e) {
      LOG.warn("the run lock {} could not be removed: {}", files.where(LOCK), e.getMessage());
    }
  }

  /** SHA-256 of a text, hex. */
  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
