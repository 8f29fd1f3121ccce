package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fiscalscope.document.Assets;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Indicator;
import org.fiscalscope.document.Performance;
import org.fiscalscope.document.Procurement;
import org.fiscalscope.document.ThreePublic;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.Totals;
import org.fiscalscope.document.Unit;

/** Random canonical documents for the round trip: any figure may be absent, amounts of every magnitude and scale. */
final class RandomFinalAccounts {

  private static final String[][] CLASSES = {
      {"201", "一般公共服务支出"}, {"204", "公共安全支出"}, {"205", "教育支出"}, {"206", "科学技术支出"},
      {"207", "文化旅游体育与传媒支出"}, {"208", "社会保障和就业支出"}, {"210", "卫生健康支出"}, {"211", "节能环保支出"},
      {"212", "城乡社区支出"}, {"213", "农林水支出"}, {"214", "交通运输支出"}, {"221", "住房保障支出"}};
  private static final String[] DISTRICTS = {"江岸区", "青山区", "洪山区", "东湖新区", "临江县", "北塘镇"};
  private static final String[] TOPICS = {"人才服务", "档案管理", "公路养护", "农业技术推广", "城市管理", "园林绿化", "水务", "政务服务"};
  private static final String[] SUFFIXES = {"中心", "局", "办公室", "管理站", "服务所"};
  private static final String[] PROJECTS = {"人才工作经费", "档案数字化专项经费", "道路日常养护经费", "农技推广补助资金",
      "市容整治经费", "绿化提升工程", "防汛物资储备经费", "窗口服务保障经费", "信息系统运维经费", "培训专项资金"};
  private static final String[] CATEGORIES = {"部门预算项目", "区级专项", "上级转移支付项目"};

  private static final String[][] LEVELS = {{"产出指标", "数量指标"}, {"产出指标", "质量指标"}, {"产出指标", "时效指标"},
      {"产出指标", "成本指标"}, {"成本指标", "经济成本指标"}, {"效益指标", "社会效益指标"}, {"效益指标", "可持续影响指标"},
      {"满意度指标", "服务对象满意度指标"}};
  private static final String[] INDICATOR_NAMES = {"开展活动场次", "服务对象人次", "群众知晓率", "验收合格率", "资金支付及时率",
      "“学子聚汉”工程招聘活动", "档案数字化(一期)完成率", "项目成本控制", "窗口对外服务能力", "改善辖区营商环境影响率",
      "服务对象满意度", "光谷-青山专车运行频次"};
  private static final String[] VALUES = {"≥95%|96.5%", "≤100万元|98.76万元", "=12次|12次", "优|优", "完成|完成",
      "≥1200人|1288人", "100%|100%", "≥90%|85%", "提升|提升", "每日一趟|每日一趟", "≤5人|≤5人", "4场|9场",
      "12500人次|13000余人次", "及时|及时", "显著|较显著"};

  private final Random random;

  RandomFinalAccounts(long seed) {
    this.random = new Random(seed);
  }

  FinalAccount next() {
    String name = pick(DISTRICTS) + pick(TOPICS) + pick(SUFFIXES);
    int year = 2019 + random.nextInt(6);
    return new FinalAccount(FinalAccount.SCHEMA_VERSION, year, FinalAccount.AMOUNT_UNIT,
        new Unit(null, name, null, null, null), null, totals(), functions(), threePublic(),
        maybe() ? amount() : null, procurement(), assets(), performance(), List.of(), Map.of());
  }

  private Totals totals() {
    BigDecimal total = amount();
    boolean same = random.nextBoolean();
    BigDecimal yoy = maybe() ? signed(amount()) : null;
    BigDecimal yoyPct = yoy == null || !maybe() ? null
        : yoy.signum() == 0 ? BigDecimal.ZERO : rate().multiply(BigDecimal.valueOf(yoy.signum()));
    return new Totals(maybe() ? total : null, maybe() ? (same ? total : amount()) : null, opt(), opt(), opt(), opt(),
        opt(), opt(), opt(), opt(), opt(), opt(), opt(), opt(), opt(), opt(), maybe() ? rate() : null, opt(), yoy, yoyPct,
        null, null, null);
  }

  private List<FunctionLine> functions() {
    if (!maybe()) {
      return null;
    }
    List<String[]> classes = new ArrayList<>(List.of(CLASSES));
    Collections.shuffle(classes, random);
    List<FunctionLine> lines = new ArrayList<>();
    for (String[] c : classes.subList(0, 1 + random.nextInt(6))) {
      lines.add(new FunctionLine(c[0], c[1], opt(), amount(), maybe() ? rate() : null, maybe() ? rate() : null));
    }
    return lines;
  }

  private ThreePublic threePublic() {
    if (!maybe()) {
      return null;
    }
    boolean groups = random.nextBoolean();
    boolean receptions = random.nextBoolean();
    return new ThreePublic(amounts(), amounts(), groups ? count() : null, groups ? count() : null, countOrNull(),
        countOrNull(), receptions ? count() : null, receptions ? count() : null);
  }

  private ThreePublicAmounts amounts() {
    if (!maybe()) {
      return null;
    }
    if (random.nextBoolean()) {
      return new ThreePublicAmounts(small(), small(), small(), small(), small());
    }
    return new ThreePublicAmounts(smallOpt(), smallOpt(), smallOpt(), smallOpt(), smallOpt());
  }

  private Procurement procurement() {
    return maybe() ? new Procurement(opt(), opt(), opt(), opt(), opt(), opt()) : null;
  }

  private Assets assets() {
    return maybe() ? new Assets(countOrNull(), countOrNull()) : null;
  }

  private Performance performance() {
    if (!maybe()) {
      return null;
    }
    Evaluation unit = maybe() ? evaluation(null, null) : null;
    List<String> names = new ArrayList<>(List.of(PROJECTS));
    Collections.shuffle(names, random);
    List<Evaluation> projects = new ArrayList<>();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      projects.add(evaluation(names.get(i), random.nextBoolean() ? pick(CATEGORIES) : null));
    }
    return new Performance(unit, projects.isEmpty() ? null : projects);
  }

  private Evaluation evaluation(String name, String category) {
    return new Evaluation(name, category, amount(), amount(), rate(), score(), score(), maybe() ? indicators() : null);
  }

  /** Indicator rows in template order (a level printed once per group), weights sometimes not printed at all. */
  private List<Indicator> indicators() {
    boolean weighted = random.nextInt(4) != 0;
    List<Indicator> rows = new ArrayList<>();
    int n = 1 + random.nextInt(9);
    int level = 0;
    for (int i = 0; i < n; i++) {
      level = Math.min(LEVELS.length - 1, level + (random.nextInt(3) == 0 ? 1 : 0));
      String[] l = LEVELS[level];
      BigDecimal weight = BigDecimal.valueOf(1 + random.nextInt(30));
      BigDecimal score = BigDecimal.valueOf(random.nextInt(weight.intValue() * 100 + 1)).movePointLeft(2);
      String[] value = pick(VALUES).split("\\|");
      rows.add(new Indicator(l[0], l[1], pick(INDICATOR_NAMES) + (random.nextBoolean() ? "" : pick(INDICATOR_NAMES)),
          value[0], value[1], weighted ? weight : null, random.nextBoolean() ? score.stripTrailingZeros() : score));
    }
    return rows;
  }

  private boolean maybe() {
    return random.nextInt(8) != 0;
  }

  private BigDecimal opt() {
    return maybe() ? amount() : null;
  }

  private BigDecimal smallOpt() {
    return maybe() ? small() : null;
  }

  /** 万元 amounts from 0 to tens of thousands, with 0, 1, 2 or 4 decimals. */
  BigDecimal amount() {
    int kind = random.nextInt(10);
    long cents = kind == 0 ? 0 : (long) Math.pow(10, 1 + random.nextInt(7)) * random.nextInt(1000) / 1000 + random.nextInt(100);
    int scale = kind == 1 ? 0 : kind == 2 ? 4 : kind == 3 ? 1 : 2;
    BigDecimal v = BigDecimal.valueOf(cents).movePointLeft(2).setScale(scale, java.math.RoundingMode.DOWN);
    if (scale == 4) {
      v = v.add(BigDecimal.valueOf(random.nextInt(100)).movePointLeft(4));
    }
    return v;
  }

  private BigDecimal small() {
    return BigDecimal.valueOf(random.nextInt(10) == 0 ? 0 : random.nextInt(500_000)).movePointLeft(2);
  }

  private BigDecimal signed(BigDecimal v) {
    return random.nextBoolean() ? v.negate() : v;
  }

  private BigDecimal rate() {
    return BigDecimal.valueOf(random.nextInt(12_000)).movePointLeft(random.nextBoolean() ? 2 : 1)
        .setScale(random.nextBoolean() ? 1 : 2, java.math.RoundingMode.DOWN);
  }

  private BigDecimal score() {
    return BigDecimal.valueOf(random.nextInt(1001)).movePointLeft(1);
  }

  private Integer count() {
    return random.nextInt(60);
  }

  private Integer countOrNull() {
    return maybe() ? count() : null;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
