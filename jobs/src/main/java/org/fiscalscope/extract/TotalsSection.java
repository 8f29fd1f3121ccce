package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 收入支出决算总体情况: totals, income and expenditure of the year, carry-overs, appropriation income and its parts, splits, year-on-year change. */
final class TotalsSection {

  /** An amount statement: pattern (first {AMT} is the figure), target pointer, whether appropriation-scoped statements are kept. */
  private record Rule(Pattern pattern, String pointer, boolean keepScoped) {}

  static final String INCOME_PARTS = "#income_part/";

  private static final String BOTH = "(?:收、?支|收入支出|收入、支出)";
  private static final Pattern TOTAL_BOTH = Patterns.compile(
      "(?<!财政拨款|上年|上年度)" + BOTH + "总计(?:各|均|分别)?(?:为|是|:)?{AMT}");
  private static final Pattern TOTAL_PAIR = Patterns.compile(
      "(?<!财政拨款)收、?支总计(?:各|分别)(?:为|是|:)?{NUM}[,、和]{NUM}(万元|元)");
  /** The percent half of a year-on-year change: 增长 1.94%, 下降了 4.51%, 增幅为 3%, in brackets or not. */
  private static final String YOY_PCT = "[,、]?\\(?(?:(增长|下降|降低|减少|增加|增幅|降幅|减幅)了?(?:为)?" + PrintedNumbers.PCT + ")?\\)?";
  private static final Pattern YOY_TOTAL = Patterns.compile(
      "(?<!财政拨款)" + BOTH + "总计(?:各|均)?(?:同比)?(增加|减少)了?" + PrintedNumbers.NUM + "(万元|元)" + YOY_PCT);
  private static final Pattern YOY_BOTH = Patterns.compile(
      "(?:收支总计|收入支出总计|收入支出总体|收支总体|收支)(?:较上年(?:度)?(?:决算数)?|与上年(?:度)?(?:决算数)?相比,?|比上年(?:度)?(?:决算数)?)(增加|减少)"
          + PrintedNumbers.NUM + "(万元|元)" + YOY_PCT);
  /** 本年收入合计 X，其中：财政拨款 Y (the appropriation named without 收入, or as 财政补助收入). */
  private static final Pattern APPROPRIATION_OF_INCOME = Patterns.compile(
      "收入合计(?:为|是|:)?{AMT},?其中:?(?:财政拨款|财政补助收入)(?:为|是|:)?{AMT}");
  private static final Pattern PRIOR_TOTAL = Patterns.compile("上年(?:度)?收、?支总计(?:各|均)?(?:为|是)?{AMT}");

  private static final List<Rule> RULES = List.of(
      rule("(?<!财政拨款)收入总计(?:为|是|:)?{AMT}", "/totals/income_total", false),
      rule("(?<!财政拨款)支出总计(?:为|是|:)?{AMT}", "/totals/expenditure_total", false),
      rule("(?<![年财政拨款])总收入(?:为|是|:)?{AMT}", "/totals/income_total", false),
      rule("(?<![年财政拨款])总支出(?:为|是|:)?{AMT}", "/totals/expenditure_total", false),
      rule("本年收入(?:合计)?(?:为|是|:)?{AMT}", "/totals/income_this_year", false),
      rule("(?<![本年拨款金])收入合计(?:为|是|:)?{AMT}", "/totals/income_this_year", false),
      rule("本年支出(?:合计)?(?:为|是|:)?{AMT}", "/totals/expenditure_this_year", false),
      rule("(?<![本年拨款金])支出合计(?:为|是|:)?{AMT}", "/totals/expenditure_this_year", false),
      rule("(?:年初|上年)结转和?结余(?:资金)?(?:为|是|:)?{AMT}", "/totals/carryover_begin", true),
      rule("年末结转和?结余(?:资金)?(?:为|是|:)?{AMT}", "/totals/carryover_end", true),
      rule("(?<!预算)财政拨款收入(?:合计)?(?:为|是|:)?{AMT}", "/totals/fiscal_appropriation_income", true),
      rule("一般公共预算财政拨款收入(?:为|是|:)?{AMT}", "/totals/general_budget_appropriation", true),
      rule("政府性基金预算财政拨款收入(?:为|是|:)?{AMT}", "/totals/gov_fund_appropriation", true),
      rule("国有资本经营预算财政拨款收入(?:为|是|:)?{AMT}", "/totals/soe_capital_appropriation", true),
      rule("基本支出(?:总额)?(?:为|是|:)?{AMT}", "/totals/basic_expenditure", true),
      rule("项目支出(?:总额)?(?:为|是|:)?{AMT}", "/totals/project_expenditure", true),
      rule("人员经费(?:支出)?(?:为|是|:)?{AMT}", "/totals/personnel_expense", true),
      rule("(?<!日常)公用经费(?:支出)?(?:为|是|:)?{AMT}", "/totals/public_expense", true),
      rule("上级补助收入(?:为|是|:)?{AMT}", INCOME_PARTS + "upper_subsidy", true),
      rule("(?<!非)事业收入(?:为|是|:)?{AMT}", INCOME_PARTS + "business", true),
      rule("(?<![非用])经营收入(?:为|是|:)?{AMT}", INCOME_PARTS + "operating", true),
      rule("附属单位上缴收入(?:为|是|:)?{AMT}", INCOME_PARTS + "affiliated", true),
      rule("(?<![)\\]])其他收入(?:为|是|:)?{AMT}", INCOME_PARTS + "other", true));

  private TotalsSection() {}

  private static Rule rule(String template, String pointer, boolean keepScoped) {
    return new Rule(Patterns.compile(template), pointer, keepScoped);
  }

  static void read(SourceText text, Figures figures) {
    String flow = text.flow();
    Patterns.each(TOTAL_PAIR, flow, m -> {
      if (!Patterns.scopedToAppropriation(flow, m.start())) {
        var p = text.provenance(m.start(), m.end());
        figures.add("/totals/income_total", PrintedNumbers.tenThousandYuan(m.group(1), m.group(3)), p);
        figures.add("/totals/expenditure_total", PrintedNumbers.tenThousandYuan(m.group(2), m.group(3)), p);
      }
    });
    Patterns.each(TOTAL_BOTH, flow, m -> {
      if (!Patterns.scopedToAppropriation(flow, m.start())) {
        var p = text.provenance(m.start(), m.end());
        BigDecimal v = PrintedNumbers.tenThousandYuan(m.group(1), m.group(2));
        figures.add("/totals/income_total", v, p);
        figures.add("/totals/expenditure_total", v, p);
      }
    });
    for (Rule r : RULES) {
      Patterns.each(r.pattern(), flow, m -> {
        boolean scoped = Patterns.scopedToAppropriation(flow, m.start());
        if (scoped && !r.keepScoped()) {
          return;
        }
        figures.add(r.pointer(), PrintedNumbers.tenThousandYuan(m.group(1), m.group(2)),
            text.provenance(m.start(), m.end()), scoped);
      });
    }
    Patterns.each(APPROPRIATION_OF_INCOME, flow, m -> figures.add("/totals/fiscal_appropriation_income",
        PrintedNumbers.tenThousandYuan(m.group(3), m.group(4)), text.provenance(m.start(), m.end()),
        Patterns.scopedToAppropriation(flow, m.start())));
    yoy(text, figures, YOY_TOTAL);
    yoy(text, figures, YOY_BOTH);
    Patterns.each(PRIOR_TOTAL, flow, m -> figures.add("/totals/prior_year_total",
        PrintedNumbers.tenThousandYuan(m.group(1), m.group(2)), text.provenance(m.start(), m.end())));
  }

  private static void yoy(SourceText text, Figures figures, Pattern p) {
    String flow = text.flow();
    Patterns.each(p, flow, (Matcher m) -> {
      if (Patterns.scopedToAppropriation(flow, m.start())) {
        return;
      }
      var prov = text.provenance(m.start(), m.end());
      boolean down = m.group(1).equals("减少");
      BigDecimal amount = PrintedNumbers.tenThousandYuan(m.group(2), m.group(3));
      figures.add("/totals/yoy_change_amount", down ? amount.negate() : amount, prov);
      if (m.group(5) != null) {
        BigDecimal pct = PrintedNumbers.number(m.group(5));
        boolean pctDown = !(m.group(4).equals("增长") || m.group(4).equals("增加") || m.group(4).equals("增幅"));
        if (pctDown != down && pct.signum() != 0) {
          return;
        }
        figures.add("/totals/yoy_change_pct", pctDown ? pct.abs().negate() : pct, prov);
      }
    });
  }
}
