package org.fiscalscope.document;

/**
 * The levels gold.execution judges a budget's execution at: the whole unit, a functional line, a project — each with
 * the document fields its reported rate and total score are read from, so a flag names the field it judged.
 */
public enum ExecutionLevel {
  UNIT("unit", Fields.EXECUTION_RATE_PCT, Fields.UNIT_EVAL_TOTAL_SCORE, Fields.ACTUAL_FINAL),
  FUNCTION("function", Fields.FUNCTION_EXECUTION_RATE_PCT, null, Fields.FUNCTION_ACTUAL),
  PROJECT("project", Fields.PROJECT_EXECUTION_RATE_PCT, Fields.PROJECT_TOTAL_SCORE, Fields.PROJECT_ACTUAL);

  private final String key;
  private final Field rateField;
  private final Field totalScoreField;
  private final Field actualField;

  ExecutionLevel(String key, Field rateField, Field totalScoreField, Field actualField) {
    this.key = key;
    this.rateField = rateField;
    this.totalScoreField = totalScoreField;
    this.actualField = actualField;
  }

  /** The field the level's actual spending (决算, 执行数) is read from. */
  public Field actualField() {
    return actualField;
  }

  /** The word gold.execution.level and the configuration hold: unit, function, project. */
  public String key() {
    return key;
  }

  /** The field the level's reported execution rate is read from. */
  public Field rateField() {
    return rateField;
  }

  /** The field the level's reported total score is read from; null for a functional line, which has none. */
  public Field totalScoreField() {
    return totalScoreField;
  }

  /** The level of a key, or null. */
  public static ExecutionLevel ofKey(String key) {
    for (ExecutionLevel l : values()) {
      if (l.key.equals(key)) {
        return l;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return key;
  }
}
