package org.fiscalscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads one landing file's bytes safely: never more than the size limit into memory, never through a link that
 * leaves the landing folder, never from a pipe or device; each refusal says why. Runs on executors.
 */
public final class LandingFile {

  /** The bytes and hash of a file, or why they were not taken ({@code content} is then null). */
  public record Content(String sha256, byte[] content, String refusal) {

    public boolean isRead() {
      return refusal == null;
    }
  }

  private LandingFile() {}

  public static Content read(String fullPath, String relativePath, String landingRoot, long size, long modifiedMillis,
                             long maxBytes, Configuration hadoop) {
    try {
      Path path = new Path(fullPath);
      URI uri = path.toUri();
      if ("file".equals(uri.getScheme())) {
        String refusal = localRefusal(java.nio.file.Path.of(uri), java.nio.file.Path.of(new Path(landingRoot).toUri()));
        if (refusal != null) {
          return new Content(unreadKey(relativePath, size, modifiedMillis), null, refusal);
        }
      }
      FileSystem fs = path.getFileSystem(hadoop);
      if (size > maxBytes) {
        return new Content(hash(fs, path), null, "is " + megabytes(size) + ", larger than the limit of "
            + megabytes(maxBytes) + " (ingest.max-file-mb); split the file or raise the limit");
      }
      byte[] bytes;
      try (InputStream in = fs.open(path)) {
        bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      }
      if (bytes.length > maxBytes) {
        return new Content(hash(fs, path), null, "grew beyond the limit of " + megabytes(maxBytes)
            + " while it was read; send it again when it is complete");
      }
      return new Content(sha256(bytes), bytes, null);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
      return new Content(unreadKey(relativePath, size, modifiedMillis), null,
          "could not be read (" + why + "); check that the file is complete and readable, then send it again");
    }
  }

  /** Why a local file must not be read, or null: links leading outside the landing folder, pipes, devices. */
  static String localRefusal(java.nio.file.Path file, java.nio.file.Path landing) throws IOException {
    if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(landing.toRealPath())) {
      return "is a link to a file outside the landing folder, which is not read; copy the file itself into the landing folder";
    }
    if (!Files.isRegularFile(file)) {
      return "is not a regular file (a pipe, device or socket) and is not read; put the document itself in the landing folder";
    }
    if (!Files.isReadable(file)) {
      return "cannot be read (permission denied); make it readable for the user running fiscalscope";
    }
    return null;
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static String hash(FileSystem fs, Path path) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = new DigestInputStream(fs.open(path), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The key of a file whose content is not read: a hash of where it is, its size and time. */
  static String unreadKey(String relativePath, long size, long modifiedMillis) {
    return sha256(("unread:" + relativePath + ":" + size + ":" + modifiedMillis).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }
}
