package org.guardian.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The FEEL unary tests of a DMN input entry, in the common forms a policy team writes: {@code -}
 * (any value), literals ({@code true}, {@code "LEFT_BEHIND"}, {@code 3}, {@code
 * date("2024-01-01")}), lists ({@code "a","b"}), comparisons ({@code < 5}, {@code >= 10}), ranges
 * ({@code [1..5]}, {@code ]1..5[}, {@code (1..5)}) and {@code not(...)} of any of those. Anything
 * else (variables, functions, {@code null}, {@code ?}) is {@link Unanalysable}: the analysis says
 * so instead of guessing.
 */
final class UnaryTests {

  private UnaryTests() {}

  /** A parsed input entry. */
  sealed interface Entry permits Any, Tests, Unanalysable {}

  /** {@code -} or empty: matches every value. */
  record Any() implements Entry {}

  /** A list of tests (a value matches when one test does), or {@code not(...)} of such a list. */
  record Tests(boolean negated, List<Test> tests) implements Entry {}

  /** An entry the analysis cannot read. */
  record Unanalysable(String reason) implements Entry {}

  /** One positive test. */
  sealed interface Test permits BooleanIs, StringIs, Compare, Range {}

  record BooleanIs(boolean value) implements Test {}

  record StringIs(String value) implements Test {}

  /** {@code = v}, {@code < v}, {@code <= v}, {@code > v}, {@code >= v} on a number or a date. */
  record Compare(String op, Value value) implements Test {}

  /** A range with open or closed ends. */
  record Range(Value low, boolean lowClosed, Value high, boolean highClosed) implements Test {}

  /** A number, or a date as its epoch day. */
  record Value(BigDecimal number, boolean date) {
    @Override
    public String toString() {
      return date ? "date(\"" + LocalDate.ofEpochDay(number.longValueExact()) + "\")"
          : number.stripTrailingZeros().toPlainString();
    }
  }

  static Entry parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty() || t.equals("-")) {
      return new Any();
    }
    try {
      Parser p = new Parser(tokenize(t));
      Entry entry = p.entry();
      if (!p.atEnd()) {
        return new Unanalysable("无法分析的条件：" + t);
      }
      return entry;
    } catch (IllegalArgumentException e) {
      return new Unanalysable("无法分析的条件：" + t);
    }
  }

  // --- tokens

  private record Token(String kind, String text) {}

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"') {
          if (s.charAt(j) == '\\' && j + 1 < s.length()) {
            j++;
          }
          b.append(s.charAt(j));
          j++;
        }
        if (j >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        out.add(new Token("string", b.toString()));
        i = j + 1;
      } else if (Character.isDigit(c)
          || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i + 1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        if (j + 1 < s.length() && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
          j++;
          while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
          }
        }
        out.add(new Token("number", s.substring(i, j)));
        i = j;
      } else if (Character.isLetter(c)) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token("name", s.substring(i, j)));
        i = j;
      } else if (s.startsWith("..", i)) {
        out.add(new Token("..", ".."));
        i += 2;
      } else if (s.startsWith("<=", i) || s.startsWith(">=", i) || s.startsWith("!=", i)) {
        out.add(new Token(s.substring(i, i + 2), s.substring(i, i + 2)));
        i += 2;
      } else if ("<>=()[],".indexOf(c) >= 0) {
        out.add(new Token(String.valueOf(c), String.valueOf(c)));
        i++;
      } else {
        throw new IllegalArgumentException("unexpected " + c);
      }
    }
    return out;
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return pos >= tokens.size();
    }

    private Token peek() {
      return atEnd() ? new Token("end", "") : tokens.get(pos);
    }

    private Token next() {
      Token t = peek();
      pos++;
      return t;
    }

    private void expect(String kind) {
      if (!next().kind().equals(kind)) {
        throw new IllegalArgumentException("expected " + kind);
      }
    }

    Entry entry() {
      if (peek().kind().equals("name") && peek().text().equals("not")) {
        next();
        expect("(");
        List<Test> tests = list();
        expect(")");
        return new Tests(true, tests);
      }
      return new Tests(false, list());
    }

    private List<Test> list() {
      List<Test> tests = new ArrayList<>();
      tests.add(test());
      while (peek().kind().equals(",")) {
        next();
        tests.add(test());
      }
      return tests;
    }

    private Test test() {
      Token t = peek();
      switch (t.kind()) {
        case "<", "<=", ">", ">=", "=" -> {
          next();
          return new Compare(t.kind(), value());
        }
        case "[", "(", "]" -> {
          next();
          boolean lowClosed = t.kind().equals("[");
          Value low = value();
          expect("..");
          Value high = value();
          Token close = next();
          boolean highClosed;
          switch (close.kind()) {
            case "]" -> highClosed = true;
            case ")", "[" -> highClosed = false;
            default -> throw new IllegalArgumentException("range end");
          }
          if (low.date() != high.date()) {
            throw new IllegalArgumentException("mixed range");
          }
          return new Range(low, lowClosed, high, highClosed);
        }
        case "string" -> {
          next();
          return new StringIs(t.text());
        }
        case "name" -> {
          if (t.text().equals("true") || t.text().equals("false")) {
            next();
            return new BooleanIs(Boolean.parseBoolean(t.text()));
          }
          return new Compare("=", value());
        }
        case "number" -> {
          return new Compare("=", value());
        }
        default -> throw new IllegalArgumentException("unexpected " + t.kind());
      }
    }

    private Value value() {
      Token t = next();
      if (t.kind().equals("number")) {
        return new Value(new BigDecimal(t.text()), false);
      }
      if (t.kind().equals("name") && t.text().equals("date")) {
        expect("(");
        Token s = next();
        expect(")");
        if (!s.kind().equals("string")) {
          throw new IllegalArgumentException("date");
        }
        try {
          return new Value(BigDecimal.valueOf(LocalDate.parse(s.text()).toEpochDay()), true);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("date", e);
        }
      }
      throw new IllegalArgumentException("value expected");
    }
  }
}
