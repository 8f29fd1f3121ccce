package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.fiscalscope.SparkTest;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * A landing folder of what units really send — broken, hostile and odd files beside good ones. Every input ends
 * in exactly one place (a document, or a reject with a reason naming the file); nothing is lost.
 */
class BadInputCatalogueTest extends SparkTest {

  private static final String GOOD = IngestJobTest.UNIT_B;
  private static final Path SAMPLE_TEXT = org.fiscalscope.TestCorpus.SAMPLE;

  private Path landing;
  /** file → "accepted" or "rejected", what each input must become. */
  private final Map<String, String> expected = new LinkedHashMap<>();

  private void file(String name, String outcome, String content) throws IOException {
    file(name, outcome, content.getBytes(StandardCharsets.UTF_8));
  }

  private void file(String name, String outcome, byte[] content) throws IOException {
    Path p = landing.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    expected.put(name, outcome);
  }

  private static String doc(String unit, int year, String totals) {
    return "{\"fiscal_year\": " + year + ", \"unit\": {\"code\": \"" + unit + "\", \"name\": \"单位" + unit + "\"}, "
        + "\"totals\": {" + totals + "}}";
  }

  @Test
  void everyBadInputIsRefusedWithAReasonAndNothingIsLost() throws Exception {
    landing = tmp.resolve("landing");
    Files.createDirectories(landing);
    byte[] sample = Files.readAllBytes(SAMPLE_TEXT);
    String sampleText = new String(sample, StandardCharsets.UTF_8);

    file("good/a.json", "accepted", doc("G1", 2023, "\"income_total\": 120.5"));
    file("good/disclosure.txt", "accepted", sample);
    file("good/disclosure-gbk.txt", "accepted", sampleText.replace("武汉市青山区人才服务中心", "武汉市青山区某中心").getBytes(Charset.forName("GB18030")));
    file("good/disclosure.html", "accepted", ("<html><head><title>决算</title></head><body><p>"
        + sampleText.replace("武汉市青山区人才服务中心", "武汉市青山区另一中心").replace("\n", "</p>\n<p>")
        + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
    byte[] bom = ("\uFEFF" + doc("G2", 2023, "\"income_total\": 9")).getBytes(StandardCharsets.UTF_8);
    file("good/with-bom.json", "accepted", bom);
    file("good/单位 决算 (final).json", "accepted", doc("G3", 2023, "\"income_total\": 7"));
    file("good/$(touch pwned); rm -rf x.json", "accepted", doc("G4", 2023, "\"income_total\": 8"));
    // The same unit in 元 labelled 万元: usable, with an error finding against its own history.
    file("good/scale-2022.json", "accepted", doc("S1", 2022, "\"expenditure_total\": 310.25"));
    file("good/scale-2023.json", "accepted", doc("S1", 2023, "\"expenditure_total\": 3102500"));

    file("empty.json", "rejected", "");
    file("binary.bin", "rejected", new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
    file("binary.json", "rejected", new byte[] {'{', 0, (byte) 0xff, (byte) 0xfe, '}'});
    file("truncated.json", "rejected", doc("T1", 2023, "\"income_total\": 1").substring(0, 40));
    file("wrong-types.json", "rejected", "{\"fiscal_year\": \"2023\", \"unit\": {\"name\": \"甲\"}}");
    file("nan.json", "rejected", doc("N1", 2023, "\"income_total\": NaN"));
    file("infinity.json", "rejected", doc("N2", 2023, "\"income_total\": Infinity"));
    file("thirty-digits.json", "rejected", doc("N3", 2023, "\"income_total\": " + "9".repeat(30)));
    file("negative.json", "rejected", doc("N4", 2023, "\"income_total\": -12.5"));
    file("rate-5000.json", "rejected", doc("N5", 2023, "\"execution_rate_pct\": 5000"));
    file("no-unit-name.json", "rejected", "{\"fiscal_year\": 2023, \"unit\": {\"code\": \"X\"}}");
    file("year-1899.json", "rejected", doc("Y1", 1899, ""));
    file("year-2099.json", "rejected", doc("Y2", 2099, ""));
    file("unknown-keys.json", "rejected", doc("K1", 2023, "\"income_totl\": 1"));
    file("deep.json", "rejected", "[".repeat(100_000));
    file("array.json", "rejected", "[" + GOOD + "]");
    file("two-values.json", "rejected", GOOD + GOOD);
    file("duplicate-key.json", "rejected", "{\"fiscal_year\": 2023, \"fiscal_year\": 2024, \"unit\": {\"name\": \"甲\"}}");
    file("excel.xlsx", "rejected", new byte[] {'P', 'K', 3, 4});
    file("excel-saved-as.csv", "rejected", "单位,年度,收入\n甲,2023,1\n");
    file("no-figures.txt", "rejected", "关于2023年度部门决算的说明：本单位没有需要说明的事项。");
    file("mixed-encodings.txt", "rejected", concat("部门决算说明".getBytes(StandardCharsets.UTF_8),
        "收入总计".getBytes(Charset.forName("GBK"))));
    // Two different files for one unit-year: the newer is taken.
    file("dup-old.json", "rejected", doc("D1", 2023, "\"income_total\": 1"));
    file("dup-new.json", "accepted", doc("D1", 2023, "\"income_total\": 2"));
    Files.setLastModifiedTime(landing.resolve("dup-old.json"), FileTime.fromMillis(1_000_000L));
    // The same file twice under two names (last year's file renamed): read once.
    file("copy-1.json", "accepted", doc("C1", 2023, "\"income_total\": 3"));
    file("copy-2.json", "rejected", doc("C1", 2023, "\"income_total\": 3"));
    // A 200 MB upload: refused with its size, never read into memory (a sparse file, so the test stays light).
    try (RandomAccessFile huge = new RandomAccessFile(landing.resolve("huge.json").toFile(), "rw")) {
      huge.setLength(200L * 1024 * 1024);
    }
    expected.put("huge.json", "rejected");
    // A link to a file outside the landing folder: refused, its content not stored.
    Path secret = Files.writeString(tmp.resolve("secret.json"), doc("P1", 2023, "\"income_total\": 1"));
    Files.createSymbolicLink(landing.resolve("link-outside.json"), secret);
    expected.put("link-outside.json", "rejected");
    Files.createSymbolicLink(landing.resolve("dangling.json"), tmp.resolve("gone.json"));
    expected.put("dangling.json", "rejected");
    Process fifo = new ProcessBuilder("mkfifo", landing.resolve("pipe.json").toString()).start();
    assertEquals(0, fifo.waitFor(), "mkfifo");
    expected.put("pipe.json", "rejected");
    // A link to a folder inside the landing folder is followed (here to a folder that is no input by its own name);
    // one to a folder outside, or back to a folder that holds it, is refused as itself.
    Files.createDirectories(landing.resolve("_store"));
    Files.writeString(landing.resolve("_store/linked.json"), doc("L1", 2023, "\"income_total\": 4"));
    Files.createSymbolicLink(landing.resolve("linked"), Path.of("_store"));
    expected.put("linked/linked.json", "accepted");
    Path outsideFolder = Files.createDirectories(tmp.resolve("outside-folder"));
    Files.writeString(outsideFolder.resolve("o.json"), doc("O1", 2023, "\"income_total\": 5"));
    Files.createSymbolicLink(landing.resolve("outside"), outsideFolder);
    expected.put("outside", "rejected");
    Files.createSymbolicLink(landing.resolve("good/loop"), landing.resolve("good"));
    expected.put("good/loop", "rejected");
    // Hidden and underscore names are not inputs.
    file("_manifest.json", "ignored", "{}");
    file(".partial.json", "ignored", "{");

    Lake lake = new Lake(spark, tmp.resolve("lake").toString());
    IngestJob.Result result = IngestJob.run(lake, landing.toString(), "run-1", 64L * 1024 * 1024);

    Map<String, String> documents = new LinkedHashMap<>();
    for (Row r : lake.read(LakeTable.BRONZE_DOCUMENTS).select("path", "sha256").collectAsList()) {
      assertFalse(documents.containsKey(r.getString(0)), "one document row per file: " + r.getString(0));
      documents.put(r.getString(0), r.getString(1));
    }
    Map<String, Row> rejects = new LinkedHashMap<>();
    for (Row r : lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason", "content").collectAsList()) {
      assertFalse(rejects.containsKey(r.getString(0)), "one reject row per file: " + r.getString(0));
      rejects.put(r.getString(0), r);
    }
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String name = e.getKey();
      String where = documents.containsKey(name) ? "accepted" : rejects.containsKey(name) ? "rejected" : "ignored";
      if (!where.equals(e.getValue())) {
        wrong.add(name + ": expected " + e.getValue() + ", was " + where
            + (rejects.containsKey(name) ? " (" + rejects.get(name).getString(1) + ")" : ""));
      }
      if (!e.getValue().equals("ignored")) {
        tried++;
      }
    }
    assertEquals(List.of(), wrong);
    for (Row r : rejects.values()) {
      String reason = r.getString(1);
      assertTrue(reason.startsWith(r.getString(0) + ": ") && reason.length() > r.getString(0).length() + 15,
          "a reason names the file and says what is wrong: " + reason);
    }
    Map<String, String> codes = new LinkedHashMap<>();
    lake.read(LakeTable.BRONZE_REJECTS).select("path", "reason_code").collectAsList()
        .forEach(r -> codes.put(r.getString(0), r.getString(1)));
    Set<String> known = new TreeSet<>();
    for (org.fiscalscope.problem.Problem p : org.fiscalscope.problem.Problem.values()) {
      known.add(p.code());
    }
    codes.forEach((path, code) -> assertTrue(known.contains(code), path + " has the reason code " + code));
    assertEquals("FILE_EMPTY", codes.get("empty.json"));
    assertEquals("FILE_TOO_LARGE", codes.get("huge.json"));
    assertEquals("FILE_NOT_REGULAR", codes.get("pipe.json"));
    assertEquals("FILE_DANGLING_LINK", codes.get("dangling.json"));
    assertEquals("JSON_NOT_UTF8", codes.get("binary.json"));
    assertEquals(null, rejects.get("link-outside.json").get(2), "content outside the landing folder is not copied");
    assertTrue(rejects.get("huge.json").getString(1).contains("200.0 MB"), rejects.get("huge.json").getString(1));
    assertTrue(rejects.get("pipe.json").getString(1).startsWith("pipe.json: is not a regular file"), rejects.get("pipe.json").getString(1));
    assertTrue(rejects.get("dangling.json").getString(1).startsWith("dangling.json: is a link to a file that does not exist"),
        rejects.get("dangling.json").getString(1));
    assertTrue(rejects.get("outside").getString(1).startsWith("outside: is a link to a folder outside the landing folder"),
        rejects.get("outside").getString(1));
    assertTrue(rejects.get("good/loop").getString(1).startsWith("good/loop: is a link to a folder that contains it"),
        rejects.get("good/loop").getString(1));
    assertEquals(tried, documents.size() + rejects.size(), "count(inputs) = count(documents) + count(rejects)");
    assertEquals(tried, result.filesSeen());
    assertFalse(Files.exists(landing.resolve("good/pwned")) || Files.exists(Path.of("pwned")), "file names are never run");

    Set<String> findings = new TreeSet<>();
    lake.read(LakeTable.SILVER_FINDING).select("unit_id", "fiscal_year", "rule").collectAsList()
        .forEach(r -> findings.add(r.getString(0) + "/" + r.getInt(1) + "/" + r.getString(2)));
    assertTrue(findings.contains("S1/2023/scale.jump"), "元 labelled 万元 is found against the unit's history: " + findings);
    assertFalse(findings.contains("S1/2022/scale.jump"), "the earlier, plausible year is not blamed");

    System.out.printf("bad-input catalogue: %d inputs, %d accepted, %d rejected, %d with findings, 0 lost%n",
        tried, documents.size(), rejects.size(), findings.stream().map(f -> f.substring(0, f.lastIndexOf('/'))).distinct().count());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
