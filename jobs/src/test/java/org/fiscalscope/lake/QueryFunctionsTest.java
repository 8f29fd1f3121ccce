package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistryBase;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.QueryFunctions.Kind;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class QueryFunctionsTest extends SparkTest {

  private static Set<String> names(SparkSession session, Kind kind) {
    var state = ((org.apache.spark.sql.classic.SparkSession) session).sessionState();
    FunctionRegistryBase<?> registry = kind == Kind.SCALAR ? state.functionRegistry() : state.tableFunctionRegistry();
    Set<String> out = new TreeSet<>();
    for (FunctionIdentifier f : CollectionConverters.asJava(registry.listFunction())) {
      out.add(f.funcName());
    }
    return out;
  }

  @Test
  void everyFunctionSparkAndItsExtensionsRegisterIsReviewed() {
    QueryFunctions list = QueryFunctions.get();
    SparkSession fresh = spark.newSession();
    for (Kind kind : Kind.values()) {
      Set<String> unreviewed = new TreeSet<>(names(fresh, kind));
      unreviewed.removeAll(list.allowed(kind));
      unreviewed.removeAll(list.refused(kind).keySet());
      assertEquals(Set.of(), unreviewed, kind + " functions to review in lake/query-functions.txt");
      Set<String> unknown = new TreeSet<>(list.allowed(kind));
      unknown.addAll(list.refused(kind).keySet());
      unknown.removeAll(names(fresh, kind));
      assertEquals(Set.of(), unknown, kind + " functions lake/query-functions.txt names but Spark does not register");
      Set<String> both = new TreeSet<>(list.allowed(kind));
      both.retainAll(list.refused(kind).keySet());
      assertEquals(Set.of(), both, "allowed and refused at once");
    }
    assertTrue(list.refused(Kind.SCALAR).keySet().containsAll(Set.of("reflect", "java_method", "try_reflect")));
  }

  @Test
  void aQuerySessionKnowsOnlyTheAllowedFunctionsAndReadsNoFileByPath() {
    LakeSql lake = LakeSql.open(spark, tmp.resolve("lake").toString());
    SparkSession query = lake.session();
    for (Kind kind : Kind.values()) {
      assertEquals(QueryFunctions.get().allowed(kind), names(query, kind));
    }
    // Straight to Spark, past the statement check: the session itself cannot call code or read paths.
    String reflect = assertThrows(Exception.class,
        () -> query.sql("SELECT reflect('java.lang.System', 'getenv', 'HOME')").collect()).getMessage();
    assertTrue(reflect.contains("UNRESOLVED_ROUTINE"), reflect);
    String text = assertThrows(Exception.class, () -> query.sql("SELECT * FROM text.`/etc/passwd`").collect()).getMessage();
    assertTrue(text.contains("TABLE_OR_VIEW_NOT_FOUND"), text);
    assertEquals("false", query.conf().get("spark.sql.runSQLOnFiles"));
    // The session it came from keeps its functions.
    assertEquals(1, spark.sql("SELECT reflect('java.lang.String', 'valueOf', 1)").collectAsList().size());
  }
}
