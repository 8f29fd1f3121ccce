package org.fiscalscope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.fiscalscope.FiscalScopeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the generator's Chinese font comes from, and what it says when there is none. */
class CjkFontTest {

  /** The font the repository carries for its tests (surefire names its folder in fiscalscope.fonts). */
  static final Path TEST_FONTS = Path.of("jobs", "src", "test", "fonts");

  @TempDir
  Path tmp;

  @Test
  void theTestsUseTheFontTheRepositoryCarries() throws IOException {
    assertEquals(TEST_FONTS.toAbsolutePath().normalize(), Path.of(System.getProperty(CjkFont.PROPERTY)).toAbsolutePath().normalize());
    TrueTypeFont font = CjkFont.load();
    assertEquals("WenQuanYiMicroHei", font.getName());
    for (int cp : "部门决算收入支出总计万元■".codePoints().toArray()) {
      assertTrue(font.getUnicodeCmapLookup().getGlyphId(cp) != 0, "has " + Character.toString(cp));
    }
  }

  @Test
  void aFolderWithoutAChineseFontIsNamedWithWhatToPutThere() throws IOException {
    Files.writeString(tmp.resolve("notes.ttf"), "not a font");
    FiscalScopeException e = assertThrows(FiscalScopeException.class, () -> CjkFont.load(tmp, List.of()));
    assertTrue(e.getMessage().startsWith("the font folder " + tmp + " (-Dfiscalscope.fonts) holds no TrueType font with"
        + " Chinese characters (1 .ttf/.ttc file)"), e.getMessage());
    e = assertThrows(FiscalScopeException.class, () -> CjkFont.load(tmp.resolve("nope"), List.of()));
    assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
  }

  @Test
  void withoutAnyFontTheMessageSaysWhatToInstall() {
    FiscalScopeException e = assertThrows(FiscalScopeException.class, () -> CjkFont.load(null, List.of(tmp)));
    assertEquals("PDF disclosures need a Chinese TrueType font, and none of [wqy-zenhei.ttc, wqy-microhei.ttc] is under ["
        + tmp + "]; install one (apt-get install fonts-wqy-zenhei) or name a folder holding a TrueType Chinese font with"
        + " -Dfiscalscope.fonts=DIR (for ./fiscalscope: FISCALSCOPE_JAVA_OPTS=-Dfiscalscope.fonts=DIR).", e.getMessage());
  }

  @Test
  void aKnownFontIsFoundUnderTheStandardFoldersByItsFileName() throws IOException {
    // A system-installed font is a .ttc found by name; the test font stands in under another name as a .ttf,
    // so it is found only through the configured folder.
    Files.createDirectories(tmp.resolve("truetype/wqy"));
    Files.copy(TEST_FONTS.resolve("wqy-microhei-subset.ttf"), tmp.resolve("truetype/wqy/other.ttf"));
    assertThrows(FiscalScopeException.class, () -> CjkFont.load(null, List.of(tmp)));
    assertEquals("WenQuanYiMicroHei", CjkFont.load(tmp.resolve("truetype/wqy"), List.of()).getName());
  }
}
