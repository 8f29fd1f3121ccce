package org.fiscalscope.problem;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why an input is refused, as one row of bronze.rejects says it: where (the file, the row) and every problem it has,
 * most important first. Its code is the most important problem's; its line names the place and every problem with
 * its fix: {@code old.json: field fiscal_year is 1980 but must be at least 1990; correct the figure; …}.
 */
public record Refusal(String where, List<Reason> reasons) implements Serializable {

  public Refusal {
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs a reason: " + where);
    }
    reasons = List.copyOf(reasons);
  }

  public static Refusal of(String where, Reason reason) {
    return new Refusal(where, List.of(reason));
  }

  public static Refusal of(String where, List<Reason> reasons) {
    return new Refusal(where, reasons);
  }

  /** The code of the most important problem: what bronze.rejects.reason_code holds. */
  public String code() {
    return reasons.get(0).code();
  }

  /** The reason of bronze.rejects: {@code <where>: <problem; fix>; <problem; fix>.} */
  public String line() {
    return Problem.sentence(where + ": " + reasons.stream().map(Reason::en).collect(Collectors.joining("; ")));
  }

  @Override
  public String toString() {
    return "[" + code() + "] " + line();
  }
}
