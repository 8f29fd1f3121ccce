package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** 政府采购 (total, goods/works/services, SME and small-micro awards), 国有资产占用 (vehicles, equipment) and 机关运行经费. */
final class ProcurementAndAssets {

  private static final Map<String, Pattern> AMOUNTS = Map.of(
      "/procurement/total", Patterns.compile(
          "政府采购(?:支出|合同)?(?:总额|总金额|金额)(?:\\([^()]{0,20}\\))?(?:共计|合计)?(?:为|是|:)?{AMT}"),
      "/procurement/goods", Patterns.compile("(?:政府采购货物(?:类)?(?:采购)?|货物(?:类)?采购)(?:支出|金额)(?:为|是|:)?{AMT}", "采购"),
      "/procurement/works", Patterns.compile("(?:政府采购工程(?:类)?(?:采购)?|工程(?:类)?采购)(?:支出|金额)(?:为|是|:)?{AMT}", "采购"),
      "/procurement/services", Patterns.compile("(?:政府采购服务(?:类)?(?:采购)?|服务(?:类)?采购)(?:支出|金额)(?:为|是|:)?{AMT}", "采购"),
      "/procurement/sme_awarded", Patterns.compile("授予中小企业合同(?:金额|总额)(?:为|是|:)?{AMT}"),
      "/procurement/small_micro_awarded", Patterns.compile("授予小微企业合同(?:金额|总额)(?:为|是|:)?{AMT}"),
      "/operating_costs", Patterns.compile("机关运行经费(?:支出)?(?:合计)?(?:为|是|:)?{AMT}"));
  private static final Pattern NO_OPERATING_COSTS = Pattern.compile("无机关运行经费(?:支出)?");
  private static final Pattern VEHICLES = Patterns.compile("共有(?:车辆|公务用车|各类车辆|车)(?:共)?{N}辆");
  private static final Pattern EQUIPMENT = Patterns.compile(
      "单(?:价|位价值)100万元(?:\\(含\\))?以上(?:的)?(?:通用|专用)?设备(?:\\([^()]{0,8}\\))?(?:共)?{N}(?:台|套)");

  private ProcurementAndAssets() {}

  static void read(SourceText text, Figures figures) {
    String flow = text.flow();
    for (var e : AMOUNTS.entrySet()) {
      Patterns.each(e.getValue(), flow, m -> figures.add(e.getKey(),
          PrintedNumbers.tenThousandYuan(m.group(1), m.group(2)), text.provenance(m.start(), m.end())));
    }
    Patterns.each(NO_OPERATING_COSTS, flow, m ->
        figures.add("/operating_costs", BigDecimal.ZERO, text.provenance(m.start(), m.end())));
    for (var e : List.of(Map.entry("/assets/vehicles", VEHICLES), Map.entry("/assets/equipment_over_1m", EQUIPMENT))) {
      Patterns.each(e.getValue(), flow, m -> figures.add(e.getKey(), new BigDecimal(m.group(1)),
          text.provenance(m.start(), m.end())));
    }
  }
}
