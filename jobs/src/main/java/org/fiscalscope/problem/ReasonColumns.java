package org.fiscalscope.problem;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.apache.spark.sql.Column;

/**
 * A problem's sentence as a Spark column, its arguments taken from other columns: for refusals decided in a Spark
 * plan (a copy of another file, a file superseded by a newer one), worded by the catalogue like every other.
 */
public final class ReasonColumns {

  private ReasonColumns() {}

  /** The English sentence of {@code problem} with one column per {@link Problem#parameters()}, in that order. */
  public static Column sentence(Problem problem, Column... args) {
    if (args.length != problem.parameters().size()) {
      throw new IllegalArgumentException(problem + " takes " + problem.parameters() + ", given " + args.length);
    }
    String template = problem.enTemplate();
    List<Column> parts = new ArrayList<>();
    Matcher m = Problem.Parameters.PATTERN.matcher(template);
    int at = 0;
    while (m.find()) {
      parts.add(lit(template.substring(at, m.start())));
      parts.add(args[problem.parameters().indexOf(m.group(1))]);
      at = m.end();
    }
    parts.add(lit(template.substring(at)));
    return concat(parts.toArray(Column[]::new));
  }

  /** A reject's line, as {@link Refusal#line()} words it: {@code <where>: <sentence>.} */
  public static Column line(Column where, Problem problem, Column... args) {
    return concat(where, lit(": "), sentence(problem, args), lit("."));
  }

  /** The problem's code as a literal column. */
  public static Column code(Problem problem) {
    return lit(problem.code());
  }
}
