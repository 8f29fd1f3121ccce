package org.fiscalscope;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a main class of the test classpath in a separate OS process, with the JVM flags of the test JVM (those Spark
 * needs on Java 17, and {@link #compilerAndCollector}), to test what only separate processes show: races between
 * processes, and files a process may not read. Run by root, a process can be started without root's power to read
 * any file, so permissions bite as they do for an ordinary user.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** A process running {@code main} with {@code args}, its output and errors in {@code log}. */
  public static Process start(Class<?> main, Path log, List<String> args) throws IOException {
    return new ProcessBuilder(command(main, args, false)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** As {@link #start}, in a process that file permissions bind even when the tests run as root. */
  public static Process startBoundByPermissions(Class<?> main, Path log, List<String> args) throws IOException {
    return new ProcessBuilder(command(main, args, isRoot())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Whether a process bound by permissions can be started here: always for an ordinary user, with setpriv for root. */
  public static boolean canBindByPermissions() {
    return !isRoot() || new File("/usr/bin/setpriv").canExecute();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * The test JVM's compiler and collector flags ({@code test.jvm.flags} in the parent pom), for the JVMs tests start:
   * they share the same two cores.
   */
  public static List<String> compilerAndCollector() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:Tier4") || a.startsWith("-XX:ReservedCodeCacheSize")
            || a.matches("-XX:\\+Use\\w+GC"))
        .toList();
  }

  private static List<String> command(Class<?> main, List<String> args, boolean dropRootFileAccess) {
    List<String> cmd = new ArrayList<>();
    if (dropRootFileAccess) {
      cmd.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-") || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty.")) {
        cmd.add(a);
      }
    }
    cmd.addAll(compilerAndCollector());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(args);
    return cmd;
  }
}
