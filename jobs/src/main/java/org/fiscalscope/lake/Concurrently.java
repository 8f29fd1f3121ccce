package org.fiscalscope.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Independent pieces of a stage (writes of different tables, say) run side by side from a few driver threads. Over a
 * district's data most of a write is the driver's: planning, Delta's log and commit; run one after another, the
 * executors wait for it. Side by side, one piece plans or commits while another's tasks run. Each piece is still one
 * transaction of its own table, so what a failure leaves is what it left one at a time: tables whose piece ended are
 * committed, the others untouched.
 *
 * <p>The threads start from the calling one, so they inherit its Spark local properties (job group, description,
 * call site) and active session; a piece may set its own label. Every piece runs to its end, then the first failure
 * (in the order of the pieces) is thrown.
 */
public final class Concurrently {

  /** Driver threads at most: enough to keep two busy while one plans, few enough not to crowd a small driver. */
  static final int THREADS = 3;

  private Concurrently() {}

  /** Runs each piece and returns their results in the order of the pieces. */
  public static <T> List<T> run(SparkSession spark, List<Supplier<T>> pieces) {
    if (pieces.size() <= 1) {
      return pieces.stream().map(Supplier::get).toList();
    }
    SparkSession.setActiveSession(spark);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, pieces.size()), r -> {
      Thread t = new Thread(r, "fiscalscope-piece");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Supplier<T> piece : pieces) {
        futures.add(pool.submit(piece::get));
      }
      List<T> results = new ArrayList<>();
      Throwable failure = null;
      for (Future<T> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          results.add(null);
          if (failure == null) {
            failure = e.getCause();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pool.shutdownNow();
          throw new IllegalStateException("interrupted while waiting for the pieces of a stage", e);
        }
      }
      if (failure != null) {
        throw unchecked(failure);
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  /** Runs each piece (no results). */
  public static void runAll(SparkSession spark, List<Runnable> pieces) {
    run(spark, pieces.stream().<Supplier<Void>>map(p -> () -> {
      p.run();
      return null;
    }).toList());
  }

  /** The failure as thrown: a runtime exception or an error as it is, anything else wrapped. */
  private static RuntimeException unchecked(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause);
  }
}
