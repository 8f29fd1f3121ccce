package org.fiscalscope.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Lists every input of a landing folder, recursively, the way Spark's file index does (on the driver) but without
 * its silent omissions: empty files, dangling links and special files are listed too, so each one is accounted
 * for. Names starting with {@code _} or {@code .} (at any level) are not inputs.
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
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(p -> !p.equals(dir) && !Files.isDirectory(p) && isInput(dir.relativize(p).toString()))
              .forEach(p -> rows.add(local(dir, p)));
        }
      } else {
        FileSystem fs = rootPath.getFileSystem(hadoop);
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(rootPath, true);
        String prefix = fs.makeQualified(rootPath).toString();
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        while (it.hasNext()) {
          LocatedFileStatus s = it.next();
          String full = s.getPath().toString();
          String rel = full.startsWith(prefix) ? full.substring(prefix.length()) : s.getPath().getName();
          if (isInput(rel)) {
            rows.add(RowFactory.create(full, rel, s.getLen(), new Timestamp(s.getModificationTime())));
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new org.fiscalscope.FiscalScopeException("landing folder " + root + " cannot be listed: " + e.getMessage()
          + "; check that it exists and is readable", e);
    }
    rows.sort(java.util.Comparator.comparing(r -> r.getString(1)));
    return rows;
  }

  private static Row local(Path dir, Path file) {
    String rel = dir.relativize(file).toString().replace('\\', '/');
    long size;
    long modified;
    try {
      modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
      size = Files.isRegularFile(file) ? Files.size(file) : 0L;
    } catch (IOException e) {
      size = 0L;
      modified = 0L;
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
