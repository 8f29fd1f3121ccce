package org.fiscalscope.cli;

import java.util.List;
import java.util.stream.Collectors;

/** One CSV line (RFC 4180): fields with commas, quotes or line breaks are quoted; null is an empty field. */
final class CsvRow {

  private CsvRow() {}

  static String of(List<String> fields) {
    return fields.stream().map(CsvRow::field).collect(Collectors.joining(","));
  }

  private static String field(String v) {
    if (v == null) {
      return "";
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
