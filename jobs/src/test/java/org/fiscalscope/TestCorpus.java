package org.fiscalscope;

import java.nio.file.Path;

/**
 * The corpus of real disclosures the tests read, kept in the repository under {@code jobs/src/test/resources/corpus}
 * (see its README): the sample unit with its hand-checked figures, excerpts of other units, complete real documents.
 * Tests run with the repository root as working folder.
 */
public final class TestCorpus {

  public static final Path ROOT = Path.of("jobs", "src", "test", "resources", "corpus");
  public static final Path SAMPLE = ROOT.resolve("qingshan-talent-service-center-2023.txt");
  public static final Path SAMPLE_EXPECTED = ROOT.resolve("qingshan-talent-service-center-2023.expected.json");
  public static final Path EXCERPTS = ROOT.resolve("excerpts");
  public static final Path REAL = ROOT.resolve("real");

  private TestCorpus() {}
}
