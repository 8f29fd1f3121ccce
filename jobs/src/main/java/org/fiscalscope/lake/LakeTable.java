package org.fiscalscope.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Text;

/**
 * Every table of the lake, declared once: its layer and name (stored at {@code <lake>/<layer>/<table>}), its key, the
 * stage that writes it and what it holds. Its columns are declared in {@code schemas/tables/<layer>.<table>.sql},
 * read from the classpath. Runs, stages, the doctor, the SQL catalogue and the report take their tables from here.
 */
public enum LakeTable {

  BRONZE_DOCUMENTS(Layer.BRONZE, "documents", Owner.INGEST, key("sha256"),
      "every accepted input file: path, kind, hash, raw bytes, canonical JSON"),
  BRONZE_REJECTS(Layer.BRONZE, "rejects", Owner.INGEST, key("sha256"),
      "every refused input file or row: path, the reason in one sentence, raw bytes"),
  SILVER_UNIT_YEAR(Layer.SILVER, "unit_year", Owner.INGEST, key("unit_id", "fiscal_year"),
      "one row per unit and fiscal year: totals, three-public costs, procurement, assets, scores"),
  SILVER_FUNCTION_LINE(Layer.SILVER, "function_line", Owner.INGEST, key("unit_id", "fiscal_year", "code"),
      "functional classification lines: initial budget and actual"),
  SILVER_PROJECT(Layer.SILVER, "project", Owner.INGEST, key("unit_id", "fiscal_year", "project_name"),
      "project self-evaluations: budget, actual, reported rate and scores"),
  SILVER_INDICATOR(Layer.SILVER, "indicator", Owner.INGEST, key("unit_id", "fiscal_year", "project_name", "seq"),
      "performance indicators of the unit and of each project: target, actual, weight, score"),
  SILVER_FINDING(Layer.SILVER, "finding", Owner.INGEST, key("unit_id", "fiscal_year", "rule", "subject"),
      "consistency findings raised while reading a document"),
  SILVER_PROVENANCE(Layer.SILVER, "provenance", Owner.INGEST, key("unit_id", "fiscal_year", "field"),
      "where each figure came from: file, page, line, source text"),
  GOLD_EXECUTION(Layer.GOLD, "execution", Owner.METRICS, key("unit_id", "fiscal_year", "level", "subject"),
      "execution rates at unit, function and project level, reported and recomputed"),
  GOLD_THREE_PUBLIC_TREND(Layer.GOLD, "three_public_trend", Owner.METRICS, key("unit_id", "fiscal_year", "category"),
      "three-public costs per unit, category and year with the prior year and the policy check"),
  GOLD_SCORE_DISTRIBUTION(Layer.GOLD, "score_distribution", Owner.METRICS, key("fiscal_year", "peer_group", "scope"),
      "performance score distributions per year, peer group and scope"),
  GOLD_CREDIBILITY(Layer.GOLD, "credibility", Owner.METRICS, key("unit_id", "fiscal_year"),
      "budget-credibility grades over the last three years, PEFA PI-1 / PI-2 style"),
  GOLD_DISCLOSURE_QUALITY(Layer.GOLD, "disclosure_quality", Owner.METRICS, key("unit_id", "fiscal_year"),
      "disclosure quality per unit-year: standard tables and sections present, 三公 detail, self-evaluations, consistency, timeliness; score and rank per district"),
  GOLD_PER_CAPITA(Layer.GOLD, "per_capita", Owner.METRICS, key("unit_id", "fiscal_year"),
      "basic, public and three-public spending per person of the actual headcount, where it is stated"),
  GOLD_FLAGS(Layer.GOLD, "flags", Owner.FLAGS, key("rule", "unit_id", "fiscal_year", "subject"),
      "the current flags: severity, value, threshold, explanation, source"),
  OPS_RUNS(Layer.OPS, "runs", Owner.RUN, key("run_id"),
      "one row per run: status, counts, seconds per stage, configuration hash, table versions");

  /** The layers of the lake, in the order data flows through them; each is a folder under the lake root. */
  public enum Layer {
    BRONZE, SILVER, GOLD, OPS;

    /** The folder and SQL database of the layer, e.g. {@code silver}. */
    public String folder() {
      return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return folder();
    }
  }

  /** Who writes a table: a stage of the run, or the run itself (its record in ops.runs). */
  public enum Owner {
    INGEST, METRICS, FLAGS, RUN;

    /** The verb that runs the stage, e.g. {@code metrics}; {@code nightly} for the run's own record. */
    public String verb() {
      return this == RUN ? "nightly" : name().toLowerCase(Locale.ROOT);
    }
  }

  /** Columns identifying one unit-year, the unit a corrected document replaces: the key of silver.unit_year. */
  public static final List<String> UNIT_YEAR = SILVER_UNIT_YEAR.key;

  private static final List<LakeTable> ALL = List.of(values());

  private final Layer layer;
  private final TableName name;
  private final Owner owner;
  private final List<String> key;
  private final String description;
  private volatile String ddl;
  private volatile StructType schema;

  LakeTable(Layer layer, String table, Owner owner, List<String> key, String description) {
    this.layer = layer;
    this.name = new TableName(layer.folder(), table);
    this.owner = owner;
    this.key = key;
    this.description = description;
  }

  private static List<String> key(String... columns) {
    return List.of(columns);
  }

  public Layer layer() {
    return layer;
  }

  /** The name {@code layer.table} the SQL catalogue and ops.runs know the table by. */
  public TableName tableName() {
    return name;
  }

  /** The key columns: every write is a MERGE on them. */
  public List<String> key() {
    return key;
  }

  public Owner owner() {
    return owner;
  }

  /** What the table holds, in a few words. */
  public String description() {
    return description;
  }

  /** The CREATE TABLE statement of {@code schemas/tables/<layer>.<table>.sql}, with {@code ${table}} still to be replaced. */
  public String ddl() {
    String d = ddl;
    if (d == null) {
      String resource = "/schemas/tables/" + name + ".sql";
      try (InputStream in = LakeTable.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw Problem.TABLE_UNDECLARED.failure(Text.of("no DDL", "DDL"), name, "schemas/tables/" + name + ".sql");
        }
        d = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ddl = d;
    }
    return d;
  }

  /** The table's schema, parsed from the column list of its DDL. */
  public StructType schema() {
    StructType s = schema;
    if (s == null) {
      String text = ddl();
      int open = text.indexOf('(', text.indexOf("${table}"));
      int close = text.lastIndexOf(") USING");
      if (open < 0 || close < open) {
        throw Problem.TABLE_DDL_MALFORMED.failure(name);
      }
      s = StructType.fromDDL(text.substring(open + 1, close).replaceAll("(?m)--.*$", ""));
      schema = s;
    }
    return s;
  }

  /** Every table, in layer order. */
  public static List<LakeTable> all() {
    return ALL;
  }

  /** The tables of the given layers, in layer order. */
  public static List<LakeTable> inLayers(Layer... layers) {
    List<Layer> wanted = Arrays.asList(layers);
    return ALL.stream().filter(t -> wanted.contains(t.layer)).toList();
  }

  /** The tables a stage (or the run) writes, in layer order. */
  public static List<LakeTable> ownedBy(Owner owner) {
    return ALL.stream().filter(t -> t.owner == owner).toList();
  }

  /** The table named {@code layer.table}, if the lake has one of that name. */
  public static Optional<LakeTable> named(String qualified) {
    return ALL.stream().filter(t -> t.name.toString().equals(qualified)).findFirst();
  }

  /** The table named {@code layer.table}; refused, with the lake's table names, when there is none of that name. */
  public static LakeTable of(String qualified) {
    TableName name = TableName.of(qualified.strip());
    return named(name.toString()).orElseThrow(() -> Problem.TABLE_UNKNOWN.failure(name,
        ALL.stream().map(LakeTable::toString).collect(java.util.stream.Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
