package org.fiscalscope.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.lake.DeltaMerge;

/**
 * Whether a recomputed gold frame differs from what the table holds, and in which groups (unit-years, years), so that
 * an unchanged table gets no new commit and a changed one is written only where it changed. Each side is reduced to a
 * fingerprint, of the whole frame (one aggregation, no shuffle of the rows) or per group: the row count and the sums
 * of two independent hashes of every row's content. Two multisets of rows with equal fingerprints are taken as equal;
 * a change that kept all three sums would need a 96-bit coincidence.
 */
public final class GoldWrites {

  /** Bookkeeping that does not count as content (a re-run stamps a new run id). */
  private static final List<String> NOT_CONTENT = List.of("run_id");

  /** A frame's fingerprint: rows, and the sums of a 64-bit and a 32-bit hash of each row's content. */
  public record Fingerprint(long rows, java.math.BigDecimal xxhashSum, java.math.BigDecimal murmurSum) {}

  private GoldWrites() {}

  /** The fingerprint of {@code rows} over every column of {@code schema} but run_id (nulls hash alike). */
  public static Fingerprint fingerprint(Dataset<Row> rows, StructType schema) {
    Column[] parts = fingerprintOf(schema);
    Row r = rows.agg(parts[0], parts[1], parts[2]).first();
    return new Fingerprint(r.getLong(0), r.getDecimal(1), r.getDecimal(2));
  }

  /**
   * The groups (values of {@code groups}, e.g. unit_id and fiscal_year) whose rows differ between {@code incoming} and
   * {@code existing}, both with the table's {@code schema}: rows added, removed or changed in content (run_id aside).
   * A nightly adding a few unit-years finds those few groups without comparing rows. The group columns are NOT NULL
   * in every gold table (a null group would not be matched).
   */
  public static Dataset<Row> changedGroups(Dataset<Row> incoming, Dataset<Row> existing, StructType schema,
      List<String> groups) {
    scala.collection.immutable.Seq<String> on = DeltaMerge.scalaSeq(groups);
    Dataset<Row> now = perGroup(incoming, schema, groups, "now");
    Dataset<Row> held = perGroup(existing, schema, groups, "held");
    Column same = lit(true);
    for (String part : FINGERPRINT) {
      same = same.and(col("now_" + part).eqNullSafe(col("held_" + part)));
    }
    return now.join(held, on, "full_outer").filter(not(same)).select(groups.stream().map(g -> col(g))
        .toArray(Column[]::new));
  }

  /** The parts of a fingerprint, in {@link #fingerprintOf} order. */
  private static final List<String> FINGERPRINT = List.of("rows", "xxhash", "murmur");

  private static Dataset<Row> perGroup(Dataset<Row> rows, StructType schema, List<String> groups, String prefix) {
    Column[] parts = fingerprintOf(schema);
    Column[] named = new Column[parts.length];
    for (int i = 0; i < parts.length; i++) {
      named[i] = parts[i].as(prefix + "_" + FINGERPRINT.get(i));
    }
    return rows.groupBy(groups.stream().map(g -> col(g)).toArray(Column[]::new))
        .agg(named[0], Arrays.copyOfRange(named, 1, named.length));
  }

  /** Aggregates making a fingerprint of rows with {@code schema}: the count and two sums of hashes of the content. */
  private static Column[] fingerprintOf(StructType schema) {
    Column[] content = Arrays.stream(schema.fields()).filter(f -> !NOT_CONTENT.contains(f.name()))
        .map(f -> f.dataType() instanceof MapType ? to_json(col(f.name())) : col(f.name()))
        .toArray(Column[]::new);
    // Hashing one struct keeps column boundaries: ("ab", "c") and ("a", "bc") hash apart.
    Column row = struct(content);
    return new Column[] {count(lit(1)), sum(xxhash64(row).cast("decimal(38,0)")), sum(hash(row).cast("decimal(38,0)"))};
  }

  /**
   * True when {@code existing} holds exactly the rows of {@code incoming}, compared on every column but run_id.
   * Both must have the table's schema.
   */
  public static boolean isUnchanged(Dataset<Row> incoming, Dataset<Row> existing, StructType schema) {
    return fingerprint(incoming, schema).equals(fingerprint(existing, schema));
  }
}
