package org.fiscalscope.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The small files of a lock folder, with the one operation a lock needs to be exclusive: a create that fails when
 * the file exists, atomically. On a local disk that is a hard link of a complete temporary file (POSIX {@code link}
 * fails if the name exists), so the file appears whole or not at all; on HDFS the NameNode's create without
 * overwrite. Object stores without conditional writes do not offer it (see the README).
 */
abstract class LockFiles {

  /** Creates {@code name} holding {@code content}; false when it already exists. */
  abstract boolean createExclusive(String name, String content) throws IOException;

  /** The content of {@code name}, or empty when it does not exist. */
  abstract Optional<String> read(String name) throws IOException;

  /** Removes {@code name} if it exists. */
  abstract void delete(String name) throws IOException;

  /** Where {@code name} is, for messages. */
  abstract String where(String name);

  /** The lock files of folder {@code dir}: local ones through java.nio, others through Hadoop. */
  static LockFiles in(Path dir, Configuration hadoop) throws IOException {
    FileSystem fs = dir.getFileSystem(hadoop);
    Path qualified = fs.makeQualified(dir);
    if ("file".equals(qualified.toUri().getScheme())) {
      return new Local(java.nio.file.Path.of(qualified.toUri()));
    }
    return new Hadoop(fs, qualified);
  }

  /** A local folder: exclusive create by a hard link, or by CREATE_NEW where links are not supported. */
  static final class Local extends LockFiles {

    private final java.nio.file.Path dir;

    Local(java.nio.file.Path dir) {
      this.dir = dir;
    }

    @Override
    boolean createExclusive(String name, String content) throws IOException {
      Files.createDirectories(dir);
      java.nio.file.Path target = dir.resolve(name);
      java.nio.file.Path temp = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      try {
        Files.createLink(target, temp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        if (Files.exists(target)) {
          return false;
        }
        return createNew(target, content);
      } finally {
        Files.deleteIfExists(temp);
      }
    }

    private static boolean createNew(java.nio.file.Path target, String content) throws IOException {
      try (SeekableByteChannel ch = Files.newByteChannel(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC)) {
        ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    Optional<String> read(String name) throws IOException {
      try {
        return Optional.of(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    void delete(String name) throws IOException {
      Files.deleteIfExists(dir.resolve(name));
    }

    @Override
    String where(String name) {
      return dir.resolve(name).toString();
    }
  }

  /** A folder of a Hadoop file system whose create without overwrite is atomic (HDFS). */
  static final class Hadoop extends LockFiles {

    private final FileSystem fs;
    private final Path dir;

    Hadoop(FileSystem fs, Path dir) {
      this.fs = fs;
      this.dir = dir;
    }

    @Override
    boolean createExclusive(String name, String content) throws IOException {
      Path file = new Path(dir, name);
      try (OutputStream out = fs.create(file, false)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
        return true;
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        // HDFS reports a file another client is still creating with other exceptions (AlreadyBeingCreated).
        if (fs.exists(file)) {
          return false;
        }
        throw e;
      }
    }

    @Override
    Optional<String> read(String name) throws IOException {
      try (FSDataInputStream in = fs.open(new Path(dir, name))) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    void delete(String name) throws IOException {
      fs.delete(new Path(dir, name), false);
    }

    @Override
    String where(String name) {
      return new Path(dir, name).toString();
    }
  }
}
