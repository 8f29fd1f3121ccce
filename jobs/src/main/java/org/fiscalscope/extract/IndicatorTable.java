package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fiscalscope.extract.SourceText.Cell;

/**
 * The 绩效指标 rows of one self-evaluation table (一级/二级/三级指标, 年初目标值, 实际完成值, 分值, 得分), aligned from
 * the flattened cells only when every row is certain: a row ends with its score as the last cell of a line, its
 * levels come from the template's vocabulary (merged cells inherit), and a name broken over lines is joined only
 * when each broken line fills the column's width. Anything less leaves the whole table out, with the reason.
 */
final class IndicatorTable {

  /** One aligned indicator row, with the cells its figures came from. */
  record Row(Part level1, Part level2, Part name, Part target, Part actual, BigDecimal weight, Part weightCell,
      Part score) {}

  /** A printed value and the 0-based lines it spans. */
  record Part(String text, int firstLine, int lastLine) {}

  /** Why a table's rows cannot be aligned, in Chinese and English, at a 0-based line. */
  record Problem(String zh, String en, int line) {}

  /** The rows of a table, or none and the reason they could not be aligned. */
  record Reading(List<Row> rows, Problem problem) {

    boolean aligned() {
      return problem == null;
    }
  }

  /** Where one value column sits, by its header. */
  private enum Column { TARGET, ACTUAL, WEIGHT, SCORE }

  private static final Set<String> HEADER_LEVELS = Set.of("一级", "二级", "指标", "一级指标", "二级指标", "");
  private static final Set<String> LEVEL1 = Set.of("产出指标", "效益指标", "满意度指标", "成本指标");
  private static final Set<String> OUTPUT = Set.of("数量指标", "质量指标", "时效指标");
  private static final Set<String> COST = Set.of("经济成本指标", "社会成本指标", "生态环境成本指标");
  private static final Set<String> BENEFIT = Set.of("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标");
  private static final Set<String> SATISFACTION = Set.of("服务对象满意度指标", "满意度指标");
  private static final Pattern HEADER_COLUMN = Pattern.compile(
      "(年初目标值|年度目标值|年度指标值|目标值|指标值|预期目标)|(实际完成值|完成值|实际值)|(分值|权重)|(得分)");
  private static final Pattern HEADER_NOISE = Pattern.compile("(?:一级指标|二级指标|三级指标|年初|年度|全年|\\([A-Za-z/]{1,3}\\)|\\(\\d{1,3}分\\)|\\|)*");
  private static final Pattern NUMERIC_VALUE = Pattern.compile(
      "(?:[≥≤=<>]|不低于|不高于|不少于|不超过|大于|小于)?约?-?\\d[\\d,]*(?:\\.\\d+)?(?:[%‰]|[余多]?[\\p{IsHan}a-zA-Z/²³]{0,6})");
  private static final Pattern QUALITATIVE_VALUE = Pattern.compile("[≥≤=]?[\\p{IsHan}]{1,6}");
  private static final Pattern POINTS = Pattern.compile("\\d{1,3}(?:\\.\\d{1,2})?");
  private static final Pattern OPERATOR = Pattern.compile("[≥≤=<>]|>=|<=");
  private static final Pattern NUMBER_START = Pattern.compile("[≥≤=<>]?\\d[\\d.,]*");
  private static final Set<String> UNITS = Set.of("%", "人", "人次", "次", "场", "场次", "家", "个", "项", "份", "件", "件次",
      "批", "批次", "台", "套", "辆", "趟", "户", "所", "名", "期", "篇", "本", "天", "日", "月", "年", "万元", "元", "亿元",
      "平方米", "米", "公里", "小时", "分钟", "座", "处", "条", "张", "册", "万人", "亩", "吨", "余人", "余次", "余家");
  private static final Pattern WEIGHT_NOTE = Pattern.compile("\\((\\d{1,3}(?:\\.\\d{1,2})?)分\\)$");
  private static final double FULL_LINE = 0.8;

  /** A cell with its lines, whether it is the last cell of its line, and what kind of value it could be. */
  private record Token(String text, int firstLine, int lastLine, boolean lineEnd, boolean numeric, boolean value,
      boolean points) {

    static Token of(String text, int firstLine, int lastLine, boolean lineEnd) {
      boolean digit = hasDigit(text);
      boolean numeric = digit && NUMERIC_VALUE.matcher(text).matches();
      boolean value = numeric || !digit && text.length() <= 7 && QUALITATIVE_VALUE.matcher(text).matches();
      boolean points = digit && Character.isDigit(text.charAt(0)) && POINTS.matcher(text).matches();
      return new Token(text, firstLine, lastLine, lineEnd, numeric, value, points);
    }

    private static boolean hasDigit(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          return true;
        }
      }
      return false;
    }

    Part part() {
      return new Part(text, firstLine, lastLine);
    }
  }

  private IndicatorTable() {}

  /**
   * The indicator rows in {@code cells}, which start just after the table's budget-execution row; reading stops at
   * 总分, at 偏差… or at the next project table.
   */
  static Reading read(List<Cell> cells) {
    int end = cells.size();
    for (int i = 0; i < cells.size(); i++) {
      String t = cells.get(i).text();
      if (t.startsWith("偏差") && i > 0 && cells.get(i - 1).text().contains("得分")) {
        return new Reading(List.of(), new Problem("得分列之后另有偏差原因列，无法确定各行的末尾",
            "a deviation-reason column follows the score, so the rows' ends cannot be told", cells.get(i).line()));
      }
      if (t.startsWith("总分") || t.startsWith("偏差") || t.startsWith("项目名称") || t.contains("整体支出总额")) {
        end = i;
        break;
      }
    }
    List<int[]> headers = headers(cells, end);
    if (headers.isEmpty()) {
      return new Reading(List.of(), null);
    }
    List<Row> rows = new ArrayList<>();
    Inherited levels = new Inherited();
    for (int h = 0; h < headers.size(); h++) {
      int[] header = headers.get(h);
      List<Column> columns = columns(cells, header[1], header[2]);
      if (columns == null) {
        int line = cells.get(header[1]).line();
        return new Reading(List.of(), new Problem("表头的列无法全部识别（须为目标值、实际完成值、分值、得分）",
            "the header has columns other than target, actual, weight and score", line));
      }
      boolean last = h == headers.size() - 1;
      int to = last ? end : headers.get(h + 1)[0];
      boolean needsLevel1 = joined(cells, header[0], header[1] + 1).contains("一级");
      Problem problem = segment(tokens(cells, header[2] + 1, to), columns, last, needsLevel1 && h == 0, levels, rows);
      if (problem != null) {
        return new Reading(List.of(), problem);
      }
    }
    return new Reading(rows, null);
  }

  /** Each header as {first cell, 三级指标 cell, 得分 cell}. */
  private static List<int[]> headers(List<Cell> cells, int end) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      if (!cells.get(i).text().contains("三级指标")) {
        continue;
      }
      int score = -1;
      for (int k = i; k < Math.min(end, i + 14); k++) {
        if (cells.get(k).text().contains("得分")) {
          score = k;
          break;
        }
      }
      if (score < 0) {
        continue;
      }
      int first = i;
      while (first > 0 && HEADER_LEVELS.contains(cells.get(first - 1).text())) {
        first--;
      }
      out.add(new int[] {first, i, score});
      i = score;
    }
    return out;
  }

  private static List<Column> columns(List<Cell> cells, int from, int scoreCell) {
    String header = joined(cells, from, scoreCell + 1);
    if (!HEADER_NOISE.matcher(HEADER_COLUMN.matcher(header).replaceAll("")).matches()) {
      return null;
    }
    Matcher m = HEADER_COLUMN.matcher(header);
    List<Column> columns = new ArrayList<>();
    while (m.find()) {
      Column c = m.group(1) != null ? Column.TARGET : m.group(2) != null ? Column.ACTUAL
          : m.group(3) != null ? Column.WEIGHT : Column.SCORE;
      if (!columns.contains(c)) {
        columns.add(c);
      }
    }
    boolean usable = columns.contains(Column.TARGET) && columns.contains(Column.ACTUAL)
        && columns.get(columns.size() - 1) == Column.SCORE;
    return usable ? columns : null;
  }

  private static String joined(List<Cell> cells, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(cells.get(i).text());
    }
    return b.toString();
  }

  /** Non-empty cells as tokens; a unit printed apart from its number on the same line ("≤5 人") is rejoined. */
  private static List<Token> tokens(List<Cell> cells, int from, int to) {
    List<Token> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Cell c = cells.get(i);
      String t = c.text().replace(" ", "");
      if (t.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        Token prev = out.get(out.size() - 1);
        boolean sameLine = prev.lastLine() == c.line();
        boolean unit = sameLine && t.length() <= 3 && UNITS.contains(t) && NUMBER_START.matcher(prev.text()).matches();
        boolean operator = sameLine && prev.text().length() <= 2 && OPERATOR.matcher(prev.text()).matches();
        if (unit || operator) {
          out.set(out.size() - 1, new Token(prev.text() + t, prev.firstLine(), c.line(), false, false, false, false));
          continue;
        }
      }
      out.add(new Token(t, c.line(), c.line(), false, false, false, false));
    }
    for (int i = 0; i < out.size(); i++) {
      Token t = out.get(i);
      boolean lineEnd = i + 1 == out.size() || out.get(i + 1).firstLine() > t.lastLine();
      out.set(i, Token.of(t.text(), t.firstLine(), t.lastLine(), lineEnd));
    }
    return out;
  }

  /** Levels carried down from the row above, as merged cells print them once. */
  private static final class Inherited {
    Part level1;
    Part level2;
    boolean any;
  }

  private static Problem segment(List<Token> tokens, List<Column> columns, boolean last, boolean needsLevel1,
      Inherited levels, List<Row> rows) {
    int k = columns.size();
    List<Token> labels = new ArrayList<>();
    List<List<Token>> runs = new ArrayList<>();
    List<List<Token>> values = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (isGroup(tokens, i, columns) && !(!tokens.get(i).numeric() && isGroup(tokens, i + 1, columns))) {
        runs.add(labels);
        values.add(tokens.subList(i, i + k));
        labels = new ArrayList<>();
        i += k;
      } else {
        labels.add(tokens.get(i));
        i++;
      }
    }
    if (!labels.isEmpty() && (last || labels.stream().anyMatch(t -> isLevel(t.text())) || !levelTerms(labels).terms().isEmpty())) {
      return new Problem("指标行没有可识别的目标值、实际完成值和得分", "a row has no recognisable target, actual and score",
          labels.get(0).firstLine());
    }
    int width = 0;
    for (List<Token> run : runs) {
      for (Token t : levelTerms(run).rest()) {
        width = Math.max(width, width(t.text()));
      }
    }
    for (int r = 0; r < runs.size(); r++) {
      Problem problem = row(runs.get(r), values.get(r), columns, width, needsLevel1 && rows.isEmpty(), levels, rows);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static boolean isGroup(List<Token> tokens, int at, List<Column> columns) {
    int k = columns.size();
    if (at + k > tokens.size()) {
      return false;
    }
    Token target = null;
    for (int c = 0; c < k; c++) {
      Token t = tokens.get(at + c);
      if (columns.get(c) == Column.TARGET) {
        target = t;
      } else if (columns.get(c) == Column.ACTUAL && target != null && !target.numeric() && t.numeric()) {
        return false;
      }
      boolean ok = switch (columns.get(c)) {
        case TARGET, ACTUAL -> t.value();
        case WEIGHT -> t.points();
        case SCORE -> t.points() && t.lineEnd();
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }


  /**
   * The level terms a label run starts with (each made of whole cells, a weight note such as 产出指标（50分） dropped)
   * and the cells left for the name.
   */
  private record Levels(List<Part> terms, List<Token> rest) {}

  private static Levels levelTerms(List<Token> run) {
    List<Part> terms = new ArrayList<>();
    int i = 0;
    while (i < run.size() && terms.size() < 2) {
      StringBuilder acc = new StringBuilder();
      int j = i;
      String found = null;
      int foundEnd = -1;
      while (j < run.size()) {
        acc.append(run.get(j).text());
        j++;
        String a = acc.charAt(acc.length() - 1) == ')' ? WEIGHT_NOTE.matcher(acc).replaceFirst("") : acc.toString();
        if (isLevel(a)) {
          found = a;
          foundEnd = j;
          if (a.length() < acc.length() || j == run.size() || !run.get(j).text().startsWith("(")) {
            break;
          }
          continue;
        }
        if (!isLevelPrefix(a)) {
          break;
        }
      }
      if (found == null) {
        break;
      }
      terms.add(new Part(found, run.get(i).firstLine(), run.get(foundEnd - 1).lastLine()));
      i = foundEnd;
    }
    return new Levels(terms, run.subList(i, run.size()));
  }

  private static boolean isLevel(String s) {
    return LEVEL1.contains(s) || "成本指标".equals(s) || OUTPUT.contains(s) || COST.contains(s) || BENEFIT.contains(s)
        || SATISFACTION.contains(s);
  }

  private static boolean isLevelPrefix(String s) {
    for (Set<String> set : List.of(LEVEL1, OUTPUT, COST, BENEFIT, SATISFACTION)) {
      for (String term : set) {
        if (term.startsWith(s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLevel2(String s) {
    return OUTPUT.contains(s) || COST.contains(s) || BENEFIT.contains(s) || SATISFACTION.contains(s) || "成本指标".equals(s);
  }

  /** Whether a 二级指标 belongs under a 一级指标 in the national template. */
  private static boolean belongs(String level2, String level1) {
    return switch (level1) {
      case "产出指标" -> OUTPUT.contains(level2) || "成本指标".equals(level2);
      case "成本指标" -> COST.contains(level2) || "成本指标".equals(level2);
      case "效益指标" -> BENEFIT.contains(level2);
      case "满意度指标" -> SATISFACTION.contains(level2);
      default -> false;
    };
  }

  private static Problem row(List<Token> run, List<Token> values, List<Column> columns, int width,
      boolean needsLevel1, Inherited levels, List<Row> rows) {
    int line = (run.isEmpty() ? values.get(0) : run.get(0)).firstLine();
    Levels parsed = levelTerms(run);
    List<Part> terms = parsed.terms();
    if (terms.size() == 2) {
      if (!LEVEL1.contains(terms.get(0).text()) || !isLevel2(terms.get(1).text())) {
        return new Problem("一级、二级指标不合模板", "the levels do not follow the template", line);
      }
      levels.level1 = terms.get(0);
      levels.level2 = terms.get(1);
    } else if (terms.size() == 1) {
      Part t = terms.get(0);
      if (isLevel2(t.text()) && levels.level1 != null && belongs(t.text(), levels.level1.text())) {
        levels.level2 = t;
      } else if (LEVEL1.contains(t.text())) {
        levels.level1 = t;
        levels.level2 = null;
      } else {
        levels.level1 = null;
        levels.level2 = t;
      }
    } else if (!levels.any) {
      return new Problem("首个指标没有一级、二级指标", "the first indicator names no level", line);
    }
    if (needsLevel1 && levels.level1 == null) {
      return new Problem("首个指标没有一级指标", "the first indicator names no first-level indicator", line);
    }
    levels.any = true;
    List<Token> name = parsed.rest();
    if (name.isEmpty()) {
      return new Problem("指标没有名称", "the indicator has no name", line);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < name.size(); i++) {
      String t = name.get(i).text();
      if (PrintedNumbers.isNumericCell(t)) {
        return new Problem("指标名称中有多余的数字 " + t, "a stray number " + t + " in the indicator name", line);
      }
      if (isLevel(t)) {
        return new Problem("指标名称中夹有指标级别 " + t, "the level " + t + " sits inside the indicator name", line);
      }
      if (i < name.size() - 1 && width(t) < FULL_LINE * width) {
        return new Problem("指标名称分行处未占满列宽，无法确定是否同一单元格",
            "the indicator name breaks before the column's width, so its lines may be separate cells", line);
      }
      text.append(t);
    }
    String nameText = text.toString();
    BigDecimal weight = null;
    Part weightCell = null;
    Matcher note = WEIGHT_NOTE.matcher(nameText);
    if (note.find()) {
      weight = new BigDecimal(note.group(1));
      nameText = nameText.substring(0, note.start());
      int at = 0;
      int first = 0;
      while (first < name.size() - 1 && at + name.get(first).text().length() <= note.start()) {
        at += name.get(first).text().length();
        first++;
      }
      weightCell = new Part(note.group(1), name.get(first).firstLine(), name.get(name.size() - 1).lastLine());
    }
    Part target = null;
    Part actual = null;
    Part score = null;
    for (int c = 0; c < columns.size(); c++) {
      Token v = values.get(c);
      switch (columns.get(c)) {
        case TARGET -> target = v.part();
        case ACTUAL -> actual = v.part();
        case WEIGHT -> {
          weight = new BigDecimal(v.text());
          weightCell = v.part();
        }
        case SCORE -> score = v.part();
      }
    }
    Part namePart = new Part(nameText, name.get(0).firstLine(), name.get(name.size() - 1).lastLine());
    rows.add(new Row(levels.level1, levels.level2, namePart, target, actual, weight, weightCell, score));
    return null;
  }

  /** Printed width: a wide (CJK, full-width) character counts two, an ASCII one. */
  private static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) < 0x80 ? 1 : 2;
    }
    return w;
  }
}
