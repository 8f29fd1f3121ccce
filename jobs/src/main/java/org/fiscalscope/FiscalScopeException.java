package org.fiscalscope;

/**
 * A user-facing failure: its message is one sentence naming the file or field, what was expected and the fix.
 * The CLI prints it as is (no stack trace) and exits 1.
 */
public class FiscalScopeException extends RuntimeException {

  public FiscalScopeException(String message) {
    super(message);
  }

  public FiscalScopeException(String message, Throwable cause) {
    super(message, cause);
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
