package org.fiscalscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The same gold metrics computed by DuckDB (through JDBC) over the silver Parquet export, and the agreement checks. */
public final class DuckDbMetrics {

  /** One agreement check: rows on each side and how many keys or values differ. */
  public record Check(String name, long sparkRows, long duckdbRows, long mismatches) {
    public boolean agrees() {
      return mismatches == 0 && sparkRows == duckdbRows;
    }
  }

  private final int threads;

  public DuckDbMetrics(int threads) {
    this.threads = threads;
  }

  /** A fresh in-memory DuckDB limited to the same number of threads as Spark's local[n]. */
  public Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
    }
    return c;
  }

  /** Computes every metric table on {@code connection}; returns the wall-clock seconds. */
  public double compute(Connection connection, Path silver) throws SQLException {
    List<String> statements = statements(resource("bench/duckdb-metrics.sql").replace("${silver}", slashes(silver)));
    long start = System.nanoTime();
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Runs the agreement checks against the Spark gold export (after {@link #compute} on the same connection). */
  public List<Check> agreement(Connection connection, Path gold) throws SQLException {
    List<Check> checks = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      for (String sql : statements(resource("bench/agreement.sql").replace("${gold}", slashes(gold)))) {
        if (!sql.stripLeading().toUpperCase(java.util.Locale.ROOT).startsWith("SELECT")) {
          s.execute(sql);
          continue;
        }
        try (ResultSet r = s.executeQuery(sql)) {
          r.next();
          checks.add(new Check(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4)));
        }
      }
    }
    return checks;
  }

  /** Statements of a script: split at semicolons ending a line, SQL line comments removed. */
  static List<String> statements(String script) {
    StringBuilder body = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.stripLeading().startsWith("--")) {
        body.append(line).append('\n');
      }
    }
    return Arrays.stream(body.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String slashes(Path p) {
    return p.toAbsolutePath().toString().replace('\\', '/');
  }

  private static String resource(String name) {
    try (InputStream in = DuckDbMetrics.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
