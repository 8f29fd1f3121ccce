package org.fiscalscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Two commands" are the ones CI runs: each appears verbatim as a command of {@code .ci/run}, so the
 * two cannot drift apart.
 */
class ReadmeCommandsTest {

  /** The commands of the first code block under the "## Two commands" heading, without their comments. */
  static List<String> readmeCommands(List<String> readme) {
    int heading = readme.indexOf("## Two commands");
    assertTrue(heading >= 0, "README.md has a '## Two commands' section");
    int open = heading + 1;
    while (open < readme.size() && !readme.get(open).startsWith("```")) {
      open++;
    }
    List<String> commands = new ArrayList<>();
    for (int i = open + 1; i < readme.size() && !readme.get(i).startsWith("```"); i++) {
      String line = readme.get(i);
      int comment = line.indexOf(" #");
      String command = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (!command.isEmpty()) {
        commands.add(command);
      }
    }
    return commands;
  }

  /**
   * Whether a line of the script runs the command as printed: the command first, then nothing, or a redirection,
   * pipe or list operator — no argument added.
   */
  static boolean runs(String scriptLine, String command) {
    String line = scriptLine.strip();
    if (line.startsWith("#") || !line.startsWith(command)) {
      return false;
    }
    String rest = line.substring(command.length());
    return rest.isEmpty() || rest.matches("\\s+(\\d?>|\\||&&|;).*");
  }

  @Test
  void ciRunsBothReadmeCommandsAsPrinted() throws IOException {
    List<String> commands = readmeCommands(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
    assertEquals(2, commands.size(), "the README names two commands: " + commands);
    List<String> ci = Files.readAllLines(Path.of(".ci", "run"), StandardCharsets.UTF_8);
    for (String command : commands) {
      assertTrue(ci.stream().anyMatch(line -> runs(line, command)), ".ci/run runs `" + command + "` as printed in README.md");
    }
  }

  @Test
  void aCommandOnlyMentionedOrChangedDoesNotCount() {
    List<String> readme = List.of("# X", "## Two commands", "", "```bash",
        "./fiscalscope nightly      # the demo", "./mvnw -B verify           # the tests", "```", "./other");
    assertEquals(List.of("./fiscalscope nightly", "./mvnw -B verify"), readmeCommands(readme));
    assertTrue(runs("  ./fiscalscope nightly 2>&1 | tee log", "./fiscalscope nightly"));
    assertTrue(!runs("# ./fiscalscope nightly", "./fiscalscope nightly"), "a comment runs nothing");
    assertTrue(runs("./mvnw -B verify", "./mvnw -B verify"));
    assertTrue(!runs("./fiscalscope nightly --lake x", "./fiscalscope nightly"), "an option appended is another command");
    assertTrue(!runs("./mvnw -B verifyx", "./mvnw -B verify"));
    assertTrue(!runs("mvn -B verify", "./mvnw -B verify"));
  }
}
