package org.fiscalscope.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.Evaluation;
import org.fiscalscope.document.FinalAccount;

/**
 * Writes canonical documents as a finance system's dataset export: {@code <stem>.unit_year.csv},
 * {@code <stem>.function_line.csv}, {@code <stem>.project.csv} and {@code <stem>.indicator.csv}, UTF-8, one header
 * row of the columns {@code schemas/datasets/<table>.ddl} declares, each cell filled from the document field its
 * column names (the inverse of {@link DatasetDocument}): a figure a document does not state is an empty cell.
 * Documents are written as they come, one row per unit-year, line, project and indicator.
 */
public final class DatasetExport implements Closeable {

  private static final String PROJECT_INDICATORS = "/performance/projects/*/indicators/*";

  private final Map<DatasetTable, CsvWriter> writers = new LinkedHashMap<>();

  /** Opens the four files in {@code dir}, replacing earlier ones of the same names. */
  public DatasetExport(Path dir, String stem) throws IOException {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.setQuoteEscapingEnabled(true);
    settings.getFormat().setLineSeparator("\n");
    for (String name : InputKind.DATASET_TABLES) {
      DatasetTable table = DatasetTable.of(name);
      Writer out = Files.newBufferedWriter(dir.resolve(fileName(stem, name)), StandardCharsets.UTF_8);
      CsvWriter writer = new CsvWriter(out, settings);
      writer.writeHeaders(table.columns().stream().map(DatasetTable.Column::name).toList());
      writers.put(table, writer);
    }
  }

  /** The name of the export's file for one table: {@code district.unit_year.csv}. */
  public static String fileName(String stem, String table) {
    return stem + "." + table + ".csv";
  }

  /** Writes the rows of one document to every table. */
  public void add(FinalAccount doc) {
    JsonNode tree = DocumentJson.mapper().valueToTree(doc);
    for (Map.Entry<DatasetTable, CsvWriter> e : writers.entrySet()) {
      DatasetTable table = e.getKey();
      for (List<String> row : rows(table, doc, tree)) {
        e.getValue().writeRow(row);
      }
    }
  }

  /** The table's rows for one document, each a list of cells in column order. */
  static List<List<String>> rows(DatasetTable table, FinalAccount doc, JsonNode tree) {
    List<List<String>> rows = new ArrayList<>();
    List<Evaluation> projects = doc.performance() == null || doc.performance().projects() == null
        ? List.of() : doc.performance().projects();
    switch (table.name()) {
      case "unit_year" -> rows.add(row(table, tree, false));
      case "function_line" -> {
        for (int i = 0; doc.functions() != null && i < doc.functions().size(); i++) {
          rows.add(row(table, tree, false, i));
        }
      }
      case "project" -> {
        for (int p = 0; p < projects.size(); p++) {
          rows.add(row(table, tree, false, p));
        }
      }
      case "indicator" -> {
        Evaluation unit = doc.performance() == null ? null : doc.performance().unitEvaluation();
        for (int k = 0; unit != null && unit.indicators() != null && k < unit.indicators().size(); k++) {
          rows.add(withSeq(table, row(table, tree, true, k), k));
        }
        for (int p = 0; p < projects.size(); p++) {
          List<?> indicators = projects.get(p).indicators();
          for (int k = 0; indicators != null && k < indicators.size(); k++) {
            rows.add(withSeq(table, row(table, tree, false, p, k), k));
          }
        }
      }
      default -> throw new IllegalStateException("no dataset table " + table.name());
    }
    return rows;
  }

  private static List<String> row(DatasetTable table, JsonNode tree, boolean isUnitIndicator, int... index) {
    List<String> cells = new ArrayList<>();
    for (DatasetTable.Column c : table.columns()) {
      String field = c.field();
      boolean elsewhere = field == null
          || isUnitIndicator && field.startsWith("/performance/projects/") && !field.startsWith(PROJECT_INDICATORS);
      JsonNode v = elsewhere ? null : tree.at(DatasetDocument.pointer(field, isUnitIndicator, index));
      cells.add(v == null || v.isMissingNode() || v.isNull() ? null
          : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText());
    }
    return cells;
  }

  /** An indicator row with its position in its table, from 1. */
  private static List<String> withSeq(DatasetTable table, List<String> cells, int k) {
    int at = table.columns().indexOf(table.column("seq"));
    cells.set(at, String.valueOf(k + 1));
    return cells;
  }

  @Override
  public void close() {
    writers.values().forEach(CsvWriter::close);
  }
}
