package org.fiscalscope.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fiscalscope.document.DocumentJson;
import org.fiscalscope.document.DocumentValidator;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Rounding;
import org.fiscalscope.document.Source;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Reason;
import org.fiscalscope.problem.Refusal;

/**
 * Turns the bytes of one landing file into a validated canonical document, or a reason a clerk can act on.
 * Pure Java: runs inside Spark executors, one call per file.
 */
public final class DocumentReader {

  private DocumentReader() {}

  /**
   * Reads a file's tree, refusing a name repeated within one object as the tree is built: the tree's own map sees
   * the repeat, where the parser's duplicate detection kept a second set of every object's names (a quarter of
   * reading a document's tree).
   */
  private static final ObjectReader TREE = DocumentJson.mapper().reader()
      .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  /** Jackson's words for a repeated name, of which the clerk is told the first part. */
  private static final Pattern REPEATED_NAME = Pattern.compile("(Duplicate field '.*?') for `ObjectNode`");

  public static ReadOutcome read(String path, byte[] content, String sha256) {
    InputKind kind = InputKind.of(path);
    if (content.length == 0) {
      return rejected(path, Problem.FILE_EMPTY.with());
    }
    return switch (kind) {
      case JSON -> readJson(path, content, sha256);
      case TEXT, PDF -> DisclosureReader.read(path, content, sha256, kind);
      case XLSX, XLS, CSV_TABLES -> TablesReader.read(kind, path, content, sha256);
      case CSV, PARQUET -> rejected(path, Problem.FILE_DATASET_ALONE.with());
      case UNSUPPORTED -> rejected(path, Problem.FILE_TYPE_UNSUPPORTED.with());
    };
  }

  private static ReadOutcome readJson(String path, byte[] content, String sha256) {
    if (!isUtf8(content)) {
      return rejected(path, Problem.JSON_NOT_UTF8.with());
    }
    JsonNode tree;
    try (JsonParser parser = DocumentJson.mapper().createParser(content)) {
      tree = TREE.readTree(parser);
      if (parser.nextToken() != null) {
        return rejected(path, Problem.JSON_SEVERAL_VALUES.with());
      }
    } catch (JsonProcessingException e) {
      String what = firstLine(e.getOriginalMessage())
          .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
      Matcher repeated = REPEATED_NAME.matcher(what);
      if (repeated.lookingAt()) {
        what = repeated.group(1);
      }
      return rejected(path, Problem.JSON_INVALID.with(what, where(e.getLocation())));
    } catch (IOException e) {
      return rejected(path, Problem.JSON_UNREADABLE.with(firstLine(e.getMessage())));
    }
    if (tree == null || !tree.isObject()) {
      return rejected(path, Problem.JSON_NOT_OBJECT.with());
    }
    List<Reason> problems = DocumentValidator.reasons(tree);
    if (!problems.isEmpty()) {
      return new ReadOutcome.Rejected(Refusal.of(path, problems));
    }
    ObjectNode object = (ObjectNode) tree;
    if (object.path("schema_version").isNumber()) {
      // Written as the number 1 (validated to be 1): the version "1.0".
      object.put("schema_version", FinalAccount.SCHEMA_VERSION);
    }
    Rounding.round(object);
    try {
      FinalAccount doc = DocumentJson.fromTree(object);
      return new ReadOutcome.Accepted(stamp(doc, InputKind.JSON, path, sha256));
    } catch (IOException e) {
      return rejected(path, Problem.JSON_DOES_NOT_FIT.with(firstLine(e.getMessage())));
    }
  }

  /** The document with its source block, schema version and amount unit filled in. */
  static FinalAccount stamp(FinalAccount doc, InputKind kind, String path, String sha256) {
    FinalAccount withSource = doc.withSource(new Source(kind.label(), path, sha256));
    return new FinalAccount(
        withSource.schemaVersion() == null ? FinalAccount.SCHEMA_VERSION : withSource.schemaVersion(),
        withSource.fiscalYear(),
        withSource.amountUnit() == null ? FinalAccount.AMOUNT_UNIT : withSource.amountUnit(),
        withSource.unit(), withSource.source(), withSource.totals(), withSource.functions(),
        withSource.threePublic(), withSource.operatingCosts(), withSource.procurement(), withSource.assets(),
        withSource.performance(), withSource.findings(), withSource.provenance(), withSource.contents());
  }

  static ReadOutcome.Rejected rejected(String path, Reason reason) {
    return new ReadOutcome.Rejected(Refusal.of(path, reason));
  }

  /**
   * Whether the bytes are well-formed UTF-8 (the sequences of the Unicode standard's table 3-7: no overlong form, no
   * surrogate, nothing above U+10FFFF — what the JDK's decoder accepts when it reports errors) without a NUL byte.
   * One pass without decoding: every JSON file is checked, and a decoder allocated a buffer of the file's size.
   */
  static boolean isUtf8(byte[] content) {
    int i = 0;
    int n = content.length;
    while (i < n) {
      // Eight bytes at a time while they are ASCII and none is NUL: most of a JSON file (keys, numbers, indentation).
      while (i + Long.BYTES <= n) {
        long word = (long) LONGS.get(content, i);
        if ((word & HIGH_BITS) != 0 || ((word - LOW_BITS) & ~word & HIGH_BITS) != 0) {
          break;
        }
        i += Long.BYTES;
      }
      if (i >= n) {
        break;
      }
      int b = content[i];
      if (b > 0) {
        i++;
        continue;
      }
      if (b == 0) {
        return false;
      }
      int lead = b & 0xff;
      int length;
      int low = 0x80;
      int high = 0xbf;
      if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0) {
          low = 0xa0;
        } else if (lead == 0xed) {
          high = 0x9f;
        }
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0) {
          low = 0x90;
        } else if (lead == 0xf4) {
          high = 0x8f;
        }
      } else {
        return false;
      }
      if (i + length > n) {
        return false;
      }
      int second = content[i + 1] & 0xff;
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k < length; k++) {
        if ((content[i + k] & 0xc0) != 0x80) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x0101010101010101L;

  private static String where(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    String line = nl > 0 ? s.substring(0, nl) : s;
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
