package org.fiscalscope.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/** The 类 level of the national classification of expenditure by function (政府收支分类科目): name → 3-digit code. */
final class FunctionClassNames {

  private static final Map<String, String> CODES = new LinkedHashMap<>();

  static {
    put("201", "一般公共服务");
    put("202", "外交");
    put("203", "国防");
    put("204", "公共安全");
    put("205", "教育");
    put("206", "科学技术");
    put("207", "文化旅游体育与传媒");
    put("207", "文化体育与传媒");
    put("208", "社会保障和就业");
    put("210", "卫生健康");
    put("210", "医疗卫生与计划生育");
    put("211", "节能环保");
    put("212", "城乡社区");
    put("213", "农林水");
    put("214", "交通运输");
    put("215", "资源勘探工业信息等");
    put("215", "资源勘探信息等");
    put("216", "商业服务业等");
    put("217", "金融");
    put("219", "援助其他地区");
    put("220", "自然资源海洋气象等");
    put("220", "国土海洋气象等");
    put("221", "住房保障");
    put("222", "粮油物资储备");
    put("224", "灾害防治及应急管理");
    put("227", "预备费");
    put("229", "其他");
    put("230", "转移性");
    put("231", "债务还本");
    put("232", "债务付息");
    put("233", "债务发行费用");
  }

  private FunctionClassNames() {}

  private static void put(String code, String stem) {
    CODES.put(stem, code);
  }

  /** The names' stems (without 支出), longest first, as a regex alternation. */
  static String alternation() {
    return String.join("|", CODES.keySet().stream()
        .sorted((a, b) -> b.length() - a.length()).toList());
  }

  static String code(String stem) {
    return CODES.get(stem);
  }

  /** The printed name of the class: the stem followed by 支出 (预备费 stays as is). */
  static String name(String stem) {
    return stem.equals("预备费") ? stem : stem + "支出";
  }

  /** The stem of a class name as printed in a table or by the renderer, or null. */
  static String stemOf(String name) {
    String s = name.endsWith("支出") ? name.substring(0, name.length() - 2) : name;
    return CODES.containsKey(s) ? s : null;
  }
}
