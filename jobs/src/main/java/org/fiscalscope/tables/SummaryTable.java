package org.fiscalscope.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A two-sided summary table (01 收入支出决算总表, 04 财政拨款收入支出决算总表): income items on the left, expenditure
 * items on the right, each side an item column (项目) followed by its 行次 and amount columns. Rows are read by their
 * item name, so the order and numbering of the items do not matter.
 */
final class SummaryTable {

  private static final Pattern NUMBERING =
      Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[、.．])");

  /** One item of one side: its cleaned name, whether it is numbered (一、…), and its figures by column. */
  record Item(int row, String name, boolean numbered, Figure[] cells) {

    Figure get(ColumnRole role, ColumnRole[] roles) {
      for (int c = 0; c < roles.length; c++) {
        if (roles[c] == role && cells[c] != null) {
          return cells[c];
        }
      }
      return null;
    }
  }

  /** One side: its columns' roles (NONE outside the side) and its items top down. */
  record Side(ColumnRole[] roles, List<Item> items) {

    /** The first item whose name starts with {@code prefix}, before the item named {@code before} (null: anywhere). */
    Item find(String prefix, String before) {
      for (Item i : items) {
        if (before != null && i.name().startsWith(before)) {
          return null;
        }
        if (i.name().startsWith(prefix)) {
          return i;
        }
      }
      return null;
    }
  }

  private final TableBlock block;
  private final Side income;
  private final Side expenditure;

  private SummaryTable(TableBlock block, Side income, Side expenditure) {
    this.block = block;
    this.income = income;
    this.expenditure = expenditure;
  }

  TableBlock block() {
    return block;
  }

  Side income() {
    return income;
  }

  Side expenditure() {
    return expenditure;
  }

  /** The table, or null when its header has no second item column to tell the two sides apart. */
  static SummaryTable read(TableBlock block) {
    int width = block.paths().size();
    ColumnRole[] all = block.roles();
    List<Integer> nameColumns = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      if (all[c] == ColumnRole.NAME && (nameColumns.isEmpty() || nameColumns.get(nameColumns.size() - 1) != c - 1)) {
        nameColumns.add(c);
      }
    }
    if (nameColumns.size() < 2) {
      return null;
    }
    return new SummaryTable(block, side(block, all, nameColumns.get(0), nameColumns.get(1)),
        side(block, all, nameColumns.get(1), width));
  }

  private static Side side(TableBlock block, ColumnRole[] all, int from, int to) {
    ColumnRole[] roles = new ColumnRole[all.length];
    for (int c = 0; c < all.length; c++) {
      roles[c] = c >= from && c < to ? all[c] : ColumnRole.NONE;
    }
    Grid g = block.grid();
    List<Item> items = new ArrayList<>();
    for (int r = block.bodyStart(); r < block.bodyEnd(); r++) {
      String printed = g.text(r, from).strip();
      String name = TableBlock.clean(printed);
      boolean numbered = NUMBERING.matcher(name).find();
      name = NUMBERING.matcher(name).replaceFirst("");
      if (name.isEmpty()) {
        continue;
      }
      Figure[] cells = new Figure[all.length];
      for (int c = from + 1; c < to; c++) {
        if (roles[c] != ColumnRole.ROW_NUMBER && roles[c] != ColumnRole.NONE && roles[c] != ColumnRole.NAME) {
          cells[c] = Figure.at(block, r, c, printed);
        }
      }
      items.add(new Item(r, name, numbered, cells));
    }
    return new Side(roles, List.copyOf(items));
  }
}
