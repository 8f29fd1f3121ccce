package org.fiscalscope.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.fiscalscope.document.Provenance;

/**
 * A decoded disclosure in three views: the original lines (for provenance), a flow of normalised text with
 * all whitespace and line breaks removed (for sentence patterns, so numbers broken across lines rejoin), and
 * the table cells (split on whitespace or on {@code |}), each cell remembering its line.
 */
final class SourceText {

  /** One table cell; {@code text} is empty for an empty {@code |}-delimited cell. */
  record Cell(String text, int line) {}

  private static final Pattern DASHED_PAGE = Pattern.compile("[-—–]+\\s*\\d{1,4}\\s*[-—–]+");
  private static final Pattern PAGE_OF = Pattern.compile("第\\s*\\d{1,4}\\s*页(\\s*[,/]?\\s*共\\s*\\d{1,4}\\s*页)?");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,3}");

  private final String[] lines;
  private final String[] normalised;
  private final String flow;
  private final int[] flowLine;
  private final List<Cell> cells;

  private SourceText(String[] lines) {
    this.lines = lines;
    this.normalised = new String[lines.length];
    StringBuilder f = new StringBuilder(lines.length * 24);
    int[] fl = new int[Math.max(16, lines.length * 24)];
    List<Cell> cs = new ArrayList<>(lines.length * 2);
    int blanks = 2;
    for (int i = 0; i < lines.length; i++) {
      String n = LineFolder.line(lines[i]);
      normalised[i] = n;
      String t = n.strip();
      if (t.isEmpty()) {
        blanks++;
        continue;
      }
      boolean pageMarker = DASHED_PAGE.matcher(t).matches() || PAGE_OF.matcher(t).matches()
          || blanks >= 2 && BARE_NUMBER.matcher(t).matches() && nextIsBlank(i);
      blanks = 0;
      if (pageMarker) {
        continue;
      }
      for (int k = 0; k < n.length(); k++) {
        char c = n.charAt(k);
        if (c == ' ' || c == '\r') {
          continue;
        }
        if (f.length() == fl.length) {
          fl = java.util.Arrays.copyOf(fl, fl.length * 2);
        }
        fl[f.length()] = i;
        f.append(c);
      }
      addCells(t, i, cs);
    }
    this.flow = f.toString();
    this.flowLine = fl;
    this.cells = cs;
  }

  private boolean nextIsBlank(int i) {
    return i + 1 >= lines.length || lines[i + 1].isBlank();
  }

  private static void addCells(String line, int index, List<Cell> out) {
    if (line.indexOf('|') >= 0) {
      String[] parts = line.split("\\|", -1);
      int last = parts.length;
      if (parts[last - 1].isBlank()) {
        last--;
      }
      for (int p = 0; p < last; p++) {
        out.add(new Cell(parts[p].replace(" ", ""), index));
      }
      return;
    }
    int start = -1;
    for (int k = 0; k <= line.length(); k++) {
      boolean space = k == line.length() || line.charAt(k) == ' ';
      if (space && start >= 0) {
        out.add(new Cell(line.substring(start, k), index));
        start = -1;
      } else if (!space && start < 0) {
        start = k;
      }
    }
  }

  static SourceText of(String text) {
    return new SourceText(text.split("\r\n|\r|\n", -1));
  }

  String flow() {
    return flow;
  }

  List<Cell> cells() {
    return cells;
  }

  int lineCount() {
    return lines.length;
  }

  String normalisedLine(int index) {
    return normalised[index];
  }

  /** A line as the text prints it. */
  String line(int index) {
    return lines[index];
  }

  /** 0-based line of a flow position. */
  int lineOf(int flowIndex) {
    return flowLine[Math.min(flowIndex, flow.length() - 1)];
  }

  /** Where a flow span came from: its first line (1-based) and the exact source lines it covers. */
  Provenance provenance(int flowStart, int flowEnd) {
    int first = lineOf(flowStart);
    int last = lineOf(Math.max(flowStart, flowEnd - 1));
    return lines(first, last);
  }

  Provenance lines(int first, int last) {
    StringBuilder text = new StringBuilder();
    for (int i = first; i <= last; i++) {
      if (i > first) {
        text.append('\n');
      }
      text.append(lines[i]);
    }
    return new Provenance(first + 1, text.toString().strip());
  }
}
