package org.fiscalscope.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine, made of separate JVMs: a Master and Workers bound to 127.0.0.1, each
 * Worker with its own work folder, and the executors the Workers launch for an application. Applications are
 * submitted with {@code SparkSubmit --master spark://… --deploy-mode client}, so the driver is a JVM of its own too.
 *
 * <p>The Spark "distribution" is made from the jars of this JVM's classpath: a folder laid out as {@code SPARK_HOME}
 * ({@code jars/} holding links to every jar whose classes the thin jar does not carry itself, {@code conf/} the
 * logging configuration), because a Worker builds each executor's command line from {@code $SPARK_HOME/jars}. The
 * Master, the Workers, the driver and the executors all run from it alone: our classes reach the driver and the
 * executors only through the thin jar ({@code spark.jars}), as on any Spark cluster.
 *
 * <p>Every process is stopped by {@link #close()} — descendants first (the executors of a Worker), by the process
 * ids started — and by a JVM shutdown hook if the caller never gets there.
 */
public final class StandaloneCluster implements AutoCloseable {

  /** Sizes: kept small, the machine is shared. Memory strings as Spark takes them ({@code 1g}, {@code 1536m}). */
  public record Spec(int workers, int coresPerWorker, String workerMemory, String executorMemory, String daemonHeap,
      String driverHeap) {

    /** Two Workers of one core each; 1 GB executors; 256 MB for Master and Worker daemons; a 1 GB driver. */
    public static Spec small() {
      return new Spec(2, 1, "1280m", "1g", "256m", "1g");
    }

    public Spec withMemory(String worker, String executor, String driver) {
      return new Spec(workers, coresPerWorker, worker, executor, daemonHeap, driver);
    }
  }

  private static final Pattern MASTER_URL = Pattern.compile("spark://127\\.0\\.0\\.1:(\\d+)");
  private static final Duration START_PATIENCE = Duration.ofMinutes(4);

  private final Path dir;
  private final Spec spec;
  private final Path home;
  private final List<String> jvmFlags;
  private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());
  private final Thread shutdownHook;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster(Path dir, Spec spec, Path thinJar, List<String> jvmFlags) throws IOException {
    this.dir = dir;
    this.spec = spec;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.home = sparkHome(dir.resolve("spark-home"), thinJar);
    this.shutdownHook = new Thread(this::stopAll, "stop the standalone cluster");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      master = start("master", List.of("org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", "0", "--webui-port", "0"), spec.daemonHeap(), dir);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the Master, then (once it has a port) the Workers, without waiting for them to register; call
   * {@link #awaitReady()} before submitting. {@code jvmFlags} are the flags Spark needs on Java 17
   * ({@code jobs/target/jvm.options}); they are given to every JVM, executors included.
   */
  public static StandaloneCluster launch(Path dir, Spec spec, Path thinJar, List<String> jvmFlags) throws IOException {
    Files.createDirectories(dir);
    return new StandaloneCluster(dir, spec, thinJar, jvmFlags);
  }

  /** Waits until the Master has a port and every Worker has registered with it. */
  public StandaloneCluster awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_PATIENCE);
    if (masterUrl == null) {
      masterUrl = "spark://127.0.0.1:" + awaitLine(master, log("master"), MASTER_URL, deadline).group(1);
      for (int i = 1; i <= spec.workers(); i++) {
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        workers.add(start("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--port", "0", "--webui-port", "0", "--cores", String.valueOf(spec.coresPerWorker()),
            "--memory", spec.workerMemory(), "--work-dir", work.toString(), masterUrl), spec.daemonHeap(), work));
      }
    }
    Pattern registered = Pattern.compile("Registering worker 127\\.0\\.0\\.1:\\d+ with "
        + spec.coresPerWorker() + " core");
    while (count(log("master"), registered) < spec.workers()) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException("a cluster process exited (" + p.exitValue() + ") while starting:\n"
              + diagnostics());
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the workers did not register within " + START_PATIENCE + ":\n" + diagnostics());
      }
      Thread.sleep(250);
    }
    return this;
  }

  /** {@code spark://127.0.0.1:<port>}, once {@link #awaitReady()} has returned. */
  public String masterUrl() {
    return masterUrl;
  }

  /** The folder laid out as SPARK_HOME: the cluster's Spark, without the libraries the thin jar carries. */
  public Path sparkHome() {
    return home;
  }

  /**
   * Submits {@code jar} with {@code SparkSubmit --master <this cluster> --deploy-mode client}: the driver in a JVM of
   * its own, running from the cluster's Spark only, in {@code workingDir}; one executor per Worker. {@code conf} are
   * extra {@code spark.*} settings. The process is stopped with the cluster.
   */
  public Process submit(Path jar, String mainClass, Map<String, String> conf, List<String> args, Path workingDir,
      Path output) throws IOException {
    List<String> command = java(spec.driverHeap());
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.addAll(List.of("--master", masterUrl, "--deploy-mode", "client", "--class", mainClass,
        "--executor-memory", spec.executorMemory(), "--executor-cores", String.valueOf(spec.coresPerWorker()),
        "--total-executor-cores", String.valueOf(spec.workers() * spec.coresPerWorker())));
    Map<String, String> settings = new java.util.TreeMap<>(Map.of(
        "spark.driver.host", "127.0.0.1",
        "spark.driver.bindAddress", "127.0.0.1",
        "spark.executor.extraJavaOptions", String.join(" ", jvmFlags),
        "spark.ui.enabled", "false"));
    settings.putAll(conf);
    settings.forEach((k, v) -> command.addAll(List.of("--conf", k + "=" + v)));
    command.add(jar.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    environment(pb);
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /**
   * The executor folders the Workers made ({@code worker-N/<app id>/<executor id>}), each holding the executor's
   * stderr and the application jar it fetched from the driver.
   */
  public List<Path> executorFolders() throws IOException {
    List<Path> found = new ArrayList<>();
    for (int i = 1; i <= spec.workers(); i++) {
      Path work = dir.resolve("worker-" + i);
      try (Stream<Path> apps = Files.list(work)) {
        for (Path app : apps.filter(p -> p.getFileName().toString().startsWith("app-")).toList()) {
          try (Stream<Path> execs = Files.list(app)) {
            found.addAll(execs.filter(Files::isDirectory).toList());
          }
        }
      }
    }
    return found;
  }

  /** The last lines of the Master's and Workers' logs and of every executor's stderr, for a failure message. */
  public String diagnostics() {
    StringBuilder s = new StringBuilder();
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".log") || p.getFileName().toString().equals("stderr"))
          .filter(p -> !p.startsWith(home)).sorted().forEach(logs::add);
    } catch (IOException | UncheckedIOException e) {
      s.append("(cannot list ").append(dir).append(": ").append(e.getMessage()).append(")\n");
    }
    for (Path log : logs) {
      s.append("--- ").append(dir.relativize(log)).append(" (last lines)\n").append(tail(log, 40)).append('\n');
    }
    return s.toString();
  }

  /** Stops every process started — drivers, Workers with their executors, the Master — and waits for them to end. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private void stopAll() {
    List<Process> started;
    synchronized (processes) {
      started = new ArrayList<>(processes);
    }
    Collections.reverse(started);
    List<ProcessHandle> all = new ArrayList<>();
    for (Process p : started) {
      List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
      Collections.reverse(tree);
      tree.add(p.toHandle());
      for (ProcessHandle h : tree) {
        h.destroy();
        all.add(h);
      }
    }
    Instant deadline = Instant.now().plusSeconds(20);
    for (ProcessHandle h : all) {
      try {
        long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        h.onExit().get(left, TimeUnit.MILLISECONDS);
      } catch (Exception notYet) {
        h.destroyForcibly();
      }
    }
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // reported by the caller's check for orphans, if any
      }
    }
  }

  private Process start(String name, List<String> mainAndArgs, String heap, Path workingDir) throws IOException {
    List<String> command = java(heap);
    command.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log(name).toFile());
    environment(pb);
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private List<String> java(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator + "*");
    return command;
  }

  /** What a Worker needs to launch executors from the SPARK_HOME folder, and nothing of the caller's Spark setup. */
  private void environment(ProcessBuilder pb) {
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_") || k.startsWith("YARN_")
        || k.equals("PYSPARK_PYTHON") || k.equals("CLASSPATH"));
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
  }

  private Path log(String name) {
    return dir.resolve(name + ".log");
  }

  private Matcher awaitLine(Process p, Path log, Pattern pattern, Instant deadline) throws IOException, InterruptedException {
    while (true) {
      if (Files.exists(log)) {
        Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          return m;
        }
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("the Spark master exited (" + p.exitValue() + ") while starting:\n" + diagnostics());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the Spark master did not start within " + START_PATIENCE + ":\n" + diagnostics());
      }
      Thread.sleep(200);
    }
  }

  private static long count(Path log, Pattern pattern) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    return pattern.matcher(Files.readString(log, StandardCharsets.UTF_8)).results().count();
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Lays out a SPARK_HOME: {@code jars/} links to the jars of this JVM's classpath that make up Spark — every jar
   * except ours and those the thin jar carries (a jar whose first class is inside the thin jar) — and {@code conf/}
   * a logging configuration (daemons at INFO, which {@link #awaitReady()} reads; executors' own messages at WARN).
   */
  static Path sparkHome(Path home, Path thinJar) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    Path conf = Files.createDirectories(home.resolve("conf"));
    Set<String> carried = classesOf(thinJar);
    Set<String> names = new HashSet<>();
    List<String> linked = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
        continue; // class folders: this build's own classes and tests
      }
      String first = firstClass(jar);
      if (first == null || first.startsWith("org/fiscalscope/") || carried.contains(first)) {
        continue;
      }
      String name = jar.getFileName().toString();
      if (!names.add(name)) {
        name = names.size() + "-" + name;
        names.add(name);
      }
      Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
      linked.add(name);
    }
    if (linked.stream().noneMatch(n -> n.startsWith("spark-core_"))) {
      throw new IllegalStateException("no spark-core jar on the classpath to make a Spark home from");
    }
    Files.writeString(conf.resolve("log4j2.properties"), String.join("\n",
        "status = error",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex",
        "rootLogger.level = warn",
        "rootLogger.appenderRef.console.ref = console",
        "logger.deploy.name = org.apache.spark.deploy",
        "logger.deploy.level = info",
        "logger.hadoop.name = org.apache.hadoop",
        "logger.hadoop.level = error",
        "logger.parquet.name = org.apache.parquet",
        "logger.parquet.level = error",
        "logger.poi.name = org.apache.poi",
        "logger.poi.level = error",
        "logger.pdfbox.name = org.apache.pdfbox",
        "logger.pdfbox.level = error",
        "logger.fontbox.name = org.apache.fontbox",
        "logger.fontbox.level = error",
        ""));
    return home;
  }

  private static Set<String> classesOf(Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).collect(Collectors.toSet());
    }
  }

  private static String firstClass(Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = j.entries();
      while (entries.hasMoreElements()) {
        String n = entries.nextElement().getName();
        if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
          return n;
        }
      }
      return null;
    }
  }

  /** The JVM flags of {@code jobs/target/jvm.options}. */
  public static List<String> jvmFlags(Path jvmOptions) throws IOException {
    return Arrays.stream(Files.readString(jvmOptions).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
