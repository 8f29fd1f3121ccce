package org.fiscalscope.lake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.fiscalscope.problem.Problem;

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
      throw Problem.ASOF_EMPTY.failure();
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
        throw Problem.ASOF_RUN_ZERO.failure();
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
          throw Problem.ASOF_NOT_UNDERSTOOD.failure(t);
        }
      }
    }
  }

  /** The run this point names among the recorded runs (any order). */
  public RunRecord resolve(List<RunRecord> runs) {
    if (runs.isEmpty()) {
      throw Problem.ASOF_NO_RUNS.failure(text);
    }
    List<RunRecord> ordered = runs.stream()
        .sorted(Comparator.comparing(RunRecord::finishedAt).thenComparing(RunRecord::runId)).toList();
    return switch (kind) {
      case RUN_ID -> ordered.stream().filter(r -> r.runId().equals(runId)).findFirst()
          .orElseThrow(() -> Problem.ASOF_UNKNOWN_RUN.failure(runId));
      case NUMBER -> {
        int index = number > 0 ? number - 1 : ordered.size() + number;
        if (index < 0 || index >= ordered.size()) {
          throw Problem.ASOF_OUT_OF_RANGE.failure(number, ordered.size());
        }
        yield ordered.get(index);
      }
      case INSTANT -> ordered.stream().filter(r -> !r.finishedAt().isAfter(instant))
          .reduce((a, b) -> b)
          .orElseThrow(() -> Problem.ASOF_BEFORE_FIRST_RUN.failure(text, instant, ordered.get(0).finishedAt()));
    };
  }
}
