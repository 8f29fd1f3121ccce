package org.fiscalscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused command prints one line: the verb, the problem's code in brackets and its sentence with the fix. */
class ErrorHandlerTest {

  @TempDir
  Path dir;

  private static String stderr(int expectedExit, String... args) {
    StringWriter err = new StringWriter();
    int exit = Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    assertEquals(expectedExit, exit, err.toString());
    return err.toString().strip();
  }

  @Test
  void aRefusedOptionShowsItsCodeAndSentence() {
    assertEquals("fiscalscope generate: [GENERATE_UNITS] --units must be at least 1: got 0; give a positive number of"
        + " units.", stderr(1, "generate", "--units", "0", "--years", "2", "--out", dir.resolve("out").toString()));
  }

  @Test
  void aMissingFileShowsItsCodeAndNamesTheFile() {
    Path absent = dir.resolve("absent.txt");
    assertEquals("fiscalscope extract: [EXTRACT_FILE_MISSING] " + absent + " does not exist; check the path.",
        stderr(1, "extract", absent.toString()));
  }

  @Test
  void aFailureWrappedByAnotherKeepsItsCodeAndAnUnforeseenOneIsCodedToo() {
    FiscalScopeException refused = Problem.LAKE_ROOT_EMPTY.failure();
    assertEquals("[LAKE_ROOT_EMPTY] the lake root is empty; pass a folder or URI with --lake.",
        ErrorHandler.line(new RuntimeException("Job aborted", new IllegalStateException("task failed", refused))));
    assertEquals("[UNEXPECTED_FAILURE] disk on fire; the stack trace is in the log file (logs/fiscalscope.log).",
        ErrorHandler.line(new IllegalStateException("disk on fire")));
  }
}
