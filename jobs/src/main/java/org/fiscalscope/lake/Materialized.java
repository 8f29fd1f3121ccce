package org.fiscalscope.lake;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Frames computed once and kept on the executors for the queries that follow (Spark's local checkpoint: their rows as
 * they are, in memory and spilled to local disk past it), all released when the scope closes.
 *
 * <p>Kept rather than cached: a cached frame is built into compressed columns, which for a province's wide rows of
 * text (gold.flags' explanations) cost more CPU than the queries reading it back save; and a cached plan keeps its
 * lineage, so every task reading it carries the plan that computed it. The price: an executor lost before the last
 * query fails the stage (the next run does it again), which a cache would have recomputed.
 *
 * <p>Released explicitly: {@code Dataset.unpersist} drops only cached plans, so a checkpoint's blocks would stay in the
 * block manager until the driver happens to collect its RDD, filling the memory later stages cache into (and dropping
 * to disk what they evict). Frames kept by a stage's threads side by side may share a scope.
 */
public final class Materialized implements AutoCloseable {

  private final List<Dataset<Row>> kept = new ArrayList<>();

  /** The frame computed now (one job) and kept until the scope closes. */
  public Dataset<Row> keep(Dataset<Row> frame) {
    Dataset<Row> k = frame.localCheckpoint(true);
    synchronized (kept) {
      kept.add(k);
    }
    return k;
  }

  /** Releases what the scope kept. */
  @Override
  public void close() {
    List<Dataset<Row>> all;
    synchronized (kept) {
      all = List.copyOf(kept);
      kept.clear();
    }
    all.forEach(Materialized::release);
  }

  /** Drops the kept rows of a local checkpoint's frame (nothing for another frame). */
  static void release(Dataset<?> frame) {
    if (frame.queryExecution().analyzed() instanceof LogicalRDD k) {
      k.rdd().unpersist(false);
    }
  }
}
