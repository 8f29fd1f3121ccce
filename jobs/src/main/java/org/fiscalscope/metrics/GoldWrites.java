package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Whether a recomputed gold frame differs from what the table holds, so an unchanged table gets no new commit. */
public final class GoldWrites {

  /** Bookkeeping that does not count as content (a re-run stamps a new run id). */
  private static final List<String> NOT_CONTENT = List.of("run_id");

  private GoldWrites() {}

  /**
   * True when {@code existing} restricted to the groups {@code incoming} covers holds exactly the rows of
   * {@code incoming}, compared on every column but run_id (nulls equal). Both must have the table's schema.
   */
  public static boolean isUnchanged(Dataset<Row> incoming, Dataset<Row> existing, StructType schema,
      List<String> groupColumns) {
    Column[] content = Arrays.stream(schema.fieldNames()).filter(n -> !NOT_CONTENT.contains(n)).map(n -> col(n))
        .toArray(Column[]::new);
    Dataset<Row> scoped = groupColumns.isEmpty() ? existing
        : existing.join(incoming.select(groupColumns.stream().map(c -> col(c)).toArray(Column[]::new)).distinct(),
            scala.jdk.javaapi.CollectionConverters.asScala(groupColumns).toList(), "left_semi");
    Dataset<Row> now = incoming.select(content);
    Dataset<Row> before = scoped.select(content);
    return now.exceptAll(before).isEmpty() && before.exceptAll(now).isEmpty();
  }
}
