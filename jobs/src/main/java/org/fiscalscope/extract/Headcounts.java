package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fiscalscope.document.Field;
import org.fiscalscope.document.Fields;

/**
 * 机构设置及人员情况: the unit's headcounts as its overview states them — 编制人数X人, 实有人数Y人, 其中在职人员Z人.
 * A count of one kind of post (行政编制, 事业编制, 工勤) or of person-times (人次) is not a headcount and is left out.
 */
final class Headcounts {

  private static final String COUNT = "(?:共计?|合计|为|是|:)?{N}(?:人|名)(?!次)";
  private static final List<Map.Entry<Field, Pattern>> RULES = List.of(
      Map.entry(Fields.STAFF_AUTHORISED, Patterns.compile("(?<![政业勤公])(?:核定)?编制(?:人数|人员|数)?" + COUNT, "编制")),
      Map.entry(Fields.STAFF_ACTUAL, Patterns.compile("实有(?:人数|人员)" + COUNT, "实有")),
      Map.entry(Fields.STAFF_IN_SERVICE, Patterns.compile("在职(?:人员|人数|职工)?" + COUNT, "在职")));

  private Headcounts() {}

  static void read(SourceText text, Figures figures) {
    String flow = text.flow();
    for (var rule : RULES) {
      Patterns.each(rule.getValue(), flow, m -> figures.add(rule.getKey().pointer(), new BigDecimal(m.group(1)),
          text.provenance(m.start(), m.end())));
    }
  }
}
