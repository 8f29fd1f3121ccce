package org.fiscalscope.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fiscalscope.cli.Main;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.FinalAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

  @TempDir Path dir;

  @Test
  void writesOneDocumentPerFileNamedAfterIt() throws Exception {
    int code = Main.run("extract", Corpus.SAMPLE.toString(), "--out", dir.toString());
    assertEquals(0, code, "exit code");
    Path json = dir.resolve("qingshan-talent-service-center-2023.json");
    assertTrue(Files.exists(json), "output named after the input");
    FinalAccount doc = DocumentJson.read(Files.readAllBytes(json));
    assertEquals(2023, doc.fiscalYear());
    assertEquals("text", doc.source().kind());
  }

  @Test
  void stderrSaysPerFileWhatEachPartGaveAndWhatIsAbsentWhileStdoutHoldsOnlyJson() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    java.io.PrintStream stderr = System.err;
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(0, Main.run("extract", org.fiscalscope.TestCorpus.REAL.resolve("putuo-yichuan-road-subdistrict-2025.txt")
          .toString()));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    String summary = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(summary.contains("putuo-yichuan-road-subdistrict-2025.txt: ") && summary.contains("(类 10, 款 24, 项 35)")
        && summary.contains("absent: self-evaluation (绩效自评)"), summary);
    FinalAccount doc = DocumentJson.read(out.toByteArray());
    assertEquals("上海市普陀区人民政府宜川路街道办事处", doc.unit().name(), "stdout is the document alone");
  }

  @Test
  void aMissingFileFailsWithExitOne() {
    assertEquals(1, Main.run("extract", dir.resolve("absent.txt").toString(), "--out", dir.toString()));
  }

  @Test
  void aFileWithoutUnitOrYearIsRefusedWithAClearSentence() throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "会议纪要\n今天讨论了工作安排。\n");
    assertEquals(1, Main.run("extract", notes.toString()));
    org.fiscalscope.FiscalScopeException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.fiscalscope.FiscalScopeException.class,
        () -> DisclosureExtractor.extract(Files.readAllBytes(notes), "notes.txt"));
    assertTrue(e.getMessage().startsWith("notes.txt ") && e.getMessage().contains("fiscal year"), e.getMessage());
  }

  @Test
  void anExcerptWithoutUnitNameIsWrittenWithAFinding() throws Exception {
    Path excerpt = Corpus.ROOT.resolve("excerpts").resolve("001.txt");
    assertEquals(0, Main.run("extract", excerpt.toString(), "--out", dir.toString()));
    FinalAccount doc = DocumentJson.read(Files.readAllBytes(dir.resolve("001.json")));
    assertTrue(doc.findings().stream().anyMatch(f -> f.rule().equals("document.unit_missing")), "unit-missing finding");
    assertEquals(0, new java.math.BigDecimal("4125.49").compareTo(doc.totals().incomeTotal()));
  }

  @Test
  void gbkAndBomAndHtmlDecodeToTheSameFigures() throws Exception {
    String text = "部门：某某区测试中心 金额单位：万元\n2023 年度收、支总计 1,234.5\n6 万元。\n";
    FinalAccount utf8 = DisclosureExtractor.extract(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "a.txt");
    byte[] gbk = text.getBytes(java.nio.charset.Charset.forName("GBK"));
    FinalAccount fromGbk = DisclosureExtractor.extract(gbk, "a.txt");
    byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bom = new byte[body.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bom, 3, body.length);
    FinalAccount fromBom = DisclosureExtractor.extract(bom, "a.txt");
    String html = "<html><body><p>部门：某某区测试中心</p><p>2023 年度收、支总计 <b>1,234.56</b> 万元。</p></body></html>";
    FinalAccount fromHtml = DisclosureExtractor.extract(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "a.html");
    for (FinalAccount d : new FinalAccount[] {utf8, fromGbk, fromBom, fromHtml}) {
      assertEquals(0, new java.math.BigDecimal("1234.56").compareTo(d.totals().incomeTotal()), "income total");
      assertEquals("某某区测试中心", d.unit().name());
    }
  }

  @Test
  void yuanAmountsAreConvertedExactlyAndTwoContradictingTotalsKeepNeither() {
    String text = "某某县测试局2022年度部门决算\n2022年度收入总计1234567.89元。\n"
        + "2022年度本年支出合计 100 万元。本年支出合计 120 万元。\n";
    FinalAccount d = DisclosureExtractor.extract(text, "b.txt");
    assertEquals(0, new java.math.BigDecimal("123.456789").compareTo(d.totals().incomeTotal()), "元 → 万元");
    assertEquals(null, d.totals().expenditureThisYear(), "contradicting statements keep neither");
    assertTrue(d.findings().stream().anyMatch(f -> f.rule().equals("value.conflict")), "conflict finding");
  }
}
