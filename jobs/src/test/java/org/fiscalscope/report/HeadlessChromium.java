package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens a page in Debian's headless Chromium and returns the DOM after its scripts ran and the console lines it
 * logged. Chromium logs every console message (log, warn, error, uncaught exceptions) as an {@code INFO:CONSOLE}
 * line on stderr, whatever its level, so any such line counts. Without Chromium the test is skipped locally and
 * fails under CI=true (.ci/install-chromium.sh installs it).
 */
final class HeadlessChromium {

  /** What the browser made of a page. */
  record Page(String dom, List<String> console) {
    /** Elements of the DOM whose opening tag matches {@code regex}. */
    long count(String regex) {
      Matcher m = Pattern.compile(regex).matcher(dom);
      long n = 0;
      while (m.find()) {
        n++;
      }
      return n;
    }
  }

  private HeadlessChromium() {}

  static Page open(Path html, Path scratch) throws IOException, InterruptedException {
    Path binary = binary();
    Path profile = Files.createTempDirectory(scratch, "chromium-profile");
    Path dom = scratch.resolve("dom.html");
    Path log = scratch.resolve("chromium.log");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        "--dump-dom", html.toUri().toString())
        .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s; its log: " + log);
    }
    if (p.exitValue() != 0) {
      fail("chromium exited " + p.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains(":CONSOLE")).toList();
    return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
  }

  /** Chromium on the PATH; absent: skipped locally, a failure in CI. */
  private static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "chromium");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = "chromium is not installed: run `bash .ci/install-chromium.sh` (Debian's chromium package)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }
}
