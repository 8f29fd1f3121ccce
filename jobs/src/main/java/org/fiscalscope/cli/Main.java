package org.fiscalscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fiscalscope} command: one verb per job, {@code --help} on each. */
@Command(
    name = "fiscalscope",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Compare the annual final accounts (部门决算) of many public budget units on Spark and Delta Lake.",
    subcommands = {
        CommandLine.HelpCommand.class,
        NightlyCommand.class,
        IngestCommand.class,
        DoctorCommand.class,
        GenerateCommand.class,
        ExtractCommand.class,
        MetricsCommand.class,
        FlagsCommand.class,
        ReportCommand.class,
        SqlCommand.class,
    },
    footer = {"", "Exit codes: 0 success, 1 failure (nothing half-written), 3 success with rejected inputs."})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a verb and returns its exit code, without exiting the JVM (tests and spark-submit use this). */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"fiscalscope " + (v == null ? "dev" : v)};
    }
  }
}
