package org.fiscalscope.ingest;

import java.util.Locale;

/**
 * What a landing file is, judged by its name. Three families: a whole document (canonical JSON, a disclosure as
 * text or PDF), the standard tables (公开01–09表) as a workbook or CSV export, and tabular datasets (CSV or
 * Parquet in the canonical column names, one row per unit-year, project, indicator or functional line), which a
 * file name ending in the table's name announces, e.g. {@code 2023.unit_year.csv} or {@code district-project.parquet}.
 */
public enum InputKind {
  JSON("json", Family.DOCUMENT),
  TEXT("text", Family.DOCUMENT),
  PDF("pdf", Family.DOCUMENT),
  XLSX("xlsx", Family.TABLES),
  XLS("xls", Family.TABLES),
  CSV_TABLES("csv-tables", Family.TABLES),
  CSV("csv", Family.DATASET),
  PARQUET("parquet", Family.DATASET),
  UNSUPPORTED("unsupported", Family.NONE);

  /** How a kind is read: one document per file, the standard tables of one unit-year, or rows of many unit-years. */
  public enum Family { DOCUMENT, TABLES, DATASET, NONE }

  /** Tables of a tabular dataset, in the order a file name is matched against them. */
  public static final String[] DATASET_TABLES = {"unit_year", "function_line", "project", "indicator"};

  private final String label;
  private final Family family;

  InputKind(String label, Family family) {
    this.label = label;
    this.family = family;
  }

  /** The value stored in {@code kind} columns and {@code source.kind}. */
  public String label() {
    return label;
  }

  public Family family() {
    return family;
  }

  /** The kind whose {@link #label()} this is (as stored in {@code kind} columns and {@code source.kind}). */
  public static InputKind ofLabel(String label) {
    for (InputKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    return UNSUPPORTED;
  }

  public static InputKind of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".html") || name.endsWith(".htm")) {
      return TEXT;
    }
    if (name.endsWith(".pdf")) {
      return PDF;
    }
    if (name.endsWith(".xlsx")) {
      return XLSX;
    }
    if (name.endsWith(".xls")) {
      return XLS;
    }
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    if (name.endsWith(".csv")) {
      return datasetTable(fileName) != null ? CSV : CSV_TABLES;
    }
    return UNSUPPORTED;
  }

  /**
   * The dataset table a file name announces ({@code unit_year}, {@code function_line}, {@code project},
   * {@code indicator}), or null: the base name ends in it after a '.', '_' or '-', or is it.
   */
  public static String datasetTable(String fileName) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = base.lastIndexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    for (String table : DATASET_TABLES) {
      if (stem.equals(table) || stem.endsWith("." + table) || stem.endsWith("_" + table) || stem.endsWith("-" + table)) {
        return table;
      }
    }
    return null;
  }
}
