package org.fiscalscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fiscalscope.document.FinalAccount;
import org.junit.jupiter.api.Test;

/** One landing file → a validated document or one sentence naming the file and what to fix. */
class DocumentReaderTest {

  private static final String SHA = "0".repeat(64);

  private static ReadOutcome read(String path, String content) {
    return DocumentReader.read(path, content.getBytes(StandardCharsets.UTF_8), SHA);
  }

  private static String reason(ReadOutcome outcome) {
    return assertInstanceOf(ReadOutcome.Rejected.class, outcome).reason();
  }

  @Test
  void aValidJsonDocumentIsStampedWithItsSource() {
    FinalAccount doc = assertInstanceOf(ReadOutcome.Accepted.class,
        read("in/a.json", IngestJobTest.UNIT_B)).document();
    assertEquals("json", doc.source().kind());
    assertEquals("in/a.json", doc.source().file());
    assertEquals(SHA, doc.source().sha256());
    assertEquals("1.0", doc.schemaVersion());
    assertEquals("10k_yuan", doc.amountUnit());
  }

  @Test
  void theRealDisclosureTextIsReadWithProvenanceAndFindings() throws IOException {
    byte[] text = Files.readAllBytes(org.fiscalscope.TestCorpus.SAMPLE);
    FinalAccount doc = assertInstanceOf(ReadOutcome.Accepted.class,
        DocumentReader.read("qingshan.txt", text, SHA)).document();
    assertEquals("text", doc.source().kind());
    assertEquals(2023, doc.fiscalYear());
    assertEquals(0, new BigDecimal("574.45").compareTo(doc.totals().budgetInitial()));
    assertTrue(doc.provenance().containsKey("/totals/income_total"), "every figure has provenance");
    assertTrue(doc.findings().stream().anyMatch(f -> f.rule().equals("year.reference")), doc.findings().toString());
  }

  @Test
  void badFilesGetOneSentenceNamingTheFile() {
    assertEquals("e.json: the file is empty; send the unit's final-account document again.", reason(read("e.json", "")));
    assertTrue(reason(read("t.json", "{\"fiscal_year\": 2023,")).startsWith("t.json: is not valid JSON: "));
    assertTrue(reason(read("n.json", "{\"fiscal_year\": NaN, \"unit\": {\"name\": \"x\"}}")).startsWith("n.json: is not valid JSON"));
    assertEquals("d.json: is not valid JSON: Duplicate field 'fiscal_year' at line 1, column 38; correct it there and send"
        + " the file again.", reason(read("d.json", "{\"fiscal_year\": 2023, \"fiscal_year\": 2022, \"unit\": {\"name\": \"x\"}}")));
    assertEquals("d2.json: is not valid JSON: Duplicate field '名称' at line 2, column 36; correct it there and send the"
        + " file again.", reason(read("d2.json", "{\"fiscal_year\": 2023,\n \"unit\": {\"名称\": \"x\", \"名称\": \"y\"}}")),
        "a name repeated in a nested object is refused too");
    assertTrue(reason(read("a.json", "[1, 2]")).contains("is not a JSON object"));
    assertTrue(reason(read("x.doc", "PK")).startsWith("x.doc: files of this type are not read"));
    assertTrue(reason(DocumentReader.read("b.json", new byte[] {0, 1, 2, (byte) 0xff}, SHA)).contains("is not UTF-8 text"));
    assertTrue(reason(read("deep.json", "[".repeat(100_000))).contains("nesting depth"), "deep nesting is refused, not a stack overflow");
    assertTrue(reason(read("big.json", "{\"fiscal_year\": 2023, \"unit\": {\"name\": \"x\"}, \"operating_costs\": "
        + "1".repeat(30) + "}")).contains("operating_costs"));
    assertTrue(reason(read("none.txt", "这是一段没有任何数字的文字。")).startsWith("none.txt"));
  }

  @Test
  void aRefusedDocumentNamesEveryProblemMostImportantFirst() {
    String reason = reason(read("many.json", """
        {"fiscal_year": 1980, "unit": {"name": ""}, "totals": {"income_total": -5, "income_totl": 1},
         "functions": [{"code": "201", "actual": -2, "execution_rate_pct": 5000}]}
        """));
    assertEquals("many.json: field fiscal_year is 1980 but must be at least 1990; correct the figure; field unit.name is"
        + " empty; fill it in; field functions.0.actual is -2 but must be at least 0; correct the figure; field"
        + " totals.income_total is -5 but must be at least 0; correct the figure; field functions.0.execution_rate_pct is"
        + " 5000 but must be at most 1000; check the figure and its unit; unknown field totals.income_totl is not a key of"
        + " the canonical document; remove it or correct its spelling (see schemas/final-account.schema.json).", reason);
    assertTrue(!reason.contains("more"), reason);
    assertTrue(reason(read("y.json", "{\"unit\": {\"code\": \"1\"}, \"totals\": {\"income_total\": -1}}"))
        .startsWith("y.json: required field fiscal_year is missing; add it; required field unit.name is missing; add it;"));
  }

  @Test
  void theSchemaVersionMayBeTheNumberOne() {
    FinalAccount doc = assertInstanceOf(ReadOutcome.Accepted.class,
        read("v.json", "{\"schema_version\": 1, \"fiscal_year\": 2023, \"unit\": {\"name\": \"x\"}}")).document();
    assertEquals("1.0", doc.schemaVersion());
    assertInstanceOf(ReadOutcome.Accepted.class,
        read("s.json", "{\"schema_version\": \"1.0\", \"fiscal_year\": 2023, \"unit\": {\"name\": \"x\"}}"));
    assertEquals("w.json: field schema_version is 2 but the only version is 1 (\"1.0\"); write 1 or leave it out.",
        reason(read("w.json", "{\"schema_version\": 2, \"fiscal_year\": 2023, \"unit\": {\"name\": \"x\"}}")));
  }

  /** The JDK's decoder, reporting malformed and unmappable input, and no NUL byte: what {@code isUtf8} must agree with. */
  private static boolean decodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void utf8IsJudgedAsTheJdkDecoderJudgesIt() {
    // Every lead byte with every second byte, then a continuation: overlong forms, surrogates, above U+10FFFF, cut short.
    for (int lead = 0; lead < 256; lead++) {
      for (int second = 0; second < 256; second++) {
        for (byte[] bytes : new byte[][] {{(byte) lead, (byte) second}, {(byte) lead, (byte) second, (byte) 0x80},
            {(byte) lead, (byte) second, (byte) 0x80, (byte) 0xbf}, {'a', (byte) lead, (byte) second, (byte) 0x80, 'z'}}) {
          assertEquals(decodes(bytes), DocumentReader.isUtf8(bytes), () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
      }
    }
    java.util.Random random = new java.util.Random(7);
    String text = "{\"unit\": {\"name\": \"武汉市青山区人才服务中心 𠀋 é\"}}";
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      for (int k = random.nextInt(3); k > 0; k--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      byte[] cut = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      assertEquals(decodes(cut), DocumentReader.isUtf8(cut), () -> java.util.HexFormat.ofDelimiter(" ").formatHex(cut));
    }
    assertTrue(DocumentReader.isUtf8(text.getBytes(StandardCharsets.UTF_8)));
    assertTrue(DocumentReader.isUtf8(new byte[0]));
    // Long ASCII runs (read eight bytes at a time) with one NUL, stray continuation byte or cut sequence at every
    // offset, before and after multi-byte text.
    byte[] ascii = "{\n  \"income_total\" : 591.50,\n  \"expenditure_total\" : 591.50\n}".getBytes(StandardCharsets.UTF_8);
    byte[] chinese = "滨江区教育局".getBytes(StandardCharsets.UTF_8);
    for (byte[] around : new byte[][] {ascii, concat(chinese, ascii), concat(ascii, chinese, ascii)}) {
      assertTrue(DocumentReader.isUtf8(around));
      for (int at = 0; at < around.length; at++) {
        for (byte bad : new byte[] {0, (byte) 0x80, (byte) 0xe6, (byte) 0xff}) {
          byte[] bytes = around.clone();
          bytes[at] = bad;
          assertEquals(decodes(bytes), DocumentReader.isUtf8(bytes), () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
      }
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
