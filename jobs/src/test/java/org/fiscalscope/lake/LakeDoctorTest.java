package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

class LakeDoctorTest extends SparkTest {

  @Test
  void aHealthyTableThenADeletedDataFileNamedWithTheFix() throws IOException {
    Lake lake = new Lake(spark, tmp.toString());
    LakeTable lines = LakeTable.SILVER_FUNCTION_LINE;
    DeltaMerge.replaceGroups(lake, lines, rows(lines.schema(),
        "{\"unit_id\":\"A\",\"fiscal_year\":2023,\"code\":\"201\",\"actual\":1}"), LakeTable.UNIT_YEAR);
    LakeDoctor doctor = new LakeDoctor(lake);

    LakeDoctor.TableHealth healthy = doctor.examine(lines);
    assertTrue(healthy.isHealthy(), healthy.problems().toString());
    assertEquals(1L, healthy.rows());

    LakeDoctor.TableHealth missing = doctor.examine(LakeTable.SILVER_PROJECT);
    assertFalse(missing.isHealthy());
    assertTrue(missing.problems().get(0).startsWith("missing: no Delta table at"), missing.problems().toString());

    Path dataFile;
    try (Stream<Path> files = Files.list(tmp.resolve("silver/function_line"))) {
      dataFile = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.delete(dataFile);
    LakeDoctor.TableHealth broken = doctor.examine(lines);
    assertEquals(1, broken.problems().size(), broken.problems().toString());
    String problem = broken.problems().get(0);
    assertTrue(problem.contains(dataFile.getFileName().toString()) && problem.contains("RESTORE TABLE"), problem);
  }

  @Test
  void schemaDifferencesAreNamed() {
    List<String> problems = LakeDoctor.schemaProblems(LakeTable.SILVER_FUNCTION_LINE,
        org.apache.spark.sql.types.StructType.fromDDL("unit_id STRING, fiscal_year STRING, code STRING"));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("column fiscal_year is string, expected int")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("column actual is missing")), problems.toString());
  }
}
