package org.fiscalscope.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Finding;
import org.fiscalscope.document.Source;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Text;

/**
 * Disclosure text (.txt or .html; UTF-8, UTF-8 with BOM or GB18030/GBK) or PDF → canonical {@link FinalAccount} with
 * provenance for every figure and consistency findings. Stateless and thread-safe: call it from any executor.
 */
public final class DisclosureExtractor {

  private DisclosureExtractor() {}

  /**
   * The document of one disclosure file.
   *
   * @throws org.fiscalscope.FiscalScopeException when the bytes are not text, or the text names no unit, no fiscal year or no figure
   */
  public static FinalAccount extract(byte[] content, String fileName) {
    return identified(extractPartial(content, fileName), fileName);
  }

  /**
   * The document of one disclosure published as PDF: its text read with the page layout ({@link PdfDisclosure}),
   * the source kind {@code pdf}, and the page of every figure in its provenance.
   *
   * @throws org.fiscalscope.FiscalScopeException when the PDF cannot be read (password, scan, damage, size) or, read, names no unit,
   *     no fiscal year or no figure
   */
  public static FinalAccount extractPdf(byte[] content, String fileName) {
    PdfDisclosure.Text text = PdfDisclosure.read(content, fileName);
    FinalAccount doc = identified(read(text.text(), text.cells(), new Source("pdf", fileName, sha256(content))),
        fileName);
    return doc.withProvenance(text.withPages(doc.provenance()));
  }

  private static FinalAccount identified(FinalAccount doc, String fileName) {
    String file = fileName == null ? "the file" : fileName;
    List<String> missing = new ArrayList<>();
    List<String> missingZh = new ArrayList<>();
    if (doc.unit() == null || doc.unit().name() == null) {
      missing.add("the unit's name (e.g. 部门：XX局 or a title like XX局2023年度部门决算)");
      missingZh.add("单位名称（如“部门：XX局”或“XX局2023年度部门决算”这样的标题）");
    }
    if (doc.fiscalYear() == null) {
      missing.add("the fiscal year (e.g. 2023年度)");
      missingZh.add("年度（如 2023年度）");
    }
    if (doc.provenance().isEmpty()) {
      missing.add("any figure in 万元 or 元");
      missingZh.add("任何以万元或元计的数字");
    }
    if (!missing.isEmpty()) {
      throw Problem.DISCLOSURE_UNIDENTIFIED.with(Text.of(String.join(" and ", missing), String.join("、", missingZh)))
          .failure(file);
    }
    return doc;
  }

  /** Like {@link #extract(byte[], String)} but for text already decoded. */
  public static FinalAccount extract(String text, String fileName) {
    return extract(text.getBytes(StandardCharsets.UTF_8), fileName);
  }

  /**
   * What the file states for sure, even when the unit or the year cannot be identified (excerpts, fragments).
   *
   * @throws org.fiscalscope.FiscalScopeException when the bytes cannot be decoded as text at all
   */
  public static FinalAccount extractPartial(byte[] content, String fileName) {
    String decoded = TextDecoder.decode(content, fileName);
    if (decoded == null) {
      throw Problem.TEXT_NOT_DECODABLE.with().failure(fileName == null ? "The file" : fileName);
    }
    return read(decoded, null, new Source("text", fileName, sha256(content)));
  }

  static FinalAccount read(String decoded, Source source) {
    return read(decoded, null, source);
  }

  /**
   * The document of a decoded disclosure: the standard tables it prints (rows of {@code |}-separated cells in a text,
   * or {@code pdfCells}, each line's cells by column, for a PDF), then the sentences of its running text, every
   * figure kept where its statements agree.
   */
  static FinalAccount read(String decoded, List<List<String>> pdfCells, Source source) {
    SourceText text = SourceText.of(decoded);
    Figures figures = new Figures();
    TableStatements.read(text, pdfCells, source.file(), figures);
    TotalsSection.read(text, figures);
    UnitIdentity id = UnitIdentity.of(text);
    BudgetSentences.read(text, figures, id.fiscalYear());
    ThreePublicSection.read(text, figures);
    ProcurementAndAssets.read(text, figures);
    Headcounts.read(text, figures);
    EvaluationTables.read(text, figures);
    Map<String, Figures.Candidate> agreed = figures.resolve();
    FinalAccount doc = DocumentAssembler.assemble(id, source, agreed);
    List<Finding> findings = new ArrayList<>(figures.findings());
    if (id.name() == null) {
      findings.add(new Finding("document.unit_missing", Finding.WARNING,
          "文中未找到单位名称（如“部门：XX局”或标题“XX局2023年度部门决算”）。",
          "The text names no unit (such as 部门：XX局 or a title like XX局2023年度部门决算).", source.file()));
    }
    if (id.aggregate()) {
      findings.add(new Finding("document.aggregate", Finding.INFO,
          "本文件是" + id.region() + "的部门决算汇总（全地区合计），不是单个单位的决算，不与单位比较。",
          "The document is the aggregate accounts of " + id.region() + " (a whole district or county), not one"
              + " unit's, and is not compared with units.", source.file()));
    }
    if (id.fiscalYear() == null) {
      findings.add(new Finding("document.year_missing", Finding.WARNING, "文中未找到决算年度（如“2023年度”）。",
          "The text states no fiscal year (such as 2023年度).", source.file()));
    }
    findings.addAll(ConsistencyAudit.audit(doc, agreed, text));
    DisclosureContents.Read contents = DisclosureContents.read(text, agreed);
    Map<String, org.fiscalscope.document.Provenance> provenance = new java.util.TreeMap<>(doc.provenance());
    provenance.putAll(contents.provenance());
    return doc.withFindings(findings).withProvenance(provenance).withContents(contents.contents());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
