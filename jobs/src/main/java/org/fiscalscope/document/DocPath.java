package org.fiscalscope.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The place of a value in the canonical document as typed steps from the root: a key of an object, an item of a
 * list, or the value of a map entry. It gives the value's JSON pointer once the positions in its lists are known
 * ({@code /functions/3/actual}), its pattern ({@code /functions/*}{@code /actual}) and the literal parts a pointer is
 * made of, so every pointer of the project is derived here.
 */
public final class DocPath {

  private enum Kind { ROOT, KEY, ITEM, ENTRY }

  private static final DocPath ROOT = new DocPath(null, Kind.ROOT, null);

  private final DocPath parent;
  private final Kind kind;
  private final String key;
  private final int lists;
  private final boolean inMap;
  private final String pattern;
  /** The literal text before, between and after the list positions: /functions/ and /actual. */
  private final String[] parts;

  private DocPath(DocPath parent, Kind kind, String key) {
    this.parent = parent;
    this.kind = kind;
    this.key = key;
    this.lists = parent == null ? 0 : parent.lists + (kind == Kind.ITEM ? 1 : 0);
    this.inMap = kind == Kind.ENTRY || parent != null && parent.inMap;
    String step = switch (kind) {
      case ROOT -> "";
      case KEY -> "/" + key;
      case ITEM, ENTRY -> "/*";
    };
    this.pattern = parent == null ? "" : parent.pattern + step;
    List<String> p = new ArrayList<>(parent == null ? List.of("") : List.of(parent.parts));
    if (kind == Kind.ITEM) {
      p.set(p.size() - 1, p.get(p.size() - 1) + "/");
      p.add("");
    } else if (kind != Kind.ROOT) {
      p.set(p.size() - 1, p.get(p.size() - 1) + step);
    }
    this.parts = p.toArray(String[]::new);
  }

  /** The document itself. */
  public static DocPath root() {
    return ROOT;
  }

  /** The member {@code name} of the object here. */
  public DocPath key(String name) {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a document key is snake_case: " + name);
    }
    return new DocPath(this, Kind.KEY, name);
  }

  /** An item of the list here. */
  public DocPath item() {
    return new DocPath(this, Kind.ITEM, null);
  }

  /** The value of an entry of the map here (keyed by text). */
  public DocPath entry() {
    return new DocPath(this, Kind.ENTRY, null);
  }

  /** The step before this one; null for the root. */
  public DocPath parent() {
    return parent;
  }

  public boolean isRoot() {
    return kind == Kind.ROOT;
  }

  /** Whether this step is a member of an object (not a list item or map value). */
  public boolean isKey() {
    return kind == Kind.KEY;
  }

  public boolean isItem() {
    return kind == Kind.ITEM;
  }

  public boolean isEntry() {
    return kind == Kind.ENTRY;
  }

  /** The key of this step; null for an item, a map value and the root. */
  public String name() {
    return key;
  }

  /** How many lists the value lies in, so how many positions its pointer takes. */
  public int lists() {
    return lists;
  }

  /** Whether {@code ancestor} is this path or one of the steps leading to it. */
  public boolean isWithin(DocPath ancestor) {
    for (DocPath p = this; p != null; p = p.parent) {
      if (p.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** The steps from the root to here, the root left out. */
  public List<DocPath> steps() {
    List<DocPath> out = new ArrayList<>();
    for (DocPath p = this; p.kind != Kind.ROOT; p = p.parent) {
      out.add(0, p);
    }
    return out;
  }

  /** The pattern of the pointers to here, {@code *} for each list position: {@code /functions/*}{@code /actual}. */
  public String pattern() {
    return pattern;
  }

  /**
   * The literal parts of the pointers to here, one more than {@link #lists()}: a pointer is the parts with the list
   * positions between them ({@code "/functions/"}, 3, {@code "/actual"}).
   */
  public List<String> parts() {
    return List.of(parts);
  }

  /** The JSON pointer of the value at these positions (0-based, outermost list first). */
  public String pointer(int... positions) {
    if (inMap) {
      throw new IllegalArgumentException(pattern + " lies in a map: its pointer is the entry's key");
    }
    if (positions.length != lists) {
      throw new IllegalArgumentException(pattern + " takes " + lists + " list position(s), not " + positions.length);
    }
    if (lists == 0) {
      return parts[0];
    }
    StringBuilder s = new StringBuilder(parts[0]);
    for (int i = 0; i < positions.length; i++) {
      s.append(positions[i]).append(parts[i + 1]);
    }
    return s.toString();
  }

  /**
   * The keys after the last list item (or map value), joined by dots: {@code totals.income_total} for a path outside
   * lists, {@code actual} for {@code /functions/*}{@code /actual} — how a Spark column reaches the value from the
   * list item it lies in.
   */
  public String dottedWithinItem() {
    List<String> keys = new ArrayList<>();
    for (DocPath p = this; p.kind == Kind.KEY; p = p.parent) {
      keys.add(0, p.key);
    }
    return String.join(".", keys);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocPath other && other.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return pattern.isEmpty() ? "/" : pattern;
  }
}
