package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.ThreePublicAmounts;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.Totals;

/**
 * Lays out a generated unit-year as the nine standard tables (公开01–09表). Every figure of the canonical document
 * that a table carries is printed as generated; what the document does not split (basic and project expenditure per
 * functional line, income by source per line, the economic classes of basic expenditure) is shared out to the cent,
 * so each table adds up whenever the document does — and a planted anomaly shows in the tables as it does in the
 * document. The generator does not split expenditure by source of funds: the tables show it all as 一般公共预算财政拨款
 * spending (05), while 01/02 show the income that is not appropriation as 事业收入 or 其他收入.
 */
final class StandardTables {

  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
      "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};

  private final FinalAccount doc;
  private final TablesStyle style;
  private final Totals t;
  private final List<FunctionLine> lines;
  private final boolean[] leaf;

  private StandardTables(FinalAccount doc, TablesStyle style) {
    this.doc = doc;
    this.style = style;
    this.t = doc.totals();
    this.lines = FunctionDetail.lines(doc.unit().code(), doc.functions());
    this.leaf = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String code = lines.get(i).code();
      leaf[i] = i + 1 == lines.size() || !lines.get(i + 1).code().startsWith(code);
    }
  }

  /** The functional lines (类, 款, 项) the tables print for a generated document. */
  static List<FunctionLine> functionLines(FinalAccount doc) {
    return FunctionDetail.lines(doc.unit().code(), doc.functions());
  }

  static List<TableLayout> of(FinalAccount doc, TablesStyle style) {
    StandardTables s = new StandardTables(doc, style);
    return List.of(s.summary(), s.income(), s.expenditure(), s.appropriationSummary(), s.generalBudget(),
        s.basic(), s.govFund(), s.soeCapital(), s.threePublic());
  }

  private String title(String name) {
    return (style.titleWithUnit() ? doc.unit().name() : "") + doc.fiscalYear() + "年度" + name;
  }

  // 01 ----------------------------------------------------------------------------------------------------------

  private TableLayout summary() {
    boolean institution = "事业".equals(doc.unit().kind());
    BigDecimal other = t.incomeThisYear().subtract(t.fiscalAppropriationIncome());
    List<Object[]> income = List.of(
        item("一、一般公共预算财政拨款收入", t.generalBudgetAppropriation()),
        item("二、政府性基金预算财政拨款收入", t.govFundAppropriation()),
        item("三、国有资本经营预算财政拨款收入", t.soeCapitalAppropriation()),
        item("四、上级补助收入", (BigDecimal) null),
        item("五、事业收入", institution ? other : null),
        item("六、经营收入", (BigDecimal) null),
        item("七、附属单位上缴收入", (BigDecimal) null),
        item("八、其他收入", institution ? null : other));
    List<Object[]> spending = new ArrayList<>();
    for (FunctionLine f : doc.functions()) {
      spending.add(item(NUMERALS[spending.size() % NUMERALS.length] + "、" + f.name(), f.actual()));
    }
    List<Object[]> incomeAfter = List.of(item("本年收入合计", t.incomeThisYear()), item("使用非财政拨款结余", (BigDecimal) null),
        item("年初结转和结余", t.carryoverBegin()), item("总计", t.incomeTotal()));
    List<Object[]> spendingAfter = List.of(item("本年支出合计", t.expenditureThisYear()), item("结余分配", (BigDecimal) null),
        item("年末结转和结余", t.carryoverEnd()), item("总计", t.expenditureTotal()));
    List<TableLayout.Header> header = List.of(
        new TableLayout.Header(0, 0, 1, 3, "收入"), new TableLayout.Header(0, 3, 1, 3, "支出"),
        new TableLayout.Header(1, 0, 1, 1, "项目"), new TableLayout.Header(1, 1, 1, 1, "行次"),
        new TableLayout.Header(1, 2, 1, 1, "金额"), new TableLayout.Header(1, 3, 1, 1, "项目"),
        new TableLayout.Header(1, 4, 1, 1, "行次"), new TableLayout.Header(1, 5, 1, 1, "金额"));
    return new TableLayout(title("收入支出决算总表"), "公开01表", 6, 2, header, List.of(),
        twoSided(income, spending, incomeAfter, spendingAfter, 1), "注：本表反映部门本年度的总收支和年末结转结余情况。");
  }

  private static Object[] item(String name, BigDecimal... amounts) {
    Object[] row = new Object[1 + amounts.length];
    row[0] = name;
    System.arraycopy(amounts, 0, row, 1, amounts.length);
    return row;
  }

  /** Income items beside expenditure items, the year's totals on one row, carry-over and 总计 below. */
  private static List<TableLayout.Row> twoSided(List<Object[]> left, List<Object[]> right, List<Object[]> leftAfter,
      List<Object[]> rightAfter, int leftAmounts) {
    List<TableLayout.Row> rows = new ArrayList<>();
    int n = Math.max(left.size(), right.size());
    int m = Math.max(leftAfter.size(), rightAfter.size());
    int number = 1;
    for (int i = 0; i < n + m; i++) {
      Object[] l = i < n ? (i < left.size() ? left.get(i) : null) : at(leftAfter, i - n, m);
      Object[] r = i < n ? (i < right.size() ? right.get(i) : null) : at(rightAfter, i - n, m);
      List<Object> cells = new ArrayList<>();
      cells.add(l == null ? null : l[0]);
      cells.add(l == null ? null : number);
      for (int k = 0; k < leftAmounts; k++) {
        cells.add(l == null ? null : l[1 + k]);
      }
      cells.add(r == null ? null : r[0]);
      cells.add(r == null ? null : number + n + m);
      int rightAmounts = r == null ? rightAfter.get(0).length - 1 : r.length - 1;
      for (int k = 0; k < rightAmounts; k++) {
        cells.add(r == null ? null : r[1 + k]);
      }
      rows.add(TableLayout.Row.of(cells));
      number++;
    }
    return rows;
  }

  /** The after-block: the year's total and carry-over from the top, 总计 on the last row of both sides. */
  private static Object[] at(List<Object[]> after, int i, int m) {
    if (i < after.size() - 1) {
      return after.get(i);
    }
    return i == m - 1 ? after.get(after.size() - 1) : null;
  }

  // 02, 03, 05, 07, 08 -------------------------------------------------------------------------------------------

  /** An amount column of a coded table: its group header (or null) and its own header. */
  private record Column(String group, String name) {}

  private TableLayout coded(String name, String label, List<Column> columns, List<TableLayout.Row> body, String note) {
    int codeColumns = style.splitCode() ? 3 : 1;
    int first = codeColumns + 1;
    List<TableLayout.Header> header = new ArrayList<>();
    header.add(new TableLayout.Header(0, 0, 1, first, "项目"));
    if (style.splitCode()) {
      header.add(new TableLayout.Header(1, 0, 1, 3, "科目编码"));
      header.add(new TableLayout.Header(2, 0, 1, 1, "类"));
      header.add(new TableLayout.Header(2, 1, 1, 1, "款"));
      header.add(new TableLayout.Header(2, 2, 1, 1, "项"));
    } else {
      header.add(new TableLayout.Header(1, 0, 2, 1, "科目编码"));
    }
    header.add(new TableLayout.Header(1, codeColumns, 2, 1, "科目名称"));
    for (int c = 0; c < columns.size(); c++) {
      Column col = columns.get(c);
      if (col.group() == null) {
        header.add(new TableLayout.Header(0, first + c, 3, 1, col.name()));
        continue;
      }
      if (c == 0 || !col.group().equals(columns.get(c - 1).group())) {
        int span = 1;
        while (c + span < columns.size() && col.group().equals(columns.get(c + span).group())) {
          span++;
        }
        header.add(new TableLayout.Header(0, first + c, 1, span, col.group()));
      }
      header.add(new TableLayout.Header(1, first + c, 2, 1, col.name()));
    }
    List<Integer> numbered = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      numbered.add(first + c);
    }
    return new TableLayout(title(name), label, first + columns.size(), 3, header, numbered, body, note);
  }

  /** The rows of a coded table: 合计 first, then every functional line with the amounts {@code amounts} gives. */
  private List<TableLayout.Row> codedRows(BigDecimal[] total, java.util.function.IntFunction<BigDecimal[]> amounts) {
    List<TableLayout.Row> rows = new ArrayList<>();
    int codeColumns = style.splitCode() ? 3 : 1;
    List<Object> first = new ArrayList<>();
    first.add("合计");
    for (int c = 1; c <= codeColumns; c++) {
      first.add(null);
    }
    first.addAll(Arrays.asList((Object[]) total));
    rows.add(new TableLayout.Row(first, codeColumns + 1));
    for (int i = 0; i < lines.size(); i++) {
      FunctionLine f = lines.get(i);
      List<Object> cells = new ArrayList<>();
      String code = f.code();
      if (style.splitCode()) {
        boolean own3 = code.length() == 3;
        boolean own5 = code.length() == 5;
        cells.add(style.repeatParents() || own3 ? code.substring(0, 3) : null);
        cells.add(code.length() < 5 ? null : style.repeatParents() || own5 ? code.substring(3, 5) : null);
        cells.add(code.length() < 7 ? null : code.substring(5, 7));
      } else {
        cells.add(code);
      }
      cells.add(f.name());
      cells.addAll(Arrays.asList((Object[]) amounts.apply(i)));
      rows.add(TableLayout.Row.of(cells));
    }
    return rows;
  }

  /** A split of {@code total} over the functional lines in proportion to their actuals, summed up to 款 and 类. */
  private BigDecimal[] shareByLine(BigDecimal total) {
    List<Integer> leaves = new ArrayList<>();
    List<BigDecimal> weights = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (leaf[i]) {
        leaves.add(i);
        weights.add(lines.get(i).actual());
      }
    }
    BigDecimal[] parts = Money.proportional(total, weights);
    BigDecimal[] byLine = new BigDecimal[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      BigDecimal s = Money.ZERO;
      for (int k = 0; k < leaves.size(); k++) {
        String code = lines.get(leaves.get(k)).code();
        if (code.startsWith(lines.get(i).code())) {
          s = s.add(parts[k]);
        }
      }
      byLine[i] = s;
    }
    return byLine;
  }

  private TableLayout income() {
    boolean institution = "事业".equals(doc.unit().kind());
    BigDecimal[] appropriation = shareByLine(t.fiscalAppropriationIncome());
    BigDecimal[] other = shareByLine(t.incomeThisYear().subtract(t.fiscalAppropriationIncome()));
    BigDecimal otherTotal = t.incomeThisYear().subtract(t.fiscalAppropriationIncome());
    BigDecimal[] total = {t.incomeThisYear(), t.fiscalAppropriationIncome(), null,
        institution ? otherTotal : null, null, null, institution ? null : otherTotal};
    List<TableLayout.Row> rows = codedRows(total, i -> new BigDecimal[] {appropriation[i].add(other[i]),
        appropriation[i], null, institution ? other[i] : null, null, null, institution ? null : other[i]});
    return coded("收入决算表", "公开02表", List.of(new Column(null, "本年收入合计"), new Column(null, "财政拨款收入"),
        new Column(null, "上级补助收入"), new Column(null, "事业收入"), new Column(null, "经营收入"),
        new Column(null, "附属单位上缴收入"), new Column(null, "其他收入")), rows,
        "注：本表反映部门本年度取得的各项收入情况。");
  }

  private TableLayout expenditure() {
    BigDecimal[] basic = shareByLine(t.basicExpenditure());
    BigDecimal[] total = {t.expenditureThisYear(), t.basicExpenditure(), t.projectExpenditure(), null, null, null};
    List<TableLayout.Row> rows = codedRows(total, i -> new BigDecimal[] {lines.get(i).actual(), basic[i],
        lines.get(i).actual().subtract(basic[i]), null, null, null});
    return coded("支出决算表", "公开03表", List.of(new Column(null, "本年支出合计"), new Column(null, "基本支出"),
        new Column(null, "项目支出"), new Column(null, "上缴上级支出"), new Column(null, "经营支出"),
        new Column(null, "对附属单位补助支出")), rows, "注：本表反映部门本年度各项支出情况。");
  }

  private TableLayout generalBudget() {
    BigDecimal[] basic = shareByLine(t.basicExpenditure());
    String note = "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。";
    if (!style.budgetColumn()) {
      BigDecimal[] total = {t.actualFinal(), t.basicExpenditure(), t.projectExpenditure()};
      List<TableLayout.Row> rows = codedRows(total, i -> new BigDecimal[] {lines.get(i).actual(), basic[i],
          lines.get(i).actual().subtract(basic[i])});
      return coded("一般公共预算财政拨款支出决算表", "公开05表", List.of(new Column("一般公共预算财政拨款支出决算数", "合计"),
          new Column("一般公共预算财政拨款支出决算数", "基本支出"), new Column("一般公共预算财政拨款支出决算数", "项目支出")),
          rows, note);
    }
    // The budget phases the document states: 年初结转和结余 (carry-over funding the year) and 全年预算数 beside the
    // initial budget, line by line as the document states them or shared out by spending where it states the total.
    List<Column> columns = new ArrayList<>(List.of(new Column(null, "年初预算数")));
    List<BigDecimal> total = new ArrayList<>(List.of(t.budgetInitial()));
    List<java.util.function.IntFunction<BigDecimal>> perLine = new ArrayList<>(List.of(i -> lines.get(i).budgetInitial()));
    if (t.budgetCarryover() != null) {
      BigDecimal[] carryover = byLine(t.budgetCarryover(), FunctionLine::budgetCarryover);
      columns.add(new Column(null, "年初结转和结余"));
      total.add(t.budgetCarryover());
      perLine.add(i -> carryover[i]);
    }
    if (t.budgetAdjusted() != null) {
      BigDecimal[] adjusted = byLine(t.budgetAdjusted(), FunctionLine::budgetAdjusted);
      columns.add(new Column(null, "全年预算数"));
      total.add(t.budgetAdjusted());
      perLine.add(i -> adjusted[i]);
    }
    columns.addAll(List.of(new Column("本年支出", "小计"), new Column("本年支出", "基本支出"),
        new Column("本年支出", "项目支出")));
    total.addAll(List.of(t.actualFinal(), t.basicExpenditure(), t.projectExpenditure()));
    perLine.add(i -> lines.get(i).actual());
    perLine.add(i -> basic[i]);
    perLine.add(i -> lines.get(i).actual().subtract(basic[i]));
    List<TableLayout.Row> rows = codedRows(total.toArray(new BigDecimal[0]),
        i -> perLine.stream().map(f -> f.apply(i)).toArray(BigDecimal[]::new));
    return coded("一般公共预算财政拨款支出决算表", "公开05表", columns, rows, note);
  }

  /** A figure of every line: as the lines state it when they all do, else {@code total} shared out by spending. */
  private BigDecimal[] byLine(BigDecimal total, java.util.function.Function<FunctionLine, BigDecimal> figure) {
    if (lines.stream().allMatch(l -> figure.apply(l) != null)) {
      return lines.stream().map(figure).toArray(BigDecimal[]::new);
    }
    return shareByLine(total);
  }

  private TableLayout govFund() {
    BigDecimal fund = t.govFundAppropriation();
    List<Column> columns = List.of(new Column(null, "年初结转和结余"), new Column(null, "本年收入"),
        new Column("本年支出", "小计"), new Column("本年支出", "基本支出"), new Column("本年支出", "项目支出"),
        new Column(null, "年末结转和结余"));
    if (fund.signum() == 0) {
      return coded("政府性基金预算财政拨款收入支出决算表", "公开07表", columns,
          List.of(emptyTotal(columns.size())), "注：本年度本单位无政府性基金预算财政拨款收入、支出及结转和结余。");
    }
    BigDecimal[] figures = {Money.ZERO, fund, fund, Money.ZERO, fund, Money.ZERO};
    List<TableLayout.Row> rows = new ArrayList<>();
    rows.add(totalRow(figures));
    String[][] fundLines = {{"212", "城乡社区支出"}, {"21208", "国有土地使用权出让收入安排的支出"},
        {"2120801", "征地和拆迁补偿支出"}};
    for (String[] line : fundLines) {
      List<Object> cells = new ArrayList<>();
      String code = line[0];
      if (style.splitCode()) {
        cells.add(code.substring(0, 3));
        cells.add(code.length() < 5 ? null : code.substring(3, 5));
        cells.add(code.length() < 7 ? null : code.substring(5, 7));
      } else {
        cells.add(code);
      }
      cells.add(line[1]);
      cells.addAll(Arrays.asList((Object[]) figures));
      rows.add(TableLayout.Row.of(cells));
    }
    return coded("政府性基金预算财政拨款收入支出决算表", "公开07表", columns, rows,
        "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。");
  }

  private TableLayout soeCapital() {
    List<Column> columns = List.of(new Column("本年支出", "合计"), new Column("本年支出", "基本支出"),
        new Column("本年支出", "项目支出"));
    return coded("国有资本经营预算财政拨款支出决算表", "公开08表", columns, List.of(emptyTotal(columns.size())),
        "注：本年度本单位无国有资本经营预算财政拨款支出。");
  }

  private TableLayout.Row totalRow(BigDecimal[] figures) {
    int codeColumns = style.splitCode() ? 3 : 1;
    List<Object> cells = new ArrayList<>();
    cells.add("合计");
    for (int c = 1; c <= codeColumns; c++) {
      cells.add(null);
    }
    cells.addAll(Arrays.asList((Object[]) figures));
    return new TableLayout.Row(cells, codeColumns + 1);
  }

  private TableLayout.Row emptyTotal(int amounts) {
    return totalRow(new BigDecimal[amounts]);
  }

  // 04 ----------------------------------------------------------------------------------------------------------

  private TableLayout appropriationSummary() {
    BigDecimal general = t.generalBudgetAppropriation();
    BigDecimal fund = t.govFundAppropriation();
    BigDecimal soe = t.soeCapitalAppropriation();
    List<BigDecimal> weights = doc.functions().stream().map(FunctionLine::actual).toList();
    BigDecimal[] generalByClass = Money.proportional(general, weights);
    List<Object[]> income = List.of(item("一、一般公共预算财政拨款", general), item("二、政府性基金预算财政拨款", fund),
        item("三、国有资本经营预算财政拨款", soe));
    List<Object[]> spending = new ArrayList<>();
    for (int i = 0; i < doc.functions().size(); i++) {
      FunctionLine f = doc.functions().get(i);
      BigDecimal fundPart = i == 0 ? fund : Money.ZERO;
      BigDecimal soePart = i == 0 ? soe : Money.ZERO;
      spending.add(item(NUMERALS[i % NUMERALS.length] + "、" + f.name(),
          generalByClass[i].add(fundPart).add(soePart), generalByClass[i], fundPart, soePart));
    }
    BigDecimal z = Money.ZERO;
    List<Object[]> incomeAfter = List.of(item("本年收入合计", t.fiscalAppropriationIncome()),
        item("年初财政拨款结转和结余", z), item("一般公共预算财政拨款", z), item("政府性基金预算财政拨款", z),
        item("国有资本经营预算财政拨款", z), item("总计", t.fiscalAppropriationIncome()));
    List<Object[]> spendingAfter = List.of(item("本年支出合计", t.fiscalAppropriationIncome(), general, fund, soe),
        item("年末财政拨款结转和结余", z, z, z, z), item("总计", t.fiscalAppropriationIncome(), general, fund, soe));
    List<TableLayout.Header> header = new ArrayList<>(List.of(
        new TableLayout.Header(0, 0, 1, 3, "收入"), new TableLayout.Header(0, 3, 1, 6, "支出"),
        new TableLayout.Header(1, 0, 1, 1, "项目"), new TableLayout.Header(1, 1, 1, 1, "行次"),
        new TableLayout.Header(1, 2, 1, 1, "金额"), new TableLayout.Header(1, 3, 1, 1, "项目"),
        new TableLayout.Header(1, 4, 1, 1, "行次"), new TableLayout.Header(1, 5, 1, 1, "合计"),
        new TableLayout.Header(1, 6, 1, 1, "一般公共预算财政拨款"), new TableLayout.Header(1, 7, 1, 1, "政府性基金预算财政拨款"),
        new TableLayout.Header(1, 8, 1, 1, "国有资本经营预算财政拨款")));
    return new TableLayout(title("财政拨款收入支出决算总表"), "公开04表", 9, 2, header, List.of(),
        twoSided(income, spending, incomeAfter, spendingAfter, 1),
        "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。");
  }

  // 06 ----------------------------------------------------------------------------------------------------------

  private static final String[][] PERSONNEL_301 = {{"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30103", "奖金"},
      {"30108", "机关事业单位基本养老保险缴费"}, {"30110", "职工基本医疗保险缴费"}, {"30113", "住房公积金"},
      {"30199", "其他工资福利支出"}};
  private static final String[][] PERSONNEL_303 = {{"30302", "退休费"}, {"30305", "生活补助"}};
  private static final String[][] PUBLIC_302 = {{"30201", "办公费"}, {"30205", "水费"}, {"30206", "电费"},
      {"30207", "邮电费"}, {"30211", "差旅费"}, {"30213", "维修（护）费"}, {"30216", "培训费"}, {"30228", "工会经费"},
      {"30299", "其他商品和服务支出"}};
  private static final String[][] PUBLIC_310 = {{"31002", "办公设备购置"}};

  private TableLayout basic() {
    Random random = new Random(Seeds.mix(doc.unit().code().hashCode(), doc.fiscalYear(), 17));
    BigDecimal retired = Money.timesDown(t.personnelExpense(), Money.fraction(random, 200, 800));
    BigDecimal equipment = Money.timesDown(t.publicExpense(), Money.fraction(random, 0, 800));
    List<Object[]> left = new ArrayList<>();
    economicClass(left, "301", "工资福利支出", t.personnelExpense().subtract(retired), PERSONNEL_301, random);
    economicClass(left, "303", "对个人和家庭的补助", retired, PERSONNEL_303, random);
    List<Object[]> right = new ArrayList<>();
    economicClass(right, "302", "商品和服务支出", t.publicExpense().subtract(equipment), PUBLIC_302, random);
    economicClass(right, "310", "资本性支出", equipment, PUBLIC_310, random);
    List<TableLayout.Row> rows = new ArrayList<>();
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      List<Object> cells = new ArrayList<>();
      for (List<Object[]> side : List.of(left, right)) {
        Object[] line = i < side.size() ? side.get(i) : new Object[3];
        cells.addAll(Arrays.asList(line));
      }
      rows.add(TableLayout.Row.of(cells));
    }
    rows.add(new TableLayout.Row(Arrays.asList("人员经费合计", null, t.personnelExpense(), "公用经费合计", null,
        t.publicExpense()), 2));
    List<TableLayout.Header> header = List.of(
        new TableLayout.Header(0, 0, 1, 3, "人员经费"), new TableLayout.Header(0, 3, 1, 3, "公用经费"),
        new TableLayout.Header(1, 0, 1, 1, "科目编码"), new TableLayout.Header(1, 1, 1, 1, "科目名称"),
        new TableLayout.Header(1, 2, 1, 1, "决算数"), new TableLayout.Header(1, 3, 1, 1, "科目编码"),
        new TableLayout.Header(1, 4, 1, 1, "科目名称"), new TableLayout.Header(1, 5, 1, 1, "决算数"));
    return new TableLayout(title("一般公共预算财政拨款基本支出决算表"), "公开06表", 6, 2, header, List.of(), rows,
        "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。");
  }

  private static void economicClass(List<Object[]> out, String code, String name, BigDecimal amount, String[][] items,
      Random random) {
    out.add(new Object[] {code, name, amount});
    List<BigDecimal> weights = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      weights.add(BigDecimal.valueOf(5 + random.nextInt(95)));
    }
    BigDecimal[] parts = Money.proportional(amount, weights);
    for (int i = 0; i < items.length; i++) {
      out.add(new Object[] {items[i][0], items[i][1], parts[i]});
    }
  }

  // 09 ----------------------------------------------------------------------------------------------------------

  private TableLayout threePublic() {
    List<TableLayout.Header> header = new ArrayList<>();
    List<Object> cells = new ArrayList<>();
    String[] halves = {"预算数", "决算数"};
    ThreePublicAmounts[] amounts = {doc.threePublic().budget(), doc.threePublic().actual()};
    for (int h = 0; h < 2; h++) {
      int o = 6 * h;
      header.add(new TableLayout.Header(0, o, 1, 6, halves[h]));
      header.add(new TableLayout.Header(1, o, 2, 1, ThreePublicCategory.TOTAL.zh()));
      header.add(new TableLayout.Header(1, o + 1, 2, 1, ThreePublicCategory.OUTBOUND_TRAVEL.zh()));
      header.add(new TableLayout.Header(1, o + 2, 1, 3, ThreePublicCategory.VEHICLES_ZH));
      header.add(new TableLayout.Header(2, o + 2, 1, 1, "小计"));
      header.add(new TableLayout.Header(2, o + 3, 1, 1, ThreePublicCategory.VEHICLE_PURCHASE.zh()));
      header.add(new TableLayout.Header(2, o + 4, 1, 1, ThreePublicCategory.VEHICLE_OPERATION.zh()));
      header.add(new TableLayout.Header(1, o + 5, 2, 1, ThreePublicCategory.RECEPTION.zh()));
      ThreePublicAmounts a = amounts[h];
      cells.addAll(List.of(a.total(), a.outboundTravel(), a.vehiclePurchase().add(a.vehicleOperation()),
          a.vehiclePurchase(), a.vehicleOperation(), a.reception()));
    }
    List<Integer> numbered = new ArrayList<>();
    for (int c = 0; c < 12; c++) {
      numbered.add(c);
    }
    return new TableLayout(title("财政拨款“三公”经费支出决算表"), "公开09表", 12, 3, header, numbered,
        List.of(TableLayout.Row.of(cells)), "注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。");
  }
}
