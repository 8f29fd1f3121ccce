package org.fiscalscope.generate;

/** The kinds of anomaly the generator plants; {@link #id()} is the string written to the manifest. */
public enum AnomalyKind {
  /** One project's execution rate (执行数 ÷ 预算数) is 60–88%. */
  LOW_EXECUTION_PROJECT("low_execution_project"),
  /** The unit's actual ÷ initial budget is 60–88%. */
  LOW_EXECUTION_UNIT("low_execution_unit"),
  /** A three-public category's actual rises over the prior year (breaks 只减不增). */
  THREE_PUBLIC_INCREASE("three_public_increase"),
  /** A three-public category's actual is above its budget. */
  OVER_BUDGET("over_budget"),
  /** A project reports total score 100 although its execution rate is below 90%. */
  PERFECT_SCORE_LOW_EXECUTION("perfect_score_low_execution"),
  /** A project's execution score or total score does not follow the printed scoring rules. */
  SCORE_MISMATCH("score_mismatch"),
  /** Parts that should add up to a total do not (beyond rounding). */
  PARTS_NOT_ADDING_UP("parts_not_adding_up"),
  /** The three-public total (actual, or the budget alone) rises over the prior year (breaks 只减不增); opt-in. */
  THREE_PUBLIC_TOTAL_INCREASE("three_public_total_increase"),
  /** A project indicator scores above the weight its table prints (得分不得突破权重); opt-in with the weight templates. */
  SCORE_ABOVE_WEIGHT("score_above_weight"),
  /** The unit spends 112–140% of its initial budget, beyond any carry-over it states; opt-in (budget phases). */
  OVER_EXECUTION("over_execution"),
  /** Each rule passes, but the combination of cost ratios is unusual for the unit's peers. */
  MULTIVARIATE("multivariate");

  private final String id;

  AnomalyKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The kind with this manifest id. */
  public static AnomalyKind of(String id) {
    for (AnomalyKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown anomaly kind " + id);
  }

  /** Needs a unit with non-zero three-public costs. */
  boolean needsThreePublic() {
    return this == THREE_PUBLIC_INCREASE || this == OVER_BUDGET || this == THREE_PUBLIC_TOTAL_INCREASE;
  }

  /** Needs a prior generated year to compare with. */
  boolean needsPriorYear() {
    return this == THREE_PUBLIC_INCREASE || this == THREE_PUBLIC_TOTAL_INCREASE;
  }
}
