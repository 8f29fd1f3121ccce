package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest extends SparkTest {

  @Test
  void piecesRunSideBySideAndTheirResultsComeInTheirOrder() {
    // Two pieces that wait for each other finish only when they run at the same time.
    CountDownLatch both = new CountDownLatch(2);
    Supplier<String> a = () -> meet(both, "a");
    Supplier<String> b = () -> meet(both, "b");
    assertEquals(List.of("a", "b", "c"), Concurrently.run(spark, List.of(a, b, () -> "c")));
  }

  @Test
  void theirSparkJobsCarryTheCallersLabel() {
    JobLabel.set(spark, "METRICS", "label of the caller");
    try {
      List<String> groups = Concurrently.run(spark, List.<Supplier<String>>of(
          () -> spark.sparkContext().getLocalProperty("spark.jobGroup.id"),
          () -> spark.sparkContext().getLocalProperty("spark.job.description")));
      assertEquals(List.of("METRICS", "label of the caller"), groups);
      assertEquals(List.of(3L, 2L), Concurrently.run(spark, List.<Supplier<Long>>of(
          () -> spark.range(3).count(), () -> spark.range(2).count())));
    } finally {
      JobLabel.clear(spark);
    }
  }

  @Test
  void everyPieceEndsBeforeTheFirstFailureIsThrown() {
    AtomicInteger ended = new AtomicInteger();
    IllegalArgumentException first = new IllegalArgumentException("first");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> Concurrently.runAll(spark, List.of(
        () -> {
          throw first;
        },
        () -> {
          sleep(200);
          ended.incrementAndGet();
        },
        () -> {
          throw new IllegalStateException("second");
        },
        ended::incrementAndGet)));
    assertSame(first, thrown);
    assertEquals(2, ended.get());
  }

  @Test
  void anErrorIsThrownAfterEveryPieceEndedToo() {
    AtomicInteger ended = new AtomicInteger();
    AssertionError error = new AssertionError("an error, not an exception");
    Error thrown = assertThrows(AssertionError.class, () -> Concurrently.runAll(spark, List.of(
        () -> {
          throw error;
        },
        () -> {
          sleep(200);
          ended.incrementAndGet();
        })));
    assertSame(error, thrown);
    assertEquals(1, ended.get(), "the other piece ended before the error was thrown");
  }

  private static String meet(CountDownLatch latch, String name) {
    latch.countDown();
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other piece did not run beside " + name);
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
