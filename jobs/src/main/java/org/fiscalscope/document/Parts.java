package org.fiscalscope.document;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Function;

/**
 * The records of the document's flat parts ({@link Totals}, {@link ThreePublicAmounts}, {@link Procurement},
 * {@link Assets}) built from the catalogue's fields: each component is the value a reader gives for the field at its
 * place, so the extractor and the standard-table reader assemble these parts the same way, by field, and a figure
 * added to the catalogue and the record needs no assembler change.
 */
public final class Parts {

  private Parts() {}

  /** The totals, each field's value from {@code value}. */
  public static Totals totals(Function<Field, Object> value) {
    return build(Totals.class, Fields.partOf(Category.TOTALS), value);
  }

  /** One side of the three public costs, each category's value from {@code value}. */
  public static ThreePublicAmounts threePublic(ThreePublicSide side, Function<Field, Object> value) {
    return build(ThreePublicAmounts.class,
        Fields.threePublic(side, ThreePublicCategory.TOTAL).path().parent(), value);
  }

  public static Procurement procurement(Function<Field, Object> value) {
    return build(Procurement.class, Fields.partOf(Category.PROCUREMENT), value);
  }

  public static Assets assets(Function<Field, Object> value) {
    return build(Assets.class, Fields.partOf(Category.ASSETS), value);
  }

  /** Whether every component of a record is null. */
  public static boolean isEmpty(Record part) {
    try {
      for (RecordComponent c : part.getClass().getRecordComponents()) {
        if (c.getAccessor().invoke(part) != null) {
          return false;
        }
      }
      return true;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A record whose components are, in order, the fields directly beneath {@code part}.
   *
   * @throws IllegalStateException when the record and the catalogue disagree (CatalogueTest names the field)
   */
  static <R extends Record> R build(Class<R> type, DocPath part, Function<Field, Object> value) {
    List<Field> fields = Fields.all().stream().filter(f -> part.equals(f.path().parent())).toList();
    RecordComponent[] components = type.getRecordComponents();
    if (components.length != fields.size()) {
      throw new IllegalStateException(type.getSimpleName() + " has " + components.length + " components, the catalogue "
          + fields.size() + " fields under " + part);
    }
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      Object v = value.apply(fields.get(i));
      if (v != null && !types[i].isInstance(v)) {
        throw new IllegalArgumentException(fields.get(i) + " is a " + types[i].getSimpleName() + ", not " + v);
      }
      args[i] = v;
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName() + " from the catalogue", e);
    }
  }
}
