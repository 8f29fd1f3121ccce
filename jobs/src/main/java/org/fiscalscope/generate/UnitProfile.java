package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fiscalscope.document.Unit;

/**
 * What stays fixed for one generated unit across its years: identity, size, functional lines, project roster,
 * whether it spends three-public costs at all, and its vehicles. Built from the seed and the unit index alone.
 */
record UnitProfile(
    int index,
    Unit unit,
    UnitCatalog.Template template,
    BigDecimal initialBudget,
    List<FunctionShare> functions,
    List<ProjectSlot> projects,
    boolean hasThreePublic,
    boolean hasOutboundTravel,
    int vehicles) {

  /** A functional line the unit spends on and its base weight in the budget. */
  record FunctionShare(String code, int weight) {}

  /** A project on the unit's roster and its base weight in the project budget. */
  record ProjectSlot(String name, String category, int weight) {}

  static UnitProfile build(long seed, int index, int codeWidth) {
    Random random = new Random(Seeds.mix(seed, index, 0));
    int perDistrict = UnitCatalog.TEMPLATES.size();
    UnitCatalog.Template template = UnitCatalog.TEMPLATES.get(index % perDistrict);
    int districtNo = index / perDistrict;
    String district = UnitCatalog.DISTRICTS.get(districtNo % UnitCatalog.DISTRICTS.size());
    int round = districtNo / UnitCatalog.DISTRICTS.size();
    String city = round == 0 ? UnitCatalog.CITY : "江城市第" + (round + 1) + "片区";
    String name = qualified(district, template.suffix());
    String parent = template.parentSuffix() == null ? null : qualified(district, template.parentSuffix());
    String code = "BJ" + String.format("%0" + codeWidth + "d", index + 1);
    String region = (round == 0 ? "" : city) + district + template.grouping();
    Unit unit = new Unit(code, name, region, template.kind(), parent);

    BigDecimal budget = Money.amount(random, BigDecimal.valueOf(template.minScale()),
        BigDecimal.valueOf(template.maxScale()));

    int vehicles = template.maxVehicles() == 0 ? 0 : random.nextInt(template.maxVehicles() + 1);
    int threePublicPct = switch (template.kind()) {
      case "行政" -> 92;
      case "参公" -> 75;
      default -> 45;
    };
    boolean hasThreePublic = vehicles > 0 || random.nextInt(100) < threePublicPct;
    boolean hasOutbound = hasThreePublic && random.nextInt(100) < 12;

    return new UnitProfile(index, unit, template, budget, functions(template, random), projects(template, random),
        hasThreePublic, hasOutbound, vehicles);
  }

  /** 滨江区 + 教育局 → 滨江区教育局; 滨江区 + 区委办公室 → 滨江区委办公室. */
  private static String qualified(String district, String suffix) {
    return suffix.startsWith("区") ? district.substring(0, district.length() - 1) + suffix : district + suffix;
  }

  /** The main sector line, sometimes a secondary one, and one to three personnel-related lines (208/210/221). */
  private static List<FunctionShare> functions(UnitCatalog.Template template, Random random) {
    Set<String> codes = new LinkedHashSet<>();
    codes.add(template.sector());
    if (random.nextInt(100) < 35) {
      codes.add(UnitCatalog.SECONDARY.getOrDefault(template.sector(), "201"));
    }
    List<String> personnel = new ArrayList<>(List.of("208", "210", "221"));
    Collections.shuffle(personnel, random);
    int extra = 1 + random.nextInt(3);
    for (int i = 0; i < personnel.size() && codes.size() < 5 && (i < extra || codes.size() < 2); i++) {
      codes.add(personnel.get(i));
    }
    List<FunctionShare> lines = new ArrayList<>();
    boolean first = true;
    for (String code : codes) {
      int weight;
      if (first) {
        weight = 600 + random.nextInt(300);
      } else if (code.equals("208") || code.equals("210") || code.equals("221")) {
        weight = 25 + random.nextInt(80);
      } else {
        weight = 80 + random.nextInt(200);
      }
      lines.add(new FunctionShare(code, weight));
      first = false;
    }
    return List.copyOf(lines);
  }

  /** 3–12 projects: mostly sector projects (特定目标类), the rest running-cost projects (其他运转类). */
  private static List<ProjectSlot> projects(UnitCatalog.Template template, Random random) {
    int count = 3 + random.nextInt(10);
    List<String> sector = new ArrayList<>(UnitCatalog.SECTOR_PROJECTS.get(template.pool()));
    Collections.shuffle(sector, random);
    List<UnitCatalog.ProjectName> common = new ArrayList<>(UnitCatalog.COMMON_PROJECTS);
    Collections.shuffle(common, random);
    int fromSector = Math.min(sector.size(), Math.max(2, (count * 2 + 2) / 3));
    List<ProjectSlot> slots = new ArrayList<>(count);
    for (int i = 0; i < fromSector; i++) {
      slots.add(new ProjectSlot(sector.get(i), "特定目标类", 40 + random.nextInt(260)));
    }
    for (int i = 0; slots.size() < count; i++) {
      UnitCatalog.ProjectName p = common.get(i);
      slots.add(new ProjectSlot(p.name(), p.category(), 15 + random.nextInt(80)));
    }
    return List.copyOf(slots);
  }
}
