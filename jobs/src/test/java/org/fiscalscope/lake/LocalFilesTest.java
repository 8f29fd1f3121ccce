package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.AbstractFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

/**
 * The local file system of a local session sets permissions and reads links as Hadoop's does, through
 * {@code java.nio.file} rather than a {@code chmod} or {@code readlink} process, for {@code FileSystem} and
 * {@code FileContext} users alike.
 */
class LocalFilesTest extends SparkTest {

  private FileSystem fs() throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return FileSystem.newInstance(URI.create("file:///"), conf);
  }

  @Test
  void aLocalSessionUsesItForFileSystemAndFileContext() throws Exception {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    assertInstanceOf(LocalFiles.class, FileSystem.get(URI.create("file:///"), conf));
    assertInstanceOf(LocalFiles.Context.class, AbstractFileSystem.get(URI.create("file:///"), conf));
    assertInstanceOf(LocalFiles.Raw.class, ((LocalFiles) FileSystem.get(URI.create("file:///"), conf)).getRaw());
  }

  @Test
  void aFileSystemCachedBeforeTheSessionIsReplacedByTheSessions() throws IOException {
    Configuration session = spark.sparkContext().hadoopConfiguration();
    FileSystem.get(URI.create("file:///"), session).close();
    // As reading the configuration file before Spark starts does: the plain configuration's file system is cached.
    FileSystem before = FileSystem.get(URI.create("file:///"), new Configuration());
    assertFalse(before instanceof LocalFiles);
    assertFalse(FileSystem.get(URI.create("file:///"), session) instanceof LocalFiles, "Hadoop's cache answers first");

    // As a verb does once it has read its configuration: asks for its (here: the shared) local session.
    org.apache.spark.sql.SparkSession again = SparkSessions.create("fiscalscope-test", "local[2]", SESSION_SETTINGS);
    assertInstanceOf(LocalFiles.class, FileSystem.get(URI.create("file:///"), again.sparkContext().hadoopConfiguration()));
    assertTrue(before.exists(new Path(tmp.toUri())), "the file system replaced still works for whoever holds it");
  }

  @Test
  void permissionsAreSetAsChmodWould() throws IOException {
    java.nio.file.Path file = Files.writeString(tmp.resolve("a.txt"), "x", StandardCharsets.UTF_8);
    try (FileSystem fs = fs()) {
      fs.setPermission(new Path(file.toUri()), new FsPermission((short) 0640));
      assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      fs.setPermission(new Path(file.toUri()), new FsPermission((short) 0755));
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertEquals(new FsPermission((short) 0755), fs.getFileStatus(new Path(file.toUri())).getPermission());
    }
  }

  @Test
  void linksAreSeenAsLinksAndFilesAsFiles() throws IOException {
    java.nio.file.Path file = Files.writeString(tmp.resolve("target.txt"), "abc", StandardCharsets.UTF_8);
    java.nio.file.Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), file);
    java.nio.file.Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.txt"), tmp.resolve("gone.txt"));
    try (FileSystem fs = fs()) {
      FileStatus plain = fs.getFileLinkStatus(new Path(file.toUri()));
      assertFalse(plain.isSymlink());
      assertEquals(3, plain.getLen());

      FileStatus linked = fs.getFileLinkStatus(new Path(link.toUri()));
      assertTrue(linked.isSymlink());
      assertEquals(file.toString(), linked.getSymlink().toString());
      assertEquals(file.toString(), fs.getLinkTarget(new Path(link.toUri())).toString());

      FileStatus broken = fs.getFileLinkStatus(new Path(dangling.toUri()));
      assertTrue(broken.isSymlink(), "a link to nothing is still a link");
      assertEquals(tmp.resolve("gone.txt").toString(), broken.getSymlink().toString());

      assertThrows(FileNotFoundException.class, () -> fs.getFileLinkStatus(new Path(tmp.resolve("none").toUri())));
      assertThrows(IOException.class, () -> fs.getLinkTarget(new Path(file.toUri())), "a file is not a link");
    }
  }

  @Test
  void fileContextRenamesWithoutOverwritingAsDeltaCommitsDo() throws IOException {
    FileContext fc = FileContext.getFileContext(URI.create("file:///"), spark.sparkContext().hadoopConfiguration());
    java.nio.file.Path from = Files.writeString(tmp.resolve("commit.tmp"), "{}", StandardCharsets.UTF_8);
    java.nio.file.Path to = tmp.resolve("00000000000000000000.json");
    fc.rename(new Path(from.toUri()), new Path(to.toUri()), Options.Rename.NONE);
    assertTrue(Files.exists(to));
    assertFalse(Files.exists(from));

    java.nio.file.Path again = Files.writeString(tmp.resolve("commit2.tmp"), "{}", StandardCharsets.UTF_8);
    assertThrows(org.apache.hadoop.fs.FileAlreadyExistsException.class,
        () -> fc.rename(new Path(again.toUri()), new Path(to.toUri()), Options.Rename.NONE),
        "a version already written is never replaced");
  }
}
