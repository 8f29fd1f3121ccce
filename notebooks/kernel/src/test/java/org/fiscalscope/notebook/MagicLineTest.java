package org.fiscalscope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MagicLineTest {

  static final UnaryOperator<String> ENV = Map.of("FISCALSCOPE_LAKE", "/data/lake")::get;

  @Test
  void splitsNameWordsAndOptionsKeepingQuotedWordsWhole() {
    MagicLine m = MagicLine.parse("%chart  bar x=unit_id y=rate,score title=\"低 执行率\"", ENV);
    assertEquals("chart", m.name());
    assertEquals(List.of("bar"), m.args());
    assertEquals(Map.of("x", "unit_id", "y", "rate,score", "title", "低 执行率"), m.options());
    MagicLine source = MagicLine.parse("%source '武汉市青山区 人才服务中心' 2023 /performance/projects/*/execution_rate_pct", ENV);
    assertEquals(List.of("武汉市青山区 人才服务中心", "2023", "/performance/projects/*/execution_rate_pct"), source.args());
  }

  @Test
  void expandsEnvironmentVariablesWithDefaults() {
    assertEquals(List.of("/data/lake"), MagicLine.parse("%lake ${FISCALSCOPE_LAKE:-../lake}", ENV).args());
    assertEquals(List.of("latest"), MagicLine.parse("%as_of ${FISCALSCOPE_RUN:-latest}", ENV).args());
    assertEquals(List.of("x-/data/lake-y"), MagicLine.parse("%lake x-${FISCALSCOPE_LAKE}-y", ENV).args());
    String unset = assertThrows(SqlError.class, () -> MagicLine.parse("%as_of ${FISCALSCOPE_RUN}", ENV)).getMessage();
    assertTrue(unset.contains("FISCALSCOPE_RUN"), unset);
  }

  @Test
  void refusesMalformedLines() {
    assertThrows(SqlError.class, () -> MagicLine.parse("%", ENV));
    assertThrows(SqlError.class, () -> MagicLine.parse("%source \"unclosed 2023 /x", ENV));
  }

  @Test
  void aCellIsLeadingMagicsThenStatements() {
    Cell cell = Cell.parse("-- parameters\n%lake ${FISCALSCOPE_LAKE}\n%as_of previous\n\nSELECT 'a;b' AS x; -- one\n"
        + "SELECT 2 /* ; */;\n", ENV);
    assertEquals(List.of("lake", "as_of"), cell.magics().stream().map(MagicLine::name).toList());
    assertEquals(List.of("SELECT 'a;b' AS x", "-- one\nSELECT 2 /* ; */"), cell.statements());
    assertEquals(List.of(), Cell.parse("%as_of latest\n-- nothing else\n", ENV).statements());
  }

  @Test
  void chartSpecDefaultsToFirstColumnAsXAndTheRestAsSeries() {
    ChartSpec bar = ChartSpec.of(MagicLine.parse("%chart bar", ENV));
    List<String> columns = List.of("fiscal_year", "actual", "budget");
    assertEquals("fiscal_year", bar.xColumn(columns));
    assertEquals(List.of("actual", "budget"), bar.yColumns(columns));
    ChartSpec line = ChartSpec.of(MagicLine.parse("%chart line x=fiscal_year y=actual series=unit_id", ENV));
    assertEquals(List.of("actual"), line.yColumns(List.of("unit_id", "fiscal_year", "actual")));
    assertThrows(SqlError.class, () -> ChartSpec.of(MagicLine.parse("%chart pie", ENV)));
    assertThrows(SqlError.class, () -> line.yColumns(List.of("fiscal_year", "amount")));
  }
}
