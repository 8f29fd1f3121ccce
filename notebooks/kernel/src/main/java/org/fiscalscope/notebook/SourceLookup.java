package org.fiscalscope.notebook;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * {@code %source <unit> <year> <field>}: the source sentence of a figure from silver.provenance. The unit is its id
 * or name; the field a JSON pointer such as {@code /performance/projects/2/execution_rate_pct}, where {@code *}
 * matches any part.
 */
final class SourceLookup {

  private SourceLookup() {}

  static String query(String unit, int year, String field) {
    String pattern = literal(field).replace("*", "%");
    String match = field.contains("*") ? "p.field LIKE " + pattern : "p.field = " + pattern;
    return "SELECT p.unit_id, u.unit_name, p.fiscal_year, p.field, p.line, p.text AS source_text, p.source_file"
        + " FROM silver.provenance p LEFT JOIN silver.unit_year u"
        + " ON u.unit_id = p.unit_id AND u.fiscal_year = p.fiscal_year"
        + " WHERE (p.unit_id = " + literal(unit) + " OR u.unit_name = " + literal(unit) + ")"
        + " AND p.fiscal_year = " + year + " AND " + match + " ORDER BY p.field";
  }

  static DisplayData show(LakeSession session, MagicLine magic, int cap) {
    String usage = "usage: %source <unit id or name> <fiscal year> <field, e.g. /totals/income_total or /performance/projects/*/execution_rate_pct>";
    if (magic.args().size() != 3) {
      throw new SqlError(usage);
    }
    int year;
    try {
      year = Integer.parseInt(magic.args().get(1));
    } catch (NumberFormatException e) {
      throw new SqlError(usage);
    }
    if (!session.lake().session().catalog().tableExists("silver.provenance")) {
      return LakeKernel.text("the lake has no silver.provenance table (as pinned): no document in it carried provenance");
    }
    Dataset<Row> rows = session.query(query(magic.args().get(0), year, magic.args().get(2)));
    HtmlTable t = LakeKernel.collect(rows, cap);
    if (t.totalRows() == 0) {
      return LakeKernel.text("no source recorded for " + String.join(" ", magic.args())
          + " in silver.provenance (the document carried no provenance for that field)");
    }
    DisplayData d = new DisplayData(t.text());
    d.putHTML(t.html());
    return d;
  }

  /** A SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
