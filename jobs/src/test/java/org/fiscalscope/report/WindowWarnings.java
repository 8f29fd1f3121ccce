package org.fiscalscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Spark's warning of a window without a partition, which a report must not print. */
final class WindowWarnings {

  private WindowWarnings() {}

  /**
   * Runs {@code work}, failing if Spark warned of a window without a partition (one task for all rows): a warning
   * every report would print on the console.
   */
  static <T> T none(java.util.function.Supplier<T> work) {
    org.apache.logging.log4j.core.Logger window = (org.apache.logging.log4j.core.Logger)
        org.apache.logging.log4j.LogManager.getLogger("org.apache.spark.sql.execution.window.WindowExec");
    List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    var appender = new org.apache.logging.log4j.core.appender.AbstractAppender("window-warnings", null, null, true,
        org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
      @Override
      public void append(org.apache.logging.log4j.core.LogEvent event) {
        warnings.add(event.getMessage().getFormattedMessage());
      }
    };
    appender.start();
    org.apache.logging.log4j.Level level = window.getLevel();
    window.setLevel(org.apache.logging.log4j.Level.WARN);
    window.addAppender(appender);
    try {
      T result = work.get();
      assertEquals(List.of(), warnings);
      return result;
    } finally {
      window.removeAppender(appender);
      window.setLevel(level);
      appender.stop();
    }
  }
}
