package org.fiscalscope.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Text;

/**
 * What a dataset Parquet file's footer says: its columns, and whether the file can be read as the table its name
 * announces (a known table, flat columns named as in the table's schema, at least one row). Files with the same
 * layout are read by Spark together. Runs on executors, one footer at a time; the rows are not read here.
 */
record ParquetLayout(String signature, List<String> columns, Reason problem) {

  static ParquetLayout of(String location, String relativePath, Configuration hadoop) {
    String tableName = InputKind.datasetTable(relativePath);
    if (tableName == null) {
      return refused(Problem.DATASET_UNNAMED_FILE.with());
    }
    DatasetTable table = DatasetTable.of(tableName);
    MessageType schema;
    long rows;
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(location), hadoop))) {
      schema = reader.getFooter().getFileMetaData().getSchema();
      rows = reader.getRecordCount();
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
      return refused(Problem.DATASET_PARQUET_UNREADABLE.with(why));
    }
    List<String> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (!field.isPrimitive()) {
        return refused(Problem.DATASET_NESTED_COLUMN.with(field.getName(), table.name(), table.schemaFile()));
      }
      columns.add(field.getName());
      names.add(DatasetTable.normalisedColumnName(field.getName()));
    }
    Text problem = table.headerProblem(names);
    if (problem != null) {
      return refused(Problem.DATASET_BAD_COLUMNS.with(problem, table.schemaFile()));
    }
    if (rows == 0) {
      return refused(Problem.DATASET_PARQUET_EMPTY.with());
    }
    return new ParquetLayout(schema.toString(), columns, null);
  }

  private static ParquetLayout refused(Reason problem) {
    return new ParquetLayout(null, List.of(), problem);
  }
}
