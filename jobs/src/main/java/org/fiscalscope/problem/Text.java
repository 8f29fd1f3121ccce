package org.fiscalscope.problem;

import java.io.Serializable;

/**
 * A phrase given to a {@link Problem} as an argument in both languages, where the argument itself is worded (a list
 * of missing things, a count with its plural): {@code Text.of("2 pages hold", "2 页都")}. Plain arguments (names,
 * numbers, paths) are the same in both.
 */
public record Text(String en, String zh) implements Serializable {

  public static Text of(String en, String zh) {
    return new Text(en, zh);
  }

  @Override
  public String toString() {
    return en;
  }
}
