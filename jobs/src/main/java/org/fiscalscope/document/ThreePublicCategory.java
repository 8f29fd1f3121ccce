package org.fiscalscope.document;

import java.util.List;

/**
 * The three public costs (三公经费) by category, and their total: the key the document, the silver columns and
 * gold.three_public_trend use, the Chinese and English names flags and reports print, and the phrases the extractor
 * recognises the category by — as a row label of a 三公 table and as the subject of a sentence.
 */
public enum ThreePublicCategory {
  OUTBOUND_TRAVEL("outbound_travel", "因公出国（境）费", "因公出国（境）费用", "outbound travel",
      "因公出国\\(境\\)(?:经)?费?用?",
      "因公出国\\(境\\)(?:经)?费?用?|因公出国(?:境)?费用?"),
  VEHICLE_PURCHASE("vehicle_purchase", "公务用车购置费", "公务用车购置", "vehicle purchase",
      "公务用车购置(?:费用?)?",
      "公务用车购置(?:费用?)?"),
  VEHICLE_OPERATION("vehicle_operation", "公务用车运行维护费", "公务用车运行费用", "vehicle operation",
      "公务用车运行(?:维护|维修)?(?:费用?)?",
      "公务用车运行(?:维护|维修)?(?:费用?)?"),
  RECEPTION("reception", "公务接待费", "公务接待", "official reception",
      "公务接待(?:费用?)?",
      "(?<!国内|外事|外宾)公务接待(?:费用?)?"),
  TOTAL("total", "合计", "合计", "total",
      "合计|小计|总计",
      "[“\"‘']?三公[”\"’']?经费");

  /**
   * The heading over vehicle purchase and operation in a 三公 table, 公务用车购置及运行维护费 (with 小计 beneath it):
   * not a category of its own, the sum of two.
   */
  public static final String VEHICLES_ZH = "公务用车购置及运行维护费";

  /** A regular expression for that heading, as a row label or a sentence's subject (on normalised text). */
  public static final String VEHICLES_PHRASE = "公务用车购置及运行(?:维护|维修)?费?用?";

  /** The four categories spent on, without their total. */
  public static final List<ThreePublicCategory> SPENDING =
      List.of(OUTBOUND_TRAVEL, VEHICLE_PURCHASE, VEHICLE_OPERATION, RECEPTION);

  private final String key;
  private final String zh;
  private final String abbreviated;
  private final String en;
  private final String tableLabel;
  private final String sentenceSubject;

  ThreePublicCategory(String key, String zh, String abbreviated, String en, String tableLabel, String sentenceSubject) {
    this.key = key;
    this.zh = zh;
    this.abbreviated = abbreviated;
    this.en = en;
    this.tableLabel = tableLabel;
    this.sentenceSubject = sentenceSubject;
  }

  /** The key in the document ({@code /three_public/actual/reception}) and in gold.three_public_trend.category. */
  public String key() {
    return key;
  }

  /** The Chinese name: 公务接待费; 合计 for the total. */
  public String zh() {
    return zh;
  }

  /** The Chinese name as some disclosures shorten it: 公务接待 (without 费), 因公出国（境）费用. */
  public String abbreviated() {
    return abbreviated;
  }

  /** The English name: official reception. */
  public String en() {
    return en;
  }

  /** A regular expression for the category's row label in a 三公 table (on normalised text). */
  public String tableLabel() {
    return tableLabel;
  }

  /** A regular expression for the category as the subject of a sentence (on normalised text). */
  public String sentenceSubject() {
    return sentenceSubject;
  }

  /** The category of a key, or null. */
  public static ThreePublicCategory ofKey(String key) {
    for (ThreePublicCategory c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    return null;
  }
}
