package org.fiscalscope.document;

import java.util.List;
import java.util.Map;

/**
 * The canonical final-account document: one unit, one fiscal year, amounts in 万元.
 * Every input kind is turned into this first; a figure the source does not state is null, never 0.
 */
public record FinalAccount(
    String schemaVersion,
    Integer fiscalYear,
    String amountUnit,
    Unit unit,
    Source source,
    Totals totals,
    List<FunctionLine> functions,
    ThreePublic threePublic,
    java.math.BigDecimal operatingCosts,
    Procurement procurement,
    Assets assets,
    Performance performance,
    List<Finding> findings,
    Map<String, Provenance> provenance,
    Contents contents) {

  public static final String SCHEMA_VERSION = "1.0";
  public static final String AMOUNT_UNIT = "10k_yuan";

  /** A document that states nothing about its contents (see {@link Contents}). */
  public FinalAccount(String schemaVersion, Integer fiscalYear, String amountUnit, Unit unit, Source source,
      Totals totals, List<FunctionLine> functions, ThreePublic threePublic, java.math.BigDecimal operatingCosts,
      Procurement procurement, Assets assets, Performance performance, List<Finding> findings,
      Map<String, Provenance> provenance) {
    this(schemaVersion, fiscalYear, amountUnit, unit, source, totals, functions, threePublic, operatingCosts,
        procurement, assets, performance, findings, provenance, null);
  }

  /** A copy with another source block (ingest stamps the file and its hash). */
  public FinalAccount withSource(Source newSource) {
    return new FinalAccount(schemaVersion, fiscalYear, amountUnit, unit, newSource, totals, functions,
        threePublic, operatingCosts, procurement, assets, performance, findings, provenance, contents);
  }

  /** A copy with other findings. */
  public FinalAccount withFindings(List<Finding> newFindings) {
    return new FinalAccount(schemaVersion, fiscalYear, amountUnit, unit, source, totals, functions,
        threePublic, operatingCosts, procurement, assets, performance, newFindings, provenance, contents);
  }

  /** A copy with other provenance (a PDF reader adds the page of each figure). */
  public FinalAccount withProvenance(Map<String, Provenance> newProvenance) {
    return new FinalAccount(schemaVersion, fiscalYear, amountUnit, unit, source, totals, functions,
        threePublic, operatingCosts, procurement, assets, performance, findings, newProvenance, contents);
  }

  /** A copy with other contents (the extractor records the parts it found). */
  public FinalAccount withContents(Contents newContents) {
    return new FinalAccount(schemaVersion, fiscalYear, amountUnit, unit, source, totals, functions,
        threePublic, operatingCosts, procurement, assets, performance, findings, provenance, newContents);
  }
}
