package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fiscalscope.document.FunctionLine;

/**
 * The 款 and 项 lines under a generated unit's functional classes (类), as the standard tables print them: each class
 * the unit spends on is split into one or two groups (款) of one to four items (项) from the national classification,
 * the same ones every year for a unit, and the class's figures (initial, full-year and carried-over budget, actual)
 * are shared among its items to the cent, so every 款 is the sum of its 项 and every 类 the sum of its 款.
 */
final class FunctionDetail {

  /** A group (款) of a class and the items (项) it may have: code → name. */
  private record Group(String code, String name, List<String[]> items) {}

  private static final Map<String, List<Group>> CATALOGUE = Map.ofEntries(
      Map.entry("201", List.of(
          group("20101", "人大事务", "2010101", "行政运行", "2010102", "一般行政管理事务"),
          group("20103", "政府办公厅（室）及相关机构事务", "2010301", "行政运行", "2010302", "一般行政管理事务",
              "2010350", "事业运行"),
          group("20106", "财政事务", "2010601", "行政运行", "2010699", "其他财政事务支出"),
          group("20111", "纪检监察事务", "2011101", "行政运行"))),
      Map.entry("203", List.of(group("20306", "国防动员", "2030601", "兵役征集", "2030607", "民兵"))),
      Map.entry("204", List.of(
          group("20402", "公安", "2040201", "行政运行", "2040220", "执法办案"),
          group("20406", "司法", "2040601", "行政运行", "2040604", "基层司法业务"))),
      Map.entry("205", List.of(
          group("20501", "教育管理事务", "2050101", "行政运行", "2050199", "其他教育管理事务支出"),
          group("20502", "普通教育", "2050201", "学前教育", "2050202", "小学教育", "2050203", "初中教育",
              "2050204", "高中教育"))),
      Map.entry("206", List.of(
          group("20601", "科学技术管理事务", "2060101", "行政运行"),
          group("20604", "技术研究与开发", "2060499", "其他技术研究与开发支出"))),
      Map.entry("207", List.of(
          group("20701", "文化和旅游", "2070101", "行政运行", "2070109", "群众文化"),
          group("20703", "体育", "2070399", "其他体育支出"))),
      Map.entry("208", List.of(
          group("20801", "人力资源和社会保障管理事务", "2080101", "行政运行", "2080109", "社会保险经办机构"),
          group("20805", "行政事业单位养老支出", "2080501", "行政单位离退休", "2080502", "事业单位离退休",
              "2080505", "机关事业单位基本养老保险缴费支出", "2080506", "机关事业单位职业年金缴费支出"),
          group("20807", "就业补助", "2080799", "其他就业补助支出"))),
      Map.entry("210", List.of(
          group("21004", "公共卫生", "2100401", "疾病预防控制机构", "2100408", "基本公共卫生服务"),
          group("21011", "行政事业单位医疗", "2101101", "行政单位医疗", "2101102", "事业单位医疗",
              "2101103", "公务员医疗补助"))),
      Map.entry("211", List.of(group("21103", "污染防治", "2110301", "大气", "2110302", "水体"))),
      Map.entry("212", List.of(
          group("21201", "城乡社区管理事务", "2120101", "行政运行", "2120104", "城管执法"),
          group("21205", "城乡社区环境卫生", "2120501", "城乡社区环境卫生"))),
      Map.entry("213", List.of(
          group("21301", "农业农村", "2130101", "行政运行", "2130199", "其他农业农村支出"),
          group("21302", "林业和草原", "2130209", "森林生态效益补偿"))),
      Map.entry("214", List.of(group("21401", "公路水路运输", "2140101", "行政运行", "2140106", "公路养护"))),
      Map.entry("216", List.of(group("21602", "商业流通事务", "2160201", "行政运行", "2160299", "其他商业流通事务支出"))),
      Map.entry("221", List.of(group("22102", "住房改革支出", "2210201", "住房公积金", "2210202", "提租补贴",
          "2210203", "购房补贴"))),
      Map.entry("224", List.of(group("22401", "应急管理事务", "2240101", "行政运行", "2240106", "安全监管"))),
      Map.entry("229", List.of(group("22999", "其他支出", "2299999", "其他支出"))));

  private FunctionDetail() {}

  private static Group group(String code, String name, String... items) {
    List<String[]> list = new ArrayList<>();
    for (int i = 0; i < items.length; i += 2) {
      list.add(new String[] {items[i], items[i + 1]});
    }
    return new Group(code, name, List.copyOf(list));
  }

  /**
   * The lines of the standard tables, class by class: the 类 line as generated, then each 款 followed by its 项.
   * A class without a catalogue entry stays a single line.
   */
  static List<FunctionLine> lines(String unitCode, List<FunctionLine> classes) {
    List<FunctionLine> out = new ArrayList<>();
    for (FunctionLine cls : classes) {
      out.add(new FunctionLine(cls.code(), cls.name(), cls.budgetInitial(), cls.actual(), null, null,
          cls.budgetAdjusted(), cls.budgetCarryover()));
      List<Group> groups = CATALOGUE.get(cls.code());
      if (groups == null || cls.code().length() != 3) {
        continue;
      }
      Random random = new Random(Seeds.mix(unitCode.hashCode(), Integer.parseInt(cls.code()), 7));
      List<Group> chosen = new ArrayList<>(groups);
      Collections.shuffle(chosen, random);
      chosen = chosen.subList(0, 1 + random.nextInt(Math.min(2, chosen.size())));
      chosen.sort((a, b) -> a.code().compareTo(b.code()));
      List<String[]> items = new ArrayList<>();
      List<Integer> groupSizes = new ArrayList<>();
      for (Group g : chosen) {
        int n = 1 + random.nextInt(g.items().size());
        items.addAll(g.items().subList(0, n));
        groupSizes.add(n);
      }
      int[] weights = new int[items.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = 10 + random.nextInt(90);
      }
      List<BigDecimal> budgets = cls.budgetInitial() == null ? null : Money.split(cls.budgetInitial(), weights);
      List<BigDecimal> actuals = cls.actual() == null ? null : Money.split(cls.actual(), weights);
      List<BigDecimal> adjusted = cls.budgetAdjusted() == null ? null : Money.split(cls.budgetAdjusted(), weights);
      List<BigDecimal> carryover = cls.budgetCarryover() == null ? null : Money.split(cls.budgetCarryover(), weights);
      int at = 0;
      for (int g = 0; g < chosen.size(); g++) {
        int n = groupSizes.get(g);
        out.add(new FunctionLine(chosen.get(g).code(), chosen.get(g).name(), sum(budgets, at, n), sum(actuals, at, n),
            null, null, sum(adjusted, at, n), sum(carryover, at, n)));
        for (int i = at; i < at + n; i++) {
          out.add(new FunctionLine(items.get(i)[0], items.get(i)[1], at(budgets, i), at(actuals, i), null, null,
              at(adjusted, i), at(carryover, i)));
        }
        at += n;
      }
    }
    return List.copyOf(out);
  }

  private static BigDecimal at(List<BigDecimal> values, int i) {
    return values == null ? null : values.get(i);
  }

  private static BigDecimal sum(List<BigDecimal> values, int from, int n) {
    return values == null ? null : Money.sum(values.subList(from, from + n));
  }
}
