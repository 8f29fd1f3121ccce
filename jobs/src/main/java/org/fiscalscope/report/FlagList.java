package org.fiscalscope.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The current flags of gold.flags, most severe first: counts per severity over all of them, and the first
 * {@code limit} with their explanations and source pointers (the rest are counted, not listed).
 */
record FlagList(long total, Map<String, Long> bySeverity, List<Flag> shown) {

  static final List<String> SEVERITIES = List.of("severe", "warning", "info");

  /** One flag as the analyst reads it: what, where, judged against what, why, and where it came from. */
  record Flag(String severity, String rule, String family, String unitId, String unitName, int fiscalYear,
      String level, String subject, Double value, Double threshold, String thresholdText, String explanationZh,
      String explanationEn, String sourceFile, String sourceField, Integer sourcePage, Integer sourceLine,
      String sourceText) {}

  long hidden() {
    return total - shown.size();
  }

  static Optional<FlagList> of(Dataset<Row> flags, Dataset<Row> unitYear, int limit) {
    Map<String, Long> bySeverity = new LinkedHashMap<>();
    SEVERITIES.forEach(s -> bySeverity.put(s, 0L));
    long total = 0;
    for (Row r : flags.groupBy(coalesce(col("severity"), lit("info")).as("severity")).agg(count("*").as("n"))
        .collectAsList()) {
      bySeverity.merge(Frames.string(r, "severity"), Frames.count(r, "n"), Long::sum);
      total += Frames.count(r, "n");
    }
    List<Flag> shown = ordered(explained(flags, unitYear)).limit(limit).collectAsList().stream().map(FlagList::flag).toList();
    return Optional.of(new FlagList(total, bySeverity, shown));
  }

  /** Flags with the unit's name and the source file of the unit-year they are about. */
  static Dataset<Row> explained(Dataset<Row> flags, Dataset<Row> unitYear) {
    Dataset<Row> sources = unitYear.select(col("unit_id"), col("fiscal_year"), col("unit_name"),
        col("source_file").as("unit_year_file"));
    // The flag's own file (of a unit-year merged from several files, the one that stated the figure) comes first.
    return Frames.leftJoin(flags.select(
            col("unit_id"), col("fiscal_year"), col("rule"), col("subject"),
            Frames.column(flags, "severity", "string").as("severity"),
            Frames.column(flags, "family", "string").as("family"),
            Frames.column(flags, "level", "string").as("level"),
            Frames.column(flags, "value", "double").as("value"),
            Frames.column(flags, "threshold", "double").as("threshold"),
            Frames.column(flags, "threshold_text", "string").as("threshold_text"),
            Frames.column(flags, "explanation_zh", "string").as("explanation_zh"),
            Frames.column(flags, "explanation_en", "string").as("explanation_en"),
            Frames.column(flags, "source_field", "string").as("source_field"),
            Frames.column(flags, "source_file", "string").as("flag_file"),
            Frames.column(flags, "source_page", "int").as("source_page"),
            Frames.column(flags, "source_line", "int").as("source_line"),
            Frames.column(flags, "source_text", "string").as("source_text")),
        sources, "unit_id", "fiscal_year")
        .withColumn("source_file", coalesce(col("flag_file"), col("unit_year_file")))
        .drop("flag_file", "unit_year_file");
  }

  /** Most severe first, then the latest year, then by unit, rule and subject (a stable order across runs). */
  static Dataset<Row> ordered(Dataset<Row> flags) {
    return flags.orderBy(order());
  }

  /** The order of {@link #ordered}: severity, latest year, unit, rule, subject. */
  static Column[] order() {
    Column rank = when(col("severity").equalTo("severe"), lit(0))
        .when(col("severity").equalTo("warning"), lit(1)).otherwise(lit(2));
    return new Column[] {rank, col("fiscal_year").desc(), col("unit_id"), col("rule"), col("subject")};
  }

  static Flag flag(Row r) {
    return new Flag(Frames.string(r, "severity"), Frames.string(r, "rule"), Frames.string(r, "family"),
        Frames.string(r, "unit_id"), Frames.string(r, "unit_name"), Frames.integer(r, "fiscal_year"),
        Frames.string(r, "level"), Frames.string(r, "subject"), Frames.real(r, "value"), Frames.real(r, "threshold"),
        Frames.string(r, "threshold_text"), Frames.string(r, "explanation_zh"), Frames.string(r, "explanation_en"),
        Frames.string(r, "source_file"), Frames.string(r, "source_field"), Frames.integer(r, "source_page"), Frames.integer(r, "source_line"),
        Frames.string(r, "source_text"));
  }

  /** A value as the flag's rule judges it: rates and amounts with 2 decimals. */
  static String shownValue(Double v) {
    return v == null ? "—" : Html.num(BigDecimal.valueOf(v));
  }
}
