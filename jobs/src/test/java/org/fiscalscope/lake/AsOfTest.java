package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fiscalscope.FiscalScopeException;
import org.junit.jupiter.api.Test;

class AsOfTest {

  static final RunRecord FIRST = run("20260301T010000Z-aaaa", "2026-03-01T01:05:00Z", 1);
  static final RunRecord SECOND = run("20260303T010000Z-bbbb", "2026-03-03T01:05:00Z", 2);
  static final RunRecord THIRD = run("20260305T010000Z-cccc", "2026-03-05T01:05:00Z", 3);
  static final List<RunRecord> RUNS = List.of(THIRD, FIRST, SECOND);

  static RunRecord run(String id, String finished, long flagsVersion) {
    Instant at = Instant.parse(finished);
    return new RunRecord(id, at.minusSeconds(300), at, "succeeded", Map.of("gold.flags", flagsVersion));
  }

  @Test
  void namesRunsByIdNumberAndRelativeWords() {
    assertEquals(SECOND, AsOf.parse("20260303T010000Z-bbbb").resolve(RUNS));
    assertEquals(FIRST, AsOf.parse("1").resolve(RUNS));
    assertEquals(THIRD, AsOf.parse("-1").resolve(RUNS));
    assertEquals(THIRD, AsOf.parse("latest").resolve(RUNS));
    assertEquals(SECOND, AsOf.parse("previous").resolve(RUNS));
    assertEquals(2L, AsOf.parse("previous").resolve(RUNS).tableVersions().get("gold.flags"));
  }

  @Test
  void aDateMeansWhatWasKnownByTheEndOfThatDay() {
    assertEquals(SECOND, AsOf.parse("2026-03-03").resolve(RUNS));
    assertEquals(SECOND, AsOf.parse("2026-03-04").resolve(RUNS));
    assertEquals(FIRST, AsOf.parse("2026-03-03T01:00:00Z").resolve(RUNS));
    assertEquals(THIRD, AsOf.parse("2026-03-05 02:00:00").resolve(RUNS));
  }

  @Test
  void pointsOutsideTheRecordedHistoryAreRefusedWithTheReason() {
    String before = assertThrows(FiscalScopeException.class, () -> AsOf.parse("2026-02-28").resolve(RUNS)).getMessage();
    assertTrue(before.contains("no run had finished"), before);
    String unknown = assertThrows(FiscalScopeException.class, () -> AsOf.parse("20990101T000000Z-ffff").resolve(RUNS)).getMessage();
    assertTrue(unknown.contains("not in ops.runs"), unknown);
    assertThrows(FiscalScopeException.class, () -> AsOf.parse("4").resolve(RUNS));
    assertThrows(FiscalScopeException.class, () -> AsOf.parse("0"));
    assertThrows(FiscalScopeException.class, () -> AsOf.parse("yesterday"));
    assertThrows(FiscalScopeException.class, () -> AsOf.parse("latest").resolve(List.of()));
  }
}
