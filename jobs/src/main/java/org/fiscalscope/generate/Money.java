package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Exact 万元 arithmetic for the generator: two decimals, HALF_UP, random draws made in integer cents or basis points. */
final class Money {

  static final BigDecimal ZERO = new BigDecimal("0.00");
  static final BigDecimal HUNDRED = new BigDecimal("100");

  private Money() {}

  static BigDecimal cents(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  static BigDecimal round2(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  /** A uniformly drawn fraction in [minBp, maxBp] basis points (1 bp = 0.0001). */
  static BigDecimal fraction(Random random, int minBp, int maxBp) {
    return BigDecimal.valueOf(minBp + random.nextInt(maxBp - minBp + 1), 4);
  }

  /** A uniformly drawn amount in [min, max] 万元, in whole cents. */
  static BigDecimal amount(Random random, BigDecimal min, BigDecimal max) {
    long lo = min.movePointRight(2).longValueExact();
    long hi = max.movePointRight(2).longValueExact();
    return cents(lo + (long) (random.nextDouble() * (hi - lo + 1)));
  }

  /** {@code value × fraction}, rounded to cents. */
  static BigDecimal times(BigDecimal value, BigDecimal fraction) {
    return round2(value.multiply(fraction));
  }

  /** {@code value × fraction}, rounded down to cents (never above the exact product). */
  static BigDecimal timesDown(BigDecimal value, BigDecimal fraction) {
    return value.multiply(fraction).setScale(2, RoundingMode.DOWN);
  }

  /** Percent as printed: round(part ÷ whole × 100, 2); zero when the whole is zero. */
  static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return ZERO;
    }
    return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }

  /** Execution score: round(weight × min(actual ÷ budget, 1), 2). */
  static BigDecimal executionScore(BigDecimal weight, BigDecimal actual, BigDecimal budget) {
    if (budget.signum() == 0 || actual.compareTo(budget) >= 0) {
      return weight.setScale(2, RoundingMode.HALF_UP);
    }
    return weight.multiply(actual).divide(budget, 2, RoundingMode.HALF_UP);
  }

  static BigDecimal sum(List<BigDecimal> values) {
    BigDecimal total = ZERO;
    for (BigDecimal v : values) {
      total = total.add(v);
    }
    return total;
  }

  /**
   * Splits {@code total} into parts proportional to integer weights; the last part takes the rounding
   * remainder, so the parts add up to the total exactly.
   */
  static List<BigDecimal> split(BigDecimal total, int[] weights) {
    long weightSum = 0;
    for (int w : weights) {
      weightSum += w;
    }
    List<BigDecimal> parts = new ArrayList<>(weights.length);
    BigDecimal assigned = ZERO;
    for (int i = 0; i < weights.length - 1; i++) {
      BigDecimal part = total.multiply(BigDecimal.valueOf(weights[i]))
          .divide(BigDecimal.valueOf(weightSum), 2, RoundingMode.HALF_UP);
      parts.add(part);
      assigned = assigned.add(part);
    }
    parts.add(total.subtract(assigned));
    return parts;
  }

  /**
   * {@code total} in parts proportional to {@code weights}, each rounded to the cent, the rounding remainder on the
   * largest weight, so the parts add up exactly and none exceeds its weight's share by more than a cent.
   */
  static BigDecimal[] proportional(BigDecimal total, List<BigDecimal> weights) {
    BigDecimal sum = Money.sum(weights);
    BigDecimal[] parts = new BigDecimal[weights.size()];
    int largest = 0;
    BigDecimal assigned = Money.ZERO;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = sum.signum() == 0 ? Money.ZERO
          : total.multiply(weights.get(i)).divide(sum, 2, RoundingMode.HALF_UP);
      assigned = assigned.add(parts[i]);
      if (weights.get(i).compareTo(weights.get(largest)) > 0) {
        largest = i;
      }
    }
    if (parts.length > 0) {
      parts[largest] = parts[largest].add(total.subtract(assigned));
    }
    return parts;
  }

  static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
