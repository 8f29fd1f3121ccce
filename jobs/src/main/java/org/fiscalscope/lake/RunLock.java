package org.fiscalscope.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fiscalscope.FiscalScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing run per lake at a time: a lock file {@code <lake>/_lock/run.lock} created exclusively, naming the
 * run, host and process that holds it. A second run waits up to its patience, then fails with that name. A lock
 * left by a killed process on this host is recognised (its process is gone) and taken over, so a SIGKILL never
 * leaves the lake locked.
 */
public final class RunLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

  private final FileSystem fs;
  private final Path file;

  private RunLock(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** The lock file of a lake. */
  public static Path lockFile(Lake lake) {
    return new Path(lake.hadoopRoot(), "_lock/run.lock");
  }

  /** Takes the lake's run lock, waiting up to {@code patience} for another run to finish. */
  public static RunLock acquire(Lake lake, String owner, Duration patience) {
    Path file = lockFile(lake);
    Instant deadline = Instant.now().plus(patience);
    try {
      FileSystem fs = file.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      while (true) {
        if (tryCreate(fs, file, owner)) {
          return new RunLock(fs, file);
        }
        Optional<String> holder = read(fs, file);
        if (holder.isPresent() && isStale(holder.get())) {
          LOG.warn("taking over the run lock left by a process that no longer runs: {}", holder.get());
          fs.delete(file, false);
          continue;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new FiscalScopeException("another run is writing to lake " + lake.root() + " ("
              + holder.orElse("holder unknown") + "); wait for it to finish or pass --wait SECONDS"
              + " (if no such run exists, delete " + file + ")");
        }
        Thread.sleep(1000);
      }
    } catch (IOException e) {
      throw new FiscalScopeException("the lake " + lake.root() + " cannot be locked for writing: " + e.getMessage()
          + "; check that the folder exists and is writable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FiscalScopeException("interrupted while waiting for the run lock of " + lake.root(), e);
    }
  }

  private static boolean tryCreate(FileSystem fs, Path file, String owner) throws IOException {
    try (OutputStream out = fs.create(file, false)) {
      out.write(describeSelf(owner).getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false;
      }
      throw e;
    }
  }

  /** "run <verb> pid <pid> host <host> since <instant>". */
  static String describeSelf(String owner) {
    return "run " + owner + " pid " + ProcessHandle.current().pid() + " host " + host() + " since " + Instant.now();
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

  private static Optional<String> read(FileSystem fs, Path file) {
    try (FSDataInputStream in = fs.open(file)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      LOG.warn("the run lock {} could not be removed: {}", file, e.getMessage());
    }
  }
}
