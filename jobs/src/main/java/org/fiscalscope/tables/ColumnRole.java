package org.fiscalscope.tables;

/**
 * What a column of a standard table holds, judged from its header path. The order of the tests in {@link #of}
 * matters: 本年支出/基本支出 is basic expenditure before it is expenditure, 本年收入合计 is income before it is a total,
 * and 一般公共预算财政拨款支出决算数/合计 is the total of its table before it is a fund; 全年预算数 (or 调整后预算数) is the
 * full-year budget before it is a budget, while a 预算调整数 (the adjustment itself) is neither.
 */
enum ColumnRole {
  CODE, CODE_CLASS, CODE_GROUP, CODE_ITEM, NAME, ROW_NUMBER,
  BUDGET, BUDGET_ADJUSTED, CARRYOVER_BEGIN, CARRYOVER_END, BASIC, PROJECT, OTHER_SPENDING,
  APPROPRIATION, OTHER_INCOME, GENERAL_BUDGET, GOV_FUND, SOE_CAPITAL, INCOME, AMOUNT, NONE;

  static ColumnRole of(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.equals("类")) {
      return CODE_CLASS;
    }
    if (last.equals("款")) {
      return CODE_GROUP;
    }
    if (last.equals("项")) {
      return CODE_ITEM;
    }
    if (path.contains("编码") || path.contains("代码") || last.equals("科目代码")) {
      return CODE;
    }
    if (path.contains("行次") || path.contains("栏次")) {
      return ROW_NUMBER;
    }
    if (path.contains("科目名称") || last.equals("项目") || last.equals("科目") || last.equals("项目名称")) {
      return NAME;
    }
    if (path.contains("全年预算") || path.contains("调整后预算") || path.contains("调整预算数")) {
      return BUDGET_ADJUSTED;
    }
    if (path.contains("调整")) {
      return NONE;
    }
    if (path.contains("年初预算") || path.contains("预算数")) {
      return BUDGET;
    }
    if (path.contains("年初") && path.contains("结转")) {
      return CARRYOVER_BEGIN;
    }
    if (path.contains("年末") && path.contains("结转")) {
      return CARRYOVER_END;
    }
    if (path.contains("基本支出")) {
      return BASIC;
    }
    if (path.contains("项目支出")) {
      return PROJECT;
    }
    if (path.contains("上缴上级支出") || path.contains("经营支出") || path.contains("对附属单位补助支出")) {
      return OTHER_SPENDING;
    }
    if ((last.equals("合计") || last.equals("小计")) && !path.contains("收入")) {
      return AMOUNT;
    }
    if (path.contains("财政拨款收入")) {
      return APPROPRIATION;
    }
    if (path.contains("上级补助收入") || path.contains("事业收入") || path.contains("经营收入")
        || path.contains("附属单位上缴收入") || path.contains("其他收入")) {
      return OTHER_INCOME;
    }
    if (path.contains("一般公共预算")) {
      return GENERAL_BUDGET;
    }
    if (path.contains("政府性基金")) {
      return GOV_FUND;
    }
    if (path.contains("国有资本经营")) {
      return SOE_CAPITAL;
    }
    if (path.contains("本年收入")) {
      return INCOME;
    }
    if (path.contains("合计") || path.contains("小计") || path.contains("决算") || path.contains("本年支出")
        || path.contains("金额") || path.contains("本年数")) {
      return AMOUNT;
    }
    return NONE;
  }
}
