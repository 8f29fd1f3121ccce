package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.Indicator;
import org.fiscalscope.document.ScoringTemplate;

/**
 * Builds 绩效自评 tables that follow the printed scoring rules exactly: execution score = weight × min(B/A, 1)
 * rounded to cents; a positive indicator (≥X, =X) scores weight × actual/target, a negative one (≤X) weight ×
 * target/actual, never above the weight; qualitative indicators that are met score the full weight;
 * total = execution score + indicator scores. With a weight template the tables print their execution weight (the
 * indicators share the rest of 100); without one they print none and are scored at 20 (project) and 25 (unit).
 */
final class SelfEvaluation {

  static final BigDecimal PROJECT_WEIGHT = new BigDecimal("20");
  static final BigDecimal UNIT_WEIGHT = new BigDecimal("25");

  private static final String OUTPUT = "产出指标";
  private static final String BENEFIT = "效益指标";
  private static final String SATISFACTION = "满意度指标";

  /** Whether percentage indicators may fall a little short of their target (scored by the rule) or are all met. */
  enum Targets { MAY_FALL_SHORT, ALL_MET }

  /** How a project's reported scores depart from the rules (only for planted anomalies). */
  enum Twist { NONE, PERFECT_SCORE, EXECUTION_SCORE_FULL, TOTAL_OFF, ABOVE_WEIGHT }

  private SelfEvaluation() {}

  /** The execution weight of a project table under {@code template} (null: the unprinted 20). */
  static BigDecimal projectWeight(ScoringTemplate template) {
    return template == null ? PROJECT_WEIGHT : template.projectExecutionWeight();
  }

  static Evaluation project(String name, String category, BigDecimal budget, BigDecimal actual, Twist twist,
      ScoringTemplate template, Random random) {
    Targets targets = twist == Twist.PERFECT_SCORE ? Targets.ALL_MET : Targets.MAY_FALL_SHORT;
    BigDecimal weight = projectWeight(template);
    List<Indicator> indicators = projectIndicators(budget, actual, targets, 100 - weight.intValueExact(), random);
    if (twist == Twist.ABOVE_WEIGHT) {
      indicators = aboveWeight(indicators, random);
    }
    BigDecimal rate = Money.pct(actual, budget);
    BigDecimal executionScore = switch (twist) {
      case PERFECT_SCORE, EXECUTION_SCORE_FULL -> weight.setScale(2);
      default -> Money.executionScore(weight, actual, budget);
    };
    BigDecimal total = executionScore.add(Money.sum(indicators.stream().map(Indicator::score).toList()));
    if (twist == Twist.TOTAL_OFF) {
      BigDecimal delta = BigDecimal.valueOf(2 + random.nextInt(7)).setScale(2);
      total = total.add(delta).compareTo(new BigDecimal("100")) <= 0 ? total.add(delta) : total.subtract(delta);
    }
    return new Evaluation(name, category, budget, actual, rate, executionScore, total,
        template == null ? null : weight.setScale(2), indicators);
  }

  /**
   * One indicator (not the first) scored 1–5 points above the weight it prints, the points taken from another
   * indicator that has them, so the total stays what the rules give (at most 100) and only the indicator is off.
   */
  private static List<Indicator> aboveWeight(List<Indicator> indicators, Random random) {
    List<Indicator> list = new ArrayList<>(indicators);
    int k = 1 + random.nextInt(list.size() - 1);
    BigDecimal extra = BigDecimal.valueOf(1 + random.nextInt(5));
    Indicator in = list.get(k);
    list.set(k, new Indicator(in.level1(), in.level2(), in.name(), in.target(), in.actual(), in.weight(),
        in.weight().add(extra)));
    BigDecimal owed = in.weight().add(extra).subtract(in.score());
    for (int j = 0; j < list.size() && owed.signum() > 0; j++) {
      Indicator other = list.get(j);
      if (j != k) {
        BigDecimal taken = Money.min(owed, other.score());
        list.set(j, new Indicator(other.level1(), other.level2(), other.name(), other.target(), other.actual(),
            other.weight(), other.score().subtract(taken)));
        owed = owed.subtract(taken);
      }
    }
    return List.copyOf(list);
  }

  static Evaluation unit(BigDecimal budget, BigDecimal actual, ScoringTemplate template, Random random) {
    BigDecimal weight = template == null ? UNIT_WEIGHT : template.unitExecutionWeight();
    BigDecimal rate = Money.pct(actual, budget);
    List<Indicator> indicators = unitIndicators(rate, 100 - weight.intValueExact(), random);
    BigDecimal executionScore = Money.executionScore(weight, actual, budget);
    BigDecimal total = executionScore.add(Money.sum(indicators.stream().map(Indicator::score).toList()));
    return new Evaluation(null, null, budget, actual, rate, executionScore, total,
        template == null ? null : weight.setScale(2), indicators);
  }

  private static List<Indicator> projectIndicators(BigDecimal budget, BigDecimal actual, Targets targets,
      int points, Random random) {
    int count = 4 + random.nextInt(5);
    int[] weights = weights(points, count, random);
    List<Indicator> list = new ArrayList<>(count);
    list.add(quantity(weights[0], random));
    list.add(new Indicator(OUTPUT, "成本指标", "项目成本控制", "≤" + plain(budget) + "万元",
        plain(actual) + "万元", weight(weights[1]), weight(weights[1])));
    list.add(socialBenefit(weights[2], targets, random));
    for (int i = 3; i < count - 1; i++) {
      list.add(switch (random.nextInt(4)) {
        case 0 -> quantity(weights[i], random);
        case 1 -> quality(weights[i], targets, random);
        case 2 -> timeliness(weights[i], targets, random);
        default -> socialBenefit(weights[i], targets, random);
      });
    }
    list.add(satisfaction(weights[count - 1], targets, random));
    return List.copyOf(list);
  }

  private static List<Indicator> unitIndicators(BigDecimal unitRatePct, int points, Random random) {
    int count = 4 + random.nextInt(5);
    int[] weights = weights(points, count, random);
    List<Indicator> list = new ArrayList<>(count);
    int tasks = 6 + random.nextInt(15);
    list.add(met(OUTPUT, "数量指标", "年度重点工作任务完成数", "=" + tasks + "项", tasks + "项", weights[0]));
    list.add(percentAtLeast(OUTPUT, "成本指标", "部门预算执行率", new BigDecimal("90"), unitRatePct, weights[1]));
    list.add(socialBenefit(weights[2], Targets.MAY_FALL_SHORT, random));
    for (int i = 3; i < count - 1; i++) {
      list.add(switch (random.nextInt(3)) {
        case 0 -> quality(weights[i], Targets.MAY_FALL_SHORT, random);
        case 1 -> timeliness(weights[i], Targets.MAY_FALL_SHORT, random);
        default -> met(OUTPUT, "质量指标", "重点工作完成质量", "优", "优", weights[i]);
      });
    }
    list.add(satisfaction(weights[count - 1], Targets.MAY_FALL_SHORT, random));
    return List.copyOf(list);
  }

  /** Weights in steps of 5 adding up to {@code total}, evenly spread with a little variation, each at least 5. */
  private static int[] weights(int total, int count, Random random) {
    int[] steps = new int[count];
    int all = total / 5;
    java.util.Arrays.fill(steps, all / count);
    for (int left = all - (all / count) * count; left > 0; left--) {
      steps[random.nextInt(count)]++;
    }
    for (int moves = random.nextInt(3); moves > 0; moves--) {
      int from = random.nextInt(count);
      if (steps[from] > 1) {
        steps[from]--;
        steps[random.nextInt(count)]++;
      }
    }
    for (int i = 0; i < count; i++) {
      steps[i] *= 5;
    }
    return steps;
  }

  private static Indicator quantity(int weight, Random random) {
    String[][] names = {{"开展活动场次", "场"}, {"服务对象人次", "人次"}, {"完成任务数量", "项"},
        {"培训人次", "人次"}, {"设备购置数量", "台"}, {"巡查检查次数", "次"}};
    String[] pick = names[random.nextInt(names.length)];
    int target = switch (pick[1]) {
      case "人次" -> 100 * (1 + random.nextInt(30));
      default -> 2 + random.nextInt(30);
    };
    if (random.nextBoolean()) {
      int done = target + random.nextInt(Math.max(1, target / 5 + 1));
      return met(OUTPUT, "数量指标", pick[0], "≥" + target + pick[1], done + pick[1], weight);
    }
    return met(OUTPUT, "数量指标", pick[0], "=" + target + pick[1], target + pick[1], weight);
  }

  private static Indicator quality(int weight, Targets targets, Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> met(OUTPUT, "质量指标", "验收合格率", "=100%", "100%", weight);
      case 1 -> percentTarget(OUTPUT, "质量指标", "服务质量达标率", 95, weight, targets, random);
      default -> met(OUTPUT, "质量指标", "工作完成质量", "优", "优", weight);
    };
  }

  private static Indicator timeliness(int weight, Targets targets, Random random) {
    return random.nextBoolean()
        ? met(OUTPUT, "时效指标", "任务按时完成率", "=100%", "100%", weight)
        : percentTarget(OUTPUT, "时效指标", "资金支付及时率", 95, weight, targets, random);
  }

  private static Indicator socialBenefit(int weight, Targets targets, Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> percentTarget(BENEFIT, "社会效益指标", "群众知晓率", 90, weight, targets, random);
      case 1 -> met(BENEFIT, "社会效益指标", "政策落实到位率", "=100%", "100%", weight);
      default -> met(BENEFIT, "社会效益指标", "社会效益", "显著", "显著", weight);
    };
  }

  private static Indicator satisfaction(int weight, Targets targets, Random random) {
    int target = random.nextBoolean() ? 90 : 95;
    return percentTarget(SATISFACTION, "服务对象满意度指标", "服务对象满意度", target, weight, targets, random);
  }

  /** "≥T%": usually met (T–100%), sometimes (6%) a little short, scored weight × actual/target. */
  private static Indicator percentTarget(String level1, String level2, String name, int target, int weight,
      Targets targets, Random random) {
    int tenths;
    if (targets == Targets.MAY_FALL_SHORT && random.nextInt(100) < 6) {
      tenths = target * 10 - 1 - random.nextInt(50);
    } else {
      tenths = target * 10 + random.nextInt((100 - target) * 10 + 1);
    }
    return percentAtLeast(level1, level2, name, BigDecimal.valueOf(target), BigDecimal.valueOf(tenths, 1), weight);
  }

  private static Indicator percentAtLeast(String level1, String level2, String name, BigDecimal target,
      BigDecimal actualPct, int weight) {
    BigDecimal w = weight(weight);
    BigDecimal score = actualPct.compareTo(target) >= 0
        ? w
        : w.multiply(actualPct).divide(target, 2, RoundingMode.HALF_UP);
    return new Indicator(level1, level2, name, "≥" + plain(target) + "%", plain(actualPct) + "%", w, score);
  }

  private static Indicator met(String level1, String level2, String name, String target, String actual,
      int weight) {
    return new Indicator(level1, level2, name, target, actual, weight(weight), weight(weight));
  }

  private static BigDecimal weight(int weight) {
    return BigDecimal.valueOf(weight).setScale(2);
  }

  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
