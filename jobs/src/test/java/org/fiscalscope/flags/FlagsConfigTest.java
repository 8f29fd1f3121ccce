package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.List;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.document.ScoringTemplate;
import org.fiscalscope.metrics.MetricsConfig;
import org.junit.jupiter.api.Test;

class FlagsConfigTest {

  private static JsonNode yaml(String text) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(text);
  }

  @Test
  void kebabKeysOverrideOnlyWhatTheyName() throws Exception {
    FlagsConfig cfg = FlagsConfig.from(yaml("""
        execution-rate:
          warning-below: 85
        robust-z:
          peer-group: region
        """));
    assertEquals(new BigDecimal("85"), cfg.executionRate().warningBelow());
    assertEquals(new BigDecimal("80"), cfg.executionRate().severeBelow(), "unnamed keys keep their default");
    assertEquals("region", cfg.robustZ().peerGroup());
    assertEquals(FlagsConfig.defaults(), FlagsConfig.from(null));

    MetricsConfig m = MetricsConfig.from(yaml("scoring:\n  regions:\n    武汉市: wuhan\npeer-groups: [all, kind]"));
    assertEquals(ScoringTemplate.NATIONAL, m.scoring().defaultTemplate(), "unnamed keys keep their default");
    assertEquals(ScoringTemplate.WUHAN, m.scoring().templateOf("武汉市青山区"));
    assertEquals(ScoringTemplate.NATIONAL, m.scoring().templateOf("池州市贵池区"));
    assertEquals(ScoringTemplate.NATIONAL, m.scoring().templateOf(null));
    assertEquals(List.of("all", "kind"), m.peerGroups());
    MetricsConfig longest = MetricsConfig.from(yaml(
        "scoring:\n  template: wuhan\n  regions:\n    武汉市: wuhan\n    武汉市青山区: national"));
    assertEquals(ScoringTemplate.NATIONAL, longest.scoring().templateOf("武汉市青山区"), "the longest region wins");
    assertEquals(ScoringTemplate.WUHAN, longest.scoring().templateOf("武汉市江岸区"));
    assertEquals(ScoringTemplate.WUHAN, longest.scoring().templateOf("池州市"), "the default template named");
  }

  @Test
  void aWeightTemplateOutsideTheCatalogueIsRefusedWithItsKey() throws Exception {
    FiscalScopeException unknown = assertThrows(FiscalScopeException.class,
        () -> MetricsConfig.from(yaml("scoring:\n  template: shanghai")));
    assertTrue(unknown.getMessage().contains("metrics.scoring.template") && unknown.getMessage().contains("national"),
        unknown.getMessage());
    FiscalScopeException region = assertThrows(FiscalScopeException.class,
        () -> MetricsConfig.from(yaml("scoring:\n  regions:\n    武汉市: twenty")));
    assertTrue(region.getMessage().contains("metrics.scoring.regions.武汉市"), region.getMessage());
    FiscalScopeException old = assertThrows(FiscalScopeException.class,
        () -> MetricsConfig.from(yaml("project-execution-weight: 20")));
    assertTrue(old.getMessage().contains("project-execution-weight"), old.getMessage());
  }

  @Test
  void wrongValuesAndUnknownKeysAreRefusedWithTheirName() throws Exception {
    FiscalScopeException bad = assertThrows(FiscalScopeException.class,
        () -> FlagsConfig.from(yaml("execution-rate:\n  severe-below: 95")));
    assertTrue(bad.getMessage().contains("flags.execution-rate"), bad.getMessage());
    FiscalScopeException unknown = assertThrows(FiscalScopeException.class,
        () -> FlagsConfig.from(yaml("execution-rate:\n  warning-line: 90")));
    assertTrue(unknown.getMessage().contains("warning-line"), unknown.getMessage());
  }

  @Test
  void theOverExecutionLineIsAtLeastTheInitialBudgetAndItsLevelsAreKnown() throws Exception {
    assertEquals(new BigDecimal("105"), FlagsConfig.defaults().overExecution().above());
    assertEquals(new BigDecimal("110"), FlagsConfig.from(yaml("over-execution:\n  above: 110")).overExecution().above());
    FiscalScopeException low = assertThrows(FiscalScopeException.class,
        () -> FlagsConfig.from(yaml("over-execution:\n  above: 90")));
    assertTrue(low.getMessage().contains("flags.over-execution.above"), low.getMessage());
    FiscalScopeException level = assertThrows(FiscalScopeException.class,
        () -> FlagsConfig.from(yaml("over-execution:\n  levels: [unit, district]")));
    assertTrue(level.getMessage().contains("flags.over-execution.levels"), level.getMessage());
  }
}
