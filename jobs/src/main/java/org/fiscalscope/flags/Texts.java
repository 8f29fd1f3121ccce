package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.fiscalscope.document.ExecutionLevel;

/** Pieces of flag explanations: figures as printed (170, 142.94), subjects named in Chinese and English. */
final class Texts {

  private Texts() {}

  /** A decimal as people write it: no trailing zeros (170.0000 → 170, 142.9400 → 142.94); '—' when unknown. */
  static Column figure(Column decimal) {
    Column plain = regexp_replace(regexp_replace(decimal.cast("decimal(38,4)").cast("string"), "(\\.[0-9]*?)0+$", "$1"),
        "\\.$", "");
    return coalesce(plain, lit("—"));
  }

  /** A double rounded to 2 decimals as a figure. */
  static Column figure2(Column value) {
    return figure(org.apache.spark.sql.functions.round(value, 2).cast("decimal(38,2)"));
  }

  static String figure(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  static Column text(Object... parts) {
    return concat(Arrays.stream(parts).map(p -> p instanceof Column c ? coalesce(c.cast("string"), lit("—")) : lit(p))
        .toArray(Column[]::new));
  }

  /** 单位 / 功能科目“208 社会保障和就业支出” / 项目“…” by level. */
  static Column subjectZh(Column level, Column subject, Column name) {
    return when(level.equalTo(ExecutionLevel.UNIT.key()), lit("单位"))
        .when(level.equalTo(ExecutionLevel.FUNCTION.key()), text("功能科目“", concat_ws(" ", subject, name), "”"))
        .otherwise(text("项目“", subject, "”"));
  }

  /** The unit / Functional line “208 …” / Project “…” by level. */
  static Column subjectEn(Column level, Column subject, Column name) {
    return when(level.equalTo(ExecutionLevel.UNIT.key()), lit("The unit"))
        .when(level.equalTo(ExecutionLevel.FUNCTION.key()), text("Functional line “", concat_ws(" ", subject, name), "”"))
        .otherwise(text("Project “", subject, "”"));
  }
}
