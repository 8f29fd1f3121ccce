package org.fiscalscope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTableTest {

  @Test
  void showsTheCappedRowsAndTheTotalCount() {
    HtmlTable t = new HtmlTable(List.of("unit_id", "rate"), List.of(List.of("A", "84.08"), List.of("B", "91.07")), 1462);
    assertEquals("1462 rows, first 2 shown", t.caption());
    String html = t.html();
    assertEquals(3, html.split("<tr>", -1).length - 1, html);
    assertTrue(html.contains("<td>84.08</td>") && html.contains("1462 rows, first 2 shown"), html);
    assertTrue(t.text().startsWith("unit_id\trate\nA\t84.08\n"), t.text());
  }

  @Test
  void escapesMarkupAndMarksNulls() {
    HtmlTable t = new HtmlTable(List.of("text"), List.of(Arrays.asList("<b>&\"x\"</b>"), Arrays.asList((String) null)), 2);
    String html = t.html();
    assertTrue(html.contains("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;") && html.contains("<i>NULL</i>"), html);
    assertFalse(html.contains("<b>"), html);
    assertEquals("2 rows", t.caption());
    assertEquals("1 row", new HtmlTable(List.of("n"), List.of(List.of("1")), 1).caption());
  }

  @Test
  void chartPngIsAnImage() {
    byte[] png = ChartRenderer.png(ChartSpec.of(MagicLine.parse("%chart bar title=执行率", k -> null)),
        List.of("unit", "rate"), List.of(List.of("甲", "84.08"), Arrays.asList("乙", null)));
    assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
  }
}
