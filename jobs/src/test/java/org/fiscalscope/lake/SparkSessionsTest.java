package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A local session's catalog folder: temporary, never the working directory, unless the settings name one. */
class SparkSessionsTest {

  @Test
  void aLocalSessionKeepsItsCatalogInATemporaryFolderOutsideTheWorkingDirectory() {
    Map<String, String> folder = SparkSessions.catalogFolder(Map.of("spark.sql.shuffle.partitions", "2"));
    Path dir = Path.of(URI.create(folder.get(SparkSessions.WAREHOUSE)));
    assertTrue(Files.isDirectory(dir), dir + " exists");
    assertTrue(dir.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), dir + " is a temporary folder");
    assertFalse(dir.startsWith(Path.of("").toAbsolutePath()), dir + " is outside the working directory");
  }

  @Test
  void aCatalogFolderTheSettingsNameIsKept() {
    assertEquals(Map.of(), SparkSessions.catalogFolder(Map.of(SparkSessions.WAREHOUSE, "file:/data/warehouse")));
  }
}
