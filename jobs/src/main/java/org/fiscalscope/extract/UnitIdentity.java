package org.fiscalscope.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who and which year a disclosure is about: the unit's full name, with its place, as the cover, a 部门：/编制单位：
 * line or a title (XX局2023年度部门决算) prints it; the region that name starts with (上海市普陀区); the parent
 * department when a 主管部门 line names another unit; and whether the document is the aggregate of a whole district
 * or county (部门决算汇总, 区级总决算) rather than one unit's accounts.
 *
 * <p>A short name alone is never the identity when the text gives the full one: a name without its place
 * (社会工作部, 区财政局) is replaced by the longest form the document prints with the place in front of it
 * (中共上海市普陀区委社会工作部), since every district has a 社会工作部 and the short name would merge them. The same
 * unit therefore gets the same name — and so the same {@code unit_id} — every year its title is printed the same way.
 */
record UnitIdentity(String name, Integer fiscalYear, String region, String parent, boolean aggregate) {

  /** The unit kind of a district's or county's aggregate accounts, so they are never a peer of one unit. */
  static final String AGGREGATE_KIND = "汇总";

  private static final String UNIT_SUFFIX =
      "(?:中心|局|院|中学|小学|幼儿园|办事处|委员会|办公室|办|厅|所|站|馆|队|协会|联合会|会|处|部|学校|学院|大学|医院|政府|公司|社|团|委|署|府|室|园|台|校|场|集团)";
  private static final Pattern LABELLED = Pattern.compile(
      "(?<!主管|上级)(?:部门|单位|预算单位|部门名称|单位名称|实施单位|编制单位)(?:\\(盖章\\))?[:|]\\s*\\|?\\s*(?:\\d{3,}-)?([\\u4e00-\\u9fff()“”·]{4,40}?" + UNIT_SUFFIX + "(?:本级)?)(?=[\\s|]|金额|填报|$)");
  private static final Pattern PARENT = Pattern.compile(
      "(?:主管部门|上级主管部门|主管单位)(?:\\(盖章\\))?[:|]?\\s*\\|?\\s*(?:\\d{3,}-)?([\\u4e00-\\u9fff()“”·]{4,40}?" + UNIT_SUFFIX + ")(?:本级)?(?=[\\s|]|$)");
  private static final Pattern TITLE = Pattern.compile(
      "([\\u4e00-\\u9fff()“”·]{3,40}?" + UNIT_SUFFIX + ")(?:本级)?(?:20\\d{2})年度?");
  private static final Pattern YEAR = Pattern.compile("20\\d{2}年");
  /** A cover's last line: the year and 部门决算 (the name above it, perhaps over several lines). */
  private static final Pattern COVER_YEAR = Pattern.compile("^(?:20\\d{2})年度?(?:部门|单位)?决算(?:公开)?(?:报告|说明)?$");
  private static final Pattern NAME_PART = Pattern.compile("^[\\u4e00-\\u9fff()“”·]{2,30}$");
  /** Places in front of a unit: provinces, cities, districts, counties, towns, and the party or government of one. */
  private static final String PLACE = "(?:[\\u4e00-\\u9fff]{2,10}?(?:省|自治区|市|自治州|州|地区|盟|区|县|旗))";
  private static final Pattern LEADING_PLACE = Pattern.compile(
      "^(?:中共|中国共产党|中国人民政治协商会议|政协)?(" + PLACE + "+)");
  /** A province or city: the first place of a qualified name (上海市, 广东省, 新疆维吾尔自治区). */
  private static final String TOP = "(?:[\\u4e00-\\u9fff]{2,4}(?:省|市)|[\\u4e00-\\u9fff]{2,8}自治区)";
  private static final Pattern QUALIFIER = Pattern.compile(
      "(?:中共|中国共产党|中国人民政治协商会议|政协)?" + TOP + PLACE + "*(?:委员会|人大常委会|人民政府|政府|委)?");
  private static final Pattern QUALIFIED = Pattern.compile("^(?:中共|中国共产党|中国人民政治协商会议|政协)?" + TOP);
  /** A whole district's or county's accounts: 部门决算汇总, 区级决算, 总决算. */
  private static final Pattern AGGREGATE = Pattern.compile(
      "^(?:20\\d{2}年度?)?(" + PLACE + "+)(?:20\\d{2}年度?)?(?:全区|全县|全市|全旗|区级|县级|市级|旗级|本级)?"
          + "(?:(?:部门|单位)决算(?:汇总|合并)|(?:财政)?总决算|(?:区|县|市|旗)?(?:级)?部门决算汇总)");

  static UnitIdentity of(SourceText text) {
    Integer year = year(text.flow());
    Matcher aggregate = aggregateTitle(text);
    if (aggregate != null) {
      String region = aggregate.group(1);
      return new UnitIdentity(region + "（汇总）", year, region, null, true);
    }
    String name = name(text);
    if (name != null && !QUALIFIED.matcher(name).find()) {
      name = qualified(name, text);
    }
    String region = null;
    if (name != null) {
      Matcher m = LEADING_PLACE.matcher(name);
      region = m.find() && m.end() < name.length() ? m.group(1) : null;
    }
    return new UnitIdentity(name, year, region, parent(text, name), false);
  }

  /** The title of a district's or county's aggregate accounts in the first lines, or null. */
  private static Matcher aggregateTitle(SourceText text) {
    int seen = 0;
    for (int i = 0; i < text.lineCount() && seen < 8; i++) {
      String l = text.normalisedLine(i).replace(" ", "").strip();
      if (l.isEmpty()) {
        continue;
      }
      seen++;
      if (l.indexOf("决算") < 0 || l.indexOf("汇总") < 0 && l.indexOf("总决算") < 0 && l.indexOf("合并") < 0) {
        continue;
      }
      Matcher m = AGGREGATE.matcher(l.replaceFirst("^第[一二三四五六七八九十]+部分", ""));
      if (m.find()) {
        return m;
      }
    }
    return null;
  }

  /**
   * The unit's name: from the cover, a labelled line and the titles, the candidate that others end with (the full
   * form of a short one) or else the first found in that order.
   */
  private static String name(SourceText text) {
    List<String> candidates = new ArrayList<>();
    String cover = cover(text);
    if (cover != null) {
      candidates.add(cover);
    }
    int lines = text.lineCount();
    for (int i = 0; i < lines; i++) {
      Matcher m = LABELLED.matcher(text.normalisedLine(i));
      if (m.find()) {
        candidates.add(strip(m.group(1)));
        break;
      }
    }
    boolean full = candidates.stream().anyMatch(c -> QUALIFIED.matcher(c).find());
    outer:
    for (int i = 0; i < lines && !full; i++) {
      if (text.normalisedLine(i).indexOf('年') < 0) {
        continue;
      }
      String l = text.normalisedLine(i).replace(" ", "");
      if (!YEAR.matcher(l).find()) {
        continue;
      }
      Matcher m = TITLE.matcher(l);
      while (m.find()) {
        String candidate = strip(m.group(1));
        if (plausible(candidate)) {
          candidates.add(candidate);
          break outer;
        }
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    String best = candidates.get(0);
    for (String other : candidates) {
      if (other.length() > best.length() && other.endsWith(best)) {
        best = other;
      }
    }
    return best;
  }

  /** The name a cover prints above its year line, over one to three lines (上海市普陀区人民政府 / 宜川路街道办事处). */
  private static String cover(SourceText text) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < text.lineCount() && seen.size() < 6; i++) {
      String l = text.normalisedLine(i).replace(" ", "").strip();
      if (l.isEmpty()) {
        continue;
      }
      if (COVER_YEAR.matcher(l).matches()) {
        StringBuilder name = new StringBuilder();
        for (int k = Math.max(0, seen.size() - 3); k < seen.size(); k++) {
          if (NAME_PART.matcher(seen.get(k)).matches()) {
            name.append(seen.get(k));
          } else {
            name.setLength(0);
          }
        }
        String n = strip(name.toString());
        return n.length() >= 4 && n.matches(".*" + UNIT_SUFFIX) && plausible(n) ? n : null;
      }
      seen.add(l);
    }
    return null;
  }

  /**
   * The longest form of a name the text prints with its province or city (and district, party committee or
   * government) right in front of it, or the name as it is.
   */
  private static String qualified(String name, SourceText text) {
    String best = name;
    for (int i = 0; i < text.lineCount(); i++) {
      if (text.normalisedLine(i).indexOf(name.charAt(name.length() - 1)) < 0) {
        continue;
      }
      String line = text.normalisedLine(i).replace(" ", "");
      for (int at = line.indexOf(name); at > 0; at = line.indexOf(name, at + 1)) {
        String before = line.substring(Math.max(0, at - 30), at);
        if (before.indexOf('省') < 0 && before.indexOf('市') < 0 && before.indexOf("自治区") < 0) {
          continue;
        }
        Matcher m = QUALIFIER.matcher(before);
        for (int from = 0; from < before.length(); from++) {
          if (m.region(from, before.length()).matches()) {
            String full = before.substring(from) + name;
            best = full.length() > best.length() ? full : best;
            break;
          }
        }
      }
    }
    return best;
  }

  /** The 主管部门 a line names, when it is another unit than the document's own. */
  private static String parent(SourceText text, String name) {
    for (int i = 0; i < text.lineCount(); i++) {
      if (text.normalisedLine(i).indexOf("主管") < 0) {
        continue;
      }
      Matcher m = PARENT.matcher(text.normalisedLine(i));
      if (m.find()) {
        String parent = strip(m.group(1));
        if (name != null && !parent.equals(name) && !name.startsWith(parent) && plausible(parent)) {
          return parent;
        }
      }
    }
    return null;
  }

  private static String strip(String name) {
    String n = name.endsWith("本级") ? name.substring(0, name.length() - 2) : name;
    n = n.replaceFirst("^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)|名称:?)", "");
    return n.replaceFirst("^(?:纳入|包括|根据|按照|关于)", "");
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
