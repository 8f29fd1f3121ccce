package org.fiscalscope.lake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.fiscalscope.FiscalScopeException;

/**
 * A point in the lake's history named by an auditor: {@code latest}, {@code previous}, a run id, a run number
 * (1 = first run in ops.runs, -1 = latest, -2 = the one before) or a date/timestamp (the last run finished by then;
 * a bare date means by the end of that day, UTC). Resolved against the runs recorded in ops.runs.
 */
public record AsOf(Kind kind, String runId, int number, Instant instant, String text) {

  /** How the point was named. */
  public enum Kind { RUN_ID, NUMBER, INSTANT }

  private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,6}");

  public static AsOf parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new FiscalScopeException("as-of needs a run id, a run number, latest, previous or a date, e.g. 2026-03-03");
    }
    if (t.equalsIgnoreCase("latest")) {
      return new AsOf(Kind.NUMBER, null, -1, null, t);
    }
    if (t.equalsIgnoreCase("previous")) {
      return new AsOf(Kind.NUMBER, null, -2, null, t);
    }
    if (RUN_ID.matcher(t).matches()) {
      return new AsOf(Kind.RUN_ID, t, 0, null, t);
    }
    if (NUMBER.matcher(t).matches()) {
      int n = Integer.parseInt(t);
      if (n == 0) {
        throw new FiscalScopeException("as-of run number 0 does not exist: runs count from 1 (first) or back from -1 (latest)");
      }
      return new AsOf(Kind.NUMBER, null, n, null, t);
    }
    return new AsOf(Kind.INSTANT, null, 0, instant(t), t);
  }

  private static Instant instant(String t) {
    try {
      return LocalDate.parse(t).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    } catch (DateTimeParseException notDate) {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException notInstant) {
        try {
          return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw new FiscalScopeException("as-of '" + t + "' is neither a run id (20261129T170102Z-3fa1), a run number,"
              + " latest, previous, a date (2026-03-03) nor a timestamp (2026-03-03T12:00:00Z)");
        }
      }
    }
  }

  /** The run this point names among the recorded runs (any order). */
  public RunRecord resolve(List<RunRecord> runs) {
    if (runs.isEmpty()) {
      throw new FiscalScopeException("as-of " + text + ": ops.runs records no run yet; run `fiscalscope nightly` first");
    }
    List<RunRecord> ordered = runs.stream()
        .sorted(Comparator.comparing(RunRecord::finishedAt).thenComparing(RunRecord::runId)).toList();
    return switch (kind) {
      case RUN_ID -> ordered.stream().filter(r -> r.runId().equals(runId)).findFirst()
          .orElseThrow(() -> new FiscalScopeException("as-of run " + runId + " is not in ops.runs; list runs with"
              + " SELECT run_id, finished_at FROM ops.runs ORDER BY finished_at"));
      case NUMBER -> {
        int index = number > 0 ? number - 1 : ordered.size() + number;
        if (index < 0 || index >= ordered.size()) {
          throw new FiscalScopeException("as-of run number " + number + " is out of range: ops.runs holds "
              + ordered.size() + " run(s)");
        }
        yield ordered.get(index);
      }
      case INSTANT -> ordered.stream().filter(r -> !r.finishedAt().isAfter(instant))
          .reduce((a, b) -> b)
          .orElseThrow(() -> new FiscalScopeException("as-of " + text + ": no run had finished by " + instant
              + "; the first run finished at " + ordered.get(0).finishedAt()));
    };
  }
}
