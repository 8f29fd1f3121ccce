package org.fiscalscope.report;

import static org.fiscalscope.report.Html.esc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code units/index.html}: every unit with a link to its page, searchable and sortable in the browser (by the shared
 * script). Rows stream from Spark into the file one partition at a time, so the number of units does not matter to
 * the driver.
 */
final class UnitIndex {

  private UnitIndex() {}

  /** Writes the index of the rows of {@link UnitPages#index} to {@code out} (flushed, left open); returns the units. */
  static long write(Dataset<Row> index, String runDate, String css, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>全部单位 All units · FiscalScope "
        + esc(runDate) + "</title>\n<style>" + css + "</style>\n</head>\n<body class=\"unit-page\">\n"
        + "<header><h1>全部单位 All units</h1><p class=\"meta\">report " + esc(runDate) + "</p>"
        + "<nav><a href=\"../index.html\">← 报告 report</a></nav></header>\n<main><section>\n"
        + "<p><label>搜索 Search <input id=\"unit-search\" type=\"search\" placeholder=\"名称、编码、类型、地区 name, id, kind, region\"></label> "
        + "<span id=\"unit-count\"></span> units shown · click a column head to sort.</p>\n"
        + "<table id=\"units\"><thead><tr><th>单位 unit</th><th>单位编码 unit_id</th><th>同类组 peer group</th>"
        + "<th>地区 region</th><th data-type=\"num\">年数 years</th><th data-type=\"num\">最近年度 latest year</th>"
        + "<th data-type=\"num\">最近执行率 latest rate</th><th data-type=\"num\">预警 flags</th>"
        + "<th data-type=\"num\">严重 severe</th><th data-type=\"num\">发现 findings</th></tr></thead><tbody>\n");
    long n = 0;
    Iterator<Row> rows = index.toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      String id = Frames.string(r, "unit_id");
      String name = Frames.string(r, "unit_name");
      String label = name == null || name.isBlank() ? id : name;
      String group = Frames.string(r, "peer_group");
      String region = Frames.string(r, "region");
      String search = (label + " " + id + " " + (group == null ? "" : group) + " " + (region == null ? "" : region))
          .toLowerCase(Locale.ROOT);
      BigDecimal rate = Frames.decimal(r, "last_rate_pct");
      w.write("<tr data-search=\"" + esc(search) + "\"><td data-v=\"" + esc(label) + "\"><a href=\""
          + Html.unitFile(id) + "\">" + esc(label) + "</a></td><td data-v=\"" + esc(id) + "\"><code>" + esc(id)
          + "</code></td><td data-v=\"" + esc(group) + "\">" + esc(group) + "</td><td data-v=\"" + esc(region) + "\">"
          + esc(region) + "</td>" + num(Frames.count(r, "n_years")) + num(Frames.count(r, "last_year"))
          + "<td class=\"num\" data-v=\"" + (rate == null ? "" : rate.toPlainString()) + "\">" + Html.pct(rate) + "</td>"
          + num(Frames.count(r, "flags_total")) + num(Frames.count(r, "flags_severe"))
          + num(Frames.count(r, "findings_total")) + "</tr>\n");
      n++;
    }
    w.write("</tbody></table>\n<p class=\"meta\">" + n + " units.</p></section></main>\n<script>document.getElementById("
        + "'unit-count').textContent = '" + n + "';</script>\n<script src=\"" + UnitPage.SCRIPT + "\"></script>\n</body>\n</html>\n");
    w.flush();
    return n;
  }

  private static String num(long v) {
    return "<td class=\"num\" data-v=\"" + v + "\">" + v + "</td>";
  }
}
