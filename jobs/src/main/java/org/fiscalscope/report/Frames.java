package org.fiscalscope.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reading columns that a table may not have yet and values of collected rows that may be null. */
final class Frames {

  private Frames() {}

  /** The column, or a typed null when the frame lacks it (a gold table written by an older DDL). */
  static Column column(Dataset<Row> frame, String name, String type) {
    return Arrays.asList(frame.columns()).contains(name) ? col(name).cast(type) : lit(null).cast(type);
  }

  /** {@code left} with the columns of {@code right} matched on {@code keys}; unmatched rows keep nulls. */
  static Dataset<Row> leftJoin(Dataset<Row> left, Dataset<Row> right, String... keys) {
    return left.join(right, scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(keys)).toSeq(), "left");
  }

  /** unit_id, unit_name: each unit's name in its latest fiscal year of silver.unit_year. */
  static Dataset<Row> unitNames(Dataset<Row> unitYear) {
    return unitYear.groupBy("unit_id")
        .agg(org.apache.spark.sql.functions.max_by(col("unit_name"), col("fiscal_year")).as("unit_name"));
  }

  /** A fiscal year and a size measured over its rows. */
  record YearSize(int year, long size) {}

  /** The latest fiscal year of {@code rows} with {@code size} over its rows, in one query; empty when there are none. */
  static java.util.Optional<YearSize> latestYear(Dataset<Row> rows, Column size) {
    return rows.groupBy("fiscal_year").agg(size.as("size")).orderBy(col("fiscal_year").desc()).limit(1)
        .collectAsList().stream().findFirst().map(r -> new YearSize(integer(r, "fiscal_year"), count(r, "size")));
  }

  static String string(Row row, String field) {
    Object v = row.getAs(field);
    return v == null ? null : v.toString();
  }

  static BigDecimal decimal(Row row, String field) {
    Object v = row.getAs(field);
    if (v == null) {
      return null;
    }
    return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }

  static Double real(Row row, String field) {
    Object v = row.getAs(field);
    return v == null ? null : ((Number) v).doubleValue();
  }

  static Integer integer(Row row, String field) {
    Object v = row.getAs(field);
    return v == null ? null : ((Number) v).intValue();
  }

  static long count(Row row, String field) {
    Object v = row.getAs(field);
    return v == null ? 0L : ((Number) v).longValue();
  }

  static boolean flag(Row row, String field) {
    return Boolean.TRUE.equals(row.getAs(field));
  }
}
