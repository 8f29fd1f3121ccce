package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Totals;
import org.junit.jupiter.api.Test;

/**
 * Headcounts (编制人数, 实有人数, 在职人数) are read from every corpus text that states them and are absent from every
 * other. The texts that state them, checked by hand:
 * <ul>
 *   <li>excerpts/009 (乌鲁木齐市政务服务中心 2023, traditional characters with pinyin): "實有人數(shù)11人,其中:在職人員10人,
 *       離休人員0人,退休人員1人" — actual 11, in service 10, no authorised count;</li>
 *   <li>excerpts/024 (渠县农业综合技术服务中心 2024): "人员概况:在职人员81人,专业技术人员57人、管理人员1人,工勤人员23人"
 *       — in service 81 only.</li>
 * </ul>
 * No other text of the corpus (the sample, the other excerpts, the real Putuo disclosures and the Putuo PDF) states
 * a headcount: 人次 of receptions and trips, 在职人员 in explanations of spending and 编制 as drafting are not.
 */
class HeadcountsTest {

  /** Stated headcounts by file: authorised, actual, in service (null where not stated). */
  private static final Map<String, Integer[]> STATED = Map.of(
      "009.txt", new Integer[] {null, 11, 10},
      "024.txt", new Integer[] {null, null, 81});

  @Test
  void readFromEveryCorpusTextThatStatesThemAndAbsentElsewhere() throws IOException {
    List<Path> texts;
    try (Stream<Path> s = Files.walk(Corpus.ROOT)) {
      texts = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".pdf")).sorted().toList();
    }
    assertTrue(texts.size() >= 15, "the corpus has its texts: " + texts.size());
    List<String> problems = new ArrayList<>();
    int stated = 0;
    for (Path p : texts) {
      String name = p.getFileName().toString();
      FinalAccount doc = name.endsWith(".pdf")
          ? DisclosureExtractor.extractPdf(Corpus.bytes(p), name)
          : DisclosureExtractor.extractPartial(Corpus.bytes(p), name);
      Totals t = doc.totals();
      Integer[] got = t == null ? new Integer[3]
          : new Integer[] {t.staffAuthorised(), t.staffActual(), t.staffInService()};
      Integer[] expected = STATED.getOrDefault(name, new Integer[3]);
      if (!Arrays.equals(expected, got)) {
        problems.add(name + ": expected " + Arrays.toString(expected) + ", got " + Arrays.toString(got));
      }
      stated += STATED.containsKey(name) ? 1 : 0;
    }
    assertEquals(STATED.size(), stated, "every text that states headcounts was read");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theUsualPhrasingsAndWhatIsNotAHeadcount() {
    Totals t = totals("某局2023年度部门决算。一、机构设置及人员情况。本单位核定编制人数25人，实有人数23人，其中在职人员20人，"
        + "离退休人员3人。收入总计100.00万元。");
    assertEquals(25, t.staffAuthorised());
    assertEquals(23, t.staffActual());
    assertEquals(20, t.staffInService());

    Totals posts = totals("某局2023年度部门决算。本单位行政编制15名、事业编制5名。公务接待2批次、24人次。收入总计100.00万元。");
    assertEquals(null, posts.staffAuthorised(), "a count of one kind of post is not the unit's authorised staff");
    assertEquals(null, posts.staffActual());
    assertEquals(null, posts.staffInService());
  }

  private static Totals totals(String text) {
    return DisclosureExtractor.extractPartial(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "t.txt").totals();
  }
}
