package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.TestCorpus;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.generate.AnomalyKind;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.fiscalscope.generate.PlantedAnomaly;
import org.fiscalscope.generate.StandardTablesRenderer;
import org.fiscalscope.generate.TablesStyle;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * The consistency audit on every merged unit-year, whatever files it came from: the planted parts that do not add up
 * of a generated district are found (recall ≥ 95 %, precision ≥ 90 %, counted per unit-year over the warning and
 * error findings of the sum rules) when the district arrives as canonical JSON documents, as standard-tables
 * workbooks and as dataset exports, through ingest into silver.finding; each finding cites the file and the cell,
 * row or JSON pointer of its figures. A disclosure read from text gets no finding twice.
 */
class MergedAuditBenchmarkTest extends SparkTest {

  /** Units generated to draw the fixture from; 2 years each, about 8 unit-years with parts that do not add up. */
  static final int GENERATED_UNITS = 700;
  /** Units in the fixture: every unit with such a unit-year, then clean ones up to this many. */
  static final int FIXTURE_UNITS = 40;

  /** The fixture's documents, and its planted unit-years with the subject of each (unit, functions, procurement). */
  private record District(List<FinalAccount> documents, Map<String, String> planted) {

    /** The planted unit-years whose figures a form carries (the standard tables print no procurement). */
    Set<String> carriedBy(String form) {
      Set<String> at = new HashSet<>();
      planted.forEach((unitYear, subject) -> {
        if (!(form.equals("workbook") && subject.equals("procurement"))) {
          at.add(unitYear);
        }
      });
      return at;
    }
  }

  private static District district() {
    DistrictGenerator generator = new DistrictGenerator(new GeneratorSpec(GENERATED_UNITS, 2, 2024, 20240601L));
    List<FinalAccount> all = new ArrayList<>();
    for (Iterator<FinalAccount> it = generator.documents(); it.hasNext(); ) {
      all.add(it.next());
    }
    Map<String, String> planted = new HashMap<>();
    Set<String> units = new LinkedHashSet<>();
    for (PlantedAnomaly a : generator.anomalies()) {
      if (a.kind().equals(AnomalyKind.PARTS_NOT_ADDING_UP.id())) {
        planted.put(a.unitCode() + "/" + a.fiscalYear(), a.subject());
        units.add(a.unitCode());
      }
    }
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
  void partsNotAddingUpAreFoundInStandardTablesWorkbooks() throws IOException {
    measure("workbook", d -> List.of(new File(d.unit().code() + "-" + d.fiscalYear() + ".xlsx",
        StandardTablesRenderer.workbook(d, StandardTablesRenderer.WorkbookFormat.XLSX, TablesStyle.of(d.unit().code())))),
        ".xlsx ");
  }

  @Test
  void partsNotAddingUpAreFoundInDatasets() throws IOException {
    measure("dataset", null, ".csv line ");
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

  private record File(String name, byte[] content) {}

  private void measure(String form, Function<FinalAccount, List<File>> files, String citation) throws IOException {
    District district = district();
    Path landing = tmp.resolve("landing-" + form);
    Files.createDirectories(landing);
    if (files == null) {
      datasets(district.documents(), landing);
    } else {
      for (FinalAccount d : district.documents()) {
        for (File f : files.apply(d)) {
          Files.write(landing.resolve(f.name()), f.content());
        }
      }
    }
    Lake lake = new Lake(spark, tmp.resolve("lake-" + form).toString());
    IngestJob.Result result = IngestJob.run(lake, landing.toString(), "run-" + form, 1 << 24);
    assertEquals(0, result.rejected(), form + ": every file is accepted");
    List<Row> findings = lake.read(LakeTable.SILVER_FINDING)
        .where("rule LIKE 'sum.%' AND severity <> '" + Finding.INFO + "'")
        .select("unit_id", "fiscal_year", "rule", "evidence").collectAsList();
    Set<String> flagged = new HashSet<>();
    Set<String> cited = new HashSet<>();
    for (Row r : findings) {
      String at = r.getString(0) + "/" + r.getInt(1);
      flagged.add(at);
      if (r.getString(3).contains(citation)) {
        cited.add(at);
      }
    }
    Set<String> planted = district.carriedBy(form);
    Set<String> found = new HashSet<>(flagged);
    found.retainAll(planted);
    double recall = (double) found.size() / planted.size();
    double precision = flagged.isEmpty() ? 1 : (double) found.size() / flagged.size();
    System.out.printf("parts not adding up, %s, %d unit-years: recall %.3f (%d/%d), precision %.3f (%d/%d)%n", form,
        district.documents().size(), recall, found.size(), planted.size(), precision, found.size(),
        flagged.size());
    assertTrue(planted.size() >= 5, "the fixture plants enough: " + planted.size());
    assertTrue(recall >= 0.95, form + ": recall " + recall + ", missed " + missed(planted, found));
    assertTrue(precision >= 0.90, form + ": precision " + precision + ", flagged " + flagged);
    assertTrue(cited.containsAll(found), form + ": a finding of each unit-year found cites the file and where in it ("
        + citation + "); not " + missed(found, cited));
  }

  private static Set<String> missed(Set<String> planted, Set<String> found) {
    Set<String> m = new HashSet<>(planted);
    m.removeAll(found);
    return m;
  }

  /** The documents as a finance system's dataset export (district.unit_year.csv and the three other tables). */
  private static void datasets(List<FinalAccount> docs, Path landing) throws IOException {
    try (DatasetExport export = new DatasetExport(landing, "district")) {
      docs.forEach(export::add);
    }
  }
}
