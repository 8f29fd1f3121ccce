package org.fiscalscope.document;

/**
 * One value of the canonical document, declared once in {@link Fields}: its place in the document, what it measures,
 * the part of the template it belongs to, the silver column it lands in (if any), and its Chinese and English label.
 * Fields compare by identity; {@link #ordinal()} numbers them in catalogue order, so per-field data can sit in arrays.
 */
public final class Field {

  /** The silver table and column a field's values land in. */
  public record SilverColumn(SilverTable table, String column) {}

  private final int ordinal;
  private String name;
  private final DocPath path;
  private final Measure measure;
  private final Category category;
  private final SilverColumn silver;
  private final String zh;
  private final String en;

  Field(int ordinal, DocPath path, Measure measure, Category category, SilverColumn silver, String zh, String en) {
    this.ordinal = ordinal;
    this.path = path;
    this.measure = measure;
    this.category = category;
    this.silver = silver;
    this.zh = zh;
    this.en = en;
  }

  /** Gives the field the name of its constant; once, while the catalogue is built. */
  void named(String constant) {
    if (name != null) {
      throw new IllegalStateException(constant + " is " + name + " already");
    }
    name = constant;
  }

  /** The position of the field in the catalogue, from 0. */
  public int ordinal() {
    return ordinal;
  }

  /** The field's constant in {@link Fields}, e.g. {@code INCOME_TOTAL}. */
  public String name() {
    return name;
  }

  public DocPath path() {
    return path;
  }

  public Measure measure() {
    return measure;
  }

  public Category category() {
    return category;
  }

  /** The silver column the field lands in; null when no silver table holds it. */
  public SilverColumn silver() {
    return silver;
  }

  /** The Chinese label, as the template prints it: 收入总计. */
  public String zh() {
    return zh;
  }

  /** The English label: total income. */
  public String en() {
    return en;
  }

  /** The key of the field within its object: {@code income_total}. */
  public String key() {
    return path.name();
  }

  /** How many lists the field lies in (functions, projects, indicators), so how many positions its pointer takes. */
  public int lists() {
    return path.lists();
  }

  /** The JSON pointer of the field's value at these list positions: {@code /functions/3/actual}. */
  public String pointer(int... positions) {
    return path.pointer(positions);
  }

  /** Whether the disclosure states this field as a figure (amounts, rates, scores, counts, indicator rows). */
  public boolean isFigure() {
    return category.isFigure();
  }

  @Override
  public String toString() {
    return path.pattern();
  }
}
