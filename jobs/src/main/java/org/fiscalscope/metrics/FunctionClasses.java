package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.fiscalscope.lake.LakeTable;

/** Functional classes (类, 3 digits) of each unit-year: budget and actual per class, and the class the unit spends most on. */
public final class FunctionClasses {

  static final scala.collection.immutable.Seq<String> UNIT_YEAR =
      scala.jdk.javaapi.CollectionConverters.asScala(LakeTable.UNIT_YEAR).toList();

  private FunctionClasses() {}

  /**
   * unit_id, fiscal_year, class_code, budget_initial, actual: sums over the coarsest level the unit-year reports, so a
   * document listing 类, 款 and 项 is not counted three times.
   */
  public static Dataset<Row> classTotals(Dataset<Row> functionLines) {
    Dataset<Row> lines = functionLines
        .withColumn("line_level", coalesce(col("level"), length(col("code"))))
        .withColumn("line_class", coalesce(col("class_code"), substring(col("code"), 1, 3)));
    Dataset<Row> coarsest = lines.groupBy("unit_id", "fiscal_year").agg(min("line_level").as("top_level"));
    return lines.join(coarsest, UNIT_YEAR)
        .where(col("line_level").equalTo(col("top_level")))
        .groupBy(col("unit_id"), col("fiscal_year"), col("line_class").as("class_code"))
        .agg(sum("budget_initial").as("budget_initial"), sum("actual").as("actual"));
  }

  /** unit_id, fiscal_year, class_code of the largest actual spending; ties go to the smaller code. */
  public static Dataset<Row> largestClass(Dataset<Row> functionLines) {
    return largestOf(classTotals(functionLines));
  }

  /** {@link #largestClass} from class totals already computed by {@link #classTotals}. */
  public static Dataset<Row> largestOf(Dataset<Row> classTotals) {
    return classTotals
        .where(col("actual").isNotNull())
        .withColumn("rank", row_number().over(Window.partitionBy("unit_id", "fiscal_year")
            .orderBy(col("actual").desc(), col("class_code").asc())))
        .where(col("rank").equalTo(1))
        .select("unit_id", "fiscal_year", "class_code");
  }
}
