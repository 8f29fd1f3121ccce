package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Indicator;
import org.fiscalscope.document.Procurement;
import org.fiscalscope.document.ThreePublic;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.Totals;

/**
 * Renders a canonical document as a disclosure in the national template's phrasing, with the variations real ones
 * show: 万元 or 元, thousands separators, full-width digits, weights in a column or after the name, merged level
 * cells, spaced values. {@link #render} lays it out as the text PDF extraction delivers (wrapped lines, sometimes
 * inside numbers, page markers, flattened tables: see {@link TextLayout}); {@link DisclosurePdfRenderer} lays the
 * same phrasing out on PDF pages. The variations are drawn from the given Random, so a seed reproduces the output.
 */
public final class DisclosureTextRenderer {

  /** Where an indicator's weight is printed: its own 分值 column or a note after its name, "（10分）". */
  private enum WeightStyle { COLUMN, NAME_NOTE }

  private static final Pattern SPACED_VALUE = Pattern.compile("^([≥≤=]?)(\\d+(?:\\.\\d+)?)(%|人次|人|场|项|台|次|万元)$");

  private final Random random;
  private final boolean yuan;
  private final boolean separators;
  private final boolean fullWidth;
  private final WeightStyle weightStyle;
  private final boolean mergedLevels;
  private final boolean spacedValues;
  private final DisclosureLayout layout;
  private final DisclosureTemplate template;

  /**
   * Draws every choice, the text layout's among them, in one fixed order (so a seed gives the same text as ever),
   * and lays the document out into {@code into}, or as text when it is null, following {@code template}.
   */
  private DisclosureTextRenderer(Random random, DisclosureLayout into, DisclosureTemplate template) {
    this.random = random;
    this.template = template;
    this.yuan = random.nextInt(4) == 0;
    this.separators = random.nextBoolean();
    this.fullWidth = random.nextInt(6) == 0;
    boolean spaced = random.nextBoolean();
    TextLayout.TableStyle style = TextLayout.TableStyle.values()[random.nextInt(3)];
    int width = 18 + random.nextInt(24);
    this.weightStyle = random.nextInt(3) == 0 ? WeightStyle.NAME_NOTE : WeightStyle.COLUMN;
    this.mergedLevels = random.nextInt(4) != 0;
    boolean brokenHeader = random.nextBoolean();
    int nameWidth = 12 + random.nextInt(18);
    this.spacedValues = random.nextInt(3) == 0;
    this.layout = into != null ? into : new TextLayout(random, spaced, style, width, brokenHeader, nameWidth);
  }

  /** The disclosure text of one document. */
  public static String render(FinalAccount doc, Random random) {
    return render(doc, random, DisclosureTemplate.NATIONAL);
  }

  /** The disclosure text of one document, following the template of another province or year. */
  public static String render(FinalAccount doc, Random random, DisclosureTemplate template) {
    DisclosureTextRenderer r = new DisclosureTextRenderer(random, null, template);
    r.document(doc);
    return ((TextLayout) r.layout).text();
  }

  /** The disclosure of one document, laid out into another layout (the PDF pages). */
  static void render(FinalAccount doc, Random random, DisclosureLayout layout, DisclosureTemplate template) {
    new DisclosureTextRenderer(random, layout, template).document(doc);
  }

  /** The place a unit's name starts with (江城市滨江区, 中共江城市滨江区委) and the rest (教育局, 社会工作部). */
  private static final Pattern PLACE = Pattern.compile(
      "^((?:中共)?(?:[\\u4e00-\\u9fff]{2,4}市)?(?:[\\u4e00-\\u9fff]{1,6}?[区县])?(?:委|人民政府)?)(.+)$");

  private void document(FinalAccount doc) {
    String name = doc.unit() == null ? "" : doc.unit().name();
    int fy = doc.fiscalYear();
    java.util.regex.Matcher place = PLACE.matcher(name);
    String shortName = template.cover() && place.matches() && !place.group(1).isEmpty() ? place.group(2) : name;
    if (template.aggregate()) {
      name = name.replace("（汇总）", "");
      shortName = name;
      line(name + " " + fy + " 年度区级部门决算汇总");
    } else if (template.cover()) {
      line(place.matches() && !place.group(1).isEmpty() ? place.group(1) : name);
      if (place.matches() && !place.group(1).isEmpty()) {
        line(place.group(2));
      }
      line(fy + " 年度部门决算");
      line("");
    }
    line(" 第一部分 " + shortName + "概况");
    if (template.cover() || template.aggregate()) {
      paragraph("纳入" + name + fy + "年度部门决算编制范围的单位包括：" + name + "本级。");
    } else {
      line("部门：" + name + " 金额单位：" + (yuan ? "元" : "万元"));
    }
    staff(doc.totals(), fy);
    line("");
    if (template.standardTables()) {
      standardTables(doc, shortName, fy);
    } else {
      threePublicTable(doc, name, fy);
    }
    line(" 第三部分 " + shortName + " " + fy + "年度部门决算情况说明");
    totals(doc.totals(), fy, shortName);
    functions(doc, doc.functions(), doc.totals(), fy);
    threePublic(doc.threePublic(), fy);
    if (doc.operatingCosts() != null) {
      heading("十、机关运行经费支出情况");
      if (doc.operatingCosts().signum() == 0 && random.nextBoolean()) {
        paragraph(fy + " 年度" + name + "无机关运行经费支出。");
      } else {
        paragraph(fy + " 年度机关运行经费支出 " + amount(doc.operatingCosts()) + "。");
      }
    }
    procurement(doc.procurement(), fy, name);
    assets(doc, fy);
    if (doc.performance() != null) {
      pageMarker();
      line("第六部分 附件");
      if (doc.performance().unitEvaluation() != null) {
        unitEvaluation(doc.performance().unitEvaluation(), shortName, fy);
      }
      List<Evaluation> projects = doc.performance().projects();
      if (template.projectSummary() && projects != null && !projects.isEmpty()) {
        projectSummary(projects, fy);
      }
      for (int i = 0; !template.projectSummary() && projects != null && i < projects.size(); i++) {
        project(projects.get(i), shortName, fy);
      }
    }
  }

  /** The nine standard tables, as the template prints them before the 情况说明. */
  private void standardTables(FinalAccount doc, String name, int fy) {
    line(" 第二部分 " + name + " " + fy + "年度部门决算表");
    TablesStyle style = TablesStyle.of(doc.unit().code() == null ? name : doc.unit().code());
    style = yuan ? style.withAmountsInYuan() : style.withAmountsInTenThousandYuan();
    if (template.cover()) {
      style = style.withoutUnitInTitles();
    }
    if (template.itemLines()) {
      style = style.withoutBudgetColumn();
    }
    for (PrintedTable table : StandardTablesRenderer.printed(doc, style)) {
      layout.pageBreak();
      layout.standardTable(table);
    }
    layout.pageBreak();
  }

  private void totals(Totals t, int fy, String name) {
    if (t == null) {
      return;
    }
    if (template.totalsInFull()) {
      totalsInFull(t, fy, name);
      return;
    }
    heading("一、收入支出决算总体情况说明");
    List<String> s = new ArrayList<>();
    if (t.incomeTotal() != null && t.expenditureTotal() != null && t.incomeTotal().compareTo(t.expenditureTotal()) == 0) {
      s.add(fy + " 年度收、支总计 " + amount(t.incomeTotal()) + "。");
    } else {
      if (t.incomeTotal() != null) {
        s.add(fy + " 年度收入总计 " + amount(t.incomeTotal()) + "。");
      }
      if (t.expenditureTotal() != null) {
        s.add(fy + " 年度支出总计 " + amount(t.expenditureTotal()) + "。");
      }
    }
    if (t.priorYearTotal() != null) {
      s.add("上年收、支总计 " + amount(t.priorYearTotal()) + "。");
    }
    if (t.yoyChangeAmount() != null) {
      String yoy = "与 " + (fy - 1) + " 年度相比，收、支总计各" + (t.yoyChangeAmount().signum() < 0 ? "减少 " : "增加 ")
          + amount(t.yoyChangeAmount().abs());
      if (t.yoyChangePct() != null) {
        yoy += "，" + (t.yoyChangePct().signum() < 0 ? "下降 " : "增长 ") + pct(t.yoyChangePct().abs());
      }
      s.add(yoy + "，主要原因是人员变动和项目调整。");
    }
    paragraph(String.join("", s));
    heading("二、收入决算情况说明");
    s.clear();
    if (t.incomeThisYear() != null) {
      s.add(fy + " 年度本年收入合计 " + amount(t.incomeThisYear()) + "。");
    }
    if (t.fiscalAppropriationIncome() != null) {
      s.add("其中：财政拨款收入 " + amount(t.fiscalAppropriationIncome()) + "。");
    }
    if (t.generalBudgetAppropriation() != null) {
      s.add("一般公共预算财政拨款收入 " + amount(t.generalBudgetAppropriation()) + "。");
    }
    if (t.govFundAppropriation() != null) {
      s.add("政府性基金预算财政拨款收入 " + amount(t.govFundAppropriation()) + "。");
    }
    if (t.soeCapitalAppropriation() != null) {
      s.add("国有资本经营预算财政拨款收入 " + amount(t.soeCapitalAppropriation()) + "。");
    }
    if (t.carryoverBegin() != null) {
      s.add("年初结转和结余 " + amount(t.carryoverBegin()) + "。");
    }
    paragraph(String.join("", s));
    heading("三、支出决算情况说明");
    s.clear();
    if (t.expenditureThisYear() != null) {
      s.add(fy + " 年度本年支出合计 " + amount(t.expenditureThisYear()) + "。");
    }
    if (t.basicExpenditure() != null) {
      s.add("其中：基本支出 " + amount(t.basicExpenditure()) + "。");
    }
    if (t.projectExpenditure() != null) {
      s.add("项目支出 " + amount(t.projectExpenditure()) + "。");
    }
    if (t.carryoverEnd() != null) {
      s.add("年末结转和结余 " + amount(t.carryoverEnd()) + "。");
    }
    paragraph(String.join("", s));
    if (t.personnelExpense() != null || t.publicExpense() != null) {
      heading("六、一般公共预算财政拨款基本支出决算情况说明");
      s.clear();
      if (t.personnelExpense() != null) {
        s.add("人员经费 " + amount(t.personnelExpense()) + "，主要包括：基本工资、津贴补贴。");
      }
      if (t.publicExpense() != null) {
        s.add("公用经费 " + amount(t.publicExpense()) + "，主要包括：办公费、印刷费。");
      }
      paragraph(String.join("", s));
    }
  }

  /**
   * The totals in the phrasing of 收入支出总计 … 与上年相比，收入支出总计增加 A 万元，增长 P% and 其中：财政拨款 Y 万元，
   * 占 Z%.
   */
  private void totalsInFull(Totals t, int fy, String name) {
    heading("一、收入支出决算总体情况说明");
    List<String> s = new ArrayList<>();
    if (t.incomeTotal() != null && t.expenditureTotal() != null && t.incomeTotal().compareTo(t.expenditureTotal()) == 0) {
      s.add(name + " " + fy + " 年度收入支出总计 " + amount(t.incomeTotal()) + "。");
      if (t.yoyChangeAmount() != null) {
        String yoy = "与 " + (fy - 1) + " 年度相比，收入支出总计" + (t.yoyChangeAmount().signum() < 0 ? "减少 " : "增加 ")
            + amount(t.yoyChangeAmount().abs());
        if (t.yoyChangePct() != null) {
          yoy += "，" + (t.yoyChangePct().signum() < 0 ? "下降 " : "增长 ") + pct(t.yoyChangePct().abs());
        }
        s.add(yoy + "。主要原因：项目支出调整。");
      }
    } else {
      if (t.incomeTotal() != null) {
        s.add(fy + " 年度收入总计 " + amount(t.incomeTotal()) + "。");
      }
      if (t.expenditureTotal() != null) {
        s.add(fy + " 年度支出总计 " + amount(t.expenditureTotal()) + "。");
      }
    }
    if (t.priorYearTotal() != null) {
      s.add("上年收、支总计 " + amount(t.priorYearTotal()) + "。");
    }
    paragraph(String.join("", s));
    heading("二、收入决算情况说明");
    s.clear();
    if (t.incomeThisYear() != null && t.fiscalAppropriationIncome() != null && t.incomeThisYear().signum() > 0) {
      s.add("本年收入合计 " + amount(t.incomeThisYear()) + "，其中：财政拨款 " + amount(t.fiscalAppropriationIncome())
          + "，占 " + pct(t.fiscalAppropriationIncome().multiply(new BigDecimal("100"))
              .divide(t.incomeThisYear(), 2, java.math.RoundingMode.HALF_UP)) + "。");
    } else {
      if (t.incomeThisYear() != null) {
        s.add("本年收入合计 " + amount(t.incomeThisYear()) + "。");
      }
      if (t.fiscalAppropriationIncome() != null) {
        s.add("其中：财政拨款收入 " + amount(t.fiscalAppropriationIncome()) + "。");
      }
    }
    if (t.generalBudgetAppropriation() != null) {
      s.add("一般公共预算财政拨款收入 " + amount(t.generalBudgetAppropriation()) + "。");
    }
    if (t.govFundAppropriation() != null) {
      s.add("政府性基金预算财政拨款收入 " + amount(t.govFundAppropriation()) + "。");
    }
    if (t.soeCapitalAppropriation() != null) {
      s.add("国有资本经营预算财政拨款收入 " + amount(t.soeCapitalAppropriation()) + "。");
    }
    if (t.carryoverBegin() != null) {
      s.add("年初结转和结余 " + amount(t.carryoverBegin()) + "。");
    }
    paragraph(String.join("", s));
    heading("三、支出决算情况说明");
    s.clear();
    if (t.expenditureThisYear() != null) {
      s.add("本年支出合计 " + amount(t.expenditureThisYear()) + "。");
    }
    if (t.basicExpenditure() != null) {
      s.add("其中：基本支出 " + amount(t.basicExpenditure()) + "。");
    }
    if (t.projectExpenditure() != null) {
      s.add("项目支出 " + amount(t.projectExpenditure()) + "。");
    }
    if (t.carryoverEnd() != null) {
      s.add("年末结转和结余 " + amount(t.carryoverEnd()) + "。");
    }
    paragraph(String.join("", s));
    if (t.personnelExpense() != null || t.publicExpense() != null) {
      heading("六、一般公共预算财政拨款基本支出决算情况说明");
      s.clear();
      if (t.personnelExpense() != null) {
        s.add("人员经费 " + amount(t.personnelExpense()) + "，主要包括：基本工资、津贴补贴。");
      }
      if (t.publicExpense() != null) {
        s.add("公用经费 " + amount(t.publicExpense()) + "，主要包括：办公费、印刷费。");
      }
      paragraph(String.join("", s));
    }
  }

  /** Every 项 named under its 类 and 款, its initial budget and actual in the sentences after it. */
  private void itemLines(FinalAccount doc) {
    List<FunctionLine> lines = StandardTablesRenderer.functionLines(doc);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (FunctionLine f : lines) {
      names.put(f.code(), f.name());
    }
    int n = 0;
    for (FunctionLine f : lines) {
      if (f.code().length() != 7) {
        continue;
      }
      n++;
      paragraph(n + "、" + names.get(f.code().substring(0, 3)) + "（类）" + names.get(f.code().substring(0, 5)) + "（款）"
          + f.name() + "（项）。主要用于：保障单位正常运转和业务开展。");
      List<String> c = new ArrayList<>();
      if (f.budgetInitial() != null) {
        c.add("年初预算为 " + amount(f.budgetInitial()));
      }
      if (f.actual() != null) {
        c.add("支出决算为 " + amount(f.actual()));
      }
      if (!c.isEmpty()) {
        paragraph(String.join("，", c) + "。决算数与预算数存在差异的主要原因：年中预算调整。");
      }
    }
  }

  private void functions(FinalAccount doc, List<FunctionLine> fns, Totals t, int fy) {
    boolean unitBudget = t != null && (t.budgetInitial() != null || t.actualFinal() != null || t.executionRatePct() != null);
    if ((fns == null || fns.isEmpty()) && !unitBudget) {
      return;
    }
    heading("五、一般公共预算财政拨款支出决算情况说明");
    if (fns != null && !fns.isEmpty()) {
      line("（二）一般公共预算财政拨款支出决算结构情况");
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < fns.size(); i++) {
        FunctionLine f = fns.get(i);
        s.append(i + 1).append('.').append(f.name()).append("（类）").append(amount(f.actual()));
        if (f.sharePct() != null) {
          s.append("，占 ").append(pct(f.sharePct()));
        }
        s.append("。");
      }
      paragraph(s.toString());
    }
    line("（三）一般公共预算财政拨款支出决算具体情况");
    if (unitBudget) {
      paragraph(fy + "年度一般公共预算财政拨款支出" + budgetClauses(t.budgetInitial(), t.actualFinal(), t.executionRatePct(), "年初预算")
          + phaseClauses(t.budgetAdjusted(), t.budgetCarryover()) + "。");
    }
    if (fns != null) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < fns.size(); i++) {
        FunctionLine f = fns.get(i);
        if (f.budgetInitial() == null && f.executionRatePct() == null) {
          continue;
        }
        s.append(i + 1).append('.').append(f.name())
            .append(budgetClauses(f.budgetInitial(), f.actual(), f.executionRatePct(), "年初预算"))
            .append(phaseClauses(f.budgetAdjusted(), f.budgetCarryover())).append("。");
      }
      paragraph(s.toString());
    }
    if (template.itemLines() && doc.unit() != null && doc.unit().code() != null && fns != null && !fns.isEmpty()) {
      line("其中：");
      itemLines(doc);
    }
  }

  /** "，全年预算为 F，其中使用以前年度结转资金 C" for the phases a document states beside the initial budget; empty without. */
  private String phaseClauses(BigDecimal adjusted, BigDecimal carryover) {
    StringBuilder c = new StringBuilder();
    if (adjusted != null) {
      c.append("，全年预算为 ").append(amount(adjusted));
    }
    if (carryover != null) {
      c.append("，其中使用以前年度结转资金 ").append(amount(carryover));
    }
    return c.toString();
  }

  private String budgetClauses(BigDecimal budget, BigDecimal actual, BigDecimal rate, String budgetWord) {
    List<String> c = new ArrayList<>();
    if (budget != null) {
      c.add(budgetWord + "为 " + amount(budget));
    }
    if (actual != null) {
      c.add("支出决算为 " + amount(actual));
    }
    if (rate != null) {
      c.add("完成" + budgetWord + "的 " + pct(rate));
    }
    return String.join("，", c);
  }

  private void threePublic(ThreePublic tp, int fy) {
    if (tp == null) {
      return;
    }
    heading("九、财政拨款“三公”经费支出决算情况说明");
    ThreePublicAmounts b = tp.budget() == null ? new ThreePublicAmounts(null, null, null, null, null) : tp.budget();
    ThreePublicAmounts a = tp.actual() == null ? new ThreePublicAmounts(null, null, null, null, null) : tp.actual();
    boolean abbreviated = template.abbreviatedThreePublic();
    if (template.threePublicCellPerLine()) {
      threePublicCells(b, a, fy);
    }
    if (b.total() != null || a.total() != null) {
      paragraph(fy + " 年度“三公”经费财政拨款支出" + budgetClauses(b.total(), a.total(), null, "预算") + "。");
    }
    if (b.outboundTravel() != null || a.outboundTravel() != null) {
      paragraph("1." + name(ThreePublicCategory.OUTBOUND_TRAVEL, abbreviated)
          + budgetClauses(b.outboundTravel(), a.outboundTravel(), null, "预算") + "。");
    }
    if (tp.outboundGroups() != null && tp.outboundPersons() != null) {
      paragraph(fy + " 年度因公出国（境）团组 " + count(tp.outboundGroups()) + " 个，" + count(tp.outboundPersons()) + " 人次。");
    }
    if (b.vehiclePurchase() != null || a.vehiclePurchase() != null) {
      paragraph("（1）" + name(ThreePublicCategory.VEHICLE_PURCHASE, abbreviated)
          + budgetClauses(b.vehiclePurchase(), a.vehiclePurchase(), null, "预算") + "。");
    }
    if (tp.vehiclesPurchased() != null) {
      paragraph("本年度购置（更新）公务用车 " + count(tp.vehiclesPurchased()) + " 辆。");
    }
    if (b.vehicleOperation() != null || a.vehicleOperation() != null) {
      paragraph("（2）" + name(ThreePublicCategory.VEHICLE_OPERATION, abbreviated)
          + budgetClauses(b.vehicleOperation(), a.vehicleOperation(), null, "预算") + "。");
    }
    if (tp.vehiclesHeld() != null) {
      paragraph("截至 " + fy + " 年 12 月 31 日，开支财政拨款的公务用车保有量 " + count(tp.vehiclesHeld()) + " 辆。");
    }
    if (b.reception() != null || a.reception() != null) {
      paragraph("3." + name(ThreePublicCategory.RECEPTION, abbreviated) + budgetClauses(b.reception(), a.reception(), null, "预算")
          + "。");
    }
    if (tp.receptionBatches() != null && tp.receptionPersons() != null) {
      paragraph("国内公务接待 " + count(tp.receptionBatches()) + " 批次，" + count(tp.receptionPersons()) + " 人次。");
    }
    if (template.nextYearThreePublic() && b.total() != null) {
      nextYearBudget(b, fy + 1);
    }
  }

  /** The 三公 table flattened one cell per line, each cell followed by {@code |}: 项目, 预算数, 决算数, then a row each. */
  private void threePublicCells(ThreePublicAmounts b, ThreePublicAmounts a, int fy) {
    line(fy + "年度财政拨款“三公”经费支出决算表");
    line("单位：" + (yuan ? "元" : "万元"));
    List<String> cells = new ArrayList<>(List.of("项目", "预算数", "决算数"));
    boolean abbreviated = template.abbreviatedThreePublic();
    String[] labels = {ThreePublicCategory.TOTAL.zh(), name(ThreePublicCategory.OUTBOUND_TRAVEL, abbreviated),
        name(ThreePublicCategory.VEHICLE_PURCHASE, abbreviated), name(ThreePublicCategory.VEHICLE_OPERATION, abbreviated),
        name(ThreePublicCategory.RECEPTION, abbreviated)};
    BigDecimal[][] values = {{b.total(), a.total()}, {b.outboundTravel(), a.outboundTravel()},
        {b.vehiclePurchase(), a.vehiclePurchase()}, {b.vehicleOperation(), a.vehicleOperation()},
        {b.reception(), a.reception()}};
    for (int i = 0; i < labels.length; i++) {
      cells.add(labels[i]);
      cells.add(values[i][0] == null ? "" : tableAmount(values[i][0]));
      cells.add(values[i][1] == null ? "" : tableAmount(values[i][1]));
    }
    for (String c : cells) {
      line(c + " |");
    }
  }

  /** A category's name as the template prints it: in full (公务接待费) or abbreviated (公务接待). */
  private static String name(ThreePublicCategory category, boolean abbreviated) {
    return abbreviated ? category.abbreviated() : category.zh();
  }

  /** Next year's 三公 budget, printed after this year's final account (figures that are not this year's). */
  private void nextYearBudget(ThreePublicAmounts b, int year) {
    line("（二）" + year + "年度“三公”经费预算情况");
    List<String> parts = new ArrayList<>();
    String[] labels = ThreePublicCategory.SPENDING.stream().map(ThreePublicCategory::zh).toArray(String[]::new);
    BigDecimal[] values = {b.outboundTravel(), b.vehiclePurchase(), b.vehicleOperation(), b.reception()};
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < labels.length; i++) {
      if (values[i] != null) {
        BigDecimal next = values[i].add(new BigDecimal("1.50"));
        total = total.add(next);
        parts.add(labels[i] + "预算为 " + amount(next));
      }
    }
    paragraph(year + " 年度“三公”经费财政拨款预算为 " + amount(total) + "，其中：" + String.join("，", parts) + "。");
  }

  /** The 公开09表 with its twelve numbered columns, when every cell is known. */
  private void threePublicTable(FinalAccount doc, String name, int fy) {
    ThreePublic tp = doc.threePublic();
    if (tp == null || tp.budget() == null || tp.actual() == null || random.nextBoolean()) {
      return;
    }
    List<BigDecimal> values = new ArrayList<>();
    for (ThreePublicAmounts a : List.of(tp.budget(), tp.actual())) {
      if (a.total() == null || a.outboundTravel() == null || a.vehiclePurchase() == null
          || a.vehicleOperation() == null || a.reception() == null) {
        return;
      }
      values.addAll(List.of(a.total(), a.outboundTravel(), a.vehiclePurchase().add(a.vehicleOperation()),
          a.vehiclePurchase(), a.vehicleOperation(), a.reception()));
    }
    line(" " + fy + " 年度财政拨款“三公”经费支出决算表");
    line("公开 09表");
    line("部门：" + name + " 金额单位：" + (yuan ? "元" : "万元"));
    layout.table(List.of(List.of("预算数", "决算数"), List.of(ThreePublicCategory.TOTAL.zh(),
        ThreePublicCategory.OUTBOUND_TRAVEL.zh(), ThreePublicCategory.VEHICLES_ZH, ThreePublicCategory.RECEPTION.zh()),
        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
        values.stream().map(this::tableAmount).toList()));
    line("注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。");
  }

  private void procurement(Procurement p, int fy, String name) {
    if (p == null) {
      return;
    }
    heading("十一、政府采购支出情况");
    List<String> s = new ArrayList<>();
    boolean contract = template.contractProcurement();
    if (p.total() != null) {
      s.add(fy + "年度" + name + (contract ? "政府采购金额（以合同签订为准）为 " : "政府采购支出总额 ") + amount(p.total()) + "。");
    }
    List<String> parts = new ArrayList<>();
    if (p.goods() != null) {
      parts.add((contract ? "货物采购金额 " : "政府采购货物支出 ") + amount(p.goods()));
    }
    if (p.works() != null) {
      parts.add((contract ? "工程采购金额 " : "政府采购工程支出 ") + amount(p.works()));
    }
    if (p.services() != null) {
      parts.add((contract ? "服务采购金额 " : "政府采购服务支出 ") + amount(p.services()));
    }
    if (!parts.isEmpty()) {
      s.add("其中：" + String.join("、", parts) + "。");
    }
    if (p.smeAwarded() != null) {
      s.add("授予中小企业合同金额 " + amount(p.smeAwarded()) + "。");
    }
    if (p.smallMicroAwarded() != null) {
      s.add("其中：授予小微企业合同金额 " + amount(p.smallMicroAwarded()) + "。");
    }
    paragraph(String.join("", s));
  }

  private void assets(FinalAccount doc, int fy) {
    if (doc.assets() == null) {
      return;
    }
    heading("十二、国有资产占用情况");
    String s = "截至 " + fy + " 年 12 月 31 日，";
    if (doc.assets().vehicles() != null) {
      s += "共有车辆 " + count(doc.assets().vehicles()) + " 辆。";
    }
    if (doc.assets().equipmentOver1m() != null) {
      s += "单价 100 万元（含）以上设备 " + count(doc.assets().equipmentOver1m()) + " 台（套）。";
    }
    paragraph(s);
  }

  /** The projects' self-evaluation as one table, a row per project. */
  private void projectSummary(List<Evaluation> projects, int fy) {
    String[][] cells = new String[projects.size() + 1][];
    cells[0] = new String[] {"序号", "项目名称", "预算数", "执行数", "执行率", "得分"};
    for (int i = 0; i < projects.size(); i++) {
      Evaluation e = projects.get(i);
      cells[i + 1] = new String[] {String.valueOf(i + 1), e.name(), e.budget() == null ? "" : tableAmount(e.budget()),
          e.actual() == null ? "" : tableAmount(e.actual()),
          e.executionRatePct() == null ? "" : e.executionRatePct().toPlainString() + "%",
          e.totalScore() == null ? "" : points(e.totalScore())};
    }
    layout.standardTable(new PrintedTable(fy + "年度项目支出绩效自评结果汇总表", yuan ? "元" : "万元", cells, List.of(),
        "注：本表反映部门本年度项目支出绩效自评情况。"));
  }

  private void unitEvaluation(Evaluation e, String name, int fy) {
    line("一、" + fy + " 年度" + name + "整体绩效自评表");
    line("部门名称：" + name);
    evaluationRow(e, e.executionWeight() == null ? 25 : e.executionWeight().intValueExact(), List.of("部门整体", "支出总额"),
        true /* unit table */);
  }

  private void project(Evaluation e, String unit, int fy) {
    pageMarker();
    line(" " + fy + " 年度" + e.name() + "项目自评表");
    line("部门名称：" + unit + " 填报日期：" + (fy + 1) + "年 6月 13日");
    layout.table(List.of(List.of("项目名称", e.name()), List.of("主管部门", unit, "项目实施单位", unit)));
    if (e.category() != null) {
      StringBuilder c = new StringBuilder("项目类别");
      List<String> options = new ArrayList<>(List.of("部门预算项目", "区级专项", "上级转移支付项目"));
      if (!options.contains(e.category())) {
        options.add(e.category());
      }
      for (int i = 0; i < options.size(); i++) {
        c.append(' ').append(i + 1).append('、').append(options.get(i)).append(' ')
            .append(options.get(i).equals(e.category()) ? '☑' : '□');
      }
      line(c.toString());
    }
    evaluationRow(e, e.executionWeight() == null ? 20 : e.executionWeight().intValueExact(), List.of("年度财政", "资金总额"),
        false /* unit table */);
  }

  private void evaluationRow(Evaluation e, int weight, List<String> rowLabel, boolean unit) {
    List<String> values = new ArrayList<>();
    values.add(plain(e.budget()));
    values.add(plain(e.actual()));
    values.add(pct(e.executionRatePct()));
    values.add(plain(e.executionScore()));
    layout.budgetExecution(weight, List.of("预算数（A）", "执行数（B）", "执行率（B/A）", "得分（" + weight + "分*执行率）"),
        rowLabel, values);
    if (e.indicators() != null && !e.indicators().isEmpty()) {
      indicators(e.indicators(), unit);
    }
    if (e.totalScore() != null) {
      layout.table(List.of(List.of("总分", plain(e.totalScore()))));
    }
    line("偏差大或目标未完成原因分析 无");
  }

  /**
   * The indicator rows under one or more goals (the unit table may split them over several), in the sample's
   * layouts: merged level cells printed once, labels broken over lines, names wrapped at the column's width.
   */
  private void indicators(List<Indicator> list, boolean unit) {
    boolean column = weightStyle == WeightStyle.COLUMN && list.stream().allMatch(i -> i.weight() != null);
    int goals = unit && list.size() >= 4 ? 1 + random.nextInt(3) : 1;
    int from = 0;
    for (int g = 0; g < goals; g++) {
      int to = g == goals - 1 ? list.size() : from + list.size() / goals;
      if (unit) {
        line("年度目标" + (g + 1) + "：");
        paragraph("完成年度重点工作任务，提升服务质量，保障各项工作顺利开展。");
      } else {
        line("年度绩效");
        line("目标");
      }
      indicatorHeader(column);
      Indicator previous = null;
      for (Indicator in : list.subList(from, to)) {
        indicator(in, previous, column);
        previous = in;
      }
      from = to;
    }
  }

  private void indicatorHeader(boolean column) {
    List<String> header = new ArrayList<>(List.of("一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）"));
    if (column) {
      header.add("分值");
    }
    header.add("得分");
    layout.indicatorHeader(header);
  }

  private void indicator(Indicator in, Indicator previous, boolean column) {
    boolean show1 = previous == null || !mergedLevels || !in.level1().equals(previous.level1());
    boolean show2 = show1 || !in.level2().equals(previous.level2());
    String name = in.name() + (!column && in.weight() != null ? "（" + points(in.weight()) + "分）" : "");
    List<String> values = new ArrayList<>(List.of(spaced(in.target()), spaced(in.actual())));
    if (column) {
      values.add(points(in.weight()));
    }
    values.add(points(in.score()));
    layout.indicator(show1 ? in.level1() : null, show2 ? in.level2() : null, name, values);
  }

  /** A value the way some PDFs space it, "≥ 95 %" or "≤5 人", when this document does so. */
  private String spaced(String value) {
    return spacedValues ? SPACED_VALUE.matcher(value).replaceFirst("$1 $2 $3").strip() : value;
  }

  private void heading(String h) {
    if (random.nextInt(4) == 0) {
      layout.pageBreak();
    }
    line("");
    line(h);
    line("");
  }

  /** 机构设置及人员情况, as overviews state it: 编制人数X人，实有人数Y人，其中在职人员Z人，离退休人员W人 (only what is stated). */
  private void staff(Totals t, int fy) {
    if (t == null || (t.staffAuthorised() == null && t.staffActual() == null && t.staffInService() == null)) {
      return;
    }
    StringBuilder s = new StringBuilder("截至" + fy + "年12月31日，本单位");
    List<String> parts = new ArrayList<>();
    if (t.staffAuthorised() != null) {
      parts.add("编制人数" + count(t.staffAuthorised()) + "人");
    }
    if (t.staffActual() != null) {
      parts.add("实有人数" + count(t.staffActual()) + "人");
    }
    if (t.staffInService() != null) {
      parts.add((t.staffActual() != null ? "其中在职人员" : "在职人员") + count(t.staffInService()) + "人");
      if (t.staffActual() != null && t.staffActual() >= t.staffInService()) {
        parts.add("离退休人员" + count(t.staffActual() - t.staffInService()) + "人");
      }
    }
    paragraph(s.append(String.join("，", parts)).append("。").toString());
  }

  private void pageMarker() {
    layout.pageBreak();
  }

  private void paragraph(String text) {
    layout.paragraph(text);
  }

  private void line(String s) {
    layout.line(s);
  }

  private String amount(BigDecimal tenThousand) {
    return yuan ? number(yuanOf(tenThousand), true) + " 元" : number(tenThousand, true) + (random.nextBoolean() ? " 万元" : "万元");
  }

  private String tableAmount(BigDecimal tenThousand) {
    return yuan ? number(yuanOf(tenThousand), false) : plain(tenThousand);
  }

  private static BigDecimal yuanOf(BigDecimal tenThousand) {
    BigDecimal y = tenThousand.movePointRight(4);
    return y.scale() < 2 ? y.setScale(2) : y;
  }

  private String number(BigDecimal v, boolean narrative) {
    String s = v.toPlainString();
    if (separators && narrative && v.abs().compareTo(new BigDecimal("1000")) >= 0) {
      s = group(s);
    }
    if (fullWidth && narrative) {
      StringBuilder w = new StringBuilder(s.length());
      for (char c : s.toCharArray()) {
        w.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
      }
      s = w.toString();
    }
    return s;
  }

  private static String group(String plain) {
    int dot = plain.indexOf('.');
    String intPart = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder g = new StringBuilder();
    for (int i = 0; i < intPart.length(); i++) {
      if (i > 0 && (intPart.length() - i) % 3 == 0) {
        g.append(',');
      }
      g.append(intPart.charAt(i));
    }
    return g + (dot < 0 ? "" : plain.substring(dot));
  }

  /** Points as indicator tables print them: 10 rather than 10.00. */
  private static String points(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  private static String plain(BigDecimal v) {
    return v.toPlainString();
  }

  private String pct(BigDecimal v) {
    return number(v, false) + "%";
  }

  private String count(Integer n) {
    return String.valueOf(n);
  }
}
