package org.fiscalscope.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.fiscalscope.problem.Problem;

/**
 * Refuses, before any page is read, a PDF built to exhaust its reader, with the reason: streams that inflate beyond
 * {@link #MAX_INFLATED_BYTES} together (PDFBox decodes each stream whole into memory), and arrays or dictionaries
 * nested deeper than {@link #MAX_NESTING} in an object or in a page's content (PDFBox stops there and the page
 * reads as empty). Images are left alone: reading text never decodes them. A stream or object that is merely damaged
 * is left to PDFBox, which forgives what it can.
 */
final class PdfLimits {

  /** What the page contents, forms, fonts and object streams of one PDF may inflate to, together. */
  static final long MAX_INFLATED_BYTES = PdfDisclosure.MAX_MEMORY_BYTES;
  /** PDFBox's parser follows arrays and dictionaries this deep; a disclosure nests a handful of levels. */
  static final int MAX_NESTING = 500;

  private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
      COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);
  private static final String RECURSION = "maximum recursion depth";

  private PdfLimits() {}

  /**
   * Resolves every object of the document and inflates every stream but images, within the limits.
   *
   * @throws org.fiscalscope.FiscalScopeException naming the file, the object or page and the limit it passes
   */
  static void check(PDFParser parser, PDDocument document, String file) {
    COSDocument cos = document.getDocument();
    Map<COSStream, COSObjectKey> streams = new IdentityHashMap<>();
    for (Map.Entry<COSObjectKey, Long> e : new ArrayList<>(cos.getXrefTable().entrySet())) {
      if (e.getValue() != null && e.getValue() >= 0
          && resolve(parser, cos.getObjectFromPool(e.getKey()), file) instanceof COSStream s) {
        streams.put(s, e.getKey());
      }
    }
    Budget budget = new Budget(file);
    // Object streams before the objects in them: resolving a compressed object decodes its object stream whole.
    for (Map.Entry<COSStream, COSObjectKey> e : streams.entrySet()) {
      if (COSName.OBJ_STM.equals(e.getKey().getCOSName(COSName.TYPE))) {
        budget.inflate(e.getValue(), e.getKey(), null);
      }
    }
    reachable(parser, cos.getTrailer(), file, streams);
    Map<COSStream, String> contents = new IdentityHashMap<>();
    int number = 0;
    for (PDPage page : document.getPages()) {
      number++;
      COSBase c = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
      List<COSBase> parts = new ArrayList<>();
      if (c instanceof COSArray array) {
        array.forEach(parts::add);
      } else if (c != null) {
        parts.add(c);
      }
      for (COSBase part : parts) {
        COSBase s = part instanceof COSObject o ? o.getObject() : part;
        if (s instanceof COSStream stream) {
          contents.putIfAbsent(stream, "the content of page " + number);
        }
      }
    }
    for (Map.Entry<COSStream, COSObjectKey> e : streams.entrySet()) {
      COSStream s = e.getKey();
      if (COSName.OBJ_STM.equals(s.getCOSName(COSName.TYPE)) || isImage(s)) {
        continue;
      }
      String content = contents.get(s);
      if (content == null && (COSName.FORM.equals(s.getCOSName(COSName.SUBTYPE)) || s.getInt(COSName.PATTERN_TYPE) == 1)) {
        content = "object " + name(e.getValue()) + " (drawn on a page)";
      }
      budget.inflate(e.getValue(), s, content);
    }
  }

  /** Every object reachable from the trailer, visited without recursion; its streams are added to {@code streams}. */
  private static void reachable(PDFParser parser, COSBase root, String file, Map<COSStream, COSObjectKey> streams) {
    Set<COSBase> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.ArrayDeque<COSBase> todo = new java.util.ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      COSBase b = todo.pop();
      if (b instanceof COSObject o) {
        COSObjectKey key = o.getKey();
        b = resolve(parser, o, file);
        if (b instanceof COSStream s && key != null) {
          streams.putIfAbsent(s, key);
        }
      }
      if (b == null || !seen.add(b)) {
        continue;
      }
      if (b instanceof COSDictionary d) {
        d.getValues().forEach(todo::push);
      } else if (b instanceof COSArray a) {
        a.forEach(todo::push);
      }
    }
  }

  /** The object behind a reference; nesting beyond the parser's depth is refused, other damage left to PDFBox. */
  private static COSBase resolve(PDFParser parser, COSObject object, String file) {
    COSBase base = object.getObject();
    if (base == null && object.getKey() != null) {
      try {
        // Again, directly, to learn why: PDFBox only logs it.
        base = parser.dereferenceCOSObject(object);
      } catch (IOException e) {
        if (String.valueOf(e.getMessage()).contains(RECURSION)) {
          throw Problem.PDF_TOO_DEEP.with(MAX_NESTING, "(object " + name(object.getKey()) + ")").failure(file);
        }
        return null;
      }
    }
    return base;
  }

  private static boolean isImage(COSStream s) {
    if (COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
      return true;
    }
    COSBase filters = s.getFilters();
    if (filters instanceof COSName n) {
      return IMAGE_CODECS.contains(n);
    }
    if (filters instanceof COSArray array) {
      for (COSBase f : array) {
        if (f instanceof COSName n && IMAGE_CODECS.contains(n)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String name(COSObjectKey key) {
    return key.getNumber() + " " + key.getGeneration() + " R";
  }

  private static String megabytes(long bytes) {
    return bytes < 1 << 20 ? Math.max(1, bytes >> 10) + " KB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  /** The inflated bytes left for the document; inflating beyond it, or content nested too deep, is refused. */
  private static final class Budget {

    private final String file;
    private long left = MAX_INFLATED_BYTES;

    Budget(String file) {
      this.file = file;
    }

    /** Inflates one stream through its filters into a counter (and the nesting check when it is page content). */
    void inflate(COSObjectKey key, COSStream stream, String content) {
      List<Filter> filters = new ArrayList<>();
      try {
        COSBase names = stream.getFilters();
        if (names instanceof COSName n) {
          filters.add(FilterFactory.INSTANCE.getFilter(n));
        } else if (names instanceof COSArray array) {
          for (COSBase f : array) {
            if (f instanceof COSName n) {
              filters.add(FilterFactory.INSTANCE.getFilter(n));
            }
          }
        }
      } catch (IOException e) {
        return;
      }
      Sink sink = new Sink(left, false, content == null ? null : new Nesting());
      try (InputStream raw = stream.createRawInputStream()) {
        InputStream in = raw;
        for (int i = 0; i < filters.size(); i++) {
          boolean last = i == filters.size() - 1;
          Sink out = last ? sink : new Sink(left, true, null);
          filters.get(i).decode(in, out, stream, i);
          if (out.isOver()) {
            break;
          }
          in = last ? in : new ByteArrayInputStream(out.bytes());
        }
        if (filters.isEmpty()) {
          in.transferTo(sink);
        }
      } catch (IOException | RuntimeException e) {
        // damaged or unsupported: left to PDFBox, which skips what it cannot decode
      }
      if (sink.isOver() || sink.count > left) {
        throw Problem.PDF_COMPRESSION_BOMB.with(MAX_INFLATED_BYTES >> 20, name(key), megabytes(stream.getLength()),
            megabytes(sink.count)).failure(file);
      }
      if (sink.nesting != null && sink.nesting.tooDeep) {
        throw Problem.PDF_TOO_DEEP.with(MAX_NESTING, "in " + content).failure(file);
      }
      left -= sink.count;
    }
  }

  /** Counts (and, between two filters, keeps) inflated bytes, failing once past its limit. */
  private static final class Sink extends OutputStream {

    final Nesting nesting;
    private final long limit;
    private final ByteArrayOutputStream kept;
    long count;
    private boolean over;

    Sink(long limit, boolean keep, Nesting nesting) {
      this.limit = limit;
      this.nesting = nesting;
      this.kept = keep ? new ByteArrayOutputStream() : null;
    }

    boolean isOver() {
      return over;
    }

    byte[] bytes() {
      return kept.toByteArray();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count += len;
      if (count > limit) {
        over = true;
        throw new IOException("inflated beyond the limit");
      }
      if (kept != null) {
        kept.write(b, off, len);
      }
      if (nesting != null && nesting.feed(b, off, len)) {
        throw new IOException("nested beyond the limit");
      }
    }
  }

  /**
   * The depth of arrays and dictionaries in content-stream syntax, fed as it inflates: strings, hex strings,
   * comments and inline image data do not count.
   */
  static final class Nesting {

    private enum State { CODE, COMMENT, STRING, HEX, INLINE_IMAGE }

    boolean tooDeep;
    private State state = State.CODE;
    private int depth;
    private int parens;
    private boolean escaped;
    private int pending;
    private final StringBuilder token = new StringBuilder();
    private int tail;

    /** Feeds bytes; true once the depth passes {@link #MAX_NESTING}. */
    boolean feed(byte[] b, int off, int len) {
      for (int i = off; i < off + len && !tooDeep; i++) {
        next(b[i] & 0xff);
      }
      return tooDeep;
    }

    private void next(int c) {
      if (pending != 0) {
        int p = pending;
        pending = 0;
        if (p == '<' && c == '<') {
          open();
          return;
        }
        if (p == '>' && c == '>') {
          depth = Math.max(0, depth - 1);
          return;
        }
        if (p == '<') {
          state = State.HEX;
        }
      }
      switch (state) {
        case COMMENT -> {
          if (c == '\r' || c == '\n') {
            state = State.CODE;
          }
        }
        case STRING -> {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '(') {
            parens++;
          } else if (c == ')' && --parens == 0) {
            state = State.CODE;
          }
        }
        case HEX -> {
          if (c == '>') {
            state = State.CODE;
          }
        }
        case INLINE_IMAGE -> {
          // the image's bytes end at white space, EI and white space
          tail = (tail << 8 | c) & 0xffffff;
          if ((tail >> 16 == ' ' || tail >> 16 == '\n' || tail >> 16 == '\r') && (tail & 0xffff) == ('E' << 8 | 'I')) {
            state = State.CODE;
            tail = 0;
          }
        }
        default -> code(c);
      }
    }

    private void code(int c) {
      boolean regular = c > ' ' && "()<>[]{}/%".indexOf(c) < 0;
      if (regular) {
        token.append((char) c);
        return;
      }
      if (token.length() > 0) {
        boolean inlineImage = token.length() == 2 && token.charAt(0) == 'I' && token.charAt(1) == 'D';
        token.setLength(0);
        if (inlineImage) {
          state = State.INLINE_IMAGE;
          tail = 0;
          return;
        }
      }
      switch (c) {
        case '%' -> state = State.COMMENT;
        case '(' -> {
          state = State.STRING;
          parens = 1;
        }
        case '<', '>' -> pending = c;
        case '[' -> open();
        case ']' -> depth = Math.max(0, depth - 1);
        default -> { }
      }
    }

    private void open() {
      if (++depth > MAX_NESTING) {
        tooDeep = true;
      }
    }
  }
}
