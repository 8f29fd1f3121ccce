package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.Finding;
import org.fiscalscope.generate.AnomalyKind;
import org.fiscalscope.generate.PlantedAnomaly;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;

/**
 * The consistency audit measured on a lake: recall and precision of the sum rules' warning and error findings in
 * silver.finding over a generated district's planted parts that do not add up, counted per unit-year, and each
 * unit-year found cited with the file and where in it its figures are.
 */
public final class PartsNotAddingUpScore {

  /** The subject of a planted part whose figures no standard table prints. */
  static final String PROCUREMENT = "procurement";

  private PartsNotAddingUpScore() {}

  /**
   * The planted unit-years ({@code unit/year}) whose figures a form carries: all of them, or without procurement for
   * the standard tables, which print none.
   */
  public static Set<String> planted(List<PlantedAnomaly> anomalies, boolean carriesProcurement) {
    Set<String> at = new HashSet<>();
    for (PlantedAnomaly a : anomalies) {
      if (a.kind().equals(AnomalyKind.PARTS_NOT_ADDING_UP.id()) && (carriesProcurement || !a.subject().equals(PROCUREMENT))) {
        at.add(a.unitCode() + "/" + a.fiscalYear());
      }
    }
    return at;
  }

  /**
   * Asserts recall ≥ 95 % and precision ≥ 90 % of the findings the lake's ingest made, over at least
   * {@code minPlanted} planted unit-years, and that a finding of each unit-year found cites {@code citation} (the
   * file name's extension and the kind of place: {@code .csv line }, {@code .xls}, {@code .json)}).
   */
  public static void assertFound(Lake lake, Set<String> planted, String form, String citation, int minPlanted) {
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
    Set<String> found = new HashSet<>(flagged);
    found.retainAll(planted);
    double recall = planted.isEmpty() ? 0 : (double) found.size() / planted.size();
    double precision = flagged.isEmpty() ? 1 : (double) found.size() / flagged.size();
    System.out.printf("parts not adding up, %s: recall %.3f (%d/%d), precision %.3f (%d/%d)%n", form, recall,
        found.size(), planted.size(), precision, found.size(), flagged.size());
    assertTrue(planted.size() >= minPlanted, form + ": the district plants enough: " + planted.size());
    assertTrue(recall >= 0.95, form + ": recall " + recall + ", missed " + minus(planted, found));
    assertTrue(precision >= 0.90, form + ": precision " + precision + ", flagged " + flagged);
    assertTrue(cited.containsAll(found), form + ": a finding of each unit-year found cites the file and where in it ("
        + citation + "); not " + minus(found, cited));
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> m = new HashSet<>(a);
    m.removeAll(b);
    return m;
  }
}
