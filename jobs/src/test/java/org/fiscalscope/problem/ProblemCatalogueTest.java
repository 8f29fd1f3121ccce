package org.fiscalscope.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The error catalogue holds: every code unique and stable in form, every problem worded in English and Chinese with
 * a fix and the same arguments in both; no sentence built outside it; docs/errors.md lists it as it is.
 */
class ProblemCatalogueTest {

  private static final Pattern ARGUMENT = Pattern.compile("\\{([a-z][A-Za-z0-9]*)\\}");
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final Path DOC = Path.of("docs/errors.md");

  @Test
  void everyCodeIsUniqueAndHasBothSentencesAndAFix() {
    Set<String> codes = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    for (Problem p : Problem.values()) {
      if (!codes.add(p.code()) || !p.code().matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+")) {
        wrong.add(p + ": code " + p.code() + " repeated or not of the form AREA_WHAT");
      }
      if (p.en().isBlank() || p.fix().isBlank()) {
        wrong.add(p + ": no English sentence or fix");
      }
      if (p.zh().isBlank() || p.zhFix().isBlank() || !CJK.matcher(p.zhFix()).find()) {
        wrong.add(p + ": no Chinese sentence or fix");
      }
      if (p.zh().equals(p.en()) && !p.zh().matches("\\{[a-z][A-Za-z0-9]*\\}")) {
        wrong.add(p + ": the Chinese sentence is the English one");
      }
      if (!arguments(p.enTemplate()).equals(arguments(p.zhTemplate()))) {
        wrong.add(p + ": arguments " + arguments(p.enTemplate()) + " in English but " + arguments(p.zhTemplate())
            + " in Chinese");
      }
    }
    assertEquals("", String.join("\n", wrong));
    assertTrue(Problem.values().length > 100, Problem.values().length + " problems");
  }

  @Test
  void aReasonFillsEveryArgumentInBothLanguages() {
    for (Problem p : Problem.values()) {
      Object[] args = p.parameters().stream().map(n -> (Object) Text.of("<" + n + ">", "〈" + n + "〉")).toArray();
      Reason r = p.with(args);
      for (String sentence : List.of(r.en(), r.zh())) {
        assertTrue(!ARGUMENT.matcher(sentence).find(), p + " leaves an argument unfilled: " + sentence);
      }
      for (String n : p.parameters()) {
        assertTrue(r.en().contains("<" + n + ">") && r.zh().contains("〈" + n + "〉"), p + " drops " + n);
      }
      assertEquals(p.code(), r.failure().code());
      assertTrue(r.failure("in.pdf").getMessage().startsWith("in.pdf "), p.code());
    }
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Problem.PDF_TOO_MANY_PAGES.with(3));
  }

  @Test
  void aRefusalIsCodedByItsFirstProblemAndNamesEveryFix() {
    Refusal r = Refusal.of("old.json", List.of(
        Problem.REJECT_NEGATIVE_AMOUNT.with("field /totals/income_total", "-1", "0"),
        Problem.REJECT_MISSING_FIELD.with("field fiscal_year")));
    assertEquals("REJECT_NEGATIVE_AMOUNT", r.code());
    assertEquals("old.json: field /totals/income_total is -1 but must be at least 0; correct the figure;"
        + " required field fiscal_year is missing; add it.", r.line());
  }

  /** No user-facing sentence is built beside the catalogue: no exception of the project made from a string. */
  @Test
  void noFailureIsWordedOutsideTheCatalogue() throws IOException {
    Pattern literal = Pattern.compile("new\\s+(FiscalScopeException|ExtractionException|TablesRefusal)\\s*\\(\\s*\"");
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("jobs/src/main/java"), Path.of("notebooks/kernel/src/main/java"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = literal.matcher(Files.readString(f));
          while (m.find()) {
            found.add(root.relativize(f) + ": " + m.group());
          }
        }
      }
    }
    assertEquals(List.of(), found);
    assertTrue(Files.isRegularFile(Path.of("jobs/src/main/java/org/fiscalscope/problem/Problem.java")),
        "the scan runs from the repository root");
  }

  @Test
  void docsListEveryProblemAsTheCatalogueWordsIt() throws IOException {
    String expected = markdown();
    if (Boolean.getBoolean("errors.md.write")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
        "docs/errors.md differs from the catalogue; write it with -Derrors.md.write=true");
  }

  private static Set<String> arguments(String template) {
    Set<String> names = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("# Error codes\n\n")
        .append("Every refusal and failure FiscalScope shows has a stable code. The command line prints it before the")
        .append(" sentence\n(`fiscalscope nightly: [LAKE_LOCKED] another run is writing …`), `bronze.rejects.reason_code`")
        .append(" holds the code of\nthe first problem of each refused file or row, and `ops.runs.error_code` that of a")
        .append(" failed run:\n\n")
        .append("```sql\nSELECT reason_code, count(*) FROM bronze.rejects GROUP BY 1 ORDER BY 2 DESC\n```\n\n")
        .append("The catalogue is `jobs/src/main/java/org/fiscalscope/problem/Problem.java`; this list is written from")
        .append(" it (`{name}` stands\nfor what the sentence names: a file, a field, a figure). A sentence about a file")
        .append(" starts with the file's name.\n\n")
        .append("| Code | Problem and fix | 问题与解决办法 |\n|---|---|---|\n");
    for (Problem p : Problem.values()) {
      s.append("| `").append(p.code()).append("` | ").append(cell(p.enTemplate())).append(" | ")
          .append(cell(p.zhTemplate())).append(" |\n");
    }
    return s.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
