package org.fiscalscope.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The unit's name and the fiscal year a disclosure is about. */
record UnitIdentity(String name, Integer fiscalYear) {

  private static final String UNIT_SUFFIX =
      "(?:中心|局|院|中学|小学|幼儿园|办事处|委员会|办公室|办|厅|所|站|馆|队|协会|联合会|会|处|部|学校|学院|大学|医院|政府|公司|社|团|委|署|府|室|园|台|校|场|集团)";
  private static final Pattern LABELLED = Pattern.compile(
      "(?:部门|单位|预算单位|部门名称|单位名称|实施单位|主管部门)(?:\\(盖章\\))?[:|]\\s*\\|?\\s*(?:\\d{3,}-)?([\\u4e00-\\u9fff()“”·]{4,40}?" + UNIT_SUFFIX + "(?:本级)?)(?=[\\s|]|金额|填报|$)");
  private static final Pattern TITLE = Pattern.compile(
      "([\\u4e00-\\u9fff()“”·]{3,40}?" + UNIT_SUFFIX + ")(?:本级)?(?:20\\d{2})年度?");

  static UnitIdentity of(SourceText text) {
    return new UnitIdentity(name(text), year(text.flow()));
  }

  private static String name(SourceText text) {
    int lines = text.lineCount();
    for (int i = 0; i < lines; i++) {
      Matcher m = LABELLED.matcher(text.normalisedLine(i));
      if (m.find()) {
        return strip(m.group(1));
      }
    }
    for (int i = 0; i < lines; i++) {
      String l = text.normalisedLine(i).replace(" ", "");
      Matcher m = TITLE.matcher(l);
      while (m.find()) {
        String candidate = strip(m.group(1));
        if (plausible(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static String strip(String name) {
    String n = name.endsWith("本级") ? name.substring(0, name.length() - 2) : name;
    n = n.replaceFirst("^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)|名称:?)", "");
    return n;
  }

  private static boolean plausible(String name) {
    return name.length() >= 4 && !name.contains("、") && !name.startsWith("一般公共")
        && !name.contains("预算") && !name.contains("决算") && !name.contains("说明") && !name.contains("情况")
        && !name.startsWith("本") && !name.startsWith("我");
  }

  /**
   * The most frequent "YYYY年度" not preceded by a comparison word (较/比/与…), else the most frequent "YYYY年"
   * that is not a date.
   */
  private static Integer year(String flow) {
    Map<Integer, Integer> fiscal = new HashMap<>();
    Map<Integer, Integer> loose = new HashMap<>();
    for (int i = flow.indexOf('年'); i >= 0; i = flow.indexOf('年', i + 1)) {
      int y = yearBefore(flow, i);
      if (y < 0) {
        continue;
      }
      if (i + 1 < flow.length() && flow.charAt(i + 1) == '度') {
        fiscal.merge(y, 1, Integer::sum);
      } else if (!(i + 1 < flow.length() && Character.isDigit(flow.charAt(i + 1)))) {
        loose.merge(y, 1, Integer::sum);
      }
    }
    Integer y = mostFrequent(fiscal);
    return y != null ? y : mostFrequent(loose);
  }

  private static int yearBefore(String flow, int i) {
    if (i < 4 || flow.charAt(i - 4) != '2' || flow.charAt(i - 3) != '0'
        || !Character.isDigit(flow.charAt(i - 2)) || !Character.isDigit(flow.charAt(i - 1))) {
      return -1;
    }
    if (i >= 5 && "0123456789较比与到至".indexOf(flow.charAt(i - 5)) >= 0) {
      return -1;
    }
    return Integer.parseInt(flow.substring(i - 4, i));
  }

  private static Integer mostFrequent(Map<Integer, Integer> counts) {
    Integer best = null;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() > best) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
