package org.fiscalscope.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fiscalscope.document.Fields;
import org.fiscalscope.document.Provenance;
import org.fiscalscope.document.ThreePublicCategory;
import org.fiscalscope.document.ThreePublicSide;

/**
 * Sentences of the shape "<subject>预算为 A 万元，支出决算为 B 万元，完成预算的 R%" and "<subject>支出 B 万元，占 S%".
 * The subject decides where the figures go: the whole unit (一般公共预算财政拨款支出), a functional class, the
 * three-public total or one of its categories. A three-public sentence shaped like the unit's budget sentence
 * therefore never sets the unit's budget.
 */
final class BudgetSentences {

  enum Kind { THREE_PUBLIC, OUTBOUND, VEHICLE_BOTH, VEHICLE_PURCHASE, VEHICLE_OPERATION, RECEPTION, UNIT, PROJECT, FUNCTION,
    ITEM }

  /** What a sentence is about; an ITEM is a 款 or 项 named under its class: 208（类）行政事业单位养老支出（款）…（项）. */
  private record Subject(Kind kind, String stem, int start, int end, String group, String item) {

    Subject(Kind kind, String stem, int start, int end) {
      this(kind, stem, start, end, null, null);
    }

    Subject at(int newStart) {
      return new Subject(kind, stem, newStart, end, group, item);
    }
  }

  /** Statements about a 款 or 项, keyed by class code and names until the tables' names give their code. */
  static final String ITEM = "#item/";

  private static final String NAME_PART = "(?:[^,。;:()]|\\([^()]{1,6}\\))";
  private static final Pattern ITEM_NAMES = Pattern.compile(
      "(" + NAME_PART + "{1,40}?)\\(款\\)(?:(" + NAME_PART + "{1,40}?)\\(项\\))?");
  /** A sentence opening a new part (六、 （三） 第三部分) ends what an item's sentences say. */
  private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)|第[一二三四五六七八九十]+部分)");
  /** How many sentences after an item's name may still state its budget and actual (主要用于… then 年初预算为…). */
  private static final int ITEM_SENTENCES = 3;

  static final String VEHICLE_BOTH = "#three_public/vehicle_both/";

  private static final Pattern SUBJECT = Pattern.compile(
      "(?<tp>" + ThreePublicCategory.TOTAL.sentenceSubject() + ")"
          + "|(?<out>" + ThreePublicCategory.OUTBOUND_TRAVEL.sentenceSubject() + ")"
          + "|(?<vboth>" + ThreePublicCategory.VEHICLES_PHRASE + ")"
          + "|(?<vpur>" + ThreePublicCategory.VEHICLE_PURCHASE.sentenceSubject() + ")"
          + "|(?<vop>" + ThreePublicCategory.VEHICLE_OPERATION.sentenceSubject() + ")"
          + "|(?<rec>" + ThreePublicCategory.RECEPTION.sentenceSubject() + ")"
          + "|(?<unit>一般公共预算财政拨款支出|(?:部门|单位)(?=年初预算总额)|(?:部门|单位)整体支出)"
          + "|(?<proj>项目(?=全年预算|年初预算|预算数))"
          + "|(?<fn>(?<stem>" + FunctionClassNames.alternation() + ")(?<cls>支出\\(类\\)|\\(类\\)支出|支出|\\(类\\)))");

  /** Characters a subject can start with, so the subject pattern is only tried where it can match. */
  private static final boolean[] SUBJECT_START = new boolean[Character.MAX_VALUE + 1];

  static {
    for (char c : "“\"‘'三因公一部单项".toCharArray()) {
      SUBJECT_START[c] = true;
    }
    for (String stem : FunctionClassNames.alternation().split("\\|")) {
      SUBJECT_START[stem.charAt(0)] = true;
    }
  }

  private static final Pattern BUDGET_RATE = Patterns.compile("完成(?:年初|全年)?预算(?:数)?{AMT}的{PCT}");
  private static final Pattern BUDGET = Patterns.compile("(?:年初)?预算(?:数|总额)?(?:为|是|:)?{AMT}");
  /** The full-year budget: 全年预算数为…, 调整后预算为…, 调整预算数为… (not the adjustment itself, 预算调整数). */
  private static final Pattern BUDGET_ADJUSTED = Patterns.compile("(?:全年|调整后|调整)预算(?:数|总额)?(?:为|是|:)?{AMT}");
  /** Carry-over from earlier years that funds the year's spending: 年初结转…, 使用以前年度结转资金…, 上年结转资金…. */
  private static final Pattern CARRYOVER = Patterns.compile(
      "(?:年初结转(?:资金)?|(?:使用|动用)?(?:以前年度|上年)结转(?:资金)?)(?:为|是|:)?{AMT}");
  private static final Pattern ACTUAL = Patterns.compile("(?:(?:支出)?决算(?:数)?|执行数)(?:为|是|:)?{AMT}");
  private static final Pattern RATE = Patterns.compile("(?:完成(?:年初|全年)?预算(?:数)?的|预算执行率(?:为|是)?|执行率(?:为|是)?){PCT}");
  private static final Pattern ATTACHED = Patterns.compile(
      "(?:财政拨款)?(?:\\(类\\))?(?:支出)?(?:决算)?(?:数)?(?:为|是|:)?{AMT}(?:,占(?:比)?(?:为)?{PCT})?");

  private BudgetSentences() {}

  /**
   * The reading state across sentences: the item whose sentences are being read and how many sentences ago it was
   * named; the fiscal year of the document and the year the current part (under its heading) is about.
   */
  private static final class Carried {
    Subject item;
    int age;
    Integer fiscalYear;
    Integer sectionYear;
  }

  /** A year a sentence is about: not one it compares with (比2023年, 较2022年度), not a date (2024年6月). */
  private static final Pattern OWN_YEAR = Pattern.compile("(?<![比较与同至到\\d])(20\\d{2})年(?!\\d{1,2}月)");

  static void read(SourceText text, Figures figures) {
    read(text, figures, null);
  }

  /**
   * Reads every sentence. With the fiscal year known, a sentence about another year (next year's 三公 budget printed
   * beside this year's final account, a prior year's actual) states nothing about this year's figures: it is read
   * only when the year it names, or the year its part's heading names, is the fiscal year (or none).
   */
  static void read(SourceText text, Figures figures, Integer fiscalYear) {
    String flow = text.flow();
    int start = 0;
    Carried carried = new Carried();
    carried.fiscalYear = fiscalYear;
    while (start < flow.length()) {
      int end = flow.indexOf('。', start);
      end = end < 0 ? flow.length() : end + 1;
      sentence(text, figures, start, end, carried);
      start = end;
    }
    resolveItems(figures);
  }

  private static void sentence(SourceText text, Figures figures, int from, int to, Carried carried) {
    String flow = text.flow();
    if (HEADING.matcher(flow).region(from, to).lookingAt()) {
      carried.item = null;
      carried.sectionYear = ownYear(flow, from, to);
    }
    carried.age++;
    boolean amounts = mentionsAmount(flow, from, to);
    if (!amounts && flow.substring(from, to).indexOf("(款)") < 0) {
      return;
    }
    List<Subject> subjects = new ArrayList<>(4);
    Matcher s = SUBJECT.matcher(flow);
    for (int i = from; i < to; i++) {
      if (!SUBJECT_START[flow.charAt(i)]) {
        continue;
      }
      s.region(i, to);
      if (!s.lookingAt()) {
        continue;
      }
      Subject subject = subject(s, flow);
      if (subject != null) {
        subjects.add(subject);
      }
      i = (subject != null ? Math.max(subject.end(), s.end()) : s.end()) - 1;
    }
    boolean own = !subjects.isEmpty();
    if (!own) {
      if (carried.item == null || carried.age > ITEM_SENTENCES) {
        return;
      }
      subjects.add(carried.item.at(from - 1));
    } else {
      Subject last = subjects.get(subjects.size() - 1);
      carried.item = last.kind() == Kind.ITEM ? last : null;
      carried.age = 0;
    }
    if (!amounts) {
      return;
    }
    if (carried.fiscalYear != null) {
      Integer year = ownYear(flow, from, Math.max(from, subjects.get(0).start()));
      year = year != null ? year : carried.sectionYear;
      if (year != null && !year.equals(carried.fiscalYear)) {
        return;
      }
    }
    for (Subject subject : own ? subjects : List.<Subject>of()) {
      attached(text, figures, subject, to);
    }
    boolean[] used = new boolean[to - from];
    String sentence = flow.substring(from, to);
    if (sentence.contains("结转")) {
      clause(text, figures, subjects, CARRYOVER, from, to, used, CARRYOVER_FIELD, null);
    }
    if (sentence.contains("预算")) {
      clause(text, figures, subjects, BUDGET_RATE, from, to, used, "budget", "rate");
      clause(text, figures, subjects, BUDGET_ADJUSTED, from, to, used, ADJUSTED_FIELD, null);
      clause(text, figures, subjects, BUDGET, from, to, used, "budget", null);
    }
    if (sentence.contains("决算") || sentence.contains("执行数")) {
      clause(text, figures, subjects, ACTUAL, from, to, used, "actual", null);
    }
    if (sentence.indexOf('%') >= 0) {
      clause(text, figures, subjects, RATE, from, to, used, null, "rate");
    }
  }

  /** The first year a stretch of the text is about (see {@link #OWN_YEAR}), or null. */
  private static Integer ownYear(String flow, int from, int to) {
    Matcher m = OWN_YEAR.matcher(flow).region(from, to).useTransparentBounds(true);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static boolean mentionsAmount(String flow, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = flow.charAt(i);
      if (c == '元' || c == '%' || c == '万' && i == flow.length() - 1) {
        return true;
      }
    }
    return false;
  }

  private static Subject subject(Matcher s, String flow) {
    if (s.group("tp") != null) {
      return new Subject(Kind.THREE_PUBLIC, null, s.start(), s.end());
    }
    if (s.group("out") != null) {
      return new Subject(Kind.OUTBOUND, null, s.start(), s.end());
    }
    if (s.group("vboth") != null) {
      return new Subject(Kind.VEHICLE_BOTH, null, s.start(), s.end());
    }
    if (s.group("vpur") != null) {
      return new Subject(Kind.VEHICLE_PURCHASE, null, s.start(), s.end());
    }
    if (s.group("vop") != null) {
      return new Subject(Kind.VEHICLE_OPERATION, null, s.start(), s.end());
    }
    if (s.group("rec") != null) {
      return new Subject(Kind.RECEPTION, null, s.start(), s.end());
    }
    if (s.group("unit") != null) {
      return new Subject(Kind.UNIT, null, s.start(), s.end());
    }
    if (s.group("proj") != null) {
      return new Subject(Kind.PROJECT, null, s.start(), s.end());
    }
    String stem = s.group("stem");
    if (stem.equals("其他") && !s.group("cls").contains("类")) {
      return null;
    }
    if (s.group("cls").contains("类")) {
      Matcher item = ITEM_NAMES.matcher(flow).region(s.end(), s.regionEnd());
      if (item.lookingAt()) {
        return new Subject(Kind.ITEM, stem, s.start(), item.end(), item.group(1), item.group(2));
      }
    }
    return new Subject(Kind.FUNCTION, stem, s.start(), s.end());
  }

  /** "<subject>支出 B 万元，占 S%": the actual right after the subject. */
  private static void attached(SourceText text, Figures figures, Subject subject, int to) {
    if (subject.kind() == Kind.UNIT || subject.kind() == Kind.PROJECT) {
      return;
    }
    Matcher m = ATTACHED.matcher(text.flow()).region(subject.end(), to);
    if (!m.lookingAt()) {
      return;
    }
    Provenance p = text.provenance(subject.end(), m.end());
    BigDecimal actual = PrintedNumbers.tenThousandYuan(m.group(1), m.group(2));
    put(figures, subject, "actual", actual, p);
    if (subject.kind() == Kind.FUNCTION && m.group(3) != null && m.group(3).indexOf('-') < 0) {
      figures.add(functionPointer(subject.stem(), "share_pct"), PrintedNumbers.number(m.group(3)), p);
    }
  }

  private static void clause(SourceText text, Figures figures, List<Subject> subjects, Pattern p,
      int from, int to, boolean[] used, String amountField, String rateField) {
    Matcher m = p.matcher(text.flow()).region(from, to);
    while (m.find()) {
      if (used[m.start() - from] || used[m.end() - 1 - from]) {
        continue;
      }
      Subject subject = null;
      for (Subject s : subjects) {
        if (s.start() < m.start()) {
          subject = s;
        }
      }
      if (subject == null) {
        continue;
      }
      for (int i = m.start(); i < m.end(); i++) {
        used[i - from] = true;
      }
      Provenance prov = text.provenance(m.start(), m.end());
      int group = 1;
      if (amountField != null) {
        put(figures, subject, amountField, PrintedNumbers.tenThousandYuan(m.group(1), m.group(2)), prov);
        group = 3;
      }
      if (rateField != null) {
        put(figures, subject, rateField, PrintedNumbers.number(m.group(group)), prov);
      }
    }
  }

  private static final String ADJUSTED_FIELD = "budget_adjusted";
  private static final String CARRYOVER_FIELD = "budget_carryover";

  private static void put(Figures figures, Subject s, String field, BigDecimal value, Provenance p) {
    boolean phase = field.equals(ADJUSTED_FIELD) || field.equals(CARRYOVER_FIELD);
    if (phase && s.kind() != Kind.UNIT && s.kind() != Kind.FUNCTION && s.kind() != Kind.ITEM) {
      if (field.equals(ADJUSTED_FIELD)) {
        put(figures, s, "budget", value, p);  // a 三公 budget is one figure, whichever phase the sentence names
      }
      return;
    }
    switch (s.kind()) {
      case UNIT -> {
        switch (field) {
          case ADJUSTED_FIELD -> figures.add(Fields.BUDGET_ADJUSTED.pointer(), value, p);
          case CARRYOVER_FIELD -> figures.add(Fields.BUDGET_CARRYOVER.pointer(), value, p);
          case "budget" -> figures.add("/totals/budget_initial", value, p);
          case "actual" -> figures.add("/totals/actual_final", value, p);
          default -> figures.add("/totals/execution_rate_pct", value, p);
        }
      }
      case FUNCTION -> {
        figures.add(functionPointer(s.stem(), "name"), FunctionClassNames.name(s.stem()), p, true /* the tables' name first */);
        switch (field) {
          case ADJUSTED_FIELD, CARRYOVER_FIELD -> figures.add(functionPointer(s.stem(), field), value, p);
          case "budget" -> figures.add(functionPointer(s.stem(), "budget_initial"), value, p);
          case "actual" -> figures.add(functionPointer(s.stem(), "actual"), value, p);
          default -> figures.add(functionPointer(s.stem(), "execution_rate_pct"), value, p);
        }
      }
      case ITEM -> {
        String f = switch (field) {
          case ADJUSTED_FIELD, CARRYOVER_FIELD -> field;
          case "budget" -> "budget_initial";
          case "actual" -> "actual";
          default -> "execution_rate_pct";
        };
        figures.add(ITEM + FunctionClassNames.code(s.stem()) + "/" + key(s.group()) + "/"
            + (s.item() == null ? "" : key(s.item())) + "/" + f, value, p);
      }
      case THREE_PUBLIC -> category(figures, field, ThreePublicCategory.TOTAL, value, p);
      case OUTBOUND -> category(figures, field, ThreePublicCategory.OUTBOUND_TRAVEL, value, p);
      case VEHICLE_PURCHASE -> category(figures, field, ThreePublicCategory.VEHICLE_PURCHASE, value, p);
      case VEHICLE_OPERATION -> category(figures, field, ThreePublicCategory.VEHICLE_OPERATION, value, p);
      case RECEPTION -> category(figures, field, ThreePublicCategory.RECEPTION, value, p);
      case VEHICLE_BOTH -> {
        if (!field.equals("rate")) {
          figures.add(VEHICLE_BOTH + field, value, p);
          if (value.signum() == 0) {
            category(figures, field, ThreePublicCategory.VEHICLE_PURCHASE, value, p);
            category(figures, field, ThreePublicCategory.VEHICLE_OPERATION, value, p);
          }
        }
      }
      default -> { }
    }
  }

  private static void category(Figures figures, String field, ThreePublicCategory category, BigDecimal value,
      Provenance p) {
    ThreePublicSide side = ThreePublicSide.ofKey(field);
    if (side != null) {
      figures.add(Fields.threePublic(side, category).pointer(), value, p);
    }
  }

  /** A 款 or 项 name as the tables and the text both print it: no spaces, no slash, no trailing 支出. */
  private static String key(String name) {
    String k = name.replaceAll("[\\s/]", "").replace('（', '(').replace('）', ')');
    return k.endsWith("支出") && k.length() > 4 ? k.substring(0, k.length() - 2) : k;
  }

  /**
   * The 款 and 项 the text names by class, 款 and 项 name, given their codes from the names the tables print for the
   * lines of that class: the same name, or failing that the one name that starts the other (基本养老保险 and
   * 基本养老保险缴费支出). A statement about a line no table names, or names twice, is left out.
   */
  private static void resolveItems(Figures figures) {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    for (String pointer : figures.pointers("/functions/#")) {
      if (pointer.endsWith("/name") && figures.first(pointer) instanceof String name) {
        names.put(pointer.substring("/functions/#".length(), pointer.length() - "/name".length()), key(name));
      }
    }
    for (String pointer : figures.pointers(ITEM)) {
      String[] parts = pointer.substring(ITEM.length()).split("/", -1);
      String group = parts[0] == null ? null : match(names, parts[0], 5, parts[1]);
      String code = group == null || parts[2].isEmpty() ? group : match(names, group, 7, parts[2]);
      figures.move(pointer, code == null ? null : "/functions/#" + code + "/" + parts[3]);
    }
  }

  /** The one code of {@code length} digits under {@code parent} whose printed name is {@code name}, else null. */
  private static String match(java.util.Map<String, String> names, String parent, int length, String name) {
    List<String> same = new ArrayList<>();
    List<String> prefixed = new ArrayList<>();
    for (var e : names.entrySet()) {
      String code = e.getKey();
      if (code.length() != length || !code.startsWith(parent)) {
        continue;
      }
      String printed = e.getValue();
      if (printed.equals(name)) {
        same.add(code);
      } else if (Math.min(printed.length(), name.length()) >= 4 && (printed.startsWith(name) || name.startsWith(printed))) {
        prefixed.add(code);
      }
    }
    return same.size() == 1 ? same.get(0) : same.isEmpty() && prefixed.size() == 1 ? prefixed.get(0) : null;
  }

  /** Functions are keyed by class code until the assembler numbers them in order of appearance. */
  static String functionPointer(String stem, String field) {
    return "/functions/#" + FunctionClassNames.code(stem) + "/" + field;
  }
}
