package org.guardian.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.guardian.policy.UnaryTests.Any;
import org.guardian.policy.UnaryTests.BooleanIs;
import org.guardian.policy.UnaryTests.Compare;
import org.guardian.policy.UnaryTests.Entry;
import org.guardian.policy.UnaryTests.Range;
import org.guardian.policy.UnaryTests.StringIs;
import org.guardian.policy.UnaryTests.Test;
import org.guardian.policy.UnaryTests.Tests;
import org.guardian.policy.UnaryTests.Unanalysable;

/**
 * Overlaps and gaps of a DMN decision table, computed exactly for the entries {@link UnaryTests}
 * can read.
 *
 * <p>How: each input column's values are cut into "atoms", the coarsest pieces on which every
 * entry of the column is either true or false (for numbers: the points named by the entries and
 * the open intervals between them; for strings: each named string and "any other string", or the
 * declared input values; for booleans: true and false). A rule is then a box, one set of atoms per
 * column, and
 *
 * <ul>
 *   <li>two rules overlap exactly when their boxes intersect in every column;
 *   <li>the gaps are what is left of the whole space after every rule's box is subtracted.
 * </ul>
 *
 * Integer and date columns keep only atoms that contain a whole number, so {@code <= 4} and
 * {@code >= 5} leave no gap on an {@code integer} input, but do on a {@code double} one. Inputs are
 * assumed not to be null. A rule with an entry that cannot be read is left out of both checks, and
 * the analysis says so (a warning, and gap findings become warnings too, since that rule might fill
 * them).
 */
final class DecisionTableAnalysis {

  /** Maximum number of uncovered boxes kept while looking for gaps. */
  static final int MAX_BOXES = 20_000;
  static final int MAX_REPORTED = 5;

  /** An input column: a name for messages, its typeRef and declared input values (or null). */
  record Column(String name, String typeRef, String inputValues) {}

  /** A rule: its 1-based position, id, input entry texts (null language = FEEL), outputs. */
  record Rule(int position, String id, List<String> inputs, List<String> languages,
      List<String> outputs) {}

  /** What the analysis found. */
  record Result(List<Overlap> overlaps, List<Gap> gaps, List<Note> notes,
      boolean gapsUncertain) {}

  record Overlap(Rule first, Rule second, String example) {}

  record Gap(String description) {}

  /** An entry or a column that could not be analysed. */
  record Note(String elementId, String message) {}

  enum Kind { BOOLEAN, INTEGER, REAL, STRING, DATE }

  private DecisionTableAnalysis() {}

  static Result analyse(List<Column> columns, List<Rule> rules, boolean checkOverlaps,
      boolean outputsMustAgree, boolean checkGaps) {
    List<Note> notes = new ArrayList<>();
    int n = columns.size();
    Entry[][] entries = new Entry[rules.size()][n];
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      for (int c = 0; c < n; c++) {
        String text = c < rule.inputs().size() ? rule.inputs().get(c) : "-";
        String language = c < rule.languages().size() ? rule.languages().get(c) : null;
        entries[r][c] = language == null || language.isBlank()
            || language.toLowerCase(Locale.ROOT).startsWith("feel")
            || language.toLowerCase(Locale.ROOT).contains("feel")
            ? UnaryTests.parse(text)
            : new Unanalysable("表达式语言 " + language + " 的条件无法分析：" + text);
      }
    }
    Domain[] domains = new Domain[n];
    for (int c = 0; c < n; c++) {
      domains[c] = Domain.of(columns.get(c), column(entries, c));
    }
    // each rule as a box; null when one of its entries cannot be analysed
    List<BitSet[]> boxes = new ArrayList<>();
    List<Rule> analysed = new ArrayList<>();
    boolean uncertain = false;
    for (int r = 0; r < rules.size(); r++) {
      BitSet[] box = new BitSet[n];
      boolean ok = true;
      for (int c = 0; c < n; c++) {
        Entry e = entries[r][c];
        String problem = e instanceof Unanalysable u ? u.reason() : domains[c].problem(e);
        if (problem != null) {
          ok = false;
          notes.add(new Note(rules.get(r).id(), "规则 " + rules.get(r).position() + " 的输入「"
              + columns.get(c).name() + "」" + problem + "；该规则未参与重叠和缺口检查"));
          break;
        }
        box[c] = domains[c].atomsOf(e);
      }
      if (ok) {
        boxes.add(box);
        analysed.add(rules.get(r));
      } else {
        uncertain = true;
      }
    }
    List<Overlap> overlaps = new ArrayList<>();
    if (checkOverlaps) {
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) {
          BitSet[] common = intersection(boxes.get(i), boxes.get(j));
          if (common == null) {
            continue;
          }
          if (outputsMustAgree && normalised(analysed.get(i).outputs())
              .equals(normalised(analysed.get(j).outputs()))) {
            continue;
          }
          overlaps.add(new Overlap(analysed.get(i), analysed.get(j),
              describe(columns, domains, common, true)));
        }
      }
    }
    List<Gap> gaps = new ArrayList<>();
    if (checkGaps) {
      BitSet[] all = new BitSet[n];
      for (int c = 0; c < n; c++) {
        all[c] = domains[c].all();
      }
      List<BitSet[]> remaining = new ArrayList<>();
      remaining.add(all);
      boolean tooComplex = false;
      for (BitSet[] rule : boxes) {
        List<BitSet[]> next = new ArrayList<>();
        for (BitSet[] box : remaining) {
          if (intersection(box, rule) == null) {
            next.add(box);
            continue;
          }
          BitSet[] current = copy(box);
          for (int c = 0; c < n; c++) {
            BitSet outside = (BitSet) current[c].clone();
            outside.andNot(rule[c]);
            if (!outside.isEmpty()) {
              BitSet[] piece = copy(current);
              piece[c] = outside;
              next.add(piece);
            }
            current[c].and(rule[c]);
          }
        }
        remaining = next;
        if (remaining.size() > MAX_BOXES) {
          tooComplex = true;
          break;
        }
      }
      if (tooComplex) {
        notes.add(new Note(null, "规则组合过多，未完成缺口检查"));
      } else {
        for (BitSet[] box : merge(remaining)) {
          gaps.add(new Gap(describe(columns, domains, box, false)));
        }
      }
    }
    return new Result(overlaps, gaps, notes, uncertain);
  }

  /**
   * Joins boxes that differ in one column only (the subtraction cuts one uncovered region into
   * several boxes), until no two can be joined, so that each gap is reported once.
   */
  private static List<BitSet[]> merge(List<BitSet[]> boxes) {
    List<BitSet[]> out = new ArrayList<>(boxes);
    boolean changed = true;
    while (changed && out.size() > 1 && out.size() < 2_000) {
      changed = false;
      search:
      for (int i = 0; i < out.size(); i++) {
        for (int j = i + 1; j < out.size(); j++) {
          int differing = -1;
          boolean joinable = true;
          for (int c = 0; c < out.get(i).length; c++) {
            if (!out.get(i)[c].equals(out.get(j)[c])) {
              if (differing >= 0) {
                joinable = false;
                break;
              }
              differing = c;
            }
          }
          if (joinable) {
            BitSet[] joined = copy(out.get(i));
            if (differing >= 0) {
              joined[differing].or(out.get(j)[differing]);
            }
            out.remove(j);
            out.set(i, joined);
            changed = true;
            break search;
          }
        }
      }
    }
    return out;
  }

  private static List<Entry> column(Entry[][] entries, int c) {
    List<Entry> out = new ArrayList<>();
    for (Entry[] row : entries) {
      out.add(row[c]);
    }
    return out;
  }

  private static List<String> normalised(List<String> outputs) {
    return outputs.stream().map(s -> s == null ? "" : s.trim()).toList();
  }

  private static BitSet[] intersection(BitSet[] a, BitSet[] b) {
    BitSet[] out = new BitSet[a.length];
    for (int c = 0; c < a.length; c++) {
      out[c] = (BitSet) a[c].clone();
      out[c].and(b[c]);
      if (out[c].isEmpty()) {
        return null;
      }
    }
    return out;
  }

  private static BitSet[] copy(BitSet[] box) {
    BitSet[] out = new BitSet[box.length];
    for (int c = 0; c < box.length; c++) {
      out[c] = (BitSet) box[c].clone();
    }
    return out;
  }

  /**
   * A box in words: {@code isLeftBehind=false, age<16}. An example takes one value per column; a
   * gap names every column that is not "any value".
   */
  private static String describe(List<Column> columns, Domain[] domains, BitSet[] box,
      boolean example) {
    List<String> parts = new ArrayList<>();
    for (int c = 0; c < box.length; c++) {
      if (!example && box[c].equals(domains[c].all())) {
        continue;
      }
      String name = columns.get(c).name();
      if (example) {
        parts.add(domains[c].describe(name, box[c].nextSetBit(0)));
      } else {
        List<String> alternatives = domains[c].describeSet(name, box[c]);
        parts.add(alternatives.size() == 1 ? alternatives.get(0)
            : "(" + String.join(" 或 ", alternatives) + ")");
      }
    }
    return parts.isEmpty() ? "任何输入" : String.join(", ", parts);
  }

  /** The atoms of one column. */
  private static final class Domain {
    final Kind kind;
    final String problem;
    /** BOOLEAN: Boolean; STRING: String or null for "any other"; numbers: Interval. */
    final List<Object> atoms = new ArrayList<>();

    private Domain(Kind kind, String problem) {
      this.kind = kind;
      this.problem = problem;
    }

    static Domain of(Column column, List<Entry> entries) {
      Kind kind = kindOf(column.typeRef(), entries);
      if (kind == null) {
        return new Domain(null, "的类型无法确定（请在输入上设置 typeRef）");
      }
      Domain d = new Domain(kind, null);
      switch (kind) {
        case BOOLEAN -> {
          d.atoms.add(Boolean.TRUE);
          d.atoms.add(Boolean.FALSE);
        }
        case STRING -> {
          TreeSet<String> values = new TreeSet<>();
          boolean closed = false;
          if (column.inputValues() != null && !column.inputValues().isBlank()) {
            Entry declared = UnaryTests.parse(column.inputValues());
            if (declared instanceof Tests t && !t.negated()
                && t.tests().stream().allMatch(x -> x instanceof StringIs)) {
              t.tests().forEach(x -> values.add(((StringIs) x).value()));
              closed = true;
            }
          }
          if (!closed) {
            for (Entry e : entries) {
              if (e instanceof Tests t) {
                t.tests().stream().filter(x -> x instanceof StringIs)
                    .forEach(x -> values.add(((StringIs) x).value()));
              }
            }
          }
          d.atoms.addAll(values);
          if (!closed) {
            d.atoms.add(null);
          }
        }
        default -> {
          TreeSet<BigDecimal> points = new TreeSet<>();
          for (Entry e : entries) {
            if (e instanceof Tests t) {
              for (Test x : t.tests()) {
                if (x instanceof Compare cmp) {
                  points.add(cmp.value().number());
                } else if (x instanceof Range r) {
                  points.add(r.low().number());
                  points.add(r.high().number());
                }
              }
            }
          }
          BigDecimal previous = null;
          for (BigDecimal p : points) {
            d.addInterval(new Interval(previous, p, false));
            d.addInterval(new Interval(p, p, true));
            previous = p;
          }
          d.addInterval(new Interval(previous, null, false));
        }
      }
      return d;
    }

    private static Kind kindOf(String typeRef, List<Entry> entries) {
      if (typeRef != null) {
        switch (typeRef.trim().toLowerCase(Locale.ROOT)) {
          case "boolean":
            return Kind.BOOLEAN;
          case "integer", "long":
            return Kind.INTEGER;
          case "double", "number":
            return Kind.REAL;
          case "string":
            return Kind.STRING;
          case "date":
            return Kind.DATE;
          default:
            break;
        }
      }
      Kind found = null;
      for (Entry e : entries) {
        if (!(e instanceof Tests t)) {
          continue;
        }
        for (Test x : t.tests()) {
          Kind k;
          if (x instanceof BooleanIs) {
            k = Kind.BOOLEAN;
          } else if (x instanceof StringIs) {
            k = Kind.STRING;
          } else {
            UnaryTests.Value v = x instanceof Compare cmp ? cmp.value() : ((Range) x).low();
            k = v.date() ? Kind.DATE : Kind.REAL;
          }
          if (found != null && found != k) {
            return null;
          }
          found = k;
        }
      }
      return found == null ? Kind.STRING : found;
    }

    private void addInterval(Interval interval) {
      if (kind == Kind.INTEGER || kind == Kind.DATE) {
        if (interval.wholeNumber() == null) {
          return;
        }
      }
      atoms.add(interval);
    }

    BitSet all() {
      BitSet b = new BitSet();
      b.set(0, atoms.size());
      return b;
    }

    /** Why an entry does not fit this column, or null when it does. */
    String problem(Entry e) {
      if (problem != null) {
        return problem;
      }
      if (!(e instanceof Tests t)) {
        return null;
      }
      for (Test x : t.tests()) {
        boolean fits = switch (kind) {
          case BOOLEAN -> x instanceof BooleanIs;
          case STRING -> x instanceof StringIs;
          case INTEGER, REAL -> (x instanceof Compare c && !c.value().date())
              || (x instanceof Range r && !r.low().date());
          case DATE -> (x instanceof Compare c && c.value().date())
              || (x instanceof Range r && r.low().date());
        };
        if (!fits) {
          return "的条件与输入类型（" + kind.name().toLowerCase(Locale.ROOT) + "）不符";
        }
        if (kind == Kind.STRING && !atoms.contains(((StringIs) x).value())) {
          return "的值 \"" + ((StringIs) x).value() + "\" 不在声明的输入值中";
        }
      }
      return null;
    }

    BitSet atomsOf(Entry e) {
      if (e instanceof Any) {
        return all();
      }
      Tests t = (Tests) e;
      BitSet b = new BitSet();
      for (int a = 0; a < atoms.size(); a++) {
        boolean matched = false;
        for (Test x : t.tests()) {
          if (matches(x, atoms.get(a))) {
            matched = true;
            break;
          }
        }
        if (matched != t.negated()) {
          b.set(a);
        }
      }
      return b;
    }

    private boolean matches(Test test, Object atom) {
      if (test instanceof BooleanIs bool) {
        return atom.equals(bool.value());
      }
      if (test instanceof StringIs s) {
        return s.value().equals(atom);
      }
      BigDecimal v = ((Interval) atom).representative(kind == Kind.INTEGER || kind == Kind.DATE);
      if (test instanceof Compare cmp) {
        int c = v.compareTo(cmp.value().number());
        return switch (cmp.op()) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          case ">=" -> c >= 0;
          default -> c == 0;
        };
      }
      Range r = (Range) test;
      int lo = v.compareTo(r.low().number());
      int hi = v.compareTo(r.high().number());
      return (r.lowClosed() ? lo >= 0 : lo > 0) && (r.highClosed() ? hi <= 0 : hi < 0);
    }

    /** A set of atoms in words; runs of neighbouring numeric atoms as one interval. */
    List<String> describeSet(String name, BitSet set) {
      List<String> out = new ArrayList<>();
      if (kind == Kind.BOOLEAN || kind == Kind.STRING) {
        for (int a = set.nextSetBit(0); a >= 0; a = set.nextSetBit(a + 1)) {
          out.add(describe(name, a));
        }
        return out;
      }
      int a = set.nextSetBit(0);
      while (a >= 0) {
        int end = set.nextClearBit(a) - 1;
        Interval first = (Interval) atoms.get(a);
        Interval last = (Interval) atoms.get(end);
        out.add(Interval.describeRun(name, kind, first, last));
        a = set.nextSetBit(end + 1);
      }
      return out;
    }

    String describe(String name, int atom) {
      Object a = atoms.get(atom);
      return switch (kind) {
        case BOOLEAN -> name + "=" + a;
        case STRING -> a == null ? name + "=其他值" : name + "=\"" + a + "\"";
        default -> ((Interval) a).describe(name, kind);
      };
    }
  }

  /** A point ({@code point}) or the open interval between two points (null = infinite). */
  private record Interval(BigDecimal low, BigDecimal high, boolean point) {

    /** A whole number inside, or null when there is none. */
    BigDecimal wholeNumber() {
      if (point) {
        return low.stripTrailingZeros().scale() <= 0 ? low : null;
      }
      if (low == null && high == null) {
        return BigDecimal.ZERO;
      }
      if (low == null) {
        return high.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
      }
      BigDecimal k = low.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
      return high == null || k.compareTo(high) < 0 ? k : null;
    }

    BigDecimal representative(boolean whole) {
      if (whole) {
        return wholeNumber();
      }
      if (point) {
        return low;
      }
      if (low == null && high == null) {
        return BigDecimal.ZERO;
      }
      if (low == null) {
        return high.subtract(BigDecimal.ONE);
      }
      if (high == null) {
        return low.add(BigDecimal.ONE);
      }
      return low.add(high).divide(BigDecimal.valueOf(2));
    }

    String describe(String name, Kind kind) {
      boolean whole = kind == Kind.INTEGER || kind == Kind.DATE;
      if (point) {
        return name + "=" + text(low, kind);
      }
      if (whole) {
        BigDecimal first = low == null ? null
            : low.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        BigDecimal last = high == null ? null
            : high.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
        if (first != null && last != null) {
          return first.compareTo(last) == 0 ? name + "=" + text(first, kind)
              : name + "∈[" + text(first, kind) + ".." + text(last, kind) + "]";
        }
        if (first == null && last == null) {
          return name + "=任意值";
        }
        return first == null ? name + "<=" + text(last, kind) : name + ">=" + text(first, kind);
      }
      if (low == null && high == null) {
        return name + "=任意值";
      }
      if (low == null) {
        return name + "<" + text(high, kind);
      }
      if (high == null) {
        return name + ">" + text(low, kind);
      }
      return name + "∈]" + text(low, kind) + ".." + text(high, kind) + "[";
    }

    /** From the start of {@code first} to the end of {@code last}. */
    static String describeRun(String name, Kind kind, Interval first, Interval last) {
      if (first == last) {
        return first.describe(name, kind);
      }
      boolean whole = kind == Kind.INTEGER || kind == Kind.DATE;
      BigDecimal low = first.low();
      boolean lowClosed = first.point();
      BigDecimal high = last.point() ? last.low() : last.high();
      boolean highClosed = last.point();
      if (whole) {
        BigDecimal from = low == null ? null
            : lowClosed ? low : low.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        BigDecimal to = high == null ? null
            : highClosed ? high : high.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
        if (from == null && to == null) {
          return name + "=任意值";
        }
        if (from == null) {
          return name + "<=" + text(to, kind);
        }
        if (to == null) {
          return name + ">=" + text(from, kind);
        }
        return from.compareTo(to) == 0 ? name + "=" + text(from, kind)
            : name + "∈[" + text(from, kind) + ".." + text(to, kind) + "]";
      }
      if (low == null && high == null) {
        return name + "=任意值";
      }
      if (low == null) {
        return name + (highClosed ? "<=" : "<") + text(high, kind);
      }
      if (high == null) {
        return name + (lowClosed ? ">=" : ">") + text(low, kind);
      }
      return name + "∈" + (lowClosed ? "[" : "]") + text(low, kind) + ".." + text(high, kind)
          + (highClosed ? "]" : "[");
    }

    private static String text(BigDecimal v, Kind kind) {
      return kind == Kind.DATE ? "date(\"" + LocalDate.ofEpochDay(v.longValueExact()) + "\")"
          : v.stripTrailingZeros().toPlainString();
    }
  }
}
