package org.fiscalscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb's {@code --help} renders cleanly: a description with a stray '%' makes picocli warn and print it raw. */
class HelpTextTest {

  @Test
  void everyVerbsHelpRendersWithoutAFormatWarning() {
    Map<String, CommandLine> verbs = Main.commandLine().getSubcommands();
    assertTrue(verbs.size() >= 9, "the verbs: " + verbs.keySet());
    PrintStream err = System.err;
    for (Map.Entry<String, CommandLine> verb : verbs.entrySet()) {
      ByteArrayOutputStream warnings = new ByteArrayOutputStream();
      String help;
      try {
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        help = verb.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
      } finally {
        System.setErr(err);
      }
      String warned = warnings.toString(StandardCharsets.UTF_8);
      assertEquals("", warned, verb.getKey() + " --help warns (escape a literal % as %%)");
      assertFalse(help.isBlank(), verb.getKey() + " has a help text");
      assertTrue(help.contains("--help") || verb.getKey().equals("help"), verb.getKey() + " --help lists --help:\n" + help);
    }
  }
}
