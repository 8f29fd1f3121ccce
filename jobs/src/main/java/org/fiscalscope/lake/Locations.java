package org.fiscalscope.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;

/**
 * Files the command line names (configuration, run summary, report index) wherever they live: a path relative to
 * the working folder, an absolute one, or a URI of any file system Hadoop knows ({@code hdfs://…}, {@code s3a://…}).
 */
public final class Locations {

  private Locations() {}

  /**
   * The Hadoop configuration to use before Spark has started: the defaults and {@code *-site.xml} files on the
   * classpath, with the {@code spark.hadoop.*} settings spark-submit passes to the driver.
   */
  public static Configuration beforeSpark() {
    Configuration conf = new Configuration();
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.startsWith("spark.hadoop.")) {
        conf.set(key.substring("spark.hadoop.".length()), String.valueOf(e.getValue()));
      }
    }
    return conf;
  }

  /** The location as a fully qualified Hadoop path ({@code file:/…/reports} for the relative {@code reports}). */
  public static Path qualify(String location, Configuration conf) throws IOException {
    Path path = new Path(location.strip());
    return path.getFileSystem(conf).makeQualified(path);
  }

  public static boolean exists(String location, Configuration conf) {
    try {
      Path path = new Path(location.strip());
      return path.getFileSystem(conf).exists(path);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the location is an existing file (not a folder). */
  public static boolean isFile(String location, Configuration conf) throws IOException {
    Path path = new Path(location.strip());
    return path.getFileSystem(conf).isFile(path);
  }

  public static byte[] read(String location, Configuration conf) throws IOException {
    Path path = new Path(location.strip());
    try (var in = path.getFileSystem(conf).open(path)) {
      return in.readAllBytes();
    }
  }

  /**
   * Writes the file whole or not at all: into a hidden file beside it, then renamed over it. Parent folders are
   * created; on a local disk no {@code .crc} side file is left beside it.
   */
  public static void write(String location, byte[] content, Configuration conf) {
    try {
      Path target = qualify(location, conf);
      FileSystem fs = target.getFileSystem(conf);
      if (fs instanceof ChecksumFileSystem checksummed) {
        fs = checksummed.getRawFileSystem();
      }
      Path partial = new Path(target.getParent(), "." + target.getName() + ".partial");
      fs.mkdirs(target.getParent());
      try (OutputStream out = fs.create(partial, true)) {
        out.write(content);
      }
      fs.delete(target, false);
      if (!fs.rename(partial, target)) {
        throw new IOException("could not move " + partial + " to " + target);
      }
    } catch (IOException | RuntimeException e) {
      throw new FiscalScopeException(Problem.LOCATION_NOT_WRITABLE.with(location, FiscalScopeException.oneLine(e)), e);
    }
  }
}
