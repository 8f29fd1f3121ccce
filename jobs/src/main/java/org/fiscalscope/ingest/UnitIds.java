package org.fiscalscope.ingest;

import java.text.Normalizer;
import org.fiscalscope.document.Unit;

/** The unit's key in the lake: its code when the dataset gives one, otherwise its normalised name. */
public final class UnitIds {

  private UnitIds() {}

  /**
   * The code, trimmed; without a code, the name in Unicode NFKC form with all white space removed, so that
   * full-width characters and the stray spaces of PDF text do not split one unit into two.
   */
  public static String of(Unit unit) {
    if (unit == null) {
      return null;
    }
    if (unit.code() != null && !unit.code().isBlank()) {
      return unit.code().trim();
    }
    return unit.name() == null ? null : normalisedName(unit.name());
  }

  public static String normalisedName(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
  }
}
