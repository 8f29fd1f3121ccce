package org.fiscalscope.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table whose rows are classification lines (02 收入决算表, 03 支出决算表, 05, 07, 08, and the economic
 * classification of 06): a 合计 row and lines identified by a code — one code column, or the code split into 类/款/项
 * columns (each part alone, e.g. 类 208, 款 05, 项 01, or whole, and an empty part continuing the line above it).
 */
final class CodedTable {

  private static final Pattern CODE = Pattern.compile("\\d{3}(?:\\d{2}){0,2}");
  private static final Pattern CODE_IN_NAME = Pattern.compile("^(\\d{3}(?:\\d{2}){0,2})[\\s\\u3000]*(\\D.*)$");

  /** One row: its code (null for the 合计 row), name and the figure of every column (null where none). */
  record Line(int row, String code, String name, Figure[] cells) {

    Figure get(ColumnRole role, ColumnRole[] roles) {
      for (int c = 0; c < roles.length; c++) {
        if (roles[c] == role && cells[c] != null) {
          return cells[c];
        }
      }
      return null;
    }

    /** 1 for a 类 (3 digits), 2 for a 款 (5), 3 for a 项 (7); 0 for the 合计 row. */
    int level() {
      return code == null ? 0 : (code.length() - 1) / 2;
    }
  }

  private final TableBlock block;
  private final ColumnRole[] roles;
  private final Line total;
  private final List<Line> lines;

  private CodedTable(TableBlock block, ColumnRole[] roles, Line total, List<Line> lines) {
    this.block = block;
    this.roles = roles;
    this.total = total;
    this.lines = lines;
  }

  TableBlock block() {
    return block;
  }

  ColumnRole[] roles() {
    return roles;
  }

  /** The 合计 row, or null when the table prints none. */
  Line total() {
    return total;
  }

  List<Line> lines() {
    return lines;
  }

  static CodedTable read(TableBlock block) {
    ColumnRole[] roles = block.roles();
    Grid g = block.grid();
    Line total = null;
    List<Line> lines = new ArrayList<>();
    String currentClass = null;
    String currentGroup = null;
    for (int r = block.bodyStart(); r < block.bodyEnd(); r++) {
      if (g.isEmptyRow(r)) {
        continue;
      }
      String name = null;
      String code = null;
      String whole = null;
      String classPart = null;
      String groupPart = null;
      String itemPart = null;
      boolean isTotal = false;
      for (int c = 0; c < roles.length; c++) {
        String t = TableBlock.clean(g.text(r, c));
        if (t.isEmpty()) {
          continue;
        }
        switch (roles[c]) {
          case CODE_CLASS, CODE_GROUP, CODE_ITEM, CODE, NAME -> isTotal |= TableBlock.isTotalLabel(t);
          default -> { }
        }
        switch (roles[c]) {
          case CODE_CLASS -> classPart = digits(t, 3);
          case CODE_GROUP -> groupPart = digits(t, 2);
          case CODE_ITEM -> itemPart = digits(t, 2);
          case CODE -> whole = digits(t, 3);
          case NAME -> name = name == null ? g.text(r, c).strip() : name;
          default -> { }
        }
      }
      if (isTotal) {
        total = new Line(r, null, "合计", figures(block, roles, r, "合计"));
        continue;
      }
      if (whole != null && CODE.matcher(whole).matches()) {
        code = whole;
      } else if (classPart != null && (classPart.length() == 5 || classPart.length() == 7)) {
        code = classPart;
      } else if (classPart != null || groupPart != null || itemPart != null) {
        code = fromParts(classPart, groupPart, itemPart, currentClass, currentGroup);
      } else if (name != null) {
        Matcher m = CODE_IN_NAME.matcher(name);
        if (m.matches()) {
          code = m.group(1);
          name = m.group(2).strip();
        }
      }
      if (code == null || !CODE.matcher(code).matches()) {
        continue;
      }
      if (name != null) {
        Matcher m = CODE_IN_NAME.matcher(name);
        if (m.matches() && m.group(1).equals(code)) {
          name = m.group(2).strip();
        }
      }
      currentClass = code.substring(0, 3);
      currentGroup = code.length() >= 5 ? code.substring(0, 5) : null;
      lines.add(new Line(r, code, name, figures(block, roles, r, code + (name == null ? "" : " " + name))));
    }
    return new CodedTable(block, roles, total, List.copyOf(lines));
  }

  /**
   * The code of a row from its 类/款/项 parts: a part may be whole (款 20805, 项 2080501) or alone (05, 01); an empty
   * 类 continues the class above, an empty 款 under a 项 continues the group above.
   */
  private static String fromParts(String classPart, String groupPart, String itemPart, String currentClass,
      String currentGroup) {
    String cls = classPart != null && classPart.length() == 3 ? classPart : classPart == null ? currentClass : null;
    String grp = null;
    if (groupPart != null && groupPart.length() == 5) {
      grp = groupPart;
    } else if (groupPart != null && groupPart.length() == 2 && cls != null) {
      grp = cls + groupPart;
    } else if (groupPart == null && itemPart != null && currentGroup != null
        && (cls == null || currentGroup.startsWith(cls))) {
      grp = currentGroup;
    }
    if (itemPart != null && itemPart.length() == 7) {
      return itemPart;
    }
    if (itemPart != null) {
      return itemPart.length() == 2 && grp != null ? grp + itemPart : null;
    }
    if (grp != null) {
      return grp;
    }
    return classPart != null ? cls : null;
  }

  private static Figure[] figures(TableBlock block, ColumnRole[] roles, int row, String label) {
    Figure[] cells = new Figure[roles.length];
    for (int c = 0; c < roles.length; c++) {
      switch (roles[c]) {
        case CODE, CODE_CLASS, CODE_GROUP, CODE_ITEM, NAME, ROW_NUMBER, NONE -> { }
        default -> cells[c] = Figure.at(block, row, c, label);
      }
    }
    return cells;
  }

  /** The digits of a code cell, a lone part zero-padded to {@code width} (款 5 stored as a number is 05); null if none. */
  private static String digits(String text, int width) {
    String d = text.replaceAll("\\D", "");
    if (d.isEmpty() || d.length() != text.replaceAll("[\\s.]", "").length()) {
      return null;
    }
    return d.length() < width ? "0".repeat(width - d.length()) + d : d;
  }
}
