package org.fiscalscope.document;

import java.math.BigDecimal;

/**
 * The official grade bands of a performance self-evaluation's total score: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60
 * (each band includes its lower bound). Declared once for gold.score_distribution, the report and the flags.
 */
public enum ScoreGrade {
  EXCELLENT("excellent", "优", new BigDecimal("90")),
  GOOD("good", "良", new BigDecimal("80")),
  FAIR("fair", "中", new BigDecimal("60")),
  POOR("poor", "差", null);

  private final String key;
  private final String zh;
  private final BigDecimal atLeast;

  ScoreGrade(String key, String zh, BigDecimal atLeast) {
    this.key = key;
    this.zh = zh;
    this.atLeast = atLeast;
  }

  public String key() {
    return key;
  }

  public String zh() {
    return zh;
  }

  /** The band's lower bound (included); null for the lowest band. */
  public BigDecimal atLeast() {
    return atLeast;
  }

  /** The band's upper bound (excluded); null for the highest band. */
  public BigDecimal below() {
    return ordinal() == 0 ? null : values()[ordinal() - 1].atLeast;
  }

  /** gold.score_distribution's count of the band: {@code grade_excellent} … {@code grade_poor}. */
  public String column() {
    return "grade_" + key;
  }

  /** The band of a total score; null for a null score. */
  public static ScoreGrade of(BigDecimal score) {
    if (score == null) {
      return null;
    }
    for (ScoreGrade g : values()) {
      if (g.atLeast == null || score.compareTo(g.atLeast) >= 0) {
        return g;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** "优 ≥ 90", "良 80–90", "中 60–80", "差 < 60". */
  public String range() {
    if (below() == null) {
      return zh + " ≥ " + atLeast.toPlainString();
    }
    if (atLeast == null) {
      return zh + " < " + below().toPlainString();
    }
    return zh + " " + atLeast.toPlainString() + "–" + below().toPlainString();
  }
}
