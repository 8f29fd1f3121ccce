package org.fiscalscope.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;

/**
 * The finance bureau's list of units, {@code _units.csv} in the landing folder (columns name, region, kind,
 * parent_name): it supplies the peer-group attributes a disclosure text does not state. A document's own values
 * always win; the registry only fills what is missing.
 */
public final class UnitRegistry {

  public static final String FILE = "_units.csv";

  static final StructType SCHEMA = new StructType()
      .add("name", DataTypes.StringType)
      .add("region", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("parent_name", DataTypes.StringType);

  private UnitRegistry() {}

  /** The registry of a landing folder, or null when it has none. */
  public static Dataset<Row> load(SparkSession spark, String landingRoot) {
    Path file = new Path(landingRoot, FILE);
    java.util.List<String> lines;
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        return null;
      }
      // Read here, not by path: Spark's readers skip names starting with _ by design.
      try (var in = fs.open(file)) {
        lines = java.util.Arrays.asList(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\uFEFF", "").split("\r?\n"));
      }
    } catch (IOException e) {
      throw new FiscalScopeException(Problem.UNIT_REGISTRY_UNREADABLE.with(file, e.getMessage()), e);
    }
    Dataset<Row> rows = spark.read().option("header", "true").option("mode", "FAILFAST").schema(SCHEMA)
        .csv(spark.createDataset(lines, org.apache.spark.sql.Encoders.STRING()));
    return rows.filter(col("name").isNotNull())
        .withColumn("registry_key", normalised(col("name")))
        .dropDuplicates("registry_key");
  }

  /** silver.unit_year rows with region, unit_kind and parent_name filled from the registry where absent. */
  static Dataset<Row> fill(Dataset<Row> unitYears, Dataset<Row> registry) {
    Dataset<Row> r = registry.select(col("registry_key"), col("region").as("reg_region"), col("kind").as("reg_kind"),
        col("parent_name").as("reg_parent"));
    Dataset<Row> joined = unitYears.join(r, normalised(unitYears.col("unit_name")).equalTo(r.col("registry_key")), "left");
    return joined
        .withColumn("region", coalesce(col("region"), col("reg_region")))
        .withColumn("unit_kind", coalesce(col("unit_kind"), col("reg_kind")))
        .withColumn("parent_name", coalesce(col("parent_name"), col("reg_parent")))
        .drop("registry_key", "reg_region", "reg_kind", "reg_parent");
  }

  /** The same normal form as {@link UnitIds#normalisedName}: white space removed (NFKC is applied by the reader). */
  private static Column normalised(Column name) {
    return regexp_replace(trim(name), "[\\s\\u3000]+", "");
  }
}
