package org.fiscalscope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.extract.SectionSummary;
import org.fiscalscope.ingest.InputKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code extract FILE… [--out DIR]}: disclosure text, HTML or PDF → one canonical JSON document per file. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
        "Read final-account disclosures (.txt or .html, UTF-8 or GBK; or .pdf) and write one canonical JSON document per file,",
        "with provenance for every figure and consistency findings.",
        "With one file and no --out the document goes to stdout; otherwise to DIR/<file name without extension>.json.",
        "A file whose unit or year cannot be found is still written, with a finding; a file with no figure is refused (exit 1).",
        "For every file, stderr shows how many figures each part of the template gave (totals, functional lines by",
        "类/款/项, 三公, 机关运行经费, 政府采购, 国有资产, 绩效自评) and which parts the file lacks; stdout holds only JSON."})
public final class ExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Disclosure files to read.")
  List<Path> files;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for the JSON documents (created if missing).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (out == null && files.size() > 1) {
      throw Problem.EXTRACT_NEEDS_OUT.failure(files.size());
    }
    if (out != null) {
      Files.createDirectories(out);
    }
    int failed = 0;
    for (Path file : files) {
      FinalAccount doc;
      try {
        doc = document(file);
      } catch (FiscalScopeException e) {
        if (files.size() == 1) {
          throw e;
        }
        spec.commandLine().getErr().println("fiscalscope extract: " + ErrorHandler.line(e));
        failed++;
        continue;
      }
      String json = DocumentJson.writePretty(doc);
      spec.commandLine().getErr().println("extract: " + file.getFileName() + ": " + SectionSummary.of(doc).line());
      if (out == null) {
        spec.commandLine().getOut().println(json);
      } else {
        Path target = out.resolve(baseName(file) + ".json");
        Path tmp = out.resolve("." + baseName(file) + ".json.tmp");
        Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getErr().println("extract: " + file + " -> " + target + " (" + doc.provenance().size()
            + " figures, " + doc.findings().size() + " findings)");
      }
    }
    return failed == 0 ? 0 : 1;
  }

  /**
   * What the file states for sure; a file with figures but no recognisable unit or year is still written, with a
   * finding saying what is missing. A file with no figure at all, or that is not text, is refused.
   */
  private static FinalAccount document(Path file) {
    byte[] content = read(file);
    String name = file.getFileName().toString();
    if (InputKind.of(name) == InputKind.PDF) {
      return DisclosureExtractor.extractPdf(content, name);
    }
    FinalAccount doc = DisclosureExtractor.extractPartial(content, name);
    return doc.provenance().isEmpty() ? DisclosureExtractor.extract(content, name) : doc;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw Problem.EXTRACT_FILE_MISSING.with().failure(file.toString());
    } catch (IOException e) {
      throw Problem.EXTRACT_FILE_UNREADABLE.with(e.getMessage()).failure(file.toString());
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
