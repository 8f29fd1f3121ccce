package org.fiscalscope.cli;

import org.fiscalscope.FiscalScopeException;
import picocli.CommandLine;

/** Turns an exception escaping a verb into one readable line on stderr and exit code 1; the stack trace goes to the log. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    LOG.debug("{} failed", cli.getCommandName(), e);
    String message = FiscalScopeException.oneLine(e);
    cli.getErr().println("fiscalscope " + cli.getCommandName() + ": " + message);
    return 1;
  }
}
