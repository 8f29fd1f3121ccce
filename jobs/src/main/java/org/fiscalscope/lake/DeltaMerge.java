package org.fiscalscope.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * MERGE helpers: every write to the lake is one Delta MERGE on the table's key, so a re-run changes nothing,
 * a failed run leaves the table at its previous version, and history keeps every earlier state.
 */
public final class DeltaMerge {

  /** Bookkeeping columns that do not count as a change of content (a re-run stamps a new run id). */
  private static final Set<String> NOT_CONTENT = Set.of("run_id", "ingested_at", "rejected_at", "computed_at");

  private static final String OP = "_fs_op";

  private static final String FISCAL_YEAR = "fiscal_year";

  private DeltaMerge() {}

  /** Rows cast to the table's declared schema, in its column order; columns the rows lack are null. */
  public static Dataset<Row> conform(Dataset<Row> rows, StructType schema) {
    Set<String> present = Set.of(rows.columns());
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      Column c = present.contains(f.name()) ? col(f.name()) : lit(null);
      cols.add(c.cast(f.dataType()).as(f.name()));
    }
    return rows.select(cols.toArray(Column[]::new));
  }

  /**
   * Inserts the rows whose key the table does not hold yet; rows already there are left untouched.
   * Returns false (and commits nothing) when there is nothing to insert.
   */
  public static boolean insertNew(Lake lake, LakeTable table, Dataset<Row> rows) {
    Dataset<Row> source = conform(rows, table.schema());
    if (!lake.exists(table)) {
      return createWith(lake, table, source.dropDuplicates(table.key().toArray(String[]::new)));
    }
    if (source.isEmpty()) {
      return false;
    }
    lake.ensure(table);
    Map<String, String> insert = allColumns(table.schema(), "s");
    lake.delta(table).as("t")
        .merge(source.dropDuplicates(table.key().toArray(String[]::new)).as("s"), keyCondition(table.key()))
        .whenNotMatched().insertExpr(insert)
        .execute();
    return true;
  }

  /**
   * Makes the table hold exactly {@code rows} for every group (e.g. unit-year) that appears in them:
   * changed rows are updated, new ones inserted, rows of those groups that {@code rows} no longer contain
   * are deleted, unchanged rows are not rewritten; groups absent from {@code rows} are not touched.
   * One MERGE, so one transaction. Returns false when {@code rows} is empty (nothing committed).
   */
  public static boolean replaceGroups(Lake lake, LakeTable table, Dataset<Row> rows, List<String> groupColumns) {
    Dataset<Row> groups = rows.select(toCols(groupColumns)).distinct();
    if (groups.isEmpty()) {
      return false;
    }
    replaceGroups(lake, table, rows, groups);
    return true;
  }

  /**
   * Like {@link #replaceGroups(Lake, LakeTable, Dataset, List)}, for the groups listed in {@code groups} (whose
   * columns name the grouping), which the caller knows are not none: a group with no rows in {@code rows} loses all
   * its rows. Neither the groups nor the rows are counted first (a job for each table written); a table that does
   * not exist yet is created with the rows, even none ({@link #createAndAppend}).
   */
  public static void replaceGroups(Lake lake, LakeTable table, Dataset<Row> rows, Dataset<Row> groups) {
    replaceGroups(lake, table, rows, groups, Set.of());
  }

  /**
   * Like {@link #replaceGroups(Lake, LakeTable, Dataset, Dataset)}, for groups that fall in the fiscal years
   * {@code years} (none: not known). The table's rows of other years are then not read: its files hold statistics of
   * fiscal_year (a key column), so a batch of one year reads and joins that year's files, not the whole history.
   */
  public static void replaceGroups(Lake lake, LakeTable table, Dataset<Row> rows, Dataset<Row> groups,
      Set<Integer> years) {
    replaceGroups(lake, table, rows, groups, years, true);
  }

  /**
   * Like {@link #replaceGroups(Lake, LakeTable, Dataset, Dataset, Set)}; {@code binnedIfNew} false writes the rows of
   * a table that does not exist yet, or of groups it holds no row of, as their partitions lie
   * ({@link #createAndAppend(Lake, LakeTable, Dataset, boolean)}). A MERGE into an existing table writes as the
   * session's settings say.
   */
  public static void replaceGroups(Lake lake, LakeTable table, Dataset<Row> rows, Dataset<Row> groups,
      Set<Integer> years, boolean binnedIfNew) {
    StructType schema = table.schema();
    List<String> keys = table.key();
    List<String> groupColumns = List.of(groups.columns());
    Dataset<Row> incoming = conform(rows, schema);
    if (!lake.exists(table)) {
      createAndAppend(lake, table, incoming, binnedIfNew);
      return;
    }
    lake.ensure(table);
    Dataset<Row> current = lake.read(table).filter(inYears(FISCAL_YEAR, years)).join(groups.distinct(), scalaSeq(groupColumns), "left_semi");
    // Groups the table holds no row of (a new year's documents, a batch of a first load after the first): nothing to
    // update or delete, so the rows are appended. Asking reads the group columns of the years' files only; a MERGE
    // would join and rewrite them.
    if (current.select(toCols(groupColumns)).isEmpty()) {
      createAndAppend(lake, table, incoming, binnedIfNew);
      return;
    }
    Dataset<Row> gone = current.join(incoming.select(toCols(keys)), scalaSeq(keys), "left_anti")
        .withColumn(OP, lit("delete"));
    Dataset<Row> source = incoming.withColumn(OP, lit("upsert")).unionByName(gone);

    lake.delta(table).as("t")
        .merge(source.as("s"), inYears("t." + FISCAL_YEAR, years).and(expr(keyCondition(keys))))
        .whenMatched("s." + OP + " = 'delete'").delete()
        .whenMatched("s." + OP + " = 'upsert' AND NOT (" + sameContent(schema, keys) + ")")
        .updateExpr(allColumns(schema, "s"))
        .whenNotMatched("s." + OP + " = 'upsert'").insertExpr(allColumns(schema, "s"))
        .execute();
  }

  /**
   * Inserts new keys and updates rows whose content changed; rows not in {@code rows} stay. Returns false when empty.
   */
  public static boolean upsert(Lake lake, LakeTable table, Dataset<Row> rows) {
    StructType schema = table.schema();
    List<String> keys = table.key();
    Dataset<Row> source = conform(rows, schema);
    if (!lake.exists(table)) {
      return createWith(lake, table, source);
    }
    if (source.isEmpty()) {
      return false;
    }
    lake.delta(table).as("t")
        .merge(source.as("s"), keyCondition(keys))
        .whenMatched("NOT (" + sameContent(schema, keys) + ")").updateExpr(allColumns(schema, "s"))
        .whenNotMatched().insertExpr(allColumns(schema, "s"))
        .execute();
    return true;
  }

  /**
   * Appends {@code rows} straight from their plan, creating the table from its DDL first when it does not exist, in
   * one commit (no count or emptiness check first, so the plan runs once). For a table that does not exist yet, or
   * rows whose keys the caller has made sure are new and unique. For no rows into a table just created Delta commits
   * nothing, but Spark has written the empty file it writes for an empty result: a file no version refers to, which
   * is removed (the table was created empty a moment ago, so no data file in it can belong to a version).
   */
  public static void createAndAppend(Lake lake, LakeTable table, Dataset<Row> rows) {
    createAndAppend(lake, table, rows, true);
  }

  /**
   * As {@link #createAndAppend(Lake, LakeTable, Dataset)}; {@code binned} false writes each partition of
   * {@code rows} as it is, without Delta's optimized write (its shuffle of every row into bins), for rows whose
   * partitions are already of a good size. Spark writes a file even for an empty first partition, which Delta leaves
   * out of the commit (and for no rows at all, which Delta does not commit): when the write may have left such a
   * file — unbinned, or into a table just created — the files on disk before it and those its commit adds are kept
   * and the rest removed (the lake's run lock keeps other writers out).
   */
  public static void createAndAppend(Lake lake, LakeTable table, Dataset<Row> rows, boolean binned) {
    lake.ensure(table);
    long previous = lake.version(table);
    boolean mayLeaveFiles = !binned || previous == 0;
    Set<String> earlier = mayLeaveFiles ? dataFileNames(lake, table) : Set.of();
    conform(rows, table.schema()).write().format("delta").mode("append")
        .option(OPTIMIZED_WRITE, String.valueOf(binned)).save(lake.path(table));
    if (mayLeaveFiles) {
      long now = lake.version(table);
      Set<String> kept = new java.util.HashSet<>(earlier);
      if (now > previous) {
        kept.addAll(lake.addedFiles(table, now));
      }
      removeDataFiles(lake, table, kept);
    }
  }

  private static Set<String> dataFileNames(Lake lake, LakeTable table) {
    try {
      return lake.dataFiles(table).stream().map(org.apache.hadoop.fs.Path::getName).collect(Collectors.toSet());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list the files of " + lake.path(table) + ": " + e.getMessage(), e);
    }
  }

  /** Delta's write option that turns its optimized write on or off for one write. */
  private static final String OPTIMIZED_WRITE = "optimizeWrite";

  /** Deletes the data files of a table but those named in {@code kept}: files of the write just made that no version refers to. */
  private static void removeDataFiles(Lake lake, LakeTable table, Set<String> kept) {
    try {
      org.apache.hadoop.fs.FileSystem fs = new org.apache.hadoop.fs.Path(lake.path(table))
          .getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      for (org.apache.hadoop.fs.Path f : lake.dataFiles(table)) {
        if (!kept.contains(f.getName())) {
          fs.delete(f, false);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot remove a file no version refers to from " + lake.path(table) + ": "
          + e.getMessage(), e);
    }
  }


  /**
   * A table's first rows: created from its DDL, then one append (cheaper than a MERGE into an empty table).
   * Nothing is created for no rows.
   */
  private static boolean createWith(Lake lake, LakeTable table, Dataset<Row> rows) {
    if (rows.isEmpty()) {
      return false;
    }
    lake.ensure(table);
    rows.write().format("delta").mode("append").save(lake.path(table));
    return true;
  }

  /** {@code column} is one of {@code years}; true when no years are given. */
  private static Column inYears(String column, Set<Integer> years) {
    return years.isEmpty() ? lit(true) : col(column).isin(years.stream().sorted().toArray());
  }

  static String keyCondition(List<String> keys) {
    return keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
  }

  static String sameContent(StructType schema, List<String> keys) {
    List<String> parts = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (keys.contains(f.name()) || NOT_CONTENT.contains(f.name())) {
        continue;
      }
      if (f.dataType() instanceof org.apache.spark.sql.types.MapType) {
        parts.add("to_json(t.`" + f.name() + "`) <=> to_json(s.`" + f.name() + "`)");
      } else {
        parts.add("t.`" + f.name() + "` <=> s.`" + f.name() + "`");
      }
    }
    return parts.isEmpty() ? "true" : String.join(" AND ", parts);
  }

  private static Map<String, String> allColumns(StructType schema, String alias) {
    Map<String, String> m = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      m.put("`" + f.name() + "`", alias + ".`" + f.name() + "`");
    }
    return m;
  }

  private static Column[] toCols(List<String> names) {
    return names.stream().map(n -> col(n)).toArray(Column[]::new);
  }

  /** Column names as the Scala sequence Dataset joins take. */
  public static scala.collection.immutable.Seq<String> scalaSeq(List<String> names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(names).toList();
  }
}
