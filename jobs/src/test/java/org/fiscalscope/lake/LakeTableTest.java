package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fiscalscope.FiscalScopeException;
import org.junit.jupiter.api.Test;

/** The registry and the DDL files agree: one entry per schemas/tables/*.sql, each key declared in its schema. */
class LakeTableTest {

  private static final Path DDL = Path.of("schemas", "tables");
  private static final Pattern STATED_KEY = Pattern.compile("Key: ([a-z0-9_, ]+)\\.");

  @Test
  void everyDdlFileHasExactlyOneEntryAndEveryEntryAFile() throws IOException {
    Set<String> files;
    try (Stream<Path> list = Files.list(DDL)) {
      files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .map(n -> n.substring(0, n.length() - ".sql".length())).collect(Collectors.toCollection(TreeSet::new));
    }
    List<String> entries = LakeTable.all().stream().map(LakeTable::toString).toList();
    assertEquals(entries.size(), Set.copyOf(entries).size(), "one entry per table name: " + entries);
    assertEquals(files, new TreeSet<>(entries), "schemas/tables/*.sql and the entries of LakeTable");
  }

  @Test
  void eachKeyIsDeclaredInTheSchemaAndStatedByTheDdl() {
    for (LakeTable t : LakeTable.all()) {
      List<String> columns = Arrays.asList(t.schema().fieldNames());
      assertTrue(columns.containsAll(t.key()), t + ": key " + t.key() + " not all among " + columns);
      String header = t.ddl().lines().takeWhile(l -> l.startsWith("--")).collect(Collectors.joining(" "));
      assertTrue(header.startsWith("-- " + t + ": "), t + ": the DDL's first line names the table: " + header);
      Matcher stated = STATED_KEY.matcher(header);
      assertTrue(stated.find(), t + ": the DDL's opening comment states the key: " + header);
      assertEquals(t.key(), List.of(stated.group(1).split(",\\s*")), t + ": key in LakeTable and in the DDL");
      assertTrue(t.ddl().contains("CREATE TABLE IF NOT EXISTS ${table} ("), t.toString());
    }
  }

  private static final Pattern STATS_COLUMNS = Pattern.compile("'delta\\.dataSkippingStatsColumns' = '([a-z0-9_,]+)'");
  private static final Pattern INDEXED_COLUMNS = Pattern.compile("'delta\\.dataSkippingNumIndexedCols' = '([0-9]+)'");

  /** The columns Delta keeps min and max of in a table's files, as its DDL's properties make them (Delta's default: the first 32). */
  private static List<String> statisticsColumns(LakeTable t) {
    List<String> columns = Arrays.asList(t.schema().fieldNames());
    Matcher named = STATS_COLUMNS.matcher(t.ddl());
    if (named.find()) {
      return List.of(named.group(1).split(","));
    }
    Matcher first = INDEXED_COLUMNS.matcher(t.ddl());
    return columns.subList(0, Math.min(columns.size(), first.find() ? Integer.parseInt(first.group(1)) : 32));
  }

  @Test
  void statisticsCoverEachKeyAndLeaveOutTheLongTexts() {
    for (LakeTable t : LakeTable.all()) {
      List<String> stats = statisticsColumns(t);
      assertTrue(Arrays.asList(t.schema().fieldNames()).containsAll(stats), t + ": statistics of undeclared columns " + stats);
      assertTrue(stats.containsAll(t.key()), t + ": lookups filter on the key " + t.key() + ", statistics cover " + stats);
    }
    Map<LakeTable, List<String>> longTexts = Map.of(LakeTable.BRONZE_DOCUMENTS, List.of("canonical_json"),
        LakeTable.BRONZE_REJECTS, List.of("reason"), LakeTable.SILVER_FINDING, List.of("message"),
        LakeTable.GOLD_FLAGS, List.of("explanation_zh", "source_text"));
    longTexts.forEach((table, texts) -> texts.forEach(text -> assertTrue(!statisticsColumns(table).contains(text),
        table + ": no statistics of " + text + " (every write would compute them, no lookup uses them)")));
  }

  @Test
  void layersOwnersAndNames() {
    assertEquals(List.of(LakeTable.GOLD_FLAGS), LakeTable.ownedBy(LakeTable.Owner.FLAGS));
    assertEquals(LakeTable.inLayers(LakeTable.Layer.BRONZE, LakeTable.Layer.SILVER),
        LakeTable.ownedBy(LakeTable.Owner.INGEST), "ingest writes bronze and silver");
    assertEquals(LakeTable.all().size(), Arrays.stream(LakeTable.Layer.values())
        .mapToInt(l -> LakeTable.inLayers(l).size()).sum());
    for (LakeTable t : LakeTable.all()) {
      assertEquals(t.layer().folder(), t.tableName().layer(), t.toString());
      assertEquals(t, LakeTable.of(t.toString()));
      assertTrue(!t.description().isBlank(), t.toString());
    }
    FiscalScopeException unknown = assertThrows(FiscalScopeException.class, () -> LakeTable.of("gold.nope"));
    assertTrue(unknown.getMessage().contains("gold.flags"), "names the tables there are: " + unknown.getMessage());
    assertThrows(FiscalScopeException.class, () -> LakeTable.of("flags"), "not layer.table");
  }
}
