package org.fiscalscope.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.extract.DocumentRules;

/**
 * The consistency rules of {@link DocumentRules} on every canonical unit-year once its parts are merged, whatever
 * files it came from (a JSON document, the standard tables, dataset rows, text, PDF): a finance system's export can
 * be as wrong as a transcribed disclosure. Each figure is cited with the file it came from and where in it — the cell,
 * dataset row or text line its provenance records, else (a JSON document) its JSON pointer alone. A finding the
 * document already holds (the extractor raises the same rules on text, the tables reader on the same sums) is not
 * raised twice: same rule and same message, once. Runs on executors, one document at a time: on a unit-year of one
 * document file as the file is read ({@link ReadFiles}), on the others once merged ({@link UnitYearMerge}).
 */
public final class MergedAudit {

  /** Longest provenance text quoted in a citation; a text line is cut with an ellipsis. */
  static final int QUOTE = 40;

  private MergedAudit() {}

  /** {@link UnitYearMerge#MERGED} rows → the same rows, each document with the findings the rules add to it. */
  public static Dataset<Row> audited(Dataset<Row> merged) {
    return merged.selectExpr(UnitYearMerge.MERGED.fieldNames())
        .map((MapFunction<Row, Row>) MergedAudit::audit, Encoders.row(UnitYearMerge.MERGED));
  }

  private static Row audit(Row r) throws IOException {
    int json = r.fieldIndex("canonical_json");
    FinalAccount doc = DocumentJson.read(r.getString(json));
    FinalAccount audited = audit(doc);
    if (audited == doc) {
      return r;
    }
    Object[] values = new Object[r.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i == json ? DocumentJson.write(audited) : r.get(i);
    }
    return RowFactory.create(values);
  }

  /** The document with the rules' new findings after its own; the same instance when there is none. */
  public static FinalAccount audit(FinalAccount doc) {
    List<Finding> raised = DocumentRules.audit(doc, (pointer, value) -> cite(doc, pointer, value));
    List<Finding> held = doc.findings() == null ? List.of() : doc.findings();
    Map<String, Integer> already = new HashMap<>();
    held.forEach(f -> already.merge(key(f), 1, Integer::sum));
    List<Finding> added = new ArrayList<>();
    for (Finding f : raised) {
      if (already.merge(key(f), -1, Integer::sum) < 0) {
        added.add(f);
      }
    }
    if (added.isEmpty()) {
      return doc;
    }
    List<Finding> all = new ArrayList<>(held);
    all.addAll(added);
    return doc.withFindings(all);
  }

  /** One finding's identity for the rule of raising it once: its rule and what it says. */
  private static String key(Finding f) {
    return f.rule() + "\u0000" + f.messageEn();
  }

  /**
   * {@code /totals/basic_expenditure=270.33 (unit.xlsx 公开03表!E9 合计 / 基本支出 = 270.33)}, {@code (export.unit_year.csv
   * line 7: row 7: basic_expenditure = 270.33)}, {@code (disclosure.txt line 12: 基本支出270.33万元…)}, or for a
   * figure without provenance {@code (unit-2023.json)}: the pointer names its place in that document.
   */
  static String cite(FinalAccount doc, String pointer, BigDecimal value) {
    Provenance p = doc.provenance() == null ? null : doc.provenance().get(pointer);
    String file = p != null && p.file() != null ? p.file()
        : doc.source() == null || doc.source().file() == null ? "(unnamed)" : doc.source().file();
    StringBuilder where = new StringBuilder(file);
    if (p != null) {
      if (p.page() != null) {
        where.append(" page ").append(p.page());
      }
      if (p.line() != null) {
        where.append(" line ").append(p.line());
      }
      if (p.text() != null && !p.text().isBlank()) {
        String text = p.text().strip().replace('\n', ' ');
        where.append(p.line() != null ? ": " : " ")
            .append(text.length() <= QUOTE ? text : text.substring(0, QUOTE) + "…");
      }
    }
    return pointer + "=" + value.toPlainString() + " (" + where + ")";
  }
}
