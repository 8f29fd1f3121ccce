package org.fiscalscope.notebook;

/** A cell's failure as the notebook shows it: one line naming the problem (its class name is the error's name). */
public final class SqlError extends RuntimeException {

  public SqlError(String message) {
    super(message);
  }

  public SqlError(String message, Throwable cause) {
    super(message, cause);
  }
}
