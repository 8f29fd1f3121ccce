package org.fiscalscope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/** {@code %lake DIR} with a folder relative to the kernel's working folder, as the notebooks' {@code ../lake}. */
class LakeSessionTest {

  @Test
  void aRelativeLakeOpensAndAMissingOneIsNamedInFull() throws IOException {
    Path relative = Path.of("target", "relative-lake-" + System.nanoTime());
    LakeSession session = new LakeSession();
    try {
      DeltaMerge.upsert(new Lake(session.spark(), relative.toString()), LakeTable.SILVER_UNIT_YEAR,
          session.spark().sql("SELECT 'U1' AS unit_id, 2023 AS fiscal_year, 'unit' AS unit_name"));

      String opened = session.open(relative.toString());
      assertTrue(opened.startsWith("lake file:" + relative.toAbsolutePath() + ": 1 tables"), opened);
      assertEquals(1L, session.spark().sql("SELECT count(*) FROM silver.unit_year").head().getLong(0));

      SqlError e = assertThrows(SqlError.class, () -> session.open("target/no-such-lake"));
      assertTrue(e.getMessage().startsWith("lake file:" + Path.of("target/no-such-lake").toAbsolutePath()
          + " does not exist; run `./fiscalscope nightly --lake target/no-such-lake` first"), e.getMessage());
    } finally {
      if (Files.exists(relative)) {
        try (Stream<Path> walk = Files.walk(relative)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
