package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fiscalscope.document.Assets;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.ScoringTemplate;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Performance;
import org.fiscalscope.document.Procurement;
import org.fiscalscope.document.Source;
import org.fiscalscope.document.ThreePublic;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.Totals;

/**
 * Builds one unit-year's final account from the unit's profile and history, and plants the anomaly the plan
 * asks for. Without an anomaly every figure obeys the rules the flags check: unit, function and project
 * execution 90.5–100%, three-public actuals never above last year nor above budget, scores exactly by the
 * printed rules, and every part adding up to its total to the cent.
 */
final class UnitYearBuilder {

  /** A generated document and the anomaly planted in it, if any. */
  record UnitYear(FinalAccount document, PlantedAnomaly anomaly) {}

  private static final BigDecimal ONE = BigDecimal.ONE;
  /** A three-public category that started above this never declines below it, so planted anomalies have a base. */
  private static final BigDecimal FLOOR = new BigDecimal("0.30");

  private final UnitProfile profile;
  private final LastYear history;
  private final Random random;
  private final int year;
  private final AnomalyKind planned;
  /** Keep the three-public totals from rising unless a total rise is planted (see GeneratorSpec). */
  private final boolean threePublicTotals;
  /** The weight template the unit's self-evaluation tables print; null: they print none (scored at 20 and 25). */
  private final ScoringTemplate template;
  /** State the full-year budget and the carry-over funding the year beside the initial budget (see GeneratorSpec). */
  private final boolean budgetPhases;
  private PlantedAnomaly anomaly;
  /** How briskly the unit spends this year: 0 brisk (60%), 1 steady (30%), 2 slow (10%); all stay at or above 91%. */
  private int pace;

  private UnitYearBuilder(UnitProfile profile, LastYear history, Random random, int year, AnomalyKind planned,
      boolean threePublicTotals, ScoringTemplate template, boolean budgetPhases) {
    this.threePublicTotals = threePublicTotals;
    this.template = template;
    this.budgetPhases = budgetPhases;
    this.profile = profile;
    this.history = history;
    this.random = random;
    this.year = year;
    this.planned = planned;
  }

  /** Builds the year and advances {@code history} to it. {@code planned} may be null (no anomaly). */
  static UnitYear build(UnitProfile profile, LastYear history, Random random, int year, AnomalyKind planned,
      boolean threePublicTotals, ScoringTemplate template, boolean budgetPhases) {
    UnitYearBuilder builder = new UnitYearBuilder(profile, history, random, year, planned, threePublicTotals, template,
        budgetPhases);
    FinalAccount doc = builder.document();
    return new UnitYear(doc, builder.anomaly);
  }

  private boolean is(AnomalyKind kind) {
    return planned == kind;
  }

  private void plant(String subject, String detail) {
    plant(planned, subject, detail);
  }

  private void plant(AnomalyKind kind, String subject, String detail) {
    anomaly = new PlantedAnomaly(profile.unit().code(), year, kind.id(), subject, detail);
  }

  private FinalAccount document() {
    boolean first = history.years == 0;
    int paceRoll = random.nextInt(100);
    pace = paceRoll < 60 ? 0 : paceRoll < 90 ? 1 : 2;
    BigDecimal listed = first ? profile.initialBudget() : Money.times(history.budget, Money.fraction(random, 9200, 11500));
    boolean multivariate = is(AnomalyKind.MULTIVARIATE);

    BigDecimal projectBudget = Money.times(listed, multivariate
        ? Money.fraction(random, 8000, 8800) : Money.fraction(random, 3500, 6500));
    BigDecimal basicBudget = listed.subtract(projectBudget);

    List<Evaluation> projects = projects(projectBudget);
    BigDecimal projectExpenditure = Money.sum(projects.stream().map(Evaluation::actual).toList());

    BigDecimal basic = Money.timesDown(basicBudget, switch (pace) {
      case 0 -> Money.fraction(random, 9700, 10000);
      case 1 -> Money.fraction(random, 9400, 9900);
      default -> Money.fraction(random, 9200, 9600);
    });
    BigDecimal personnel = Money.times(basic, multivariate
        ? Money.fraction(random, 5500, 7000) : Money.fraction(random, 8000, 9500));
    BigDecimal publicExpense = basic.subtract(personnel);
    BigDecimal expenditure = basic.add(projectExpenditure);

    BigDecimal budgetInitial = listed;
    BigDecimal carryover = null;
    if (is(AnomalyKind.LOW_EXECUTION_UNIT)) {
      BigDecimal target = Money.fraction(random, 6200, 8700);
      budgetInitial = expenditure.divide(target, 2, RoundingMode.UP);
      plant("unit", "unit executed " + expenditure + " of initial budget " + budgetInitial + " ("
          + Money.pct(expenditure, budgetInitial) + "%); the unlisted part of the budget was not spent");
    } else if (budgetPhases && is(AnomalyKind.OVER_EXECUTION)) {
      budgetInitial = expenditure.divide(Money.fraction(random, 11200, 14000), 2, RoundingMode.DOWN);
      if (random.nextBoolean()) {
        carryover = Money.times(expenditure, Money.fraction(random, 100, 300));
      }
      plant("unit", "unit spent " + expenditure + " against an initial budget of " + budgetInitial + " ("
          + Money.pct(expenditure, budgetInitial) + "%), " + (carryover == null ? "stating no carry-over"
          : "of which only " + carryover + " funded by stated carry-over"));
    } else if (budgetPhases && random.nextInt(100) < 12) {
      // Spending above the initial budget funded by carry-over from earlier years: 6–15% of the year's spending,
      // so that net of it the unit stays within its initial budget.
      carryover = Money.times(expenditure, Money.fraction(random, 600, 1500));
      budgetInitial = expenditure.subtract(carryover).divide(Money.fraction(random, 9600, 10000), 2, RoundingMode.UP);
    }
    List<FunctionLine> functions = functions(budgetInitial, expenditure);
    if (carryover != null && !is(AnomalyKind.OVER_EXECUTION)) {
      functions = withLineCarryover(functions, carryover);
    }
    BigDecimal budgetAdjusted = null;
    if (budgetPhases) {
      budgetAdjusted = is(AnomalyKind.LOW_EXECUTION_UNIT) ? budgetInitial
          : Money.max(expenditure.divide(Money.fraction(random, 9100, 10000), 2, RoundingMode.UP),
              carryover == null ? Money.ZERO : budgetInitial.add(carryover));
    }

    BigDecimal carryoverBegin = first
        ? (random.nextInt(100) < 60 ? Money.ZERO : Money.times(expenditure, Money.fraction(random, 50, 500)))
        : history.carryoverEnd;
    BigDecimal carryoverEnd = random.nextInt(100) < 55
        ? Money.ZERO : Money.times(expenditure, Money.fraction(random, 50, 400));
    BigDecimal income = expenditure.add(carryoverEnd).subtract(carryoverBegin);
    if (income.signum() <= 0) {
      carryoverEnd = carryoverBegin;
      income = expenditure;
    }
    BigDecimal total = income.add(carryoverBegin);

    BigDecimal appropriation = switch (profile.unit().kind()) {
      case "事业" -> income.subtract(Money.times(income, Money.fraction(random, 0, 2500)));
      default -> random.nextInt(100) < 85 ? income : income.subtract(Money.times(income, Money.fraction(random, 50, 500)));
    };
    BigDecimal govFund = profile.template().sector().equals("212") && random.nextBoolean()
        ? Money.times(appropriation, Money.fraction(random, 500, 3000)) : Money.ZERO;
    BigDecimal soeCapital = Money.ZERO;
    BigDecimal general = appropriation.subtract(govFund).subtract(soeCapital);

    BigDecimal priorTotal = first
        ? total.divide(Money.fraction(random, 9000, 11500), 2, RoundingMode.HALF_UP)
        : history.expenditureTotal;
    BigDecimal yoyAmount = total.subtract(priorTotal);

    ThreePublic threePublic = threePublic();

    boolean administrative = !profile.unit().kind().equals("事业");
    BigDecimal operatingCosts = administrative
        ? Money.timesDown(publicExpense, Money.fraction(random, 8500, 10000)) : Money.ZERO;

    Procurement procurement = procurement(expenditure, multivariate);
    Assets assets = new Assets(profile.vehicles(),
        profile.template().sector().equals("210") ? random.nextInt(4) : (random.nextInt(100) < 10 ? 1 : 0));

    if (is(AnomalyKind.PARTS_NOT_ADDING_UP)) {
      BigDecimal delta = Money.max(new BigDecimal("1.00"), Money.times(basic, Money.fraction(random, 100, 400)));
      switch (random.nextInt(4)) {
        case 0 -> {
          plant("unit", "basic " + basic.add(delta) + " + project " + projectExpenditure + " = "
              + basic.add(delta).add(projectExpenditure) + " but expenditure_this_year is " + expenditure);
          basic = basic.add(delta);
          personnel = personnel.add(delta);
        }
        case 1 -> {
          plant("unit", "personnel " + personnel.add(delta) + " + public " + publicExpense + " = "
              + personnel.add(delta).add(publicExpense) + " but basic_expenditure is " + basic);
          personnel = personnel.add(delta);
        }
        case 2 -> {
          BigDecimal services = procurement.services().add(delta);
          plant("procurement", "goods " + procurement.goods() + " + works " + procurement.works() + " + services "
              + services + " = " + procurement.goods().add(procurement.works()).add(services)
              + " but procurement total is " + procurement.total());
          procurement = new Procurement(procurement.total(), procurement.goods(), procurement.works(), services,
              procurement.smeAwarded(), procurement.smallMicroAwarded());
        }
        default -> {
          FunctionLine line = functions.get(0);
          BigDecimal actual = line.actual().add(delta);
          List<FunctionLine> changed = new ArrayList<>(functions);
          changed.set(0, new FunctionLine(line.code(), line.name(), line.budgetInitial(), actual,
              Money.pct(actual, line.budgetInitial()), line.sharePct()));
          functions = List.copyOf(changed);
          plant("functions", "functional lines add up to " + expenditure.add(delta)
              + " but expenditure_this_year is " + expenditure + " (line " + line.code() + " +" + delta + ")");
        }
      }
    }
    if (multivariate) {
      plant("unit", "project share " + Money.pct(projectExpenditure, expenditure) + "%, public expense "
          + Money.pct(publicExpense, basic) + "% of basic, procurement " + Money.pct(procurement.total(), expenditure)
          + "% of expenditure: each within the rules, together unusual for its peers");
    }

    Evaluation unitEvaluation = SelfEvaluation.unit(budgetInitial, expenditure, template, random);
    Totals totals = new Totals(total, expenditure.add(carryoverEnd), income, expenditure, carryoverBegin,
        carryoverEnd, appropriation, general, govFund, soeCapital, basic, projectExpenditure, personnel,
        publicExpense, budgetInitial, expenditure, Money.pct(expenditure, budgetInitial), priorTotal, yoyAmount,
        Money.pct(yoyAmount, priorTotal), null, null, null, budgetAdjusted, carryover);

    history.budget = listed;
    history.carryoverEnd = carryoverEnd;
    history.expenditureTotal = totals.expenditureTotal();
    history.years++;

    String file = profile.unit().code() + "-" + year + ".json";
    return new FinalAccount(FinalAccount.SCHEMA_VERSION, year, FinalAccount.AMOUNT_UNIT, profile.unit(),
        new Source("json", file, null), totals, functions, threePublic, operatingCosts, procurement, assets,
        new Performance(unitEvaluation, projects), List.of(), null);
  }

  /** Project budgets split from the project budget, mostly fully executed; one may carry the planted anomaly. */
  private List<Evaluation> projects(BigDecimal projectBudget) {
    List<UnitProfile.ProjectSlot> roster = profile.projects();
    int[] weights = new int[roster.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = roster.get(i).weight() * (80 + random.nextInt(41));
    }
    List<BigDecimal> budgets = Money.split(projectBudget, weights);
    int target = -1;
    if (is(AnomalyKind.LOW_EXECUTION_PROJECT) || is(AnomalyKind.PERFECT_SCORE_LOW_EXECUTION)
        || is(AnomalyKind.SCORE_MISMATCH) || is(AnomalyKind.SCORE_ABOVE_WEIGHT)) {
      target = random.nextInt(roster.size());
      if (budgets.get(target).compareTo(new BigDecimal("10")) < 0) {
        target = largest(budgets);
      }
    }
    List<Evaluation> evaluations = new ArrayList<>(roster.size());
    for (int i = 0; i < roster.size(); i++) {
      UnitProfile.ProjectSlot slot = roster.get(i);
      BigDecimal budget = budgets.get(i);
      SelfEvaluation.Twist twist = SelfEvaluation.Twist.NONE;
      BigDecimal rate = normalRate(budget);
      if (i == target) {
        switch (planned) {
          case LOW_EXECUTION_PROJECT -> rate = Money.fraction(random, 6000, 8800);
          case PERFECT_SCORE_LOW_EXECUTION -> {
            rate = Money.fraction(random, 7000, 8900);
            twist = SelfEvaluation.Twist.PERFECT_SCORE;
          }
          case SCORE_MISMATCH -> {
            rate = Money.fraction(random, 9100, 9700);
            // A full execution score at 91–97% is off by weight × (1 − rate): clearly off at 20 points, within the
            // score tolerance at the national 10, where only a total off by 2–8 points is a mismatch to plant.
            boolean full = random.nextBoolean()
                && SelfEvaluation.projectWeight(template).compareTo(new BigDecimal("20")) >= 0;
            twist = full ? SelfEvaluation.Twist.EXECUTION_SCORE_FULL : SelfEvaluation.Twist.TOTAL_OFF;
          }
          case SCORE_ABOVE_WEIGHT -> twist = SelfEvaluation.Twist.ABOVE_WEIGHT;
          default -> throw new IllegalStateException("no project anomaly " + planned);
        }
      }
      BigDecimal actual = Money.timesDown(budget, rate);
      Evaluation evaluation = SelfEvaluation.project(slot.name(), slot.category(), budget, actual, twist, template,
          random);
      if (budgetPhases) {
        evaluation = withPhases(evaluation);
      }
      evaluations.add(evaluation);
      if (i == target) {
        BigDecimal weight = SelfEvaluation.projectWeight(template);
        BigDecimal ruleScore = Money.executionScore(weight, actual, budget);
        plant(slot.name(), switch (planned) {
          case LOW_EXECUTION_PROJECT -> "executed " + actual + " of " + budget + " (" + evaluation.executionRatePct() + "%)";
          case PERFECT_SCORE_LOW_EXECUTION -> "total score " + evaluation.totalScore() + " with execution "
              + evaluation.executionRatePct() + "% (execution score reported " + evaluation.executionScore()
              + ", rule gives " + ruleScore + ")";
          case SCORE_ABOVE_WEIGHT -> evaluation.indicators().stream()
              .filter(in -> in.score().compareTo(in.weight()) > 0).findFirst()
              .map(in -> "indicator " + in.name() + " scored " + in.score() + " above its printed weight " + in.weight())
              .orElseThrow();
          default -> twist == SelfEvaluation.Twist.EXECUTION_SCORE_FULL
              ? "execution score reported " + evaluation.executionScore() + " but " + SelfEvaluation.plain(weight)
                  + " × " + evaluation.executionRatePct() + "% = " + ruleScore
              : "total score reported " + evaluation.totalScore() + " but execution score + indicator scores = "
                  + evaluation.executionScore().add(Money.sum(evaluation.indicators().stream()
                      .map(org.fiscalscope.document.Indicator::score).toList()));
        });
      }
    }
    return List.copyOf(evaluations);
  }

  /**
   * A project's initial budget (年初预算数) at 96–100% of its full-year budget, so spending within the full-year
   * budget never exceeds 105% of it; for one project in six the difference is stated as carry-over (上年结转资金),
   * as the national form's funds rows add up.
   */
  private Evaluation withPhases(Evaluation e) {
    BigDecimal initial = Money.times(e.budget(), Money.fraction(random, 9600, 10000));
    BigDecimal carryover = random.nextInt(6) == 0 && e.budget().compareTo(initial) > 0
        ? e.budget().subtract(initial) : null;
    return new Evaluation(e.name(), e.category(), e.budget(), e.actual(), e.executionRatePct(), e.executionScore(),
        e.totalScore(), e.executionWeight(), e.indicators(), initial, carryover);
  }

  /**
   * The unit's carry-over stated line by line, adding up to it: each line spending above its initial budget is
   * funded for the excess, and what is left of the carry-over is shared among all lines by their initial budgets, so
   * no line spends more than its initial budget net of its carry-over.
   */
  private static List<FunctionLine> withLineCarryover(List<FunctionLine> lines, BigDecimal carryover) {
    BigDecimal[] excess = new BigDecimal[lines.size()];
    List<BigDecimal> budgets = new ArrayList<>(lines.size());
    BigDecimal left = carryover;
    for (int i = 0; i < lines.size(); i++) {
      excess[i] = Money.max(Money.ZERO, lines.get(i).actual().subtract(lines.get(i).budgetInitial()));
      budgets.add(lines.get(i).budgetInitial());
      left = left.subtract(excess[i]);
    }
    BigDecimal[] rest = Money.proportional(Money.max(Money.ZERO, left), budgets);
    List<FunctionLine> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      FunctionLine l = lines.get(i);
      out.add(new FunctionLine(l.code(), l.name(), l.budgetInitial(), l.actual(), l.executionRatePct(), l.sharePct(),
          null, excess[i].add(rest[i])));
    }
    return List.copyOf(out);
  }

  /**
   * Project execution by pace: brisk units execute half their projects fully and most of the rest at 95–100%,
   * slow ones mostly 91–96%; small projects are always fully executed. Never below 91%.
   */
  private BigDecimal normalRate(BigDecimal budget) {
    int roll = random.nextInt(100);
    if (budget.compareTo(new BigDecimal("5")) < 0) {
      return ONE;
    }
    return switch (pace) {
      case 0 -> roll < 50 ? ONE : roll < 85 ? Money.fraction(random, 9500, 9999) : Money.fraction(random, 9100, 9499);
      case 1 -> roll < 30 ? ONE : roll < 80 ? Money.fraction(random, 9300, 9800) : Money.fraction(random, 9100, 9299);
      default -> roll < 15 ? ONE : Money.fraction(random, 9100, 9600);
    };
  }

  private static int largest(List<BigDecimal> values) {
    int best = 0;
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i).compareTo(values.get(best)) > 0) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Functional lines: the budget split by the profile's weights; the shortfall (budget − actual) falls on the main
   * lines, while small personnel-related lines (208/210/221) are fully executed when the main lines can absorb it
   * at 91.5% or better. Shares are largest-remainder rounded so they add up to exactly 100.
   */
  private List<FunctionLine> functions(BigDecimal budget, BigDecimal actual) {
    List<UnitProfile.FunctionShare> shares = profile.functions();
    int n = shares.size();
    int[] weights = new int[n];
    for (int i = 0; i < n; i++) {
      weights[i] = shares.get(i).weight() * (90 + random.nextInt(21));
    }
    List<BigDecimal> budgets = Money.split(budget, weights);
    BigDecimal shortfall = budget.subtract(actual);
    boolean[] absorbs = new boolean[n];
    BigDecimal absorbing = Money.ZERO;
    for (int i = 0; i < n; i++) {
      String code = shares.get(i).code();
      absorbs[i] = i == 0 || !(code.equals("208") || code.equals("210") || code.equals("221"));
      if (absorbs[i]) {
        absorbing = absorbing.add(budgets.get(i));
      }
    }
    if (shortfall.compareTo(Money.times(absorbing, new BigDecimal("0.085"))) > 0) {
      Arrays.fill(absorbs, true);
      absorbing = budget;
    }
    BigDecimal[] actuals = new BigDecimal[n];
    BigDecimal assigned = Money.ZERO;
    int main = 0;
    for (int i = 1; i < n; i++) {
      if (absorbs[i]) {
        BigDecimal part = shortfall.multiply(budgets.get(i)).divide(absorbing, 2, RoundingMode.HALF_UP);
        actuals[i] = budgets.get(i).subtract(part);
        assigned = assigned.add(part);
      } else {
        actuals[i] = budgets.get(i);
      }
    }
    actuals[main] = budgets.get(main).subtract(shortfall.subtract(assigned));
    BigDecimal[] sharePct = largestRemainderShares(actuals, actual);
    List<FunctionLine> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String code = shares.get(i).code();
      lines.add(new FunctionLine(code, UnitCatalog.functionName(code), budgets.get(i), actuals[i],
          Money.pct(actuals[i], budgets.get(i)), sharePct[i]));
    }
    return List.copyOf(lines);
  }

  /** Percent shares to 2 decimals adding up to exactly 100.00, each within 0.01 of its exact ratio. */
  static BigDecimal[] largestRemainderShares(BigDecimal[] parts, BigDecimal whole) {
    int n = parts.length;
    BigDecimal[] floors = new BigDecimal[n];
    BigDecimal[] remainders = new BigDecimal[n];
    BigDecimal sum = Money.ZERO;
    for (int i = 0; i < n; i++) {
      BigDecimal exact = parts[i].multiply(Money.HUNDRED).divide(whole, 10, RoundingMode.HALF_UP);
      floors[i] = exact.setScale(2, RoundingMode.FLOOR);
      remainders[i] = exact.subtract(floors[i]);
      sum = sum.add(floors[i]);
    }
    int missing = new BigDecimal("100.00").subtract(sum).movePointRight(2).intValue();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
    for (int k = 0; k < missing && k < n; k++) {
      floors[order[k]] = floors[order[k]].add(new BigDecimal("0.01"));
    }
    return floors;
  }

  /**
   * Three-public costs on a declining path (each category × 0.85–1.00 a year, rounded down; vehicle purchases
   * only in the first year), budgets at or above the actuals. A planted increase lifts one category above last
   * year's printed actual (budget raised with it); a planted overspend lowers one budget below its actual.
   */
  private ThreePublic threePublic() {
    int categories = ThreePublicCategory.SPENDING.size();
    BigDecimal[] path = new BigDecimal[categories];
    int vehiclesPurchased = 0;
    if (!profile.hasThreePublic()) {
      Arrays.fill(path, Money.ZERO);
    } else if (history.years == 0) {
      path[ThreePublicCategory.OUTBOUND_TRAVEL.ordinal()] = profile.hasOutboundTravel()
          ? Money.amount(random, new BigDecimal("2.00"), new BigDecimal("9.00")) : Money.ZERO;
      boolean purchase = profile.vehicles() > 0 && random.nextInt(100) < 15;
      vehiclesPurchased = purchase ? 1 : 0;
      path[ThreePublicCategory.VEHICLE_PURCHASE.ordinal()] = purchase
          ? Money.amount(random, new BigDecimal("12.00"), new BigDecimal("25.00")) : Money.ZERO;
      path[ThreePublicCategory.VEHICLE_OPERATION.ordinal()] = Money.times(
          Money.amount(random, new BigDecimal("1.20"), new BigDecimal("3.50")), BigDecimal.valueOf(profile.vehicles()));
      path[ThreePublicCategory.RECEPTION.ordinal()] = Money.amount(random, new BigDecimal("0.30"), new BigDecimal("4.00"));
    } else {
      for (int c = 0; c < categories; c++) {
        BigDecimal factor = random.nextInt(100) < 25 ? ONE : Money.fraction(random, 8500, 9990);
        BigDecimal last = history.threePublicPath[c];
        path[c] = Money.max(Money.timesDown(last, factor), Money.min(last, FLOOR));
      }
      path[ThreePublicCategory.VEHICLE_PURCHASE.ordinal()] = Money.ZERO;
      if (random.nextInt(100) < 20) {
        path[ThreePublicCategory.OUTBOUND_TRAVEL.ordinal()] = Money.ZERO;
      }
    }
    BigDecimal[] actual = path.clone();
    BigDecimal[] budget = new BigDecimal[categories];
    for (int c = 0; c < categories; c++) {
      budget[c] = budgetFor(actual[c]);
    }
    if (threePublicTotals) {
      keptTotals(path, actual, budget);
      return threePublicOf(actual, budget, vehiclesPurchased);
    }
    if (is(AnomalyKind.THREE_PUBLIC_INCREASE)) {
      int c = pickCategory(history.threePublicPrinted);
      BigDecimal prior = history.threePublicPrinted[c];
      BigDecimal raised = Money.max(prior.add(new BigDecimal("0.30")),
          prior.multiply(Money.fraction(random, 11000, 15000)).setScale(2, RoundingMode.UP));
      actual[c] = raised;
      budget[c] = Money.max(budget[c], budgetFor(raised));
      plant(ThreePublicCategory.SPENDING.get(c).key(), "actual " + raised + " up from " + prior + " the year before");
    } else if (is(AnomalyKind.OVER_BUDGET)) {
      int c = pickCategory(actual);
      budget[c] = Money.max(Money.ZERO, Money.min(actual[c].subtract(new BigDecimal("0.10")),
          Money.timesDown(actual[c], Money.fraction(random, 7000, 9300))));
      plant(ThreePublicCategory.SPENDING.get(c).key(), "actual " + actual[c] + " above budget " + budget[c]);
    }
    history.threePublicPath = path;
    history.threePublicPrinted = actual;
    return threePublicOf(actual, budget, vehiclesPurchased);
  }

  /**
   * The three-public figures with the totals kept: budgets on a path that never rises per category (so neither does
   * their total), and planted anomalies that leave both totals where the path puts them — a category's rise taken
   * from the others, an overspend's budget moved to another category — except the planted rise of the total, which
   * lifts the total actual (and its budget) or the total budget alone above last year's printed total.
   */
  private void keptTotals(BigDecimal[] path, BigDecimal[] actual, BigDecimal[] budget) {
    int categories = actual.length;
    if (history.years > 0 && history.threePublicBudgetPath != null) {
      for (int c = 0; c < categories; c++) {
        budget[c] = Money.max(actual[c], Money.min(budget[c], history.threePublicBudgetPath[c]));
      }
    }
    BigDecimal[] budgetPath = budget.clone();
    AnomalyKind kind = planned;
    if (is(AnomalyKind.THREE_PUBLIC_INCREASE) && !riseWithinTotal(path, actual, budget)) {
      kind = AnomalyKind.THREE_PUBLIC_TOTAL_INCREASE;
    }
    if (kind == AnomalyKind.THREE_PUBLIC_TOTAL_INCREASE) {
      BigDecimal priorActual = Money.sum(Arrays.asList(history.threePublicPrinted));
      BigDecimal priorBudget = Money.sum(Arrays.asList(history.threePublicBudgetPrinted));
      int c = pickCategory(history.threePublicPrinted);
      if (random.nextBoolean()) {
        BigDecimal target = priorActual.add(Money.max(new BigDecimal("0.30"),
            priorActual.multiply(Money.fraction(random, 500, 3000)).setScale(2, RoundingMode.UP)));
        BigDecimal before = Money.sum(Arrays.asList(actual));
        actual[c] = actual[c].add(target.subtract(before));
        budget[c] = Money.max(budget[c], budgetFor(actual[c]));
        plant(kind, ThreePublicCategory.TOTAL.key(), "total actual " + target + " up from " + priorActual
            + " the year before (" + ThreePublicCategory.SPENDING.get(c).key() + " " + actual[c] + ")");
      } else {
        BigDecimal target = priorBudget.add(Money.max(new BigDecimal("0.30"),
            priorBudget.multiply(Money.fraction(random, 500, 3000)).setScale(2, RoundingMode.UP)));
        BigDecimal before = Money.sum(Arrays.asList(budget));
        budget[c] = budget[c].add(target.subtract(before));
        plant(kind, ThreePublicCategory.TOTAL.key(), "total budget " + target + " up from " + priorBudget
            + " the year before (" + ThreePublicCategory.SPENDING.get(c).key() + " budget " + budget[c] + ")");
      }
    } else if (is(AnomalyKind.OVER_BUDGET)) {
      int c = pickCategory(actual);
      BigDecimal lowered = Money.max(Money.ZERO, Money.min(actual[c].subtract(new BigDecimal("0.10")),
          Money.timesDown(actual[c], Money.fraction(random, 7000, 9300))));
      int d = largestOther(actual, c);
      budget[d] = budget[d].add(budget[c].subtract(lowered));
      budget[c] = lowered;
      plant(ThreePublicCategory.SPENDING.get(c).key(), "actual " + actual[c] + " above budget " + budget[c]
          + " (budget moved to " + ThreePublicCategory.SPENDING.get(d).key() + ", total unchanged)");
    }
    history.threePublicPath = path;
    history.threePublicPrinted = actual;
    history.threePublicBudgetPath = budgetPath;
    history.threePublicBudgetPrinted = budget;
  }

  /**
   * Plants a single category's rise over last year's printed actual, taken from the other categories (largest
   * first) so the total actual stays on the path, and its budget from the others' headroom so the total budget does
   * too; the others' paths continue from what they gave up. False when the others cannot give enough for a rise.
   */
  private boolean riseWithinTotal(BigDecimal[] path, BigDecimal[] actual, BigDecimal[] budget) {
    int c = pickCategory(history.threePublicPrinted);
    BigDecimal prior = history.threePublicPrinted[c];
    BigDecimal raised = Money.max(prior.add(new BigDecimal("0.30")),
        prior.multiply(Money.fraction(random, 11000, 15000)).setScale(2, RoundingMode.UP));
    BigDecimal others = Money.sum(Arrays.asList(actual)).subtract(actual[c]);
    raised = Money.min(raised, actual[c].add(others));
    if (raised.compareTo(prior) <= 0) {
      return false;
    }
    BigDecimal take = raised.subtract(actual[c]);
    for (int k : byAmountDescending(actual, c)) {
      BigDecimal given = Money.min(actual[k], take);
      actual[k] = actual[k].subtract(given);
      path[k] = actual[k];
      take = take.subtract(given);
    }
    actual[c] = raised;
    BigDecimal need = raised.subtract(budget[c]);
    if (need.signum() > 0) {
      budget[c] = raised;
      for (int k : byAmountDescending(actual, c)) {
        BigDecimal given = Money.min(budget[k].subtract(actual[k]), need);
        budget[k] = budget[k].subtract(given);
        need = need.subtract(given);
      }
    }
    plant(ThreePublicCategory.SPENDING.get(c).key(), "actual " + raised + " up from " + prior
        + " the year before, taken from the other categories (total unchanged)");
    return true;
  }

  /** The categories other than {@code except}, largest amount first. */
  private static List<Integer> byAmountDescending(BigDecimal[] amounts, int except) {
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < amounts.length; k++) {
      if (k != except) {
        order.add(k);
      }
    }
    order.sort((a, b) -> amounts[b].compareTo(amounts[a]));
    return order;
  }

  private static int largestOther(BigDecimal[] amounts, int except) {
    return byAmountDescending(amounts, except).get(0);
  }

  private ThreePublic threePublicOf(BigDecimal[] actual, BigDecimal[] budget, int vehiclesPurchased) {
    BigDecimal outbound = actual[ThreePublicCategory.OUTBOUND_TRAVEL.ordinal()];
    BigDecimal reception = actual[ThreePublicCategory.RECEPTION.ordinal()];
    int groups = outbound.signum() > 0 ? 1 + random.nextInt(2) : 0;
    int batches = reception.signum() > 0 ? Math.max(1, reception.multiply(BigDecimal.valueOf(8 + random.nextInt(8))).intValue()) : 0;
    return new ThreePublic(amounts(budget), amounts(actual), groups, groups * (2 + random.nextInt(4)),
        vehiclesPurchased, profile.vehicles(), batches, batches * (3 + random.nextInt(6)));
  }

  /** Budget = actual ÷ 0.85–1.00 rounded up, so never below the actual; a zero actual has a zero budget. */
  private BigDecimal budgetFor(BigDecimal actual) {
    if (actual.signum() == 0) {
      return Money.ZERO;
    }
    return actual.divide(Money.fraction(random, 8500, 10000), 2, RoundingMode.UP);
  }

  /** The category to plant in: vehicle operation or reception when non-zero (they usually are), else the largest. */
  private int pickCategory(BigDecimal[] amounts) {
    int operation = ThreePublicCategory.VEHICLE_OPERATION.ordinal();
    int reception = ThreePublicCategory.RECEPTION.ordinal();
    if (amounts[operation].compareTo(FLOOR) >= 0 && random.nextBoolean()) {
      return operation;
    }
    if (amounts[reception].compareTo(FLOOR) >= 0) {
      return reception;
    }
    int largest = 0;
    for (int c = 1; c < amounts.length; c++) {
      if (amounts[c].compareTo(amounts[largest]) > 0) {
        largest = c;
      }
    }
    return largest;
  }

  private static ThreePublicAmounts amounts(BigDecimal[] values) {
    return new ThreePublicAmounts(values[0], values[1], values[2], values[3], Money.sum(Arrays.asList(values)));
  }

  /** Procurement 3–30% of expenditure (60–80% for a multivariate outlier), split into goods, works and services. */
  private Procurement procurement(BigDecimal expenditure, boolean multivariate) {
    BigDecimal total = Money.times(expenditure, multivariate
        ? Money.fraction(random, 6000, 8000) : Money.fraction(random, 300, 3000));
    BigDecimal goods = Money.times(total, Money.fraction(random, 1000, 6000));
    String sector = profile.template().sector();
    BigDecimal works = sector.equals("212") || sector.equals("213") || sector.equals("214")
        ? Money.times(total, Money.fraction(random, 0, 3000)) : Money.ZERO;
    BigDecimal services = total.subtract(goods).subtract(works);
    BigDecimal sme = Money.times(total, Money.fraction(random, 6000, 10000));
    BigDecimal smallMicro = Money.times(sme, Money.fraction(random, 5000, 10000));
    return new Procurement(total, goods, works, services, sme, smallMicro);
  }
}
