package org.fiscalscope.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.problem.Problem;
import org.fiscalscope.problem.Text;

/**
 * The Chinese font generated PDFs embed (PDFBox embeds the subset a document uses). Looked up in order: any TrueType
 * font with Chinese characters in the folder given with the {@code fiscalscope.fonts} property, then, in the
 * standard font folders, WenQuanYi Zen Hei (Debian's fonts-wqy-zenhei) or WenQuanYi Micro Hei (fonts-wqy-microhei).
 * Without one, PDF generation stops with a sentence naming what to install.
 */
final class CjkFont {

  /** A font a system package installs: its file, its name inside the collection, the package. */
  record Known(String fileName, String fontName, String debianPackage) {}

  static final List<Known> KNOWN = List.of(
      new Known("wqy-zenhei.ttc", "WenQuanYiZenHei", "fonts-wqy-zenhei"),
      new Known("wqy-microhei.ttc", "WenQuanYiMicroHei", "fonts-wqy-microhei"));

  static final String PROPERTY = "fiscalscope.fonts";

  /** A character every usable font must have: 中. */
  private static final int PROBE = 0x4E2D;

  private CjkFont() {}

  /** The font, opened from its file; the file stays open for as long as the font is used. */
  static TrueTypeFont load() {
    String configured = System.getProperty(PROPERTY);
    return load(configured == null || configured.isBlank() ? null : Path.of(configured), standardFolders());
  }

  /** The first usable font of the configured folder (may be null), else a known font under the standard folders. */
  static TrueTypeFont load(Path configured, List<Path> standard) {
    if (configured != null) {
      return fromFolder(configured);
    }
    for (Known known : KNOWN) {
      for (Path folder : standard) {
        Optional<Path> file = find(folder, known.fileName());
        if (file.isPresent()) {
          TrueTypeFont font = open(file.get(), known.fontName());
          if (font == null) {
            throw Problem.FONT_FILE_WITHOUT_FONT.with(known.fontName(), known.debianPackage())
                .failure(file.get().toString());
          }
          return font;
        }
      }
    }
    throw Problem.FONT_MISSING.failure(KNOWN.stream().map(Known::fileName).toList(), standard,
        KNOWN.get(0).debianPackage(), PROPERTY);
  }

  /** The first TrueType font (.ttf, or a face of a .ttc) in the folder, by file name, that has Chinese characters. */
  private static TrueTypeFont fromFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw Problem.FONT_FOLDER_NOT_A_FOLDER.failure(PROPERTY, folder);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.tt[fc]"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new FiscalScopeException(Problem.FONT_FOLDER_NOT_LISTABLE.with(folder, e.getMessage()), e);
    }
    for (Path file : files) {
      TrueTypeFont font = open(file, null);
      if (font != null) {
        return font;
      }
    }
    throw Problem.FONT_FOLDER_WITHOUT_FONT.failure(folder, PROPERTY, Text.of(files.size() + " .ttf/.ttc file"
        + (files.size() == 1 ? "" : "s"), files.size() + " 个 .ttf/.ttc 文件"), KNOWN.get(0).debianPackage());
  }

  /**
   * The face named {@code name} (any face with Chinese characters when null) of a .ttf or .ttc file; null when it
   * has none. A file that is not a readable TrueType font is skipped when any face will do.
   */
  private static TrueTypeFont open(Path file, String name) {
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
        if (name != null) {
          return collection.getFontByName(name);
        }
        List<TrueTypeFont> faces = new ArrayList<>();
        collection.processAllFonts(faces::add);
        return faces.stream().filter(CjkFont::hasChinese).findFirst().orElse(null);
      }
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
      return name == null && !hasChinese(font) ? null : font;
    } catch (IOException e) {
      if (name == null) {
        return null;
      }
      throw new FiscalScopeException(file.toString(), Problem.FONT_UNREADABLE.with(e.getMessage()), e);
    }
  }

  private static boolean hasChinese(TrueTypeFont font) {
    try {
      return font.getUnicodeCmapLookup(false) != null && font.getUnicodeCmapLookup(false).getGlyphId(PROBE) != 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The system's, the local and the user's font folders. */
  static List<Path> standardFolders() {
    List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts")));
    String home = System.getProperty("user.home");
    if (home != null) {
      folders.add(Path.of(home, ".local", "share", "fonts"));
      folders.add(Path.of(home, ".fonts"));
    }
    return folders;
  }

  private static Optional<Path> find(Path folder, String fileName) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.find(folder, 4, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(fileName))) {
      return files.findFirst();
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
