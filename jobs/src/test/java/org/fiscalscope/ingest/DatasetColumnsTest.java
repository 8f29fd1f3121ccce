package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Measure;
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
}
