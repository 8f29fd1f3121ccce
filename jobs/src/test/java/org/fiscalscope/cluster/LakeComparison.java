package org.fiscalscope.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;

/**
 * Whether two lakes hold the same tables: each table's rows without the stamps of the run that wrote them, as JSON
 * (binary columns as their SHA-256), hashed one by one, the hashes sorted and hashed again — a content hash that
 * does not depend on row order, file layout or Delta history. Computed by Spark, so large tables stream through the
 * driver a partition at a time.
 */
public final class LakeComparison {

  /** Columns a run stamps anew: its id and the times it wrote. */
  public static final List<String> STAMPS = List.of("run_id", "ingested_at", "rejected_at", "computed_at");

  /** A table's row count and content hash ({@code absent} when the lake has no such table). */
  public record Digest(LakeTable table, long rows, String sha256) {
    @Override
    public String toString() {
      return table + ": " + rows + " rows, " + sha256;
    }
  }

  private LakeComparison() {}

  /** Each row of {@code table} without its stamps as one JSON string (column {@code row}), or null when absent. */
  public static Dataset<Row> content(SparkSession spark, String lake, LakeTable table) {
    Lake l = new Lake(spark, lake);
    if (!l.exists(table)) {
      return null;
    }
    Dataset<Row> rows = l.read(table);
    String[] keep = Arrays.stream(rows.schema().fields()).filter(f -> !STAMPS.contains(f.name()))
        .map(f -> f.dataType() instanceof BinaryType
            ? "sha2(`" + f.name() + "`, 256) AS `" + f.name() + "`" : "`" + f.name() + "`")
        .toArray(String[]::new);
    return rows.selectExpr(keep).selectExpr("to_json(struct(*)) AS row");
  }

  public static Digest digest(SparkSession spark, String lake, LakeTable table) {
    Dataset<Row> content = content(spark, lake, table);
    if (content == null) {
      return new Digest(table, 0, "absent");
    }
    MessageDigest sha = sha256();
    long n = 0;
    Iterator<Row> hashes = content.select(sha2(col("row"), 256).as("h")).sort("h").toLocalIterator();
    while (hashes.hasNext()) {
      sha.update(hashes.next().getString(0).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) '\n');
      n++;
    }
    return new Digest(table, n, HexFormat.of().formatHex(sha.digest()));
  }

  /** One table in both lakes: its digests, and when they differ a sentence saying how. */
  public record Compared(Digest expected, Digest actual, String difference) {
    public boolean identical() {
      return difference == null;
    }
  }

  /**
   * Each table in both lakes; where the content differs, a sentence with the first row found only in the expected
   * lake and the first found only in the actual one.
   */
  public static List<Compared> compare(SparkSession spark, String expectedLake, String actualLake,
      List<LakeTable> tables) {
    List<Compared> compared = new ArrayList<>();
    for (LakeTable t : tables) {
      Digest expected = digest(spark, expectedLake, t);
      Digest actual = digest(spark, actualLake, t);
      if (expected.sha256().equals(actual.sha256()) && expected.rows() == actual.rows()) {
        compared.add(new Compared(expected, actual, null));
        continue;
      }
      String detail = "";
      Dataset<Row> e = content(spark, expectedLake, t);
      Dataset<Row> a = content(spark, actualLake, t);
      if (e != null && a != null) {
        detail = "; first row only in " + expectedLake + ": " + first(e.exceptAll(a)) + "; first row only in "
            + actualLake + ": " + first(a.exceptAll(e));
      }
      compared.add(new Compared(expected, actual, t + " differs: " + expected.rows() + " rows (" + expected.sha256()
          + ") in " + expectedLake + ", " + actual.rows() + " rows (" + actual.sha256() + ") in " + actualLake + detail));
    }
    return compared;
  }

  /** The sentences of {@link #compare} for the tables that differ; empty when all agree. */
  public static List<String> differences(SparkSession spark, String expectedLake, String actualLake,
      List<LakeTable> tables) {
    return compare(spark, expectedLake, actualLake, tables).stream().filter(c -> !c.identical())
        .map(Compared::difference).toList();
  }

  private static String first(Dataset<Row> rows) {
    List<Row> one = rows.sort("row").limit(1).collectAsList();
    if (one.isEmpty()) {
      return "none";
    }
    String s = one.get(0).getString(0);
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
