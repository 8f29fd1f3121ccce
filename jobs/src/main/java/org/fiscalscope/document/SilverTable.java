package org.fiscalscope.document;

/** The silver tables the document's fields land in, one row per unit-year, line, project, indicator, finding or source. */
public enum SilverTable {
  UNIT_YEAR("unit_year"),
  FUNCTION_LINE("function_line"),
  PROJECT("project"),
  INDICATOR("indicator"),
  FINDING("finding"),
  PROVENANCE("provenance");

  private final String table;

  SilverTable(String table) {
    this.table = table;
  }

  /** The table's name in the lake, {@code silver.unit_year}. */
  public String qualifiedName() {
    return "silver." + table;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
