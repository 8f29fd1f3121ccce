package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.fiscalscope.SparkTest;
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.lake.Lake;
import org.junit.jupiter.api.Test;

/**
 * The consistency audit on every merged unit-year, whatever files it came from: the planted parts that do not add up
 * of a generated district are found ({@link PartsNotAddingUpScore}: recall ≥ 95 %, precision ≥ 90 %) when the
 * district arrives as canonical JSON documents, through ingest into silver.finding, each finding citing the file and
 * the JSON pointer of its figures. (Standard-tables workbooks and dataset exports are measured on the larger district
 * of PlantedAnomalyBenchmarkTest, whose ingest runs hold the same findings.) A disclosure read from text gets no
 * finding twice.
 */
class MergedAuditBenchmarkTest extends SparkTest {

  /** Units generated to draw the fixture from; 2 years each, about 8 unit-years with parts that do not add up. */
  static final int GENERATED_UNITS = 700;
  /** Units in the fixture: every unit with such a unit-year, then clean ones up to this many. */
  static final int FIXTURE_UNITS = 40;

  /** The fixture's documents, and its planted unit-years. */
  private record District(List<FinalAccount> documents, Set<String> planted) {}

  private static District district() {
    DistrictGenerator generator = new DistrictGenerator(new GeneratorSpec(GENERATED_UNITS, 2, 2024, 20240601L));
    List<FinalAccount> all = new ArrayList<>();
    for (Iterator<FinalAccount> it = generator.documents(); it.hasNext(); ) {
      all.add(it.next());
    }
    Set<String> planted = PartsNotAddingUpScore.planted(generator.anomalies(), true);
    Set<String> units = new LinkedHashSet<>();
    planted.forEach(unitYear -> units.add(unitYear.substring(0, unitYear.indexOf('/'))));
    for (FinalAccount d : all) {
      if (units.size() >= FIXTURE_UNITS) {
        break;
      }
      units.add(d.unit().code());
    }
    return new District(all.stream().filter(d -> units.contains(d.unit().code())).toList(), planted);
  }

  @Test
  void partsNotAddingUpAreFoundInJsonDocuments() throws IOException {
    measure("json", d -> List.of(new File(d.source().file(), DocumentJson.write(d).getBytes(StandardCharsets.UTF_8))),
        ".json)");
  }

  @Test
  void aDisclosureReadFromTextGetsNoFindingTwice() throws IOException {
    FinalAccount sample = DisclosureExtractor.extract(Files.readAllBytes(TestCorpus.SAMPLE), "sample.txt");
    assertSame(sample, MergedAudit.audit(sample), "the extractor's findings stand; the merged audit adds none");
  }

  @Test
  void aFindingCitesTheFileAndTheJsonPointerOfEachFigure() {
    FinalAccount doc = district().documents().get(0);
    String pointer = "/totals/basic_expenditure";
    assertEquals(pointer + "=" + doc.totals().basicExpenditure().toPlainString() + " (" + doc.source().file() + ")",
        MergedAudit.cite(doc, pointer, doc.totals().basicExpenditure()));
  }

  private void measure(String form, Function<FinalAccount, List<File>> files, String citation) throws IOException {
    District district = district();
    Path landing = Files.createDirectories(tmp.resolve("landing-" + form));
    for (FinalAccount d : district.documents()) {
      for (File f : files.apply(d)) {
        Files.write(landing.resolve(f.name()), f.content());
      }
    }
    Lake lake = new Lake(spark, tmp.resolve("lake-" + form).toString());
    IngestJob.Result result = IngestJob.run(lake, landing.toString(), "run-" + form, 1 << 24);
    assertEquals(0, result.rejected(), form + ": every file is accepted");
    PartsNotAddingUpScore.assertFound(lake, district.planted(), form + ", " + district.documents().size()
        + " unit-years", citation, 5);
  }

  private record File(String name, byte[] content) {}
}
