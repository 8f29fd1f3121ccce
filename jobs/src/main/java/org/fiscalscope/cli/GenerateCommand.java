package org.fiscalscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Year;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.generate.DisclosurePdfRenderer;
import org.fiscalscope.generate.DisclosureTextRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.Manifest;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.fiscalscope.ingest.DatasetExport;
import org.fiscalscope.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate}: writes a synthetic landing zone, each unit-year in the formats asked for — the canonical JSON
 * document ({@code <code>-<year>.json}), the disclosure text ({@code .txt}) or PDF ({@code .pdf}), the standard
 * tables as a workbook ({@code .xlsx}, {@code .xls}) or as CSV exports ({@code <code>-<year>-公开01表.csv} …
 * {@code 公开09表.csv}), or the whole district as one dataset export ({@code district.unit_year.csv} …) — and the
 * answer key {@code _manifest.json}. Files are staged in a hidden folder inside {@code --out} and moved in only when
 * all are written, replacing the files of an earlier run; other files in the folder are kept.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate a fictional district's final accounts (with planted anomalies listed in _manifest.json)"
        + " as a landing zone for demos and benchmarks.")
public final class GenerateCommand implements Callable<Integer> {

  /** Names of files this command writes; an earlier run's are replaced, nothing else is touched. */
  static final Pattern GENERATED = Pattern.compile("BJ[0-9]{4,}-[0-9]{4}(?:\\.json|\\.txt|\\.pdf|\\.xlsx|\\.xls|-公开0[1-9]表\\.csv)"
      + "|district\\.(?:unit_year|function_line|project|indicator)\\.csv");

  /** The formats a unit-year can be written in, in the order files are written. */
  static final List<String> FORMATS = List.of("json", "text", "pdf", "xlsx", "xls", "csv", "dataset");

  /** The stem of the dataset export's files: {@code district.unit_year.csv} … */
  static final String DATASET_STEM = "district";

  @Option(names = "--units", required = true, paramLabel = "N", description = "Number of budget units.")
  int units;

  @Option(names = "--years", required = true, paramLabel = "Y", description = "Number of consecutive fiscal years.")
  int years;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if missing).")
  Path out;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
  long seed = GeneratorSpec.DEFAULT_SEED;

  @Option(names = "--last-year", paramLabel = "YYYY", description = "Last fiscal year generated (default: ${DEFAULT-VALUE}).")
  int lastYear = GeneratorSpec.DEFAULT_LAST_YEAR;

  @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
      description = "Formats of each unit-year, comma-separated: json (canonical document), text (disclosure text),"
          + " pdf (the disclosure as PDF with ruled tables; needs Debian's fonts-wqy-zenhei),"
          + " xlsx, xls (the standard tables 公开01–09表 as a workbook), csv (one CSV export per table),"
          + " dataset (the whole district as a finance system's export: district.unit_year.csv,"
          + " .function_line.csv, .project.csv, .indicator.csv);"
          + " tables are in 元 or 万元 as each unit chooses (default: json).")
  List<String> formats = List.of("json");

  @Option(names = "--three-public-totals",
      description = "Keep each unit's 三公 budget and actual totals from rising except where a rise of the total is"
          + " planted (three_public_total_increase); single-category rises and overspends are planted within an"
          + " unchanged total (default: off, as the demo data).")
  boolean threePublicTotals;

  @Option(names = "--headcounts",
      description = "State each unit-year's headcounts (编制人数, 实有人数, 其中在职人员) in its overview and leave"
          + " 机关运行经费 out of every 事业单位, to which it does not apply (default: off, as the demo data).")
  boolean headcounts;

  @Option(names = "--scoring-templates",
      description = "Print the weight of 预算执行率 in every self-evaluation table — the national 10 points for half"
          + " the units, the Wuhan-style 20 (project) and 25 (unit table) for the other half — score by it, and plant"
          + " indicator scores above their printed weight (score_above_weight) (default: off, as the demo data).")
  boolean scoringTemplates;

  @Option(names = "--budget-phases",
      description = "State each unit-year's full-year budget and, where its spending draws on it, the carry-over"
          + " funding the year beside the initial budget, and plant spending above 105%% of the initial budget that"
          + " no stated carry-over explains (over_execution) (default: off, as the demo data).")
  boolean budgetPhases;

  /** Renders the PDFs when they are asked for (it holds the font). */
  private DisclosurePdfRenderer pdf;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    int latest = Year.now().getValue() + 1;
    if (lastYear > latest) {
      throw Problem.GENERATE_LAST_YEAR_FUTURE.failure(lastYear, latest);
    }
    for (String format : formats) {
      if (!FORMATS.contains(format)) {
        throw Problem.GENERATE_UNKNOWN_FORMAT.failure(format, String.join(", ", FORMATS));
      }
    }
    GeneratorSpec spec = new GeneratorSpec(units, years, lastYear, seed, threePublicTotals, headcounts,
        scoringTemplates, budgetPhases);
    pdf = formats.contains("pdf") ? new DisclosurePdfRenderer() : null;
    prepare(out);
    DistrictGenerator generator = new DistrictGenerator(spec);
    Path staging = Files.createTempDirectory(out, ".generate-");
    long written = 0;
    try {
      try (DatasetExport dataset = formats.contains("dataset") ? new DatasetExport(staging, DATASET_STEM) : null) {
        Iterator<FinalAccount> documents = generator.documents();
        while (documents.hasNext()) {
          FinalAccount doc = documents.next();
          for (Map.Entry<String, byte[]> file : files(doc).entrySet()) {
            Files.write(staging.resolve(file.getKey()), file.getValue());
          }
          if (dataset != null) {
            dataset.add(doc);
          }
          written++;
        }
      }
      Manifest manifest = Manifest.of(spec, written, generator.anomalies());
      manifest.write(staging.resolve(Manifest.FILE_NAME));
      removeEarlierRun(out);
      moveAll(staging, out);
    } finally {
      deleteTree(staging);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf("generate: %d unit-years (%d units × %d years, %d–%d, seed %d) as %s, %d planted anomalies,"
            + " written to %s in %.1f s%n", written, spec.units(), spec.years(), spec.firstYear(), spec.lastYear(),
        spec.seed(), String.join(", ", formats), generator.anomalies().size(), out, seconds);
    return 0;
  }

  /** The files of one unit-year in every format asked for, by name. */
  private Map<String, byte[]> files(FinalAccount doc) {
    String stem = doc.unit().code() + "-" + doc.fiscalYear();
    TablesStyle style = TablesStyle.of(doc.unit().code());
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String format : FORMATS) {
      if (!formats.contains(format)) {
        continue;
      }
      switch (format) {
        case "json" -> files.put(doc.source().file(), DocumentJson.writePretty(doc).getBytes(StandardCharsets.UTF_8));
        case "text" -> files.put(stem + ".txt", DisclosureTextRenderer.render(doc,
            new Random(seed ^ ((long) stem.hashCode() << 16))).getBytes(StandardCharsets.UTF_8));
        case "pdf" -> files.put(stem + ".pdf", pdf.render(doc, new Random(seed ^ ((long) stem.hashCode() << 16))).pdf());
        case "xlsx" -> files.put(stem + ".xlsx",
            StandardTablesRenderer.workbook(doc, StandardTablesRenderer.WorkbookFormat.XLSX, style));
        case "xls" -> files.put(stem + ".xls",
            StandardTablesRenderer.workbook(doc, StandardTablesRenderer.WorkbookFormat.XLS, style));
        case "csv" -> files.putAll(StandardTablesRenderer.csv(doc, style));
        case "dataset" -> { }
        default -> throw new IllegalStateException("format " + format);
      }
    }
    return files;
  }

  private static void prepare(Path out) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw Problem.GENERATE_OUT_IS_FILE.failure(out);
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new FiscalScopeException(Problem.GENERATE_OUT_NOT_CREATABLE.with(out, e.getMessage()), e);
    }
    if (!Files.isWritable(out)) {
      throw Problem.GENERATE_OUT_NOT_WRITABLE.failure(out);
    }
  }

  private static void removeEarlierRun(Path out) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(out,
        p -> GENERATED.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))) {
      for (Path file : files) {
        Files.delete(file);
      }
    }
  }

  /** Documents first, the manifest last, so a reader that sees the manifest sees every document. */
  private static void moveAll(Path staging, Path out) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
      for (Path file : files) {
        if (!file.getFileName().toString().equals(Manifest.FILE_NAME)) {
          Files.move(file, out.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
    Files.move(staging.resolve(Manifest.FILE_NAME), out.resolve(Manifest.FILE_NAME),
        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
