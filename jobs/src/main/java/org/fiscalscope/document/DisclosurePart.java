package org.fiscalscope.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parts a complete final-account disclosure contains under the national template: the nine standard tables
 * (公开01–09表), the required sections of its explanation, and the detail the 三公 section owes (the reasons for
 * changes). Declared once: the extractor records which it finds ({@link Contents#parts()}), the disclosure-quality
 * metric names the missing ones by these labels.
 */
public enum DisclosurePart {
  TABLE_01(Kind.TABLE, "公开01表 收入支出决算总表", "Table 01 income and expenditure summary"),
  TABLE_02(Kind.TABLE, "公开02表 收入决算表", "Table 02 income"),
  TABLE_03(Kind.TABLE, "公开03表 支出决算表", "Table 03 expenditure"),
  TABLE_04(Kind.TABLE, "公开04表 财政拨款收入支出决算总表", "Table 04 appropriation summary"),
  TABLE_05(Kind.TABLE, "公开05表 一般公共预算财政拨款支出决算表", "Table 05 general-budget expenditure"),
  TABLE_06(Kind.TABLE, "公开06表 一般公共预算财政拨款基本支出决算表", "Table 06 general-budget basic expenditure"),
  TABLE_07(Kind.TABLE, "公开07表 政府性基金预算财政拨款收入支出决算表", "Table 07 government funds"),
  TABLE_08(Kind.TABLE, "公开08表 国有资本经营预算财政拨款支出决算表", "Table 08 state capital operations"),
  TABLE_09(Kind.TABLE, "公开09表 财政拨款“三公”经费支出决算表", "Table 09 three public costs"),
  OVERVIEW(Kind.SECTION, "部门概况（职能与构成）", "Overview (mandate and structure)"),
  INCOME_EXPENDITURE_NOTE(Kind.SECTION, "收入支出决算总体情况说明", "Note on income and expenditure"),
  THREE_PUBLIC_NOTE(Kind.SECTION, "“三公”经费支出决算情况说明", "Note on the three public costs"),
  OPERATING_COSTS_NOTE(Kind.SECTION, "机关运行经费支出情况", "Note on operating costs"),
  PROCUREMENT_NOTE(Kind.SECTION, "政府采购支出情况", "Note on procurement"),
  ASSETS_NOTE(Kind.SECTION, "国有资产占用情况", "Note on state assets"),
  PERFORMANCE_NOTE(Kind.SECTION, "预算绩效情况说明", "Note on performance"),
  GLOSSARY(Kind.SECTION, "名词解释", "Glossary"),
  THREE_PUBLIC_REASONS(Kind.DETAIL, "“三公”经费增减变化原因", "Reasons for changes in the three public costs");

  /** A standard table, a required section, or a detail a section owes. */
  public enum Kind { TABLE, SECTION, DETAIL }

  private final Kind kind;
  private final String zh;
  private final String en;

  DisclosurePart(Kind kind, String zh, String en) {
    this.kind = kind;
    this.zh = zh;
    this.en = en;
  }

  /** The id the document and the lake use, e.g. {@code table_09}, {@code three_public_note}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public Kind kind() {
    return kind;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The standard table numbered {@code number} (1–9). */
  public static DisclosurePart table(int number) {
    return valueOf(String.format(java.util.Locale.ROOT, "TABLE_%02d", number));
  }

  /** The parts of one kind, in template order. */
  public static List<DisclosurePart> of(Kind kind) {
    return Arrays.stream(values()).filter(p -> p.kind == kind).toList();
  }

  /** The part with this id, if it is one. */
  public static Optional<DisclosurePart> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
  }
}
