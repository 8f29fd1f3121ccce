package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.extract.SourceText.Cell;

/**
 * 绩效自评表: the unit-level table (部门整体支出总额 row) and one table per project (项目名称 …), read from the
 * table cells whatever the layout (one row per line, one cell per line, or {@code |}-separated). Columns are
 * identified by their printed headers (预算数/调整后预算数/全年预算数, 执行数, 执行率, 得分, 分值/权重).
 */
final class EvaluationTables {

  /** A run of label cells followed by the numeric cells of one table row. */
  record Row(String label, List<Cell> values) {}

  static final String STATED_PROJECTS = "#stated/project_count";
  static final String STATED_UNIT_INDICATORS = "#stated/unit_indicator_count";
  static final String NARRATIVE = "#narrative/";

  private static final Pattern HEADER = Pattern.compile(
      "调整后预算数|全年预算数|年初预算数|年初预算|预算执行数|全年执行数|执行数|预算执行率|执行率|预算数|得分|分值|权重");
  private static final Pattern NOTED_WEIGHT = Pattern.compile("(.{2,60}?)\\((\\d{1,3}(?:\\.\\d{1,2})?)分\\)");
  /** The columns of the full-year budget (预算数 A) and of the initial budget, most specific first. */
  private static final String[] FULL_YEAR = {"调整后预算数", "全年预算数", "预算数"};
  private static final String[] INITIAL = {"年初预算数", "年初预算"};
  private static final Pattern CARRYOVER_ROW = Pattern.compile("(?:其中)?:?上年结转(?:资金)?(?:\\(万元\\))?");
  private static final Pattern WEIGHT_NOTE = Pattern.compile("(?:预算执行情况|得分)(?:\\(万元\\))?\\((\\d{1,3})分");
  private static final Pattern NAME_END = Pattern.compile("主管部门|项目实施单位|实施单位|项目负责人|项目类别|\\|");
  private static final Pattern OPTION = Pattern.compile("(\\d)、([^\\s\\d□☐☑☒■√✓✔\\uE000-\\uF8FF]+)\\s*([□☐☑☒■√✓✔\\uE000-\\uF8FF]?)");
  private static final Pattern NARRATIVE_PROJECT = Patterns.compile(
      "(?:^|[。;:])(?:\\(?\\d{1,2}\\)?[.、])?([^。;:]{2,60}?)(?:绩效)?自评综述:项目(?:全年)?预算数为{AMT},(?:全年)?执行数为{AMT},完成预算的{PCT}");
  private static final Pattern PROJECT_COUNT = Patterns.compile("共涉及(?:项目{N}个|{N}个(?:一级)?项目)");
  private static final Pattern UNIT_INDICATOR_COUNT = Patterns.compile(
      "(?:部门|单位|整体)[^。;项]{0,12}?共设(?:置|定)?了?(?:{N}个(?:绩效)?指标|(?:绩效)?指标{N}个)");

  private EvaluationTables() {}

  static void read(SourceText text, Figures figures) {
    List<Cell> cells = text.cells();
    List<Integer> anchors = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).text().startsWith("项目名称")) {
        anchors.add(i);
      }
    }
    int firstAnchor = anchors.isEmpty() ? cells.size() : anchors.get(0);
    unitTable(text, figures, cells.subList(0, firstAnchor));
    int index = 0;
    for (int a = 0; a < anchors.size(); a++) {
      int from = anchors.get(a);
      int to = a + 1 < anchors.size() ? anchors.get(a + 1) : cells.size();
      if (projectTable(text, figures, cells.subList(from, to), index)) {
        index++;
      }
    }
    narrative(text, figures);
    summary(text, figures);
  }

  private static final Pattern SUMMARY_BUDGET = Pattern.compile("(?:全年|调整后)?预算(?:数|金额)?(?:\\((?:万)?元\\))?");
  private static final Pattern SUMMARY_INITIAL = Pattern.compile("年初预算(?:数|金额)?(?:\\((?:万)?元\\))?");
  private static final Pattern SUMMARY_ACTUAL = Pattern.compile("(?:全年|实际)?(?:执行数|支出数|决算数)(?:\\((?:万)?元\\))?");
  private static final Pattern SUMMARY_RATE = Pattern.compile("(?:预算)?执行率(?:\\(%\\))?");
  private static final Pattern SUMMARY_SCORE = Pattern.compile("(?:自评)?(?:得分|总分|评分)");

  /**
   * A table listing the projects one row each (项目名称 | 预算数 | 执行数 | 执行率 | 得分, flattened with {@code |} or one
   * row per line): every row a project with the figures under those headers. Without per-project tables these are
   * the projects; with them, each row adds its figures to the project of the same name (so the two must agree).
   */
  private static void summary(SourceText text, Figures figures) {
    List<List<Cell>> lines = new ArrayList<>();
    for (Cell c : text.cells()) {
      if (lines.isEmpty() || lines.get(lines.size() - 1).get(0).line() != c.line()) {
        lines.add(new ArrayList<>());
      }
      lines.get(lines.size() - 1).add(c);
    }
    boolean tables = !figures.pointers("/performance/projects/").isEmpty();
    int next = 0;
    for (int i = 0; i < lines.size(); i++) {
      int[] columns = summaryHeader(lines.get(i));
      if (columns == null) {
        continue;
      }
      boolean yuan = lines.get(i).stream().anyMatch(c -> c.text().contains("(元)"))
          || i > 0 && lines.get(i - 1).stream().anyMatch(c -> c.text().replace(" ", "").contains("单位:元"));
      for (int k = i + 1; k < lines.size() && lines.get(k).size() == lines.get(i).size(); k++) {
        List<Cell> row = lines.get(k);
        String name = row.get(columns[0]).text();
        if (name.isEmpty() || PrintedNumbers.isNumericCell(name) || !numbersUnder(row, columns)) {
          break;
        }
        String prefix = tables ? existing(figures, name) : "/performance/projects/" + next++ + "/";
        if (prefix == null) {
          continue;
        }
        var p = text.lines(row.get(0).line(), row.get(0).line());
        if (!tables) {
          figures.add(prefix + "name", name, p);
        }
        String[] fields = {null, "budget", "actual", "execution_rate_pct", "total_score", "budget_initial"};
        for (int f = 1; f < fields.length; f++) {
          String cell = columns[f] < 0 ? "" : row.get(columns[f]).text();
          if (cell.isEmpty()) {
            continue;
          }
          BigDecimal v = PrintedNumbers.cellValue(cell);
          boolean amount = f <= 2 || f == 5;
          figures.add(prefix + fields[f], amount ? PrintedNumbers.tenThousandYuan(cell.replace("%", ""), yuan ? "元" : "万元") : v, p);
        }
      }
    }
  }

  /**
   * The columns of 项目名称, 预算数 (full-year), 执行数, 执行率, 得分 and 年初预算数 in a header row of labels only; null
   * when it is not one.
   */
  private static int[] summaryHeader(List<Cell> line) {
    // Every line of the text is asked; only one naming 项目名称 can be a header (the labels' patterns are not tried).
    if (line.stream().noneMatch(c -> c.text().equals("项目名称"))) {
      return null;
    }
    int[] columns = {-1, -1, -1, -1, -1, -1};
    int values = 0;
    for (int c = 0; c < line.size(); c++) {
      String t = line.get(c).text();
      int role = t.equals("项目名称") ? 0 : SUMMARY_INITIAL.matcher(t).matches() ? 5
          : SUMMARY_BUDGET.matcher(t).matches() ? 1 : SUMMARY_ACTUAL.matcher(t).matches()
          ? 2 : SUMMARY_RATE.matcher(t).matches() ? 3 : SUMMARY_SCORE.matcher(t).matches() ? 4
          : t.isEmpty() || t.equals("序号") ? -1 : -2;
      if (role == -2 || role >= 0 && columns[role] >= 0) {
        return null;
      }
      if (role >= 0) {
        columns[role] = c;
        values += role > 0 ? 1 : 0;
      }
    }
    return columns[0] >= 0 && values >= 2 ? columns : null;
  }

  private static boolean numbersUnder(List<Cell> row, int[] columns) {
    for (int f = 1; f < columns.length; f++) {
      String t = columns[f] < 0 ? "" : row.get(columns[f]).text();
      if (!t.isEmpty() && !PrintedNumbers.isNumericCell(t)) {
        return false;
      }
    }
    return true;
  }

  /** The prefix of the project read from its own table under this name, or null. */
  private static String existing(Figures figures, String name) {
    for (String pointer : figures.pointers("/performance/projects/")) {
      if (pointer.matches("/performance/projects/\\d+/name") && name.equals(figures.first(pointer))) {
        return pointer.substring(0, pointer.length() - "name".length());
      }
    }
    return null;
  }

  static List<Row> rows(List<Cell> cells) {
    List<Row> rows = new ArrayList<>();
    StringBuilder label = new StringBuilder();
    List<Cell> values = new ArrayList<>();
    for (Cell c : cells) {
      String t = c.text();
      if (PrintedNumbers.isNumericCell(t) || t.isEmpty() && !values.isEmpty()) {
        values.add(c);
      } else if (!t.isEmpty()) {
        if (!values.isEmpty()) {
          rows.add(new Row(label.toString(), values));
          label.setLength(0);
          values = new ArrayList<>();
        }
        label.append(t);
      }
    }
    if (!values.isEmpty()) {
      rows.add(new Row(label.toString(), values));
    }
    return rows;
  }

  private static void unitTable(SourceText text, Figures figures, List<Cell> cells) {
    List<Row> rows = rows(cells);
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).label().contains("整体支出总额")) {
        evaluation(text, figures, cells, rows, r, "/performance/unit_evaluation/");
        indicators(text, figures, cells, rows.get(r), "/performance/unit_evaluation/");
        return;
      }
    }
  }

  private static boolean projectTable(SourceText text, Figures figures, List<Cell> cells, int index) {
    String name = projectName(text, cells);
    List<Row> rows = rows(cells);
    for (int r = 0; r < rows.size(); r++) {
      if (dataRow(rows.get(r)) != null) {
        String prefix = "/performance/projects/" + index + "/";
        if (name != null) {
          figures.add(prefix + "name", name, text.lines(cells.get(0).line(), cells.get(0).line()));
        }
        String category = category(text, cells);
        if (category != null) {
          figures.add(prefix + "category", category, null);
        }
        evaluation(text, figures, cells, rows, r, prefix);
        indicators(text, figures, cells, rows.get(r), prefix);
        return true;
      }
    }
    return false;
  }

  /** The header columns of a budget-execution row, or null when the row is not one. */
  private static List<String> dataRow(Row row) {
    String label = row.label();
    int from = Math.max(label.lastIndexOf("预算执行情况"), label.lastIndexOf("项目资金"));
    Matcher m = HEADER.matcher(label);
    List<String> headers = new ArrayList<>();
    int lastEnd = -1;
    while (m.find(Math.max(from, 0))) {
      headers.add(m.group());
      lastEnd = m.end();
      from = m.end();
    }
    if (headers.size() < 2 || row.values().size() < 2) {
      return null;
    }
    String tail = label.substring(lastEnd);
    if (!(tail.contains("总额") || tail.contains("合计") || tail.contains("资金"))) {
      return null;
    }
    boolean specific = headers.stream().anyMatch(h -> h.startsWith("年初") || h.startsWith("调整后") || h.startsWith("全年预算"));
    if (specific) {
      headers.remove("预算数");
    }
    return headers;
  }

  private static void evaluation(SourceText text, Figures figures, List<Cell> cells, List<Row> rows, int r,
      String prefix) {
    Row row = rows.get(r);
    List<String> headers = dataRow(row);
    if (headers == null) {
      return;
    }
    Cell budget = column(row, headers, FULL_YEAR);
    Cell initial = column(row, headers, INITIAL);
    Cell actual = column(row, headers, "预算执行数", "全年执行数", "执行数");
    Cell rate = column(row, headers, "预算执行率", "执行率");
    Cell score = column(row, headers, "得分");
    Cell weight = column(row, headers, "分值", "权重");
    Cell anyBudget = budget != null ? budget : initial;
    if (anyBudget != null && actual != null && isZero(anyBudget) && isZero(actual) && r + 1 < rows.size()
        && rows.get(r + 1).label().startsWith("其中")) {
      Row sub = rows.get(r + 1);
      Cell subFullYear = column(sub, headers, FULL_YEAR);
      Cell subInitial = column(sub, headers, INITIAL);
      Cell subBudget = subFullYear != null ? subFullYear : subInitial;
      Cell subActual = column(sub, headers, "预算执行数", "全年执行数", "执行数");
      if (subBudget != null && subActual != null && !(isZero(subBudget) && isZero(subActual))) {
        figures.finding(new Finding("table.zero_total_row", Finding.WARNING,
            "绩效自评表的资金总额行全部为0，而其中行有金额（第" + (anyBudget.line() + 1) + "行），已采用其中行的预算数和执行数，不采用该行的执行率和得分。",
            "The funds total row of a self-evaluation table is all zero while its 其中 row has amounts (line "
                + (anyBudget.line() + 1) + "); the 其中 row's budget and actual are used and the total row's rate and score are not.",
            "line " + (anyBudget.line() + 1) + ": " + anyBudget.text() + " / " + actual.text() + "; line "
                + (subBudget.line() + 1) + ": " + subBudget.text() + " / " + subActual.text()));
        budget = subFullYear;
        initial = subInitial;
        actual = subActual;
        rate = null;
        score = null;
      }
    }
    Provenance p = text.lines(row.values().get(0).line(), row.values().get(row.values().size() - 1).line());
    amount(figures, prefix + "budget", budget, p);
    amount(figures, prefix + "budget_initial", initial, p);
    amount(figures, prefix + "actual", actual, p);
    carryover(text, figures, cells, rows, r, headers, prefix);
    if (rate != null && rate.text().endsWith("%")) {
      figures.add(prefix + "execution_rate_pct", PrintedNumbers.cellValue(rate.text()), p);
    }
    amount(figures, prefix + "execution_score", score, p);
    Matcher w = WEIGHT_NOTE.matcher(row.label());
    BigDecimal weightValue = weight != null && !weight.text().isEmpty() ? PrintedNumbers.cellValue(weight.text())
        : w.find() ? new BigDecimal(w.group(1)) : null;
    if (weightValue != null) {
      figures.add(prefix + "execution_weight", weightValue, p);
    }
    for (int k = r + 1; k < rows.size(); k++) {
      Row total = rows.get(k);
      if (total.label().endsWith("总分") && !total.values().get(0).text().isEmpty()) {
        Cell c = total.values().get(0);
        figures.add(prefix + "total_score", PrintedNumbers.cellValue(c.text()), text.lines(c.line(), c.line()));
        break;
      }
      if (total.label().contains("整体支出总额")) {
        break;
      }
    }
  }

  /**
   * 上年结转资金: the row of a table's funds that states the carry-over among the year's funds (其中：本年财政拨款 /
   * 上年结转资金 / 其他资金), its full-year figure. Only a cell labelled exactly so counts (an empty row runs into
   * the labels after it), and only when its cells can be aligned with the columns: a {@code |}-separated row keeps
   * its blank cells, a row split on spaces must have a cell under every column — a blank before its figures would
   * leave no trace.
   */
  private static void carryover(SourceText text, Figures figures, List<Cell> cells, List<Row> rows, int r,
      List<String> headers, String prefix) {
    Cell lastValue = rows.get(r).values().get(rows.get(r).values().size() - 1);
    int from = cells.indexOf(lastValue) + 1;
    for (int i = from; i < cells.size() && i < from + 40; i++) {
      Cell label = cells.get(i);
      if (!CARRYOVER_ROW.matcher(label.text()).matches()) {
        continue;
      }
      List<Cell> run = new java.util.ArrayList<>();
      for (int k = i + 1; k < cells.size() && cells.get(k).line() == label.line()
          && (cells.get(k).text().isEmpty() || PrintedNumbers.isNumericCell(cells.get(k).text())); k++) {
        run.add(cells.get(k));
      }
      boolean aligned = text.line(label.line()).indexOf('|') >= 0 || run.size() == headers.size();
      int column = columnOf(headers, FULL_YEAR);
      if (column < 0) {
        column = columnOf(headers, INITIAL);
      }
      if (aligned && column >= 0 && column < run.size() && !run.get(column).text().isEmpty()) {
        Cell c = run.get(column);
        amount(figures, prefix + "budget_carryover", c, text.lines(c.line(), c.line()));
      }
      return;
    }
  }

  private static int columnOf(List<String> headers, String... names) {
    for (String n : names) {
      int k = headers.indexOf(n);
      if (k >= 0) {
        return k;
      }
    }
    return -1;
  }

  /** The indicator rows after a table's budget-execution row, or a finding when they cannot be aligned for sure. */
  private static void indicators(SourceText text, Figures figures, List<Cell> cells, Row dataRow, String prefix) {
    Cell lastValue = dataRow.values().get(dataRow.values().size() - 1);
    int from = 0;
    while (from < cells.size() && cells.get(from) != lastValue) {
      from++;
    }
    IndicatorTable.Reading reading = IndicatorTable.read(cells.subList(Math.min(cells.size(), from + 1), cells.size()));
    if (!reading.aligned()) {
      IndicatorTable.Problem problem = reading.problem();
      Provenance p = text.lines(problem.line(), problem.line());
      figures.finding(new Finding("indicators.unaligned", Finding.WARNING,
          "绩效指标表（" + prefix + "）第 " + p.line() + " 行处无法确定各行对齐，未读取该表的指标：" + problem.zh() + "。",
          "The indicator rows of " + prefix + " cannot be aligned for sure at line " + p.line()
              + ", so none of the table's indicators is read: " + problem.en() + ".",
          "line " + p.line() + ": " + (p.text().length() > 160 ? p.text().substring(0, 160) + "…" : p.text())));
      scoresAboveNotedWeights(text, figures, cells.subList(Math.min(cells.size(), from + 1), cells.size()), prefix);
      return;
    }
    List<IndicatorTable.Row> rows = reading.rows();
    Map<Long, Provenance> spans = new HashMap<>();
    for (int j = 0; j < rows.size(); j++) {
      IndicatorTable.Row r = rows.get(j);
      String p = prefix + "indicators/" + j + "/";
      part(text, spans, figures, p + "level1", r.level1());
      part(text, spans, figures, p + "level2", r.level2());
      part(text, spans, figures, p + "name", r.name());
      part(text, spans, figures, p + "target", r.target());
      part(text, spans, figures, p + "actual", r.actual());
      if (r.weight() != null) {
        figures.add(p + "weight", r.weight(), lines(text, spans, r.weightCell()));
      }
      figures.add(p + "score", PrintedNumbers.cellValue(r.score().text()), lines(text, spans, r.score()));
    }
  }

  /**
   * In a table whose rows cannot be aligned, one row can still be judged on its own: a line that opens with an
   * indicator's name and its weight note (“服务对象满意度（10分）”) and ends in the 得分 column (the table's last
   * header, with no column after it) whose score is above that weight. Nothing is read into the document.
   */
  private static void scoresAboveNotedWeights(SourceText text, Figures figures, List<Cell> cells, String prefix) {
    int header = -1;
    for (int i = 0; i < cells.size(); i++) {
      String t = cells.get(i).text();
      if (t.equals("得分")) {
        header = i;
      } else if (t.contains("偏差") || t.contains("原因")) {
        return;
      }
      if (header >= 0 && t.endsWith("总分")) {
        break;
      }
    }
    if (header < 0) {
      return;
    }
    for (int i = header + 1; i + 3 < cells.size(); i++) {
      Cell name = cells.get(i);
      Matcher note = NOTED_WEIGHT.matcher(name.text());
      if (!note.matches() || i > 0 && cells.get(i - 1).line() == name.line()) {
        continue;
      }
      int end = i + 1;
      while (end < cells.size() && cells.get(end).line() == name.line()) {
        end++;
      }
      Cell score = cells.get(end - 1);
      if (end - i != 4 || !PrintedNumbers.isNumericCell(score.text()) || score.text().endsWith("%")) {
        continue;
      }
      BigDecimal weight = new BigDecimal(note.group(2));
      BigDecimal value = PrintedNumbers.cellValue(score.text());
      if (value.compareTo(weight) <= 0) {
        continue;
      }
      Provenance p = text.lines(name.line(), name.line());
      String indicator = note.group(1);
      figures.finding(new Finding("indicator.score_above_weight", Finding.ERROR,
          "指标“" + indicator + "”得分 " + value.toPlainString() + " 超过其分值 " + weight.toPlainString()
              + "，得分不得突破权重（" + prefix + "，第" + p.line() + "行）。",
          "The indicator “" + indicator + "” scores " + value.toPlainString() + ", above its weight "
              + weight.toPlainString() + "; a score may not exceed its weight (" + prefix + ", line " + p.line() + ").",
          "line " + p.line() + ": " + p.text().strip()));
    }
  }

  private static void part(SourceText text, Map<Long, Provenance> spans, Figures figures, String pointer,
      IndicatorTable.Part part) {
    if (part != null) {
      figures.add(pointer, part.text(), lines(text, spans, part));
    }
  }

  /** The source lines of a cell; the cells of one row share them. */
  private static Provenance lines(SourceText text, Map<Long, Provenance> spans, IndicatorTable.Part part) {
    return spans.computeIfAbsent(((long) part.firstLine() << 32) | part.lastLine(),
        k -> text.lines(part.firstLine(), part.lastLine()));
  }

  private static boolean isZero(Cell c) {
    return !c.text().isEmpty() && PrintedNumbers.cellValue(c.text()).signum() == 0;
  }

  private static Cell column(Row row, List<String> headers, String... names) {
    for (String n : names) {
      int k = headers.indexOf(n);
      if (k >= 0 && k < row.values().size()) {
        Cell c = row.values().get(k);
        return c.text().isEmpty() ? null : c;
      }
    }
    return null;
  }

  private static void amount(Figures figures, String pointer, Cell c, Provenance p) {
    if (c != null && !c.text().endsWith("%")) {
      figures.add(pointer, PrintedNumbers.cellValue(c.text()), p);
    }
  }

  private static String projectName(SourceText text, List<Cell> cells) {
    int line = cells.get(0).line();
    String l = text.normalisedLine(line);
    int at = l.indexOf("项目名称");
    String rest = l.substring(at + 4);
    Matcher end = NAME_END.matcher(rest);
    String name = clean(end.find() ? rest.substring(0, end.start()) : rest);
    if (name.isEmpty()) {
      for (Cell c : cells.subList(1, Math.min(cells.size(), 3))) {
        if (!c.text().isEmpty()) {
          return clean(c.text());
        }
      }
      return null;
    }
    return name;
  }

  private static String clean(String s) {
    String t = s.replace(" ", "").replace("|", "");
    return t.startsWith(":") ? t.substring(1) : t;
  }

  /** The one ticked option of 项目类别, or null when none or several are ticked. */
  private static String category(SourceText text, List<Cell> cells) {
    int last = cells.get(cells.size() - 1).line();
    for (int i = cells.get(0).line(); i <= Math.min(last, cells.get(0).line() + 12); i++) {
      String l = text.normalisedLine(i);
      int at = l.indexOf("项目类别");
      if (at < 0) {
        continue;
      }
      Matcher m = OPTION.matcher(l.substring(at + 4));
      String ticked = null;
      int count = 0;
      boolean unknown = false;
      while (m.find()) {
        String mark = m.group(3);
        if (mark.isEmpty()) {
          unknown = true;
        } else if (isTicked(mark.charAt(0))) {
          ticked = m.group(2);
          count++;
        }
      }
      return count == 1 && !unknown ? ticked : null;
    }
    return null;
  }

  private static boolean isTicked(char c) {
    return c == '☑' || c == '☒' || c == '■' || c == '√' || c == '✓' || c == '✔' || c == '\uF0FE' || c == '\uF052';
  }

  private static void narrative(SourceText text, Figures figures) {
    String flow = text.flow();
    int[] n = {0};
    Patterns.each(NARRATIVE_PROJECT, flow, m -> {
      int start = m.start(1);
      var p = text.provenance(start, m.end());
      String prefix = NARRATIVE + n[0]++ + "/";
      String name = m.group(1);
      figures.add(prefix + "name", name.endsWith("项目") ? name.substring(0, name.length() - 2) : name, p);
      figures.add(prefix + "budget", PrintedNumbers.tenThousandYuan(m.group(2), m.group(3)), p);
      figures.add(prefix + "actual", PrintedNumbers.tenThousandYuan(m.group(4), m.group(5)), p);
      figures.add(prefix + "execution_rate_pct", PrintedNumbers.number(m.group(6)), p);
    });
    Patterns.each(UNIT_INDICATOR_COUNT, flow, m -> figures.add(STATED_UNIT_INDICATORS,
        new BigDecimal(m.group(1) != null ? m.group(1) : m.group(2)), text.provenance(m.start(), m.end())));
    Patterns.each(PROJECT_COUNT, flow, m -> figures.add(STATED_PROJECTS,
        new BigDecimal(m.group(1) != null ? m.group(1) : m.group(2)), text.provenance(m.start(), m.end())));
  }
}
