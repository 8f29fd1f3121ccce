package org.fiscalscope.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Refusal;
import org.fiscalscope.problem.Text;

/**
 * Reads the standard tables of a unit-year's final accounts (公开01–09表) — from an Excel workbook (XLSX or XLS, one
 * table per sheet or several tables in a sheet) or from CSV exports of single tables — into the canonical document,
 * amounts in 万元, each figure pointing back to its cell and the tables' own arithmetic audited. Pure Java: runs
 * inside Spark executors, one call per landing file.
 */
public final class StandardTablesReader {

  /** One file: its name (kept in messages and provenance) and its bytes. */
  public record TableFile(String name, byte[] content) {}

  /** The document, or why the files cannot be read. */
  public sealed interface Result {
    record Read(FinalAccount document) implements Result {}

    record Refused(Refusal refusal) implements Result {
      /** One sentence naming the file, what is wrong and the fix. */
      public String reason() {
        return refusal.line();
      }
    }
  }

  private StandardTablesReader() {}

  /** Reads one workbook or CSV file, or the CSV exports of one unit-year's tables together. */
  public static Result read(List<TableFile> files) {
    List<TableBlock> blocks = new ArrayList<>();
    List<String> looked = new ArrayList<>();
    for (TableFile file : files) {
      List<Grid> grids;
      try {
        grids = grids(file);
      } catch (FiscalScopeException e) {
        return refused(file.name(), e.reason());
      }
      for (Grid g : grids) {
        List<TableBlock> found = TableBlock.locate(g);
        blocks.addAll(found);
        if (found.isEmpty() && g.rows() > 0) {
          looked.add(g.name());
        }
      }
    }
    String first = files.isEmpty() ? "(no file)" : files.get(0).name();
    if (blocks.isEmpty()) {
      return refused(first, Problem.TABLES_NONE_FOUND.with(looked.isEmpty() ? Text.of("it is empty", "文件为空")
          : Text.of("no row of " + quoted(looked) + " is a title such as 2023年度收入支出决算总表 or 财政拨款“三公”经费支出决算表",
              quoted(looked) + " 中没有一行是“2023年度收入支出决算总表”或“财政拨款“三公”经费支出决算表”这样的标题")));
    }
    try {
      return new Result.Read(assemble(blocks));
    } catch (FiscalScopeException e) {
      return refused(first, e.reason());
    }
  }

  private static List<Grid> grids(TableFile file) {
    if (file.content().length == 0) {
      throw Problem.TABLES_FILE_EMPTY.failure();
    }
    if (file.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return List.of(CsvGrid.read(file.name().substring(file.name().lastIndexOf('/') + 1), file.content()));
    }
    return WorkbookGrids.read(file.content());
  }

  private static FinalAccount assemble(List<TableBlock> found) {
    TableBlock named = found.stream().filter(b -> b.unitName() != null).findFirst()
        .orElseThrow(() -> Problem.TABLES_NO_UNIT.failure(found.get(0).where()));
    TableBlock dated = found.stream().filter(b -> b.year() != null).findFirst()
        .orElseThrow(() -> Problem.TABLES_NO_YEAR.failure(found.get(0).where(), found.get(0).kind().title()));
    AmountCells.Scale stated = null;
    for (TableBlock b : found) {
      if (b.unitName() != null && !b.unitName().equals(named.unitName())) {
        throw Problem.TABLES_TWO_UNITS.failure(named.where(), named.unitName(), b.where(), b.unitName());
      }
      if (b.year() != null && !b.year().equals(dated.year())) {
        throw Problem.TABLES_TWO_YEARS.failure(dated.where(), dated.year(), b.where(), b.year());
      }
      stated = stated == null ? b.scale() : stated;
    }
    if (stated == null) {
      throw Problem.TABLES_NO_AMOUNT_UNIT.failure(found.get(0).where());
    }
    List<TableBlock> blocks = new ArrayList<>();
    for (TableBlock b : found) {
      blocks.add(b.scale() == null ? b.withScale(stated) : b);
    }
    return assemble(blocks, named.unitCode(), named.unitName(), dated.year());
  }

  /** The document of tables whose amount unit is known, for the unit and year given (either may be null). */
  static FinalAccount assemble(List<TableBlock> found, String unitCode, String unitName, Integer year) {
    List<TableBlock> blocks = new ArrayList<>(found);
    blocks.sort(Comparator.comparing(TableBlock::kind));
    AccountAssembler assembler = new AccountAssembler();
    CodedTable functions = null;
    for (TableBlock b : blocks) {
      switch (b.kind()) {
        case SUMMARY, APPROPRIATION_SUMMARY -> {
          SummaryTable t = SummaryTable.read(b);
          if (t != null) {
            assembler.summary(t);
          }
        }
        case INCOME -> assembler.income(CodedTable.read(b));
        case EXPENDITURE -> {
          CodedTable t = CodedTable.read(b);
          assembler.expenditure(t);
          functions = functions == null ? t : functions;
        }
        case GENERAL_BUDGET_EXPENDITURE -> {
          CodedTable t = CodedTable.read(b);
          assembler.audit().coded(t);
          if (!t.lines().isEmpty() || t.total() != null) {
            functions = t;
          }
        }
        case GENERAL_BUDGET_BASIC -> assembler.basic(BasicExpenditureTable.read(b));
        case GOV_FUND, SOE_CAPITAL -> assembler.audit().coded(CodedTable.read(b));
        case THREE_PUBLIC -> assembler.threePublic(ThreePublicTable.read(b));
      }
    }
    if (functions != null) {
      assembler.functions(functions);
    }
    return assembler.build(unitCode, unitName, year);
  }

  private static String quoted(List<String> names) {
    List<String> shown = names.subList(0, Math.min(names.size(), 3));
    String s = "'" + String.join("', '", shown) + "'";
    return names.size() > shown.size() ? s + " and " + (names.size() - shown.size()) + " more" : s;
  }

  private static Result.Refused refused(String file, Reason reason) {
    return new Result.Refused(Refusal.of(file, reason));
  }
}
