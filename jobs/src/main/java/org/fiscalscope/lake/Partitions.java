package org.fiscalscope.lake;

import java.util.Iterator;
import java.util.function.Function;

/** What the functions Spark runs over a partition's rows share. */
public final class Partitions {

  private Partitions() {}

  /**
   * The rows of a partition each turned into one row as they are read: lazily, one at a time, so a partition is
   * never held whole (a function's {@code mapPartitions} call returns this over its input).
   */
  public static <A, B> Iterator<B> eachMapped(Iterator<A> rows, Function<A, B> each) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public B next() {
        return each.apply(rows.next());
      }
    };
  }
}
