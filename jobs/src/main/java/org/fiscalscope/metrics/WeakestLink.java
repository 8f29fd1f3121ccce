package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * PEFA's weakest-link method (M1) of combining dimension grades into one: the lowest dimension grade, with a "+" when
 * any other dimension scores higher (A, C, A → C+; B, B → B; D, A → D+). A dimension not rated (null) takes no part;
 * no rated dimension gives no grade. The same rule over plain values and as a Spark column, which must agree.
 */
public final class WeakestLink {

  /** The dimension grades, best first; letters order the same way, so the lowest grade is the greatest letter. */
  public static final Set<String> GRADES = Set.of("A", "B", "C", "D");

  private WeakestLink() {}

  /** M1 over {@code grades} (each A–D or null). */
  public static String combine(List<String> grades) {
    List<String> rated = grades.stream().filter(Objects::nonNull).toList();
    for (String g : rated) {
      if (!GRADES.contains(g)) {
        throw new IllegalArgumentException("a dimension grade must be one of A, B, C, D: got " + g);
      }
    }
    if (rated.isEmpty()) {
      return null;
    }
    String lowest = rated.stream().max(String::compareTo).orElseThrow();
    String highest = rated.stream().min(String::compareTo).orElseThrow();
    return highest.equals(lowest) ? lowest : lowest + "+";
  }

  /** {@link #combine} as a column over grade columns (greatest and least skip nulls, as combine does). */
  public static Column combine(Column... grades) {
    if (grades.length == 1) {
      return grades[0];
    }
    Column lowest = greatest(grades);
    Column highest = least(grades);
    return when(lowest.isNotNull(), concat(lowest, when(highest.lt(lowest), lit("+")).otherwise(lit(""))));
  }
}
