package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.SilverTable;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * The silver tables against the field catalogue: every column a silver DDL declares is a catalogue field's column
 * (of the field's type) or one ingest computes, every field placed in a silver table has its column there, and the
 * rows {@link SilverRows} derives from the catalogue have exactly the DDL's columns and types. A figure added to the
 * catalogue and not to the DDL (or the reverse) fails here, naming the column.
 */
class SilverColumnsTest extends SparkTest {

  @Test
  void everyColumnOfASilverTableIsAFieldOfTheCatalogueOrComputedByIngest() {
    for (SilverTable table : SilverTable.values()) {
      StructType ddl = LakeTable.of(table.qualifiedName()).schema();
      Set<String> declared = new TreeSet<>(List.of(ddl.fieldNames()));
      Set<String> computed = SilverRows.computed(table).keySet();
      Map<String, Field> fromCatalogue = new LinkedHashMap<>();
      for (Field f : Fields.inSilver(table)) {
        fromCatalogue.putIfAbsent(f.silver().column(), f);
      }
      Set<String> covered = new TreeSet<>(computed);
      covered.addAll(fromCatalogue.keySet());
      assertEquals(Set.of(), minus(declared, covered),
          table + ": columns of the DDL that are no field of the catalogue and not computed by ingest");
      assertEquals(Set.of(), minus(covered, declared),
          table + ": columns of the catalogue (or computed by ingest) missing from schemas/tables/" + table + ".sql");
      for (StructField c : ddl.fields()) {
        Field f = fromCatalogue.get(c.name());
        if (f != null && !computed.contains(c.name())) {
          assertEquals(DocumentStruct.type(f.measure()), c.dataType(),
              table + "." + c.name() + " holds " + f.name() + ", a " + f.measure());
        }
      }
    }
  }

  @Test
  void aFieldLandsInOneColumnOfOneTable() {
    Map<String, Field> seen = new LinkedHashMap<>();
    for (Field f : Fields.all()) {
      if (f.silver() != null) {
        Field before = seen.put(f.silver().table() + "." + f.silver().column(), f);
        // the unit evaluation's indicators and a project's share silver.indicator's columns (scope tells them apart)
        assertTrue(before == null || Fields.inProject(before) == f,
            f.name() + " and " + (before == null ? "" : before.name()) + " both land in " + f.silver().column());
      }
    }
    assertFalse(seen.isEmpty());
  }

  @Test
  void theRowsDerivedFromTheCatalogueHaveTheColumnsAndTypesOfTheDdl() {
    StructType documents = StructType.fromDDL(
        "sha256 STRING, unit_id STRING, fiscal_year INT, canonical_json STRING, run_id STRING");
    Map<LakeTable, Dataset<Row>> silver = SilverRows.silver(spark.createDataFrame(new ArrayList<Row>(), documents));
    assertEquals(SilverTable.values().length, silver.size());
    for (SilverTable table : SilverTable.values()) {
      LakeTable name = LakeTable.of(table.qualifiedName());
      assertEquals(shape(name.schema()), shape(silver.get(name).schema()), table.toString());
    }
  }

  /** Column names and types in order, nullability and comments left out. */
  private static List<String> shape(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(f.name() + " " + f.dataType().simpleString());
    }
    return out;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
