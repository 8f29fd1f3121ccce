package org.fiscalscope.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.flags.FlagsConfig;
import org.fiscalscope.metrics.MetricsConfig;
import org.fiscalscope.problem.Problem;

/**
 * The resolved configuration of a run: {@code conf/fiscalscope.yaml} (or {@code --conf FILE}) over the built-in
 * defaults, then command-line flags over both. Every section, the {@code metrics} and {@code flags} settings
 * included, is bound and validated when the file is loaded, before any stage runs: unknown keys are refused with
 * their dotted name, invalid values with the rule they break. What is logged and hashed into ops.runs is this
 * effective configuration, defaults included.
 */
public record Settings(Paths paths, SparkSettings spark, IngestSettings ingest, MetricsConfig metrics,
                       FlagsConfig flags) {

  /** Where inputs, the lake and reports live. */
  public record Paths(String landing, String lake, String reports) {
    public Paths {
      landing = landing == null ? "data/sample" : landing;
      lake = lake == null ? "lake" : lake;
      reports = reports == null ? "reports" : reports;
    }
  }

  /** Spark master for local runs and extra Spark settings. */
  public record SparkSettings(String master, Map<String, String> settings) {
    public SparkSettings {
      master = master == null ? "local[*]" : master;
      settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
  }

  /**
   * Limits of the ingest stage: the largest file read, the heap the reading of workbooks and PDFs may take at once per
   * JVM (0: half the JVM's maximum heap), and the most new files read and committed together (a larger landing is
   * ingested in batches of that many, one after the other).
   */
  public record IngestSettings(Integer maxFileMb, Integer parseMemoryMb, Integer batchFiles) {
    public IngestSettings {
      maxFileMb = maxFileMb == null ? 64 : maxFileMb;
      if (maxFileMb <= 0) {
        throw new IllegalArgumentException("ingest.max-file-mb must be a positive number of megabytes: got " + maxFileMb);
      }
      parseMemoryMb = parseMemoryMb == null ? 0 : parseMemoryMb;
      if (parseMemoryMb < 0) {
        throw new IllegalArgumentException("ingest.parse-memory-mb must be a number of megabytes, or 0 for half the"
            + " heap: got " + parseMemoryMb);
      }
      batchFiles = batchFiles == null ? org.fiscalscope.ingest.IngestJob.BATCH_FILES : batchFiles;
      if (batchFiles <= 0) {
        throw new IllegalArgumentException("ingest.batch-files must be a positive number of files: got " + batchFiles);
      }
    }
  }

  public Settings {
    paths = paths == null ? new Paths(null, null, null) : paths;
    spark = spark == null ? new SparkSettings(null, null) : spark;
    ingest = ingest == null ? new IngestSettings(null, null, null) : ingest;
    metrics = metrics == null ? MetricsConfig.defaults() : metrics;
    flags = flags == null ? FlagsConfig.defaults() : flags;
  }

  /** The file as written: every section bound but {@code metrics} and {@code flags}, which lie over their defaults. */
  private record FileSections(Paths paths, SparkSettings spark, IngestSettings ingest, JsonNode metrics,
                              JsonNode flags) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Writes the settings back as a tree with each decimal at its scale, for the log and the hash. */
  private static final ObjectMapper AS_WRITTEN = YAML.copy()
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  public static final Path DEFAULT_FILE = Path.of("conf", "fiscalscope.yaml");

  /** The mapper that binds configuration sections (kebab-case keys, unknown keys refused). */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /**
   * Loads {@code file} — a path relative to the working folder, an absolute one, or a Hadoop URI (hdfs://…,
   * s3a://…) — or {@code conf/fiscalscope.yaml} when null and present, or the defaults bundled in the jar.
   */
  public static Settings load(String file) {
    if (file != null) {
      org.apache.hadoop.conf.Configuration hadoop = org.fiscalscope.lake.Locations.beforeSpark();
      try {
        if (!org.fiscalscope.lake.Locations.isFile(file, hadoop)) {
          throw Problem.CONFIG_FILE_MISSING.failure(file);
        }
        return parse(file, org.fiscalscope.lake.Locations.read(file, hadoop));
      } catch (IOException e) {
        throw new FiscalScopeException(Problem.CONFIG_FILE_UNREADABLE.with(file, e.getMessage()), e);
      }
    }
    if (Files.isRegularFile(DEFAULT_FILE)) {
      return parse(DEFAULT_FILE.toString(), read(DEFAULT_FILE));
    }
    try (InputStream in = Settings.class.getResourceAsStream("/conf/fiscalscope.yaml")) {
      return in == null ? defaults() : parse("built-in conf/fiscalscope.yaml", in.readAllBytes());
    } catch (IOException e) {
      throw new FiscalScopeException(Problem.CONFIG_BUILTIN_UNREADABLE.with(e.getMessage()), e);
    }
  }

  public static Settings defaults() {
    return new Settings(null, null, null, null, null);
  }

  static Settings parse(String origin, byte[] yaml) {
    try {
      JsonNode tree = YAML.readTree(yaml);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return defaults();
      }
      if (!tree.isObject()) {
        throw Problem.CONFIG_NOT_A_MAPPING.failure(origin);
      }
      FileSections f = YAML.treeToValue(tree, FileSections.class);
      return new Settings(f.paths(), f.spark(), f.ingest(), section(origin, () -> MetricsConfig.from(f.metrics())),
          section(origin, () -> FlagsConfig.from(f.flags())));
    } catch (UnrecognizedPropertyException e) {
      throw new FiscalScopeException(Problem.CONFIG_UNKNOWN_KEY.with(origin, dotted(e),
          e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))), e);
    } catch (MismatchedInputException e) {
      throw new FiscalScopeException(Problem.CONFIG_WRONG_TYPE.with(origin, dotted(e),
          e.getOriginalMessage().split("\n")[0]), e);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new FiscalScopeException(Problem.CONFIG_INVALID.with(origin, cause.getMessage().split("\n")[0]), e);
    }
  }

  /** A section bound over its defaults; a refusal names the file it came from. */
  private static <T> T section(String origin, java.util.function.Supplier<T> bind) {
    try {
      return bind.get();
    } catch (FiscalScopeException e) {
      throw new FiscalScopeException(origin, e.reason(), e);
    }
  }

  private static String dotted(com.fasterxml.jackson.databind.JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
        .collect(Collectors.joining("."));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FiscalScopeException(Problem.CONFIG_FILE_UNREADABLE.with(file, e.getMessage()), e);
    }
  }

  /** A copy with the paths a command line gave (null keeps the configured one). */
  public Settings withPaths(String landing, String lake, String reports) {
    return new Settings(new Paths(landing != null ? landing : paths.landing(), lake != null ? lake : paths.lake(),
        reports != null ? reports : paths.reports()), spark, ingest, metrics, flags);
  }

  /** A copy with another Spark master (null keeps the configured one). */
  public Settings withMaster(String master) {
    return master == null ? this : new Settings(paths, new SparkSettings(master, spark.settings()), ingest, metrics, flags);
  }

  /** The resolved configuration as a flat map of dotted keys, for the log and the run record. */
  public Map<String, String> flatten() {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", AS_WRITTEN.valueToTree(this), out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      List<String> items = new ArrayList<>();
      a.forEach(item -> items.add(item.isValueNode() ? text(item) : item.toString()));
      out.put(prefix, items.toString());
    } else if (node != null && !node.isNull()) {
      out.put(prefix, text(node));
    }
  }

  /** A value as the stages see it: decimals in plain notation at their own scale (90 stays 90, not 9E+1). */
  private static String text(JsonNode value) {
    return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
  }

  /** SHA-256 of the resolved configuration (every setting, defaults included), recorded with each run. */
  public String hash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(flatten().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
