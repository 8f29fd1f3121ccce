package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fiscalscope.SparkTest;
import org.fiscalscope.pipeline.Progress;
import org.fiscalscope.pipeline.Run;
import org.fiscalscope.pipeline.RunContext;
import org.fiscalscope.pipeline.RunSummary;
import org.fiscalscope.pipeline.Settings;
import org.fiscalscope.pipeline.Stage;
import org.fiscalscope.pipeline.StageReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run interprets its queries and plans each once over a small lake, and generates code and plans adaptively over a
 * large one, stage by stage, leaves the
 * session as it found it, and never overrides a choice the user's settings made.
 */
class QueryModeTest extends SparkTest {

  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final String FACTORY = "spark.sql.codegen.factoryMode";
  private static final String ADAPTIVE = "spark.sql.adaptive.enabled";

  /** The shared session names both keys (the tests' choice); these tests take them away and give them back. */
  private void asAUserWhoChoseNothing() {
    spark.conf().unset(WHOLE_STAGE);
    spark.conf().unset(FACTORY);
    spark.conf().unset(ADAPTIVE);
  }

  @AfterEach
  void giveTheSharedSettingsBack() {
    spark.conf().set(WHOLE_STAGE, SESSION_SETTINGS.get(WHOLE_STAGE));
    spark.conf().set(FACTORY, SESSION_SETTINGS.get(FACTORY));
    spark.conf().set(ADAPTIVE, SESSION_SETTINGS.get(ADAPTIVE));
  }

  @Test
  void theLineIsFiveThousandUnitYears() {
    assertTrue(QueryMode.interpret(0));
    assertTrue(QueryMode.interpret(4_999));
    assertFalse(QueryMode.interpret(5_000));
    assertFalse(QueryMode.interpret(1_000_000));
  }

  @Test
  void smallInterpretsLargeGeneratesAndTheSessionIsLeftAsFound() {
    asAUserWhoChoseNothing();
    QueryMode g = QueryMode.of(spark);
    g.forSize(178);
    assertEquals("false", spark.conf().get(WHOLE_STAGE));
    assertEquals("NO_CODEGEN", spark.conf().get(FACTORY));
    assertEquals("false", spark.conf().get(ADAPTIVE));
    assertTrue(g.interpreting());
    g.forSize(250_000);
    assertEquals("true", spark.conf().get(WHOLE_STAGE), "Spark's default again");
    assertEquals("true", spark.conf().get(ADAPTIVE), "Spark's default again");
    assertFalse(spark.conf().contains(FACTORY));
    g.forSize(10);
    g.restore();
    assertFalse(spark.conf().contains(WHOLE_STAGE) || spark.conf().contains(FACTORY) || spark.conf().contains(ADAPTIVE));
    assertNull(g.interpreting());
  }

  @Test
  void aChoiceInTheSettingsIsKept() {
    asAUserWhoChoseNothing();
    spark.conf().set(WHOLE_STAGE, "true");
    QueryMode g = QueryMode.of(spark);
    g.forSize(10);
    g.restore();
    assertEquals("true", spark.conf().get(WHOLE_STAGE));
    assertFalse(spark.conf().contains(FACTORY) || spark.conf().contains(ADAPTIVE));
    spark.conf().unset(WHOLE_STAGE);
    spark.conf().set(ADAPTIVE, "true");
    QueryMode adaptive = QueryMode.of(spark);
    adaptive.forSize(10);
    assertEquals("true", spark.conf().get(ADAPTIVE), "a choice of adaptive execution keeps code generation too");
    assertFalse(spark.conf().contains(WHOLE_STAGE) || spark.conf().contains(FACTORY));
    adaptive.restore();
    assertNull(g.interpreting());
  }

  @Test
  void aRunChoosesBeforeEachStageByTheUnitYearsInTheLake() {
    asAUserWhoChoseNothing();
    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    DeltaMerge.upsert(lake, LakeTable.SILVER_UNIT_YEAR, rows("unit_id STRING, fiscal_year INT",
        "{\"unit_id\":\"BJ0001\",\"fiscal_year\":2023}", "{\"unit_id\":\"BJ0002\",\"fiscal_year\":2023}"));
    List<String> seen = new ArrayList<>();
    Stage looking = new Stage() {
      @Override
      public String name() {
        return "metrics";
      }

      @Override
      public String description(RunContext context) {
        return "looks at the session";
      }

      @Override
      public StageReport run(RunContext context) {
        seen.add(spark.conf().get(WHOLE_STAGE) + " " + spark.conf().get(FACTORY) + " " + spark.conf().get(ADAPTIVE));
        return new StageReport(name(), 0, Map.of());
      }
    };
    RunSummary summary = Run.execute("metrics", lake, Settings.load(null).withPaths(null, lake.root(), null),
        List.of(looking, looking), new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 1));

    assertEquals(RunSummary.SUCCEEDED, summary.status(), summary.error());
    assertEquals(List.of("false NO_CODEGEN false", "false NO_CODEGEN false"), seen,
        "two unit-years: interpreted, for the second stage too (the table unchanged, not counted again)");
    assertFalse(spark.conf().contains(WHOLE_STAGE) || spark.conf().contains(FACTORY) || spark.conf().contains(ADAPTIVE),
        "the session as the run found it");
  }
}
