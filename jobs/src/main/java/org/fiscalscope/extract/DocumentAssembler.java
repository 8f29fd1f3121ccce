package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fiscalscope.document.Assets;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Indicator;
import org.fiscalscope.document.Parts;
import org.fiscalscope.document.Performance;
import org.fiscalscope.document.Procurement;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.document.Source;
import org.fiscalscope.document.ThreePublic;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.ThreePublicSide;
import org.fiscalscope.document.Totals;
import org.fiscalscope.document.Unit;
import org.fiscalscope.extract.Figures.Candidate;

/** Builds the canonical document from the agreed figures, numbering functions and projects and keying provenance by JSON pointer. */
final class DocumentAssembler {

  private final Map<String, Candidate> figures;
  private final Map<String, Provenance> provenance = new TreeMap<>();

  private DocumentAssembler(Map<String, Candidate> figures) {
    this.figures = figures;
  }

  static FinalAccount assemble(UnitIdentity id, Source source, Map<String, Candidate> figures) {
    DocumentAssembler a = new DocumentAssembler(figures);
    a.inferAppropriationIncome();
    Totals totals = a.totals();
    List<FunctionLine> functions = a.functions();
    ThreePublic threePublic = a.threePublic();
    BigDecimal operating = a.dec("/operating_costs", "/operating_costs");
    Procurement procurement = a.procurement();
    Assets assets = a.assets();
    Performance performance = a.performance();
    Unit unit = id.name() == null ? null
        : new Unit(null, id.name(), id.region(), id.aggregate() ? UnitIdentity.AGGREGATE_KIND : null, id.parent());
    return new FinalAccount(FinalAccount.SCHEMA_VERSION, id.fiscalYear(), FinalAccount.AMOUNT_UNIT, unit, source,
        totals, functions, threePublic, operating, procurement, assets, performance, new ArrayList<>(),
        a.provenance);
  }

  /**
   * 财政拨款收入 when the text states only its parts: the general-budget appropriation plus the other parts stated,
   * accepted only when every stated income item adds up exactly to a positive 本年收入合计 (so no unstated appropriation
   * remains; a year with no income at all states nothing about its appropriation).
   */
  private void inferAppropriationIncome() {
    String target = "/totals/fiscal_appropriation_income";
    Candidate general = figures.get("/totals/general_budget_appropriation");
    Candidate thisYear = figures.get("/totals/income_this_year");
    if (figures.containsKey(target) || general == null || thisYear == null
        || ((BigDecimal) thisYear.value()).signum() <= 0) {
      return;
    }
    BigDecimal appropriation = BigDecimal.ZERO;
    BigDecimal all = BigDecimal.ZERO;
    for (Map.Entry<String, Candidate> e : figures.entrySet()) {
      String k = e.getKey();
      boolean part = k.equals("/totals/general_budget_appropriation") || k.equals("/totals/gov_fund_appropriation")
          || k.equals("/totals/soe_capital_appropriation");
      if (part) {
        appropriation = appropriation.add((BigDecimal) e.getValue().value());
      }
      if (part || k.startsWith(TotalsSection.INCOME_PARTS)) {
        all = all.add((BigDecimal) e.getValue().value());
      }
    }
    if (all.compareTo((BigDecimal) thisYear.value()) == 0) {
      figures.put(target, new Candidate(appropriation, general.provenance(), false));
    }
  }

  private BigDecimal dec(String key, String pointer) {
    Candidate c = figures.get(key);
    if (c == null || !(c.value() instanceof BigDecimal d)) {
      return null;
    }
    if (c.provenance() != null) {
      provenance.put(pointer, c.provenance());
    }
    return d;
  }

  private BigDecimal dec(String pointer) {
    return dec(pointer, pointer);
  }

  private Integer count(String pointer) {
    BigDecimal d = dec(pointer);
    return d == null ? null : d.intValueExact();
  }

  private String str(String key) {
    Candidate c = figures.get(key);
    return c != null && c.value() instanceof String s ? s : null;
  }

  /** A figure of a flat part, by field: a count as a whole number, anything else as a decimal. */
  private Object value(Field field) {
    return field.measure().javaType() == Integer.class ? count(field.pointer()) : dec(field.pointer());
  }

  private Totals totals() {
    Totals totals = Parts.totals(this::value);
    return Parts.isEmpty(totals) ? null : totals;
  }

  private List<FunctionLine> functions() {
    Map<String, Integer> order = new LinkedHashMap<>();
    for (String k : figures.keySet()) {
      if (k.startsWith("/functions/#")) {
        String code = k.substring("/functions/#".length(), k.indexOf('/', "/functions/#".length()));
        order.putIfAbsent(code, order.size());
      }
    }
    List<FunctionLine> lines = new ArrayList<>();
    for (Map.Entry<String, Integer> e : order.entrySet()) {
      String key = "/functions/#" + e.getKey() + "/";
      String ptr = "/functions/" + e.getValue() + "/";
      lines.add(new FunctionLine(e.getKey(), str(key + "name"), dec(key + "budget_initial", ptr + "budget_initial"),
          dec(key + "actual", ptr + "actual"), dec(key + "execution_rate_pct", ptr + "execution_rate_pct"),
          dec(key + "share_pct", ptr + "share_pct"), dec(key + "budget_adjusted", ptr + "budget_adjusted"),
          dec(key + "budget_carryover", ptr + "budget_carryover")));
    }
    return lines.isEmpty() ? null : lines;
  }

  private ThreePublic threePublic() {
    ThreePublicAmounts budget = amounts(ThreePublicSide.BUDGET);
    ThreePublicAmounts actual = amounts(ThreePublicSide.ACTUAL);
    String t = "/three_public/";
    ThreePublic tp = new ThreePublic(budget, actual, count(t + "outbound_groups"), count(t + "outbound_persons"),
        count(t + "vehicles_purchased"), count(t + "vehicles_held"), count(t + "reception_batches"),
        count(t + "reception_persons"));
    return budget == null && actual == null && allNull(tp.outboundGroups(), tp.outboundPersons(),
        tp.vehiclesPurchased(), tp.vehiclesHeld(), tp.receptionBatches(), tp.receptionPersons()) ? null : tp;
  }

  private ThreePublicAmounts amounts(ThreePublicSide side) {
    ThreePublicAmounts a = Parts.threePublic(side, this::value);
    return Parts.isEmpty(a) ? null : a;
  }

  private Procurement procurement() {
    Procurement p = Parts.procurement(this::value);
    return Parts.isEmpty(p) ? null : p;
  }

  private Assets assets() {
    Assets a = Parts.assets(this::value);
    return Parts.isEmpty(a) ? null : a;
  }

  private Performance performance() {
    Evaluation unit = evaluation("/performance/unit_evaluation/", "/performance/unit_evaluation/");
    List<Evaluation> projects = new ArrayList<>();
    String source = figures.keySet().stream().anyMatch(k -> k.startsWith("/performance/projects/"))
        ? "/performance/projects/" : EvaluationTables.NARRATIVE;
    for (int i = 0; ; i++) {
      String key = source + i + "/";
      int index = i;
      if (figures.keySet().stream().noneMatch(k -> k.startsWith(key))) {
        break;
      }
      projects.add(evaluation(key, "/performance/projects/" + index + "/"));
    }
    if (unit == null && projects.isEmpty()) {
      return null;
    }
    return new Performance(unit, projects.isEmpty() ? null : projects);
  }

  private Evaluation evaluation(String key, String ptr) {
    Evaluation e = new Evaluation(str(key + "name"), str(key + "category"), dec(key + "budget", ptr + "budget"),
        dec(key + "actual", ptr + "actual"), dec(key + "execution_rate_pct", ptr + "execution_rate_pct"),
        dec(key + "execution_score", ptr + "execution_score"), dec(key + "total_score", ptr + "total_score"),
        dec(key + "execution_weight", ptr + "execution_weight"), indicators(key, ptr),
        dec(key + "budget_initial", ptr + "budget_initial"), dec(key + "budget_carryover", ptr + "budget_carryover"));
    return allNull(e.name(), e.budget(), e.actual(), e.executionRatePct(), e.executionScore(), e.totalScore(),
        e.budgetInitial())
        ? null : e;
  }

  private List<Indicator> indicators(String key, String ptr) {
    List<Indicator> list = new ArrayList<>();
    for (int j = 0; figures.containsKey(key + "indicators/" + j + "/score"); j++) {
      String k = key + "indicators/" + j + "/";
      String p = ptr + "indicators/" + j + "/";
      list.add(new Indicator(text(k + "level1", p + "level1"), text(k + "level2", p + "level2"),
          text(k + "name", p + "name"), text(k + "target", p + "target"), text(k + "actual", p + "actual"),
          dec(k + "weight", p + "weight"), dec(k + "score", p + "score")));
    }
    return list.isEmpty() ? null : list;
  }

  private String text(String key, String pointer) {
    Candidate c = figures.get(key);
    if (c == null || !(c.value() instanceof String s)) {
      return null;
    }
    if (c.provenance() != null) {
      provenance.put(pointer, c.provenance());
    }
    return s;
  }

  private static boolean allNull(Object... values) {
    for (Object v : values) {
      if (v != null) {
        return false;
      }
    }
    return true;
  }
}
