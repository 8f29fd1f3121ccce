package org.fiscalscope.document;

/** The parts of the national template (and of the document's own record keeping) a field belongs to. */
public enum Category {
  DOCUMENT("文档", "document", false),
  IDENTITY("单位与年度", "unit and year", false),
  SOURCE("来源", "source", false),
  TOTALS("收入支出决算总体情况", "totals", true),
  FUNCTIONAL_LINE("支出功能分类", "functional lines", true),
  THREE_PUBLIC("三公经费", "three public costs", true),
  OPERATING_COSTS("机关运行经费", "operating costs", true),
  PROCUREMENT("政府采购", "procurement", true),
  ASSETS("国有资产", "assets", true),
  UNIT_EVALUATION("部门整体绩效自评", "unit self-evaluation", true),
  PROJECT("项目绩效自评", "project self-evaluation", true),
  INDICATOR("绩效指标", "performance indicators", true),
  FINDING("一致性检查", "consistency findings", false),
  PROVENANCE("数据来源", "provenance", false),
  CONTENTS("公开内容", "disclosure contents", false);

  private final String zh;
  private final String en;
  private final boolean isFigure;

  Category(String zh, String en, boolean isFigure) {
    this.zh = zh;
    this.en = en;
    this.isFigure = isFigure;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** Whether the fields of this category are figures the disclosure states (and so have a source each). */
  public boolean isFigure() {
    return isFigure;
  }
}
