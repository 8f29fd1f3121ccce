package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Measure;
import org.fiscalscope.document.SilverTable;
import org.junit.jupiter.api.Test;

/**
 * The tabular datasets' columns against the field catalogue: a column of schemas/datasets/*.ddl that names a
 * document field names one the catalogue declares, with a column type that holds the field's values.
 */
class DatasetColumnsTest {

  @Test
  void everyDatasetColumnNamesAFieldOfTheCatalogueOfItsType() {
    int named = 0;
    for (String table : List.of("unit_year", "function_line", "project", "indicator")) {
      for (DatasetTable.Column c : DatasetTable.of(table).columns()) {
        if (c.field() == null) {
          continue;
        }
        Field f = Fields.ofPattern(c.field());
        assertNotNull(f, "schemas/datasets/" + table + ".ddl: " + c.name() + " names " + c.field()
            + ", which is no field of the catalogue (document/Fields)");
        Measure.Value expected = switch (c.type()) {
          case TEXT -> Measure.Value.TEXT;
          case WHOLE_NUMBER -> Measure.Value.WHOLE;
          case AMOUNT -> Measure.Value.DECIMAL;
        };
        assertEquals(expected, f.measure().value(), table + "." + c.name() + " fills " + f.name() + ", a " + f.measure());
        named++;
      }
    }
    assertTrue(named > 50, "the datasets name their fields: " + named);
  }

  @Test
  void everyFigureOfTheSilverTablesHasADatasetColumn() {
    java.util.Set<String> named = new java.util.HashSet<>();
    for (String table : InputKind.DATASET_TABLES) {
      for (DatasetTable.Column c : DatasetTable.of(table).columns()) {
        if (c.field() != null) {
          named.add(c.field().startsWith("/performance/projects/*/indicators/")
              ? c.field().substring("/performance/projects/*".length()) : c.field());
        }
      }
    }
    List<String> missing = new java.util.ArrayList<>();
    for (SilverTable t : List.of(SilverTable.UNIT_YEAR, SilverTable.FUNCTION_LINE, SilverTable.PROJECT,
        SilverTable.INDICATOR)) {
      for (Field f : Fields.inSilver(t)) {
        String pattern = f.toString();
        String asNamed = pattern.startsWith("/performance/unit_evaluation/indicators/")
            ? pattern.substring("/performance/unit_evaluation".length())
            : pattern.startsWith("/performance/projects/*/indicators/") ? pattern.substring("/performance/projects/*".length())
            : pattern;
        if (f.isFigure() && !named.contains(asNamed)) {
          missing.add(pattern);
        }
      }
    }
    assertEquals(List.of(), missing, "figures a dataset export cannot carry; add a column to schemas/datasets");
  }
}
