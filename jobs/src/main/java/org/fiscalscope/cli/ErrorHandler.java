package org.fiscalscope.cli;

import org.fiscalscope.FiscalScopeException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a verb into one readable line on stderr — the problem's code and its sentence,
 * {@code fiscalscope nightly: [LAKE_LOCKED] another run is writing …} — and exit code 1; the stack trace goes to the log.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    LOG.debug("{} failed", cli.getCommandName(), e);
    cli.getErr().println("fiscalscope " + cli.getCommandName() + ": " + line(e));
    return 1;
  }

  /** {@code [CODE] sentence} of any failure. */
  static String line(Throwable e) {
    FiscalScopeException f = FiscalScopeException.of(e);
    return "[" + f.code() + "] " + f.getMessage();
  }
}
