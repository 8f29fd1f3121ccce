package org.fiscalscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.junit.jupiter.api.Test;

/** conf/log4j2.properties: PDFBox's and FontBox's messages and stack traces go to the log file, never the console. */
class LogConfigTest {

  @Test
  void pdfBoxLogsIntoTheFileOnlyWithItsStackTracesAndFiscalScopeOnTheConsole() throws IOException {
    Path dir = Files.createTempDirectory("fiscalscope-log");
    String before = System.getProperty("fiscalscope.log.dir");
    LoggerContext context = new LoggerContext("log-config-test");
    try {
      System.setProperty("fiscalscope.log.dir", dir.toString());
      context.start(new PropertiesConfigurationFactory().getConfiguration(context,
          new ConfigurationSource(Files.newInputStream(Path.of("conf/log4j2.properties")))));
      Configuration config = context.getConfiguration();
      for (String logger : List.of("org.apache.pdfbox.cos.COSObject", "org.apache.fontbox.ttf.CmapSubtable")) {
        LoggerConfig routed = config.getLoggerConfig(logger);
        assertEquals(Set.of("file"), routed.getAppenders().keySet(), logger + " logs into the file");
        assertFalse(routed.isAdditive(), logger + " does not reach the root logger's console");
      }
      LoggerConfig own = config.getLoggerConfig("org.fiscalscope.cli.ErrorHandler");
      assertTrue(own.isAdditive() && config.getRootLogger().getAppenders().containsKey("console"),
          "FiscalScope's own warnings still reach the console");
      context.getLogger("org.apache.pdfbox.cos.COSObject").error("Can't dereference COSObject{3 0 R}", deep(600));
      context.getLogger("org.apache.fontbox.ttf.CmapSubtable").warn("Format 14 cmap table is not supported");
    } finally {
      context.stop();
      if (before == null) {
        System.clearProperty("fiscalscope.log.dir");
      } else {
        System.setProperty("fiscalscope.log.dir", before);
      }
    }
    String log = Files.readString(dir.resolve("fiscalscope.log"), StandardCharsets.UTF_8);
    assertTrue(log.contains("Can't dereference COSObject{3 0 R}") && log.contains("Format 14 cmap")
        && log.lines().filter(l -> l.strip().startsWith("at ")).count() > 500, "the file keeps the stack trace");
  }

  /** An exception thrown {@code depth} calls deep, as PDFBox's parser throws at its recursion limit. */
  private static Exception deep(int depth) {
    try {
      recurse(depth);
      return null;
    } catch (IllegalStateException e) {
      return e;
    }
  }

  private static void recurse(int depth) {
    if (depth == 0) {
      throw new IllegalStateException("Reached maximum recursion depth 500");
    }
    recurse(depth - 1);
  }
}
