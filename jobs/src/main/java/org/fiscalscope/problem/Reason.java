package org.fiscalscope.problem;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.fiscalscope.FiscalScopeException;

/**
 * One problem of the catalogue with its arguments: a stable code and the sentence (what is wrong; the fix) in English
 * and Chinese. Arguments are plain values, a {@link Text} worded in both languages, or another reason (rendered in
 * the same language). Made with {@link Problem#with}.
 */
public record Reason(Problem problem, List<Object> args) implements Serializable {

  public Reason {
    if (args.size() != problem.parameters().size()) {
      throw new IllegalArgumentException(problem + " takes " + problem.parameters() + ", given " + args);
    }
    args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
  }

  public String code() {
    return problem.code();
  }

  /** The English sentence, without a final full stop (a reject line or an exception adds it). */
  public String en() {
    return problem.render(true, args);
  }

  /** The Chinese sentence, without a final full stop. */
  public String zh() {
    return problem.render(false, args);
  }

  /** The argument named {@code parameter}. */
  public Object arg(String parameter) {
    int i = problem.parameters().indexOf(parameter);
    if (i < 0) {
      throw new IllegalArgumentException(problem + " has no parameter " + parameter);
    }
    return args.get(i);
  }

  /** This reason with the argument named {@code parameter} replaced. */
  public Reason withArg(String parameter, Object value) {
    Object[] copy = args.toArray();
    copy[problem.parameters().indexOf(parameter)] = value;
    return new Reason(problem, Arrays.asList(copy));
  }

  /** The exception that stops a command with this reason. */
  public FiscalScopeException failure() {
    return new FiscalScopeException(this);
  }

  /** The exception that stops a command with this reason, the sentence about {@code subject} (a file, a folder). */
  public FiscalScopeException failure(String subject) {
    return new FiscalScopeException(subject, this);
  }

  @Override
  public String toString() {
    return "[" + code() + "] " + en();
  }
}
