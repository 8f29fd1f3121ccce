package org.fiscalscope.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One line per stage on stderr: when it starts and, when it ends, its time and counts. */
public final class Progress {

  private final PrintStream out;
  private final int stages;
  private int current;

  public Progress(PrintStream out, int stages) {
    this.out = out;
    this.stages = stages;
  }

  public void start(String stage, String detail) {
    current++;
    out.printf(Locale.ROOT, "[%d/%d] %-9s %s%n", current, stages, stage, detail);
    out.flush();
  }

  public void done(StageReport report) {
    String counts = report.counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
        .collect(Collectors.joining(", "));
    out.printf(Locale.ROOT, "      %-9s done in %.1f s%s%n", report.name(), report.seconds(),
        counts.isEmpty() ? "" : ": " + counts);
    out.flush();
  }

  public void line(String text) {
    out.println(text);
    out.flush();
  }

  static Map<String, Long> counts(Object... pairs) {
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return m;
  }
}
