package org.fiscalscope.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.fiscalscope.FiscalScopeException;

/**
 * The Chinese font generated PDFs embed: WenQuanYi Zen Hei from Debian's fonts-wqy-zenhei, TrueType outlines in a
 * collection, of which PDFBox embeds the subset a document uses (a collection cannot be embedded whole). Found in
 * the standard font folders; the folder can be given with the {@code fiscalscope.fonts} property.
 */
final class CjkFont {

  static final String FILE_NAME = "wqy-zenhei.ttc";
  static final String FONT_NAME = "WenQuanYiZenHei";
  static final String DEBIAN_PACKAGE = "fonts-wqy-zenhei";

  private CjkFont() {}

  /** The font, opened from its collection; the collection stays open for as long as the font is used. */
  static TrueTypeFont load() {
    Path file = locate();
    try {
      TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
      TrueTypeFont font = collection.getFontByName(FONT_NAME);
      if (font == null) {
        throw new FiscalScopeException(file + " holds no font named " + FONT_NAME + "; reinstall Debian's "
            + DEBIAN_PACKAGE + " (apt-get install --reinstall " + DEBIAN_PACKAGE + ").");
      }
      return font;
    } catch (IOException e) {
      throw new FiscalScopeException(file + " cannot be read as a font (" + e.getMessage() + "); reinstall Debian's "
          + DEBIAN_PACKAGE + " (apt-get install --reinstall " + DEBIAN_PACKAGE + ").", e);
    }
  }

  /** The font file under the standard font folders (system, local, the user's), searched a few levels deep. */
  static Path locate() {
    List<Path> folders = folders();
    for (Path folder : folders) {
      Optional<Path> found = find(folder);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new FiscalScopeException("PDF disclosures need the Chinese font " + FILE_NAME + ", which is not under "
        + folders + "; install Debian's " + DEBIAN_PACKAGE + " (apt-get install " + DEBIAN_PACKAGE
        + ") or give its folder with -Dfiscalscope.fonts=DIR.");
  }

  private static List<Path> folders() {
    List<Path> folders = new ArrayList<>();
    String configured = System.getProperty("fiscalscope.fonts");
    if (configured != null && !configured.isBlank()) {
      folders.add(Path.of(configured));
    }
    String home = System.getProperty("user.home");
    folders.add(Path.of("/usr/share/fonts"));
    folders.add(Path.of("/usr/local/share/fonts"));
    if (home != null) {
      folders.add(Path.of(home, ".local", "share", "fonts"));
      folders.add(Path.of(home, ".fonts"));
    }
    return folders;
  }

  private static Optional<Path> find(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.find(folder, 4, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(FILE_NAME))) {
      return files.findFirst();
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
