package org.fiscalscope.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * What a dataset Parquet file's footer says: its columns, and whether the file can be read as the table its name
 * announces (a known table, flat columns named as in the table's schema, at least one row). Files with the same
 * layout are read by Spark together. Runs on executors, one footer at a time; the rows are not read here.
 */
record ParquetLayout(String signature, List<String> columns, String problem) {

  static ParquetLayout of(String location, String relativePath, Configuration hadoop) {
    String tableName = InputKind.datasetTable(relativePath);
    if (tableName == null) {
      return refused("does not say in its name which table it holds; name it after its table, e.g. "
          + "2023.unit_year.parquet, 2023.function_line.parquet, 2023.project.parquet or 2023.indicator.parquet");
    }
    DatasetTable table = DatasetTable.of(tableName);
    MessageType schema;
    long rows;
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(location), hadoop))) {
      schema = reader.getFooter().getFileMetaData().getSchema();
      rows = reader.getRecordCount();
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
      return refused("is not a readable Parquet file (" + why + "); export it again");
    }
    List<String> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (!field.isPrimitive()) {
        return refused("has the nested column " + field.getName() + "; " + table.name()
            + " files hold flat columns of text and numbers (see " + table.schemaFile() + ")");
      }
      columns.add(field.getName());
      names.add(DatasetTable.normalisedColumnName(field.getName()));
    }
    String problem = table.headerProblem(names);
    if (problem != null) {
      return refused("has columns that do not fit: it " + problem);
    }
    if (rows == 0) {
      return refused("holds no rows; send the file with its rows");
    }
    return new ParquetLayout(schema.toString(), columns, null);
  }

  private static ParquetLayout refused(String problem) {
    return new ParquetLayout(null, List.of(), problem);
  }
}
