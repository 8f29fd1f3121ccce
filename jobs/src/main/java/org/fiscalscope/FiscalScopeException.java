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
}
