package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Totals;
import org.fiscalscope.generate.DisclosureTemplate;
import org.fiscalscope.generate.DisclosureTextRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;

/**
 * A district generated with headcounts, rendered as disclosure text in both templates, reads back with every
 * headcount as generated, and a 事业单位's text states no operating costs for the reader to take as 0.
 */
class HeadcountRoundTripTest {

  @Test
  void generatedHeadcountsAreReadBackFromTheDisclosureText() {
    Iterator<FinalAccount> docs = new DistrictGenerator(new GeneratorSpec(40, 2, 2024, 7L).withHeadcounts()).documents();
    List<String> problems = new ArrayList<>();
    int read = 0;
    int publicService = 0;
    for (int i = 0; docs.hasNext(); i++) {
      FinalAccount doc = docs.next();
      DisclosureTemplate template = i % 2 == 0 ? DisclosureTemplate.NATIONAL : DisclosureTemplate.SHANGHAI;
      String text = DisclosureTextRenderer.render(doc, new Random(i), template);
      FinalAccount back = DisclosureExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "doc-" + i + ".txt");
      Totals t = doc.totals();
      Totals b = back.totals();
      List<Integer> expected = List.of(t.staffAuthorised(), t.staffActual(), t.staffInService());
      List<Integer> got = b == null ? List.of() : java.util.Arrays.asList(b.staffAuthorised(), b.staffActual(),
          b.staffInService());
      if (!expected.equals(got)) {
        problems.add(doc.unit().code() + " " + doc.fiscalYear() + ": expected " + expected + ", got " + got);
      } else {
        read++;
      }
      if (doc.unit().kind().contains("事业")) {
        publicService++;
        if (doc.operatingCosts() != null || back.operatingCosts() != null) {
          problems.add(doc.unit().code() + " (事业) states operating costs: " + back.operatingCosts());
        }
      } else if (doc.operatingCosts() == null || doc.operatingCosts().compareTo(back.operatingCosts()) != 0) {
        problems.add(doc.unit().code() + " (" + doc.unit().kind() + ") operating costs " + doc.operatingCosts()
            + " read as " + back.operatingCosts());
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertEquals(80, read, "every unit-year's headcounts read back");
    assertTrue(publicService >= 10, "the district has 事业单位 to check: " + publicService);
  }
}
