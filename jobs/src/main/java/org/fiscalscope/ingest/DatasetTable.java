package org.fiscalscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.problem.Text;

/**
 * One table of a tabular dataset (unit_year, function_line, project, indicator) as its explicit schema in
 * {@code schemas/datasets/<table>.ddl} declares it: the columns, their types, which ones a file must have, and the
 * canonical document field each one fills (the JSON pointer its COMMENT starts with).
 */
public final class DatasetTable {

  /** The kinds of value a column holds. */
  public enum Type { TEXT, WHOLE_NUMBER, AMOUNT }

  /** One column: its name, type, whether every file and row must fill it, and the document field it fills (or null). */
  public record Column(String name, Type type, boolean isRequired, String field) {}

  private static final Map<String, DatasetTable> CACHE = new ConcurrentHashMap<>();

  private final String name;
  private final Map<String, Column> columns;

  private DatasetTable(String name, Map<String, Column> columns) {
    this.name = name;
    this.columns = columns;
  }

  /** The table of that name ({@link InputKind#DATASET_TABLES}), read once from the classpath. */
  public static DatasetTable of(String table) {
    return CACHE.computeIfAbsent(table, DatasetTable::load);
  }

  public String name() {
    return name;
  }

  /** Where the schema lives in the project, for messages that send a clerk to it. */
  public String schemaFile() {
    return "schemas/datasets/" + name + ".ddl";
  }

  public List<Column> columns() {
    return List.copyOf(columns.values());
  }

  public Column column(String columnName) {
    return columns.get(columnName);
  }

  /**
   * What is wrong with a file's column names (already trimmed and lower-cased), as a clause naming the columns, or
   * null when they fit: every name known and once, every required column present.
   */
  public Text headerProblem(List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        repeated.add(n);
      }
      if (!columns.containsKey(n)) {
        unknown.add(n);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Column c : columns.values()) {
      if (c.isRequired() && !seen.contains(c.name())) {
        missing.add(c.name());
      }
    }
    List<String> problems = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("lacks the required column" + plural(missing) + " " + String.join(", ", missing));
      zh.add("缺少必填列 " + String.join("、", missing));
    }
    if (!unknown.isEmpty()) {
      problems.add("has the column" + plural(unknown) + " " + String.join(", ", unknown) + ", which "
          + (unknown.size() > 1 ? "are not columns" : "is not a column") + " of the " + name + " table");
      zh.add("含有 " + name + " 表没有的列 " + String.join("、", unknown));
    }
    if (!repeated.isEmpty()) {
      problems.add("names the column" + plural(repeated) + " " + String.join(", ", repeated) + " more than once");
      zh.add("重复列出了列 " + String.join("、", repeated));
    }
    return problems.isEmpty() ? null : Text.of(String.join(" and ", problems), String.join("，", zh));
  }

  /** A column name as files are matched against the schema: trimmed, without a byte-order mark, lower case. */
  public static String normalisedColumnName(String raw) {
    return raw == null ? "" : raw.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
  }

  private static String plural(java.util.Collection<?> c) {
    return c.size() > 1 ? "s" : "";
  }

  private static DatasetTable load(String table) {
    String resource = "/schemas/datasets/" + table + ".ddl";
    String ddl;
    try (InputStream in = DatasetTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the dataset schema is missing from the classpath: " + resource);
      }
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StructType schema = StructType.fromDDL(ddl.replaceAll("(?m)^\\s*--.*$", "").strip());
    Map<String, Column> columns = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      String comment = f.getComment().isDefined() ? f.getComment().get() : "";
      String field = comment.startsWith("/") ? comment.split("[:\\s]", 2)[0] : null;
      columns.put(f.name(), new Column(f.name(), type(f.dataType(), table, f.name()), !f.nullable(), field));
    }
    return new DatasetTable(table, columns);
  }

  private static Type type(DataType t, String table, String column) {
    if (t.equals(DataTypes.StringType)) {
      return Type.TEXT;
    }
    if (t.equals(DataTypes.IntegerType)) {
      return Type.WHOLE_NUMBER;
    }
    if (t instanceof DecimalType) {
      return Type.AMOUNT;
    }
    throw new IllegalStateException("schemas/datasets/" + table + ".ddl: column " + column + " has type " + t.sql()
        + "; use STRING, INT or DECIMAL(18,4)");
  }
}
