package org.fiscalscope.notebook;

/**
 * A cell's failure as the notebook shows it: one line naming the problem (its class name is the error's name), with
 * no stack trace, which would only bury the message; the kernel log keeps the cause's.
 */
public final class SqlError extends RuntimeException {

  public SqlError(String message) {
    super(message, null, false, false);
  }

  public SqlError(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
