package org.fiscalscope.cli;

import org.fiscalscope.FiscalScopeException;
import picocli.CommandLine;

/** Turns an exception escaping a verb into one readable line on stderr and exit code 1; the stack trace goes to the log. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    LOG.debug("{} failed", cli.getCommandName(), e);
    String message = e instanceof FiscalScopeException ? e.getMessage() : describe(e);
    cli.getErr().println("fiscalscope " + cli.getCommandName() + ": " + message);
    return 1;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int nl = msg.indexOf('\n');
    return nl > 0 ? msg.substring(0, nl) : msg;
  }
}
