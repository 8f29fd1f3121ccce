package org.fiscalscope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuckDbMetricsTest {

  @Test
  void scriptsSplitAtStatementEndsAndDropComments() {
    List<String> s = DuckDbMetrics.statements("-- a comment; not a statement\nSELECT 1;\nSELECT 'a;b'\n  FROM t;\n");
    assertEquals(List.of("SELECT 1", "SELECT 'a;b'\n  FROM t"), s);
  }

  @Test
  void halfUpRoundsAwayFromZeroLikeSparkDecimals() throws Exception {
    try (Connection c = new DuckDbMetrics(1).open(); Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE MACRO half_up(n, d) AS sign(n) * sign(d) * ((2 * abs(n) + abs(d)) // (2 * abs(d)))");
      // 1 ÷ 8 = 0.125 → 0.13; −1 ÷ 8 → −0.13; 2 ÷ 3 = 0.666… → 0.67 (in hundredths)
      try (ResultSet r = s.executeQuery("SELECT half_up(100::HUGEINT, 8::HUGEINT), half_up(-100::HUGEINT, 8::HUGEINT),"
          + " half_up(200::HUGEINT, 3::HUGEINT)")) {
        r.next();
        assertEquals(13, r.getLong(1));
        assertEquals(-13, r.getLong(2));
        assertEquals(67, r.getLong(3));
      }
    }
  }

  @Test
  void aCheckWithDifferentRowCountsDisagrees() {
    assertFalse(new DuckDbMetrics.Check("x", 2, 3, 0).agrees());
  }
}
