package org.fiscalscope.generate;

/**
 * Which template of which province and year a generated disclosure follows, beyond the variations the renderer
 * draws at random. {@link #NATIONAL} is the phrasing the generator has always written; each option switches on one
 * way real disclosures of other places and years are laid out or phrased:
 *
 * <ul>
 *   <li>{@code standardTables}: the nine standard tables (公开01–09表) printed before the 情况说明, ruled in a PDF,
 *       one row per line of {@code |}-separated cells in the text (as a PDF parser exports them);</li>
 *   <li>{@code cover}: a cover with the unit's name over two lines (its place, then the unit) and the year, the rest
 *       of the document naming the unit without its place (教育局, 社会工作部);</li>
 *   <li>{@code totalsInFull}: 收入支出总计 X 万元，与上年相比收入支出总计增加 A 万元，增长 P%; 其中：财政拨款 Y 万元;</li>
 *   <li>{@code contractProcurement}: 政府采购金额（以合同签订为准）为 X 万元，其中：货物采购金额 …;</li>
 *   <li>{@code abbreviatedThreePublic}: 因公出国（境）费用, 公务用车购置, 公务用车运行费用, 公务接待 (without 费);</li>
 *   <li>{@code threePublicCellPerLine}: the 三公 table flattened one cell per line, each ending in {@code |};</li>
 *   <li>{@code nextYearThreePublic}: next year's 三公 budget printed beside this year's final account;</li>
 *   <li>{@code itemLines}: every 项 of the 一般公共预算 spending named as 类（类）款（款）项（项） with its initial
 *       budget and actual in the sentences that follow;</li>
 *   <li>{@code aggregate}: the aggregate accounts of a whole district (区级部门决算汇总) rather than one unit's;</li>
 *   <li>{@code projectSummary}: the projects' self-evaluation as one table, a row per project (项目名称, 预算数,
 *       执行数, 执行率, 得分), instead of one table per project.</li>
 * </ul>
 */
public record DisclosureTemplate(boolean standardTables, boolean cover, boolean totalsInFull,
    boolean contractProcurement, boolean abbreviatedThreePublic, boolean threePublicCellPerLine,
    boolean nextYearThreePublic, boolean itemLines, boolean aggregate, boolean projectSummary) {

  /** The generator's own phrasing. */
  public static final DisclosureTemplate NATIONAL =
      new DisclosureTemplate(false, false, false, false, false, false, false, false, false, false);

  /** The layout of a 2024–2025 Shanghai district disclosure: tables first, cover, phrasing of its 情况说明. */
  public static final DisclosureTemplate SHANGHAI =
      new DisclosureTemplate(true, true, true, true, false, false, false, true, false, false);

  public DisclosureTemplate withStandardTables() {
    return new DisclosureTemplate(true, cover, totalsInFull, contractProcurement, abbreviatedThreePublic,
        threePublicCellPerLine, nextYearThreePublic, itemLines, aggregate, projectSummary);
  }

  public DisclosureTemplate withCover() {
    return new DisclosureTemplate(standardTables, true, totalsInFull, contractProcurement, abbreviatedThreePublic,
        threePublicCellPerLine, nextYearThreePublic, itemLines, aggregate, projectSummary);
  }

  public DisclosureTemplate withTotalsInFull() {
    return new DisclosureTemplate(standardTables, cover, true, contractProcurement, abbreviatedThreePublic,
        threePublicCellPerLine, nextYearThreePublic, itemLines, aggregate, projectSummary);
  }

  public DisclosureTemplate withContractProcurement() {
    return new DisclosureTemplate(standardTables, cover, totalsInFull, true, abbreviatedThreePublic,
        threePublicCellPerLine, nextYearThreePublic, itemLines, aggregate, projectSummary);
  }

  public DisclosureTemplate withAbbreviatedThreePublic() {
    return new DisclosureTemplate(standardTables, cover, totalsInFull, contractProcurement, true,
        threePublicCellPerLine, nextYearThreePublic, itemLines, aggregate, projectSummary);
  }

  public DisclosureTemplate withThreePublicCellPerLine() {
    return new DisclosureTemplate(standardTables, cover, totalsInFull, contractProcurement, abbreviatedThreePublic,
        true, nextYearThreePublic, itemLines, aggregate, projectSummary);
  }

  public DisclosureTemplate withNextYearThreePublic() {
    return new DisclosureTemplate(standardTables, cover, totalsInFull, contractProcurement, abbreviatedThreePublic,
        threePublicCellPerLine, true, itemLines, aggregate, projectSummary);
  }

  public DisclosureTemplate withItemLines() {
    return new DisclosureTemplate(standardTables, cover, totalsInFull, contractProcurement, abbreviatedThreePublic,
        threePublicCellPerLine, nextYearThreePublic, true, aggregate, projectSummary);
  }

  public DisclosureTemplate withProjectSummary() {
    return new DisclosureTemplate(standardTables, cover, totalsInFull, contractProcurement, abbreviatedThreePublic,
        threePublicCellPerLine, nextYearThreePublic, itemLines, aggregate, true);
  }

  public DisclosureTemplate withAggregate() {
    return new DisclosureTemplate(standardTables, cover, totalsInFull, contractProcurement, abbreviatedThreePublic,
        threePublicCellPerLine, nextYearThreePublic, itemLines, true, projectSummary);
  }
}
