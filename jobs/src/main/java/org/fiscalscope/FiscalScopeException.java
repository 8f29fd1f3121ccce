package org.fiscalscope;

import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;

/**
 * A user-facing failure: a problem of the catalogue ({@link Problem}) with its arguments, so it has a stable code and
 * one sentence naming the file or field, what was expected and the fix. The CLI prints the code and the sentence (no
 * stack trace) and exits 1. Made by {@code Problem.X.failure(args)}.
 */
public class FiscalScopeException extends RuntimeException {

  private static final long serialVersionUID = 2L;

  private final String subject;
  private final Reason reason;

  public FiscalScopeException(Reason reason) {
    this(null, reason, null);
  }

  public FiscalScopeException(Reason reason, Throwable cause) {
    this(null, reason, cause);
  }

  /** A failure about {@code subject} (a file), which the sentence starts with: {@code in.pdf is a damaged PDF …}. */
  public FiscalScopeException(String subject, Reason reason) {
    this(subject, reason, null);
  }

  public FiscalScopeException(String subject, Reason reason, Throwable cause) {
    super(Problem.sentence(subject == null ? reason.en() : subject + " " + reason.en()), cause);
    this.subject = subject;
    this.reason = reason;
  }

  /** The problem and its arguments. */
  public Reason reason() {
    return reason;
  }

  /** The stable code, e.g. {@code LAKE_LOCKED}. */
  public String code() {
    return reason.code();
  }

  /** What the sentence is about (a file), or null. */
  public String subject() {
    return subject;
  }

  /**
   * Any failure as one of the catalogue: the FiscalScopeException in its chain of causes (Spark wraps what an executor
   * threw), otherwise {@link Problem#UNEXPECTED_FAILURE} with its {@link #oneLine} message.
   */
  public static FiscalScopeException of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FiscalScopeException f) {
        return f;
      }
    }
    return new FiscalScopeException(Problem.UNEXPECTED_FAILURE.with(oneLine(e)), e);
  }

  /**
   * One readable line for any failure: a FiscalScopeException's own sentence, otherwise the first line of the
   * root cause's message (Spark and Hadoop put the useful part at the bottom of the chain).
   */
  public static String oneLine(Throwable e) {
    if (e instanceof FiscalScopeException) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.split("\n")[0];
  }
}
