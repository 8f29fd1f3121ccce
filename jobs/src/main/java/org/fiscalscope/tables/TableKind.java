package org.fiscalscope.tables;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The nine standard tables of the final accounts (公开01–09表), recognised by their title whatever the year prefix,
 * 公开NN表 label, unit name or 部门/单位 wording around it. Titles contain one another (收入支出决算总表 is inside
 * 财政拨款收入支出决算总表), so the most specific are tried first.
 */
public enum TableKind {
  SUMMARY("01", "收入支出决算总表"),
  INCOME("02", "收入决算表"),
  EXPENDITURE("03", "支出决算表"),
  APPROPRIATION_SUMMARY("04", "财政拨款收入支出决算总表"),
  GENERAL_BUDGET_EXPENDITURE("05", "一般公共预算财政拨款支出决算表"),
  GENERAL_BUDGET_BASIC("06", "一般公共预算财政拨款基本支出决算表"),
  GOV_FUND("07", "政府性基金预算财政拨款收入支出决算表"),
  SOE_CAPITAL("08", "国有资本经营预算财政拨款支出决算表"),
  THREE_PUBLIC("09", "财政拨款“三公”经费支出决算表");

  private static final Pattern NOISE = Pattern.compile(
      "[\\s“”\"'‘’「」『』]|公开\\d{1,2}表|(?:19|20)\\d{2}年度?|部门|单位|本级|\\(\\)");
  /** Most specific first. */
  private static final List<Recogniser> ORDER = List.of(
      new Recogniser(THREE_PUBLIC, Pattern.compile("财政拨款三公经费(?:支出)?决算表$")),
      new Recogniser(GENERAL_BUDGET_BASIC, Pattern.compile("一般公共预算财政拨款基本支出决算(?:明细)?表$")),
      new Recogniser(GENERAL_BUDGET_EXPENDITURE, Pattern.compile("一般公共预算财政拨款支出决算(?:明细)?表$")),
      new Recogniser(GOV_FUND, Pattern.compile("政府性基金预算财政拨款(?:收入)?支出决算表$")),
      new Recogniser(SOE_CAPITAL, Pattern.compile("国有资本经营预算财政拨款(?:收入)?支出决算表$")),
      new Recogniser(APPROPRIATION_SUMMARY, Pattern.compile("财政拨款收入支出决算总表$")),
      new Recogniser(SUMMARY, Pattern.compile("收入支出决算总表$")),
      new Recogniser(INCOME, Pattern.compile("收入决算表$")),
      new Recogniser(EXPENDITURE, Pattern.compile("支出决算表$")));

  private record Recogniser(TableKind kind, Pattern title) {}

  private final String number;
  private final String title;

  TableKind(String number, String title) {
    this.number = number;
    this.title = title;
  }

  /** The label the national template prints beside the title, e.g. 公开04表. */
  String label() {
    return "公开" + number + "表";
  }

  /** The part of a disclosure this table is. */
  public org.fiscalscope.document.DisclosurePart part() {
    return org.fiscalscope.document.DisclosurePart.table(Integer.parseInt(number));
  }

  /** The title as the national template prints it (without year and unit). */
  String title() {
    return title;
  }

  /** The table a title row names, or null. Notes (注：本表反映…) and long sentences are not titles. */
  public static TableKind ofTitle(String rowText) {
    String s = Normalizer.normalize(rowText, Normalizer.Form.NFKC);
    if (s.length() > 80 || s.startsWith("注") || s.contains("本表")) {
      return null;
    }
    String key = NOISE.matcher(s).replaceAll("");
    for (Recogniser r : ORDER) {
      if (r.title().matcher(key).find()) {
        return r.kind();
      }
    }
    return null;
  }
}
