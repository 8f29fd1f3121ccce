package org.fiscalscope.lake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistryBase;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The functions SQL over the lake may call, read from {@code lake/query-functions.txt}: Spark's built-in functions
 * reviewed one by one, without those that call Java code, load classes, read files or tell about the system. A
 * query session's function registries are cut down to exactly these, so the list is an allowlist twice over: the
 * statement check refuses other names, and Spark would not find them anyway.
 */
public final class QueryFunctions {

  private static final String RESOURCE = "/lake/query-functions.txt";
  private static final QueryFunctions INSTANCE = load();

  /** Kind of function: called in an expression, or named as a table in FROM. */
  public enum Kind { SCALAR, TABLE }

  private final Map<Kind, Set<String>> allowed;
  private final Map<Kind, Map<String, String>> refused;

  private QueryFunctions(Map<Kind, Set<String>> allowed, Map<Kind, Map<String, String>> refused) {
    this.allowed = allowed;
    this.refused = refused;
  }

  public static QueryFunctions get() {
    return INSTANCE;
  }

  /** Whether a function of that kind may be called; names are case-insensitive, as in Spark. */
  public boolean allows(Kind kind, String name) {
    return allowed.get(kind).contains(name.toLowerCase(Locale.ROOT));
  }

  /** The names that may be called. */
  public Set<String> allowed(Kind kind) {
    return allowed.get(kind);
  }

  /** The names reviewed and refused, each with why. */
  public Map<String, String> refused(Kind kind) {
    return refused.get(kind);
  }

  /** Why a function may not be called: its reviewed reason, or that it is not on the list. */
  public String whyRefused(Kind kind, String name) {
    String what = kind == Kind.TABLE ? "table function " : "function ";
    String reason = refused.get(kind).get(name.toLowerCase(Locale.ROOT));
    return reason != null ? what + name + " " + reason
        : what + name + " is not one SQL here may call (SHOW FUNCTIONS lists those it may)";
  }

  /** Removes from the session's function registries every function this list does not allow. */
  public void restrict(SparkSession session) {
    var state = ((org.apache.spark.sql.classic.SparkSession) session).sessionState();
    restrict(state.functionRegistry(), Kind.SCALAR);
    restrict(state.tableFunctionRegistry(), Kind.TABLE);
  }

  private void restrict(FunctionRegistryBase<?> registry, Kind kind) {
    for (FunctionIdentifier f : CollectionConverters.asJava(registry.listFunction())) {
      if (f.database().isDefined() || !allows(kind, f.funcName())) {
        registry.dropFunction(f);
      }
    }
  }

  private static QueryFunctions load() {
    Map<Kind, Set<String>> allowed = new LinkedHashMap<>();
    Map<Kind, Map<String, String>> refused = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      allowed.put(k, new TreeSet<>());
      refused.put(k, new LinkedHashMap<>());
    }
    try (InputStream in = QueryFunctions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      Kind kind = null;
      List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      for (String raw : lines) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.equals("[scalar]") || line.equals("[table]")) {
          kind = line.equals("[scalar]") ? Kind.SCALAR : Kind.TABLE;
        } else if (kind == null) {
          throw new IllegalStateException(RESOURCE + ": '" + line + "' comes before a [scalar] or [table] section");
        } else if (line.startsWith("refused ")) {
          int colon = line.indexOf(':');
          if (colon < 0) {
            throw new IllegalStateException(RESOURCE + ": '" + line + "' gives no reason after a colon");
          }
          refused.get(kind).put(line.substring("refused ".length(), colon).strip(), line.substring(colon + 1).strip());
        } else {
          allowed.get(kind).add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Kind k : Kind.values()) {
      allowed.put(k, Collections.unmodifiableSet(allowed.get(k)));
      refused.put(k, Collections.unmodifiableMap(refused.get(k)));
    }
    return new QueryFunctions(Map.copyOf(allowed), Map.copyOf(refused));
  }
}
