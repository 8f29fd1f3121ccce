package org.fiscalscope.flags;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.document.Severity;

/**
 * One flag rule over a frame of judged rows: which rows it hits, how severe, the value and the line it was judged
 * against, how to explain a hit in Chinese and English, and which canonical-document field the value came from.
 */
public record FlagRule(
    String id,
    Severity severity,
    FlagFamily family,
    Column hits,
    Column value,
    Column threshold,
    Column thresholdText,
    Column explanationZh,
    Column explanationEn,
    Column sourceField) {

  /** A rule whose threshold is described by the same words on every row. */
  public FlagRule(String id, Severity severity, FlagFamily family, Column hits, Column value, Column threshold,
      String thresholdText, Column explanationZh, Column explanationEn, Column sourceField) {
    this(id, severity, family, hits, value, threshold, lit(thresholdText), explanationZh, explanationEn, sourceField);
  }

  /**
   * The rows of {@code judged} the rule hits, as flag rows: rule, severity, family, unit_id, fiscal_year, level,
   * subject, value, threshold, threshold_text, explanation_zh, explanation_en, source_sha256, source_field.
   * {@code judged} must carry unit_id, fiscal_year, level, subject and source_sha256.
   */
  public Dataset<Row> apply(Dataset<Row> judged) {
    return applyAll(List.of(this), judged);
  }

  /**
   * The flag rows of every rule in {@code rules} over {@code judged}, in one pass over it: each row yields one flag
   * per rule it hits (a rule's explanation is only built for the rows it hits). Same columns as {@link #apply}.
   */
  public static Dataset<Row> applyAll(List<FlagRule> rules, Dataset<Row> judged) {
    Column[] candidates = rules.stream().map(r -> when(r.hits(), r.flag())).toArray(Column[]::new);
    return judged
        .select(explode(filter(array(candidates), Column::isNotNull)).as("flag"))
        .select(col("flag.*"));
  }

  /** The flag columns of a row this rule hits. */
  private Column flag() {
    return struct(
        lit(id).as("rule"), lit(severity.key()).as("severity"), lit(family.key()).as("family"),
        col("unit_id"), col("fiscal_year"), col("level"), col("subject"),
        value.cast("double").as("value"), threshold.cast("double").as("threshold"),
        thresholdText.cast("string").as("threshold_text"), explanationZh.as("explanation_zh"),
        explanationEn.as("explanation_en"), col("source_sha256"), sourceField.cast("string").as("source_field"));
  }

}
