package org.fiscalscope.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.flags.FlagsConfig;
import org.fiscalscope.metrics.MetricsConfig;
import org.junit.jupiter.api.Test;

/** The metrics and flags settings are bound with the file; what is logged and hashed is the effective configuration. */
class SettingsTest {

  private static Settings parse(String yaml) {
    return Settings.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theIngestBatchIsAPositiveNumberOfFilesWithTheShippedFileSayingTheDefault() throws java.io.IOException {
    assertEquals(org.fiscalscope.ingest.IngestJob.BATCH_FILES, Settings.defaults().ingest().batchFiles());
    assertEquals(Settings.defaults().ingest(), Settings.load("conf/fiscalscope.yaml").ingest(),
        "conf/fiscalscope.yaml names the defaults");
    assertEquals(500, parse("ingest:\n  batch-files: 500\n").ingest().batchFiles());
    FiscalScopeException e = assertThrows(FiscalScopeException.class, () -> parse("ingest:\n  batch-files: 0\n"));
    assertTrue(e.getMessage().contains("ingest.batch-files must be a positive number of files: got 0"), e.getMessage());
  }

  @Test
  void metricsAndFlagsAreBoundOverTheirDefaultsWhenTheFileIsRead() {
    Settings s = parse("""
        flags:
          execution-rate:
            warning-below: 85
        metrics:
          peer-groups: [all, kind]
        """);
    assertEquals(new BigDecimal("85"), s.flags().executionRate().warningBelow());
    assertEquals(FlagsConfig.defaults().executionRate().severeBelow(), s.flags().executionRate().severeBelow());
    assertEquals(java.util.List.of("all", "kind"), s.metrics().peerGroups());
    assertEquals(MetricsConfig.defaults().credibility(), s.metrics().credibility());
    assertEquals(FlagsConfig.defaults(), Settings.defaults().flags());
    assertEquals(MetricsConfig.defaults(), Settings.defaults().metrics());
  }

  @Test
  void anInvalidOrUnknownFlagsThresholdIsRefusedWithTheFileAndTheKey() {
    FiscalScopeException invalid = assertThrows(FiscalScopeException.class,
        () -> parse("flags:\n  robust-z:\n    threshold: -1\n"));
    assertTrue(invalid.getMessage().startsWith("test.yaml "), invalid.getMessage());
    assertTrue(invalid.getMessage().contains("flags.robust-z"), invalid.getMessage());
    FiscalScopeException unknown = assertThrows(FiscalScopeException.class,
        () -> parse("flags:\n  execution-rate:\n    warning-line: 90\n"));
    assertTrue(unknown.getMessage().startsWith("test.yaml "), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("warning-line"), unknown.getMessage());
    FiscalScopeException metrics = assertThrows(FiscalScopeException.class,
        () -> parse("metrics:\n  peer-groups: [all, town]\n"));
    assertTrue(metrics.getMessage().contains("metrics.peer-groups"), metrics.getMessage());
    FiscalScopeException baseYear = assertThrows(FiscalScopeException.class,
        () -> parse("metrics:\n  three-public:\n    base-year: 19\n"));
    assertTrue(baseYear.getMessage().startsWith("test.yaml "), baseYear.getMessage());
    assertTrue(baseYear.getMessage().contains("metrics.three-public.base-year"), baseYear.getMessage());
    assertThrows(FiscalScopeException.class, () -> parse("metrics:\n  three-public:\n    base-year: later\n"));
    assertThrows(FiscalScopeException.class, () -> parse("metrics:\n  three-public:\n    base-yr: 2019\n"));
    assertEquals(2020, parse("metrics:\n  three-public:\n    base-year: 2020\n").metrics().threePublic().baseYear());
    FiscalScopeException section = assertThrows(FiscalScopeException.class, () -> parse("flag:\n  robust-z: {}\n"));
    assertTrue(section.getMessage().contains("'flag'"), section.getMessage());
  }

  @Test
  void theLoggedAndHashedConfigurationIsTheEffectiveOneWithDefaults() {
    Map<String, String> flat = Settings.defaults().flatten();
    assertEquals("3.5", flat.get("flags.robust-z.threshold"), flat.toString());
    assertEquals("90", flat.get("flags.execution-rate.warning-below"), flat.toString());
    assertEquals("[unit, function, project]", flat.get("flags.execution-rate.levels"), flat.toString());
    assertEquals("[5, 10, 15]", flat.get("metrics.credibility.outturn-bands-pct"), flat.toString());
    assertEquals("national", flat.get("metrics.scoring.template"), flat.toString());
    assertEquals("2019", flat.get("metrics.three-public.base-year"), flat.toString());

    String defaults = Settings.defaults().hash();
    assertEquals(defaults, parse("flags:\n  robust-z:\n    threshold: 3.5\n").hash(),
        "naming a default changes nothing that runs, so nothing in the hash");
    assertEquals(defaults, parse("metrics:\n  peer-groups: [all, kind, region, class, size, parent]\n  size-bands: [20, 50, 100]\n").hash());
    assertNotEquals(defaults, parse("flags:\n  robust-z:\n    threshold: 3\n").hash());
    assertNotEquals(defaults, parse("metrics:\n  peer-groups: [all, kind]\n").hash());
  }
}
