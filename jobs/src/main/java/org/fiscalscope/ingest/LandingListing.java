package org.fiscalscope.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Lists every input of a landing folder, recursively, the way Spark's file index does (on the driver) but without
 * its silent omissions: empty files, dangling links and special files are listed too, so each one is accounted
 * for. A link to a folder inside the landing folder is followed (its files are listed under the link's name); a
 * link to a folder outside it or to a folder holding it, and a folder that cannot be listed, are listed themselves,
 * to be refused with a reason. Names starting with {@code _} or {@code .} (at any level) are not inputs.
 */
public final class LandingListing {

  public static final StructType SCHEMA = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("relative_path", DataTypes.StringType, false)
      .add("length", DataTypes.LongType, false)
      .add("modificationTime", DataTypes.TimestampType, false);

  private LandingListing() {}

  /** Rows of {@link #SCHEMA}, sorted by relative path; {@code root} is the qualified landing folder URI ending in /. */
  public static List<Row> list(String root, Configuration hadoop) {
    org.apache.hadoop.fs.Path rootPath = new org.apache.hadoop.fs.Path(root);
    List<Row> rows = new ArrayList<>();
    try {
      if ("file".equals(rootPath.toUri().getScheme())) {
        Path dir = Path.of(rootPath.toUri());
        Path real = dir.toRealPath();
        listLocal(dir, "", real, Set.of(real), rows);
      } else {
        FileSystem fs = rootPath.getFileSystem(hadoop);
        listRemote(fs, fs.makeQualified(rootPath), "", rows);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new org.fiscalscope.FiscalScopeException(
          org.fiscalscope.problem.Problem.LANDING_NOT_LISTABLE.with(root, e.getMessage()), e);
    }
    rows.sort(java.util.Comparator.comparing(r -> r.getString(1)));
    return rows;
  }

  /**
   * The inputs under {@code dir} (reached as {@code prefix}); {@code ancestors} are the real paths of the folders on
   * the way from the root, so a link back to one of them is listed, not followed.
   */
  private static void listLocal(Path dir, String prefix, Path rootReal, Set<Path> ancestors, List<Row> rows)
      throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      if (prefix.isEmpty()) {
        throw e;
      }
      rows.add(local(dir, prefix.substring(0, prefix.length() - 1)));
      return;
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (!isInput(name)) {
        continue;
      }
      String rel = prefix + name;
      Path folder = followedFolder(entry, rootReal, ancestors);
      if (folder != null) {
        Set<Path> deeper = new HashSet<>(ancestors);
        deeper.add(folder);
        listLocal(entry, rel + "/", rootReal, deeper, rows);
      } else {
        rows.add(local(entry, rel));
      }
    }
  }

  /** The real path of a folder to descend into — a folder, or a link to one inside the landing folder that does not loop — or null. */
  private static Path followedFolder(Path entry, Path rootReal, Set<Path> ancestors) {
    try {
      BasicFileAttributes own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (own.isDirectory()) {
        return entry.toRealPath();
      }
      if (own.isSymbolicLink() && Files.isDirectory(entry)) {
        Path real = entry.toRealPath();
        return real.startsWith(rootReal) && !ancestors.contains(real) ? real : null;
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void listRemote(FileSystem fs, org.apache.hadoop.fs.Path dir, String prefix, List<Row> rows)
      throws IOException {
    FileStatus[] entries;
    try {
      entries = fs.listStatus(dir);
    } catch (IOException e) {
      if (prefix.isEmpty()) {
        throw e;
      }
      long modified;
      try {
        modified = fs.getFileStatus(dir).getModificationTime();
      } catch (IOException unknown) {
        modified = 0L;
      }
      rows.add(RowFactory.create(dir.toString(), prefix.substring(0, prefix.length() - 1), 0L, new Timestamp(modified)));
      return;
    }
    for (FileStatus s : entries) {
      String name = s.getPath().getName();
      if (!isInput(name)) {
        continue;
      }
      String rel = prefix + name;
      if (s.isDirectory()) {
        listRemote(fs, s.getPath(), rel + "/", rows);
      } else {
        rows.add(RowFactory.create(s.getPath().toString(), rel, s.getLen(), new Timestamp(s.getModificationTime())));
      }
    }
  }

  /** A local input: its size and time are the target's for a link that leads somewhere, the link's own otherwise. */
  private static Row local(Path file, String rel) {
    long size;
    long modified;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      size = a.isRegularFile() ? a.size() : 0L;
      modified = a.lastModifiedTime().toMillis();
    } catch (IOException followed) {
      try {
        modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
      } catch (IOException e) {
        modified = 0L;
      }
      size = 0L;
    }
    return RowFactory.create("file:" + file.toAbsolutePath(), rel, size, new Timestamp(modified));
  }

  /** Hidden (.) and underscore names, at any level, are not inputs — as for Spark's own readers. */
  static boolean isInput(String relativePath) {
    for (String part : relativePath.split("[/\\\\]")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return false;
      }
    }
    return true;
  }
}
