package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.fiscalscope.lake.TableName;
import org.fiscalscope.lake.LakeTable;
import org.fiscalscope.report.FieldCatalogue.Field;
import org.fiscalscope.report.FieldCatalogue.Kind;
import org.junit.jupiter.api.Test;

/** The field catalogue stays the DDL's twin: every gold column declared once, in order, of a kind its type can hold. */
class FieldCatalogueTest {

  @Test
  void everyGoldColumnIsDeclaredInTheOrderOfItsDdl() {
    assertEquals(ReportJob.GOLD.stream().map(LakeTable::toString).toList(), FieldCatalogue.tables());
    for (LakeTable t : ReportJob.GOLD) {
      List<String> ddl = Arrays.stream(t.schema().fields()).map(StructField::name).toList();
      assertEquals(ddl, FieldCatalogue.of(t).stream().map(Field::name).toList(), t + ": the catalogue's columns are the DDL's");
    }
  }

  @Test
  void eachKindFitsItsColumnsTypeAndEveryColumnHasBothLabels() {
    for (LakeTable t : ReportJob.GOLD) {
      for (StructField column : t.schema().fields()) {
        Field f = FieldCatalogue.field(t, column.name()).orElseThrow();
        String where = t + "." + column.name();
        assertTrue(fits(f.kind(), column.dataType()), where + " is " + column.dataType() + ", declared " + f.kind());
        assertFalse(f.zh().isBlank() || f.en().isBlank(), where + " has a Chinese and an English label");
        assertTrue(f.zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
            || f.zh().matches("[0-9A-Z–-]+.*"), where + " Chinese label: " + f.zh());
        assertTrue(f.en().chars().allMatch(c -> c < 0x3000), where + " English label: " + f.en());
      }
      List<String> zh = FieldCatalogue.of(t).stream().map(Field::zh).toList();
      assertEquals(zh.size(), zh.stream().distinct().count(), t + ": no two columns share a Chinese label " + zh);
    }
    assertEquals(FieldCatalogue.field(TableName.of("gold.execution"), "unit_id"),
        FieldCatalogue.field(TableName.of("gold.flags"), "unit_id"), "a shared column is declared once");
  }

  @Test
  void aTableWithoutDeclarationsIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FieldCatalogue.of(TableName.of("silver.unit_year")));
    assertTrue(e.getMessage().contains("silver.unit_year"), e.getMessage());
  }

  private static boolean fits(Kind kind, DataType type) {
    return switch (kind) {
      case MONEY -> type instanceof DecimalType;
      case PERCENT, SCORE, NUMBER -> type instanceof DecimalType || type instanceof DoubleType;
      case SHARE -> type instanceof DoubleType || type instanceof DecimalType;
      case COUNT -> type instanceof IntegerType || type instanceof LongType;
      case YEAR -> type instanceof IntegerType;
      case FLAG -> type instanceof BooleanType;
      case DATE -> type instanceof org.apache.spark.sql.types.DateType;
      case TEXT -> type instanceof StringType;
    };
  }
}
