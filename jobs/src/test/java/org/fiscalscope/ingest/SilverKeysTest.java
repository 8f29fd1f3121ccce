package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * The keys of a unit-year's function lines and projects: a blank key is named (项目N by position, name:… by the line's
 * name), a repeated one gets its ordinal in document order, so every row of silver.function_line and silver.project
 * has a key of its own within the unit-year, and a project's indicators carry its key.
 */
class SilverKeysTest extends SparkTest {

  private static final String DOC = """
      {"fiscal_year": 2023, "unit": {"id": "U1", "name": "甲单位"},
       "functions": [{"code": "2010101", "name": "行政运行"}, {"code": "", "name": "其他"},
                     {"code": "2010101", "name": "行政运行"}, {"name": "其他"}, {"code": " 2010102 "}],
       "performance": {"projects": [
         {"name": "培训费", "indicators": [{"name": "培训人次"}]}, {"name": ""}, {"name": "培训费"},
         {"name": " 培训费 ", "indicators": [{"name": "满意度"}, {"name": "完成率"}]}, {"name": "项目2"}]}}
      """;

  private Map<LakeTable, Dataset<Row>> silver() {
    StructType documents = StructType.fromDDL(
        "sha256 STRING, unit_id STRING, fiscal_year INT, canonical_json STRING, run_id STRING");
    return SilverRows.silver(spark.createDataFrame(List.of(RowFactory.create("h1", "U1", 2023, DOC, "r1")), documents));
  }

  @Test
  void repeatedOrBlankFunctionCodesGetKeysOfTheirOwnInDocumentOrder() {
    List<String> codes = silver().get(LakeTable.SILVER_FUNCTION_LINE).orderBy("line_seq").select("code").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("2010101", "name:其他", "2010101（2）", "name:其他（2）", "2010102"), codes);
  }

  @Test
  void repeatedOrBlankProjectNamesGetKeysOfTheirOwnAndTheirIndicatorsFollow() {
    Map<LakeTable, Dataset<Row>> silver = silver();
    List<String> names = silver.get(LakeTable.SILVER_PROJECT).orderBy("project_seq").select("project_name").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("培训费", "项目2", "培训费（2）", "培训费（3）", "项目2（2）"), names);
    List<String> indicators = silver.get(LakeTable.SILVER_INDICATOR).filter("scope = 'project'")
        .orderBy("project_name", "seq").selectExpr("concat(project_name, '/', name)")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("培训费/培训人次", "培训费（3）/满意度", "培训费（3）/完成率"), indicators);
  }
}
