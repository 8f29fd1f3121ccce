package org.fiscalscope.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** A Chart.js configuration built from report data; the page embeds it as JSON and Chart.js draws it in the browser. */
final class ChartSpec {

  static final String[] PALETTE = {"#2f6fb0", "#d9822b", "#3a9a5b", "#b4463c", "#7d5ba6", "#8c8c8c"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode config = JSON.createObjectNode();
  private final ArrayNode datasets;
  private final ArrayNode labels;

  private ChartSpec(String type) {
    config.put("type", type);
    ObjectNode data = config.putObject("data");
    labels = data.putArray("labels");
    datasets = data.putArray("datasets");
    ObjectNode options = config.putObject("options");
    options.put("animation", false);
    options.put("responsive", true);
    options.put("maintainAspectRatio", false);
  }

  static ChartSpec bar() {
    return new ChartSpec("bar");
  }

  /** Bars drawn horizontally, one row per label (rankings). */
  static ChartSpec horizontalBar() {
    ChartSpec spec = new ChartSpec("bar");
    child(spec.config, "options").put("indexAxis", "y");
    ObjectNode ticks = child(child(child(child(spec.config, "options"), "scales"), "y"), "ticks");
    ticks.put("autoSkip", false);
    ticks.putObject("font").put("size", 11);
    return spec;
  }

  /** Lines with legend samples drawn as lines (so a dashed median reads as one). */
  static ChartSpec line() {
    ChartSpec spec = new ChartSpec("line");
    ObjectNode labels = child(child(child(spec.config, "options"), "plugins"), "legend").putObject("labels");
    labels.put("usePointStyle", true);
    labels.put("pointStyle", "line");
    return spec;
  }

  ChartSpec labels(List<?> values) {
    values.forEach(v -> labels.add(String.valueOf(v)));
    return this;
  }

  /** A series of numbers (nulls leave a gap) in the palette colour of its position. */
  ChartSpec series(String label, List<? extends Number> values) {
    String colour = PALETTE[datasets.size() % PALETTE.length];
    ObjectNode ds = datasets.addObject();
    ds.put("label", label);
    ArrayNode data = ds.putArray("data");
    for (Number v : values) {
      if (v == null) {
        data.addNull();
      } else if (v instanceof BigDecimal d) {
        data.add(d);
      } else {
        data.add(v.doubleValue());
      }
    }
    ds.put("backgroundColor", colour);
    ds.put("borderColor", colour);
    ds.put("pointStyle", "circle");
    if ("line".equals(config.get("type").asText())) {
      ds.put("fill", false);
      ds.put("spanGaps", true);
      ds.put("tension", 0);
    }
    return this;
  }

  /** Colours the bars of the last series one by one (e.g. the lowest group of a ranking apart from the highest). */
  ChartSpec barColours(List<String> colours) {
    ArrayNode c = ((ObjectNode) datasets.get(datasets.size() - 1)).putArray("backgroundColor");
    colours.forEach(c::add);
    return this;
  }

  /** Fixes the value axis to [min, max] instead of starting at zero, so close values stay apart. */
  ChartSpec valueAxis(String axis, double min, double max) {
    ObjectNode a = child(child(child(config, "options"), "scales"), axis);
    a.put("beginAtZero", false);
    a.put("min", min);
    a.put("max", max);
    return this;
  }

  /** Dashes the last series (a peer median beside the unit's own line). */
  ChartSpec dashedLast() {
    ((ObjectNode) datasets.get(datasets.size() - 1)).putArray("borderDash").add(6).add(4);
    return this;
  }

  /** Enlarges and reddens the points of the last series where {@code marked} is true (years that broke a rule). */
  ChartSpec markLast(List<Boolean> marked) {
    ObjectNode ds = (ObjectNode) datasets.get(datasets.size() - 1);
    ArrayNode radius = ds.putArray("pointRadius");
    ArrayNode colour = ds.putArray("pointBackgroundColor");
    String base = ds.get("borderColor").asText();
    for (Boolean m : marked) {
      radius.add(Boolean.TRUE.equals(m) ? 6 : 3);
      colour.add(Boolean.TRUE.equals(m) ? "#d62728" : base);
    }
    return this;
  }

  ChartSpec title(String text) {
    ObjectNode title = child(child(config, "options"), "plugins").putObject("title");
    title.put("display", true);
    title.put("text", text);
    return this;
  }

  ChartSpec axisTitles(String x, String y) {
    ObjectNode scales = child(child(config, "options"), "scales");
    child(child(scales, "x"), "title").put("display", x != null).put("text", x == null ? "" : x);
    child(child(scales, "y"), "title").put("display", y != null).put("text", y == null ? "" : y);
    return this;
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
  }

  /** The configuration as JSON safe to embed in a {@code <script>} element (no "<" can close it). */
  String toJson() {
    try {
      return JSON.writeValueAsString(config).replace("<", "\\u003c");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
