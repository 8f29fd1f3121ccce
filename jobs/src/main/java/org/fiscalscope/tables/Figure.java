package org.fiscalscope.tables;

import java.math.BigDecimal;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.extract.SumRule;

/**
 * An amount read from one cell, in 万元, with the cell's reference ({@code 公开03表!E9}, or {@code 公开03表 line 212,
 * column 6} in a disclosure), its row (or text line) number and what the row and column say it is
 * ({@code 合计 / 基本支出}).
 */
record Figure(BigDecimal value, String ref, int line, String label) {

  /** How the audit cites it: {@code 公开03表!E9=270.33}. */
  SumRule.Term term() {
    return new SumRule.Term(ref + "=" + value.toPlainString(), value);
  }

  /** The provenance of a canonical figure: the row number and {@code 公开03表!E9 合计 / 基本支出 = 270.33}. */
  Provenance provenance() {
    return new Provenance(line, ref + " " + label + " = " + value.toPlainString());
  }

  /** The figure of one cell of a table, or null when the cell holds no number. */
  static Figure at(TableBlock block, int row, int col, String rowLabel) {
    BigDecimal v = AmountCells.of(block.grid(), row, col);
    if (v == null) {
      return null;
    }
    String column = block.paths().get(col);
    String ref = block.grid().isDisclosure() ? block.kind().label() + " " + block.grid().ref(row, col)
        : block.grid().ref(row, col);
    return new Figure(AmountCells.toTenThousandYuan(v, block.scale()), ref, block.grid().line(row),
        rowLabel + (column.isEmpty() ? "" : " / " + column));
  }
}
