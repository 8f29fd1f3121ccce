package org.fiscalscope.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;

/** Draws a query result as a PNG chart with JFreeChart, in a font that shows Chinese unit and project names. */
public final class ChartRenderer {

  private static final String CJK_SAMPLE = "部门决算执行率";

  private ChartRenderer() {}

  /** PNG bytes of the chart of {@code rows} (cells as strings, numbers parsed; null or non-numeric values skipped). */
  public static byte[] png(ChartSpec spec, List<String> columns, List<List<String>> rows) {
    ChartFactory.setChartTheme(theme());
    JFreeChart chart = switch (spec.type()) {
      case "hist" -> histogram(spec, columns, rows);
      default -> categories(spec, columns, rows);
    };
    chart.setBackgroundPaint(Color.WHITE);
    try {
      return ChartUtils.encodeAsPNG(chart.createBufferedImage(spec.width(), spec.height()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JFreeChart categories(ChartSpec spec, List<String> columns, List<List<String>> rows) {
    int x = columns.indexOf(spec.xColumn(columns));
    int series = spec.series() == null ? -1 : columns.indexOf(spec.series());
    if (spec.series() != null) {
      ChartSpec.require(spec.series(), columns);
    }
    List<String> ys = spec.yColumns(columns);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (List<String> row : rows) {
      for (String y : ys) {
        Double v = number(row.get(columns.indexOf(y)));
        if (v == null) {
          continue;
        }
        String key = series >= 0 ? String.valueOf(row.get(series)) + (ys.size() > 1 ? " " + y : "") : y;
        data.addValue(v, key, String.valueOf(row.get(x)));
      }
    }
    String xLabel = columns.get(x);
    String yLabel = ys.size() == 1 ? ys.get(0) : "";
    JFreeChart chart = spec.type().equals("line")
        ? ChartFactory.createLineChart(spec.title(), xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false)
        : ChartFactory.createBarChart(spec.title(), xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    if (data.getColumnCount() > 8) {
      ((CategoryPlot) chart.getPlot()).getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return chart;
  }

  private static JFreeChart histogram(ChartSpec spec, List<String> columns, List<List<String>> rows) {
    String col = spec.yColumns(columns).get(0);
    int i = columns.indexOf(col);
    double[] values = rows.stream().map(r -> number(r.get(i))).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    if (values.length == 0) {
      throw new SqlError("%chart hist: column " + col + " has no numeric values to count");
    }
    HistogramDataset data = new HistogramDataset();
    data.addSeries(col, values, spec.bins());
    return ChartFactory.createHistogram(spec.title(), col, "count", data, PlotOrientation.VERTICAL, false, false, false);
  }

  static Double number(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Double.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    String family = cjkFamily();
    theme.setExtraLargeFont(new Font(family, Font.BOLD, 18));
    theme.setLargeFont(new Font(family, Font.BOLD, 14));
    theme.setRegularFont(new Font(family, Font.PLAIN, 12));
    theme.setSmallFont(new Font(family, Font.PLAIN, 10));
    return theme;
  }

  private static String family;

  private static synchronized String cjkFamily() {
    if (family == null) {
      family = Font.SANS_SERIF;
      for (Font f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
        if (f.canDisplayUpTo(CJK_SAMPLE) == -1) {
          family = f.getFamily();
          break;
        }
      }
    }
    return family;
  }
}
