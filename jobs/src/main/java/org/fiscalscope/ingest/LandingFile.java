package org.fiscalscope.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;

/**
 * Reads one landing file's bytes safely: never more than the size limit into memory (a file over it is not opened),
 * never through a link that leaves the landing folder, never from a pipe or device; each refusal says why. A file
 * refused without being read is keyed by where it is, its size, time and the refusal, and checked again on every
 * run, so a fix (chmod, a raised limit, a file moved back) takes effect on the next run. Runs on executors.
 */
public final class LandingFile {

  /** Why a listed input was refused without its content being read. */
  public enum Unread {
    LINK_OUTSIDE(Problem.FILE_LINK_OUTSIDE),
    FOLDER_LINK_OUTSIDE(Problem.FILE_FOLDER_LINK_OUTSIDE),
    FOLDER_LINK_LOOP(Problem.FILE_FOLDER_LINK_LOOP),
    DANGLING_LINK(Problem.FILE_DANGLING_LINK),
    VANISHED(Problem.FILE_VANISHED),
    NOT_REGULAR(Problem.FILE_NOT_REGULAR),
    FOLDER_UNREADABLE(Problem.FILE_FOLDER_UNREADABLE),
    UNREADABLE(Problem.FILE_UNREADABLE),
    TOO_LARGE(Problem.FILE_TOO_LARGE),
    GREW(Problem.FILE_GREW),
    READ_ERROR(Problem.FILE_READ_ERROR);

    private final Problem problem;

    Unread(Problem problem) {
      this.problem = problem;
    }
  }

  /** The bytes and hash of a file, or why they were not taken ({@code content} is then null). */
  public record Content(String sha256, byte[] content, Reason reason) {

    public boolean isRead() {
      return reason == null;
    }

    /** Why the file was not read, as a sentence, or null. */
    public String refusal() {
      return reason == null ? null : reason.en();
    }
  }

  private LandingFile() {}

  /**
   * {@code size} and {@code modifiedMillis} are what the listing saw; a file larger than {@code maxBytes} by the
   * listing is refused unopened, one that grows past it while read is refused after {@code maxBytes + 1} bytes.
   */
  public static Content read(String fullPath, String relativePath, String landingRoot, long size, long modifiedMillis,
                             long maxBytes, Configuration hadoop) {
    Key key = new Key(relativePath, size, modifiedMillis, maxBytes);
    Path path = new Path(fullPath);
    try {
      URI uri = path.toUri();
      boolean local = "file".equals(uri.getScheme());
      if (local) {
        Unread refusal = localRefusal(java.nio.file.Path.of(uri), java.nio.file.Path.of(new Path(landingRoot).toUri()));
        if (refusal != null) {
          return key.unread(refusal, refusal.problem.with());
        }
      }
      FileSystem fs = path.getFileSystem(hadoop);
      if (!local) {
        FileStatus status = fs.getFileStatus(path);
        if (status.isDirectory()) {
          return key.unread(Unread.FOLDER_UNREADABLE, Problem.FILE_FOLDER_UNREADABLE.with());
        }
      }
      if (size > maxBytes) {
        return key.unread(Unread.TOO_LARGE, Problem.FILE_TOO_LARGE.with(megabytes(size), megabytes(maxBytes)));
      }
      byte[] bytes;
      // A local file is read straight into an array of the listed size; through Hadoop, each stream allocates buffers.
      try (InputStream in = local ? Files.newInputStream(java.nio.file.Path.of(uri)) : fs.open(path)) {
        bytes = readAtMost(in, size, Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      }
      if (bytes.length > maxBytes) {
        return key.unread(Unread.GREW, Problem.FILE_GREW.with(megabytes(maxBytes)));
      }
      return new Content(sha256(bytes), bytes, null);
    } catch (FileNotFoundException | NoSuchFileException e) {
      if (!"file".equals(path.toUri().getScheme()) || !Files.exists(java.nio.file.Path.of(path.toUri()), LinkOption.NOFOLLOW_LINKS)) {
        return key.unread(Unread.VANISHED, Problem.FILE_VANISHED.with());
      }
      return readError(key, e);
    } catch (IOException | RuntimeException e) {
      return readError(key, e);
    }
  }

  /**
   * The stream's bytes, at most {@code limit} of them: the {@code expected} length (the listing's) is read into an
   * array of that size and the end of the stream checked, so the usual file is read without a copy; a file that grew
   * or shrank since it was listed is read as it is now.
   */
  static byte[] readAtMost(InputStream in, long expected, long limit) throws IOException {
    int first = (int) Math.max(0, Math.min(expected, limit));
    byte[] bytes = new byte[first];
    int n = in.readNBytes(bytes, 0, first);
    if (n < first) {
      return java.util.Arrays.copyOf(bytes, n);
    }
    int next = n < limit ? in.read() : -1;
    if (next < 0) {
      return bytes;
    }
    byte[] rest = in.readNBytes((int) (limit - n - 1));
    byte[] all = java.util.Arrays.copyOf(bytes, n + 1 + rest.length);
    all[n] = (byte) next;
    System.arraycopy(rest, 0, all, n + 1, rest.length);
    return all;
  }

  private static Content readError(Key key, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
    return key.unread(Unread.READ_ERROR, Problem.FILE_READ_ERROR.with(why));
  }

  /**
   * Why a local input must not be read, or null. Judged on the file's real path, so a file reached through any link
   * (the file's own or a folder's) is read only when it lies inside the landing folder.
   */
  static Unread localRefusal(java.nio.file.Path file, java.nio.file.Path landing) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Unread.VANISHED;
    }
    boolean link = Files.isSymbolicLink(file);
    java.nio.file.Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      return link ? Unread.DANGLING_LINK : Unread.VANISHED;
    }
    boolean inside = real.startsWith(landing.toRealPath());
    if (Files.isDirectory(real)) {
      if (!inside) {
        return Unread.FOLDER_LINK_OUTSIDE;
      }
      // The listing lists a folder only when it cannot be listed, or when it is a link back to a folder holding it.
      return Files.isReadable(real) && Files.isExecutable(real) && link ? Unread.FOLDER_LINK_LOOP : Unread.FOLDER_UNREADABLE;
    }
    if (!inside) {
      return Unread.LINK_OUTSIDE;
    }
    if (!Files.isRegularFile(real)) {
      return Unread.NOT_REGULAR;
    }
    if (!Files.isReadable(real)) {
      return Unread.UNREADABLE;
    }
    return null;
  }

  /** Where a file is, as the listing saw it, and the limit it was judged by: the key of a refusal without reading. */
  private record Key(String relativePath, long size, long modifiedMillis, long maxBytes) {

    Content unread(Unread why, Reason sentence) {
      boolean bySize = why == Unread.TOO_LARGE || why == Unread.GREW;
      return new Content(unreadKey(relativePath, size, modifiedMillis, why.name() + (bySize ? ":" + maxBytes : "")),
          null, sentence);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /**
   * The key of a file whose content is not read: a hash of where it is, its size and time, and why it was refused
   * (with the limit, for size), so the same refusal of the same file is one row however often it is checked, and a
   * different one (the file changed, the limit was raised but not enough) is a new row.
   */
  static String unreadKey(String relativePath, long size, long modifiedMillis, String why) {
    return sha256(("unread:" + relativePath + ":" + size + ":" + modifiedMillis + ":" + why).getBytes(StandardCharsets.UTF_8));
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
