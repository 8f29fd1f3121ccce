package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;

/**
 * gold.per_capita: basic, public and 三公 spending per person of the actual headcount (实有人数), in 万元 per
 * person rounded half-up to four places. Computed only where the headcount is stated and above 0: a unit whose
 * disclosure states no headcount has no per-capita figures, never a division by a guess.
 */
public final class PerCapita {

  private static final String EXACT = "decimal(18,4)";

  private PerCapita() {}

  /** unit_id, fiscal_year, staff_actual, staff_authorised and the three per-capita amounts (without run_id). */
  public static Dataset<Row> perCapita(Dataset<Row> unitYear) {
    Column staff = column(Fields.STAFF_ACTUAL);
    return unitYear.where(staff.isNotNull().and(staff.gt(0)))
        .select(col("unit_id"), col("fiscal_year"), staff.as("staff_actual"),
            column(Fields.STAFF_AUTHORISED).as("staff_authorised"),
            per(Fields.BASIC_EXPENDITURE, staff).as("basic_per_capita"),
            per(Fields.PUBLIC_EXPENSE, staff).as("public_per_capita"),
            per(Fields.THREE_PUBLIC_ACTUAL_TOTAL, staff).as("three_public_per_capita"));
  }

  private static Column per(Field amount, Column staff) {
    // DECIMAL(18,4) / DECIMAL(10,0) keeps more than four places; the cast rounds half-up.
    return column(amount).divide(staff.cast("decimal(10,0)")).cast(EXACT);
  }

  private static Column column(Field f) {
    return col(f.silver().column());
  }
}
