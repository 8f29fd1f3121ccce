package org.fiscalscope.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.FunctionLine;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.tables.DisclosureTables;

/**
 * The standard tables printed in a disclosure (公开01–09表, as {@code |}-separated rows of a text or as the ruled
 * tables of a PDF) read by the standard-tables reader, each of their figures added as one more statement of it.
 * A figure the tables and the text both state must agree like any two statements of one document: when they differ
 * neither is kept and a finding names both. The tables' statements come first, so the functional lines keep the
 * tables' order (类, then its 款 and 项).
 */
final class TableStatements {

  private TableStatements() {}

  /**
   * Adds the tables' figures and findings; returns the 公开NN表 labels of the tables found.
   *
   * @param pdfCells for a PDF, each line's cells by column (null for running text); null for a text disclosure,
   *     whose table rows are its lines holding {@code |}
   */
  static List<String> read(SourceText text, List<List<String>> pdfCells, String fileName, Figures figures) {
    List<DisclosureTables.Line> lines = new ArrayList<>(text.lineCount());
    for (int i = 0; i < text.lineCount(); i++) {
      String line = text.normalisedLine(i);
      List<String> cells;
      if (pdfCells != null) {
        List<String> raw = i < pdfCells.size() ? pdfCells.get(i) : null;
        cells = raw == null ? null : raw.stream().map(LineFolder::cell).toList();
      } else {
        cells = line.indexOf('|') >= 0 ? pipeCells(LineFolder.cell(text.line(i))) : null;
      }
      lines.add(new DisclosureTables.Line(i + 1, line, cells));
    }
    DisclosureTables.Read read = DisclosureTables.read(fileName, lines);
    FinalAccount tables = read.document();
    if (tables == null) {
      return read.tables();
    }
    JsonNode tree = DocumentJson.tree(tables);
    Map<String, Provenance> provenance = tables.provenance();
    List<FunctionLine> functions = tables.functions() == null ? List.of() : tables.functions();
    for (int i = 0; i < functions.size(); i++) {
      FunctionLine f = functions.get(i);
      String key = "/functions/#" + f.code() + "/";
      for (String field : List.of("actual", "budget_initial")) {
        Provenance p = provenance.get("/functions/" + i + "/" + field);
        JsonNode value = tree.at("/functions/" + i + "/" + field);
        if (p != null && value.isNumber()) {
          if (f.name() != null && !f.name().isBlank()) {
            figures.add(key + "name", cleanName(f.name()), p);
          }
          figures.add(key + field, plain(value.decimalValue()), p);
        }
      }
    }
    for (Map.Entry<String, Provenance> e : provenance.entrySet()) {
      JsonNode value = tree.at(e.getKey());
      if (!e.getKey().startsWith("/functions/") && value.isNumber()) {
        figures.add(e.getKey(), plain(value.decimalValue()), e.getValue());
      }
    }
    tables.findings().forEach(figures::finding);
    return read.tables();
  }

  /** 30 rather than 3E+1: trailing zeros dropped, never in exponent form. */
  private static BigDecimal plain(BigDecimal v) {
    if (v.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A row's cells between {@code |}; nothing after a closing {@code |} is no cell. */
  private static List<String> pipeCells(String line) {
    List<String> cells = new ArrayList<>(Arrays.asList(line.split("\\|", -1)));
    if (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
      cells.remove(cells.size() - 1);
    }
    return cells;
  }

  /** A line's name without the spaces a justified PDF cell puts between its characters (因 公 出 国). */
  private static String cleanName(String name) {
    return name.replaceAll("(?<=[\\u4e00-\\u9fff（）()、])\\s+(?=[\\u4e00-\\u9fff（）()、])", "").strip();
  }
}
