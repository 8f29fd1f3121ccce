package org.fiscalscope.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) without the child process it starts, when Hadoop's native library is
 * absent (as it is in the jar), for every permission it sets ({@code chmod}, on each file and folder a write creates)
 * and every link it checks ({@code readlink}, twice per rename of a Delta commit): some 200 processes for an ingest of
 * one document, about a third of its time. The same calls go through {@code java.nio.file} here; everything else is
 * Hadoop's. {@link #SETTINGS} installs it for {@code FileSystem} and {@code FileContext} users of a local session.
 */
public class LocalFiles extends LocalFileSystem {

  /** The Spark settings that make a session's Hadoop configuration use these classes for {@code file:}. */
  public static final Map<String, String> SETTINGS = Map.of(
      "spark.hadoop.fs.file.impl", LocalFiles.class.getName(),
      "spark.hadoop.fs.AbstractFileSystem.file.impl", Context.class.getName());

  public LocalFiles() {
    super(new Raw());
  }

  /**
   * Makes {@code FileSystem.get} give this class for {@code file:} under {@code hadoop} (a session's configuration
   * naming it): Hadoop caches one {@code file:} system per user, whatever configuration asked first, and the
   * configuration file is read before Spark starts. A cached one of another class is closed, which only takes it out
   * of the cache (a local file system holds no resource), so the next request builds this one.
   */
  public static void replaceCached(Configuration hadoop) {
    try {
      FileSystem cached = FileSystem.get(URI.create("file:///"), hadoop);
      if (!(cached instanceof LocalFiles) && LocalFiles.class.getName().equals(hadoop.get("fs.file.impl"))) {
        cached.close();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot set up the local file system: " + e.getMessage(), e);
    }
  }

  /** The raw local file system, with permissions and links through {@code java.nio.file}. */
  public static class Raw extends RawLocalFileSystem {

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }

    /** As Hadoop's: the status of the link itself when {@code f} is a symbolic link, of the file otherwise. */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      java.nio.file.Path file = pathToFile(f).toPath();
      String target = Files.isSymbolicLink(file) ? Files.readSymbolicLink(file).toString() : "";
      try {
        FileStatus fs = getFileStatus(f);
        if (target.isEmpty()) {
          return fs;
        }
        return new FileStatus(fs.getLen(), false, fs.getReplication(), fs.getBlockSize(), fs.getModificationTime(),
            fs.getAccessTime(), fs.getPermission(), fs.getOwner(), fs.getGroup(), new Path(target), f);
      } catch (FileNotFoundException e) {
        if (!target.isEmpty()) {
          return new FileStatus(0, false, 0, 0, 0, 0, FsPermission.getDefault(), "", "", new Path(target), f);
        }
        throw e;
      }
    }

    @Override
    public Path getLinkTarget(Path f) throws IOException {
      FileStatus status = getFileLinkStatus(f);
      if (status.isSymlink()) {
        return status.getSymlink();
      }
      throw new IOException("Path " + f + " is not a symbolic link");
    }
  }

  /** {@code FileContext}'s local file system ({@code fs.AbstractFileSystem.file.impl}) over {@link Raw}. */
  public static class Context extends ChecksumFs {
    public Context(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawContext(uri, conf));
    }
  }

  /** As Hadoop's {@code RawLocalFs}, delegating to {@link Raw}. */
  public static class RawContext extends DelegateToFileSystem {
    public RawContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }

  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE);
    add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    return set;
  }

  private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read,
                          PosixFilePermission write, PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      set.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      set.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      set.add(execute);
    }
  }
}
