package org.guardian.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small reader of JUEL expressions ({@code ${reviewDecision == 'approved'}}) as Camunda
 * evaluates them in conditions and candidate groups: the free identifiers (process variables or
 * beans) and the string literals. Identifiers after a dot (properties, methods), function names,
 * keywords and the engine's built-in names are not free.
 */
final class Expressions {

  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt",
      "le", "ge", "true", "false", "null", "empty", "div", "mod", "instanceof");
  /** Names the engine provides in every expression. */
  static final Set<String> BUILT_INS = Set.of("execution", "task", "authenticatedUserId",
      "variableScope", "externalTask", "caseExecution");

  private Expressions() {}

  /** True when the text is one expression {@code ${...}} or {@code #{...}} and nothing else. */
  static boolean isExpression(String text) {
    if (text == null) {
      return false;
    }
    String t = text.trim();
    return (t.startsWith("${") || t.startsWith("#{")) && t.endsWith("}")
        && t.indexOf('}') == t.length() - 1;
  }

  /** True when the text contains an expression anywhere. */
  static boolean containsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** The free identifiers of every expression in the text, in order of appearance. */
  static Set<String> freeIdentifiers(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String body : bodies(text)) {
      scan(body, out, null);
    }
    return out;
  }

  /** The string literals of every expression in the text. */
  static List<String> stringLiterals(String text) {
    List<String> out = new ArrayList<>();
    for (String body : bodies(text)) {
      scan(body, null, out);
    }
    return out;
  }

  private static List<String> bodies(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int i = 0;
    while (i < text.length()) {
      int start = indexOfStart(text, i);
      if (start < 0) {
        break;
      }
      int depth = 0;
      int j = start + 2;
      char quote = 0;
      for (; j < text.length(); j++) {
        char c = text.charAt(j);
        if (quote != 0) {
          if (c == '\\') {
            j++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '{') {
          depth++;
        } else if (c == '}') {
          if (depth == 0) {
            break;
          }
          depth--;
        }
      }
      out.add(text.substring(start + 2, Math.min(j, text.length())));
      i = j + 1;
    }
    return out;
  }

  private static int indexOfStart(String text, int from) {
    int a = text.indexOf("${", from);
    int b = text.indexOf("#{", from);
    if (a < 0) {
      return b;
    }
    if (b < 0) {
      return a;
    }
    return Math.min(a, b);
  }

  private static void scan(String body, Set<String> identifiers, List<String> literals) {
    int i = 0;
    char previous = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\'' || c == '"') {
        StringBuilder s = new StringBuilder();
        int j = i + 1;
        while (j < body.length() && body.charAt(j) != c) {
          if (body.charAt(j) == '\\' && j + 1 < body.length()) {
            j++;
          }
          s.append(body.charAt(j));
          j++;
        }
        if (literals != null) {
          literals.add(s.toString());
        }
        i = j + 1;
        previous = c;
        continue;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int j = i;
        while (j < body.length() && Character.isJavaIdentifierPart(body.charAt(j))) {
          j++;
        }
        String name = body.substring(i, j);
        int k = j;
        while (k < body.length() && Character.isWhitespace(body.charAt(k))) {
          k++;
        }
        boolean call = k < body.length() && (body.charAt(k) == '(' || body.charAt(k) == ':');
        boolean member = previous == '.' || previous == ':';
        if (identifiers != null && !member && !call && !KEYWORDS.contains(name)
            && !BUILT_INS.contains(name)) {
          identifiers.add(name);
        }
        i = j;
        previous = 'a';
        continue;
      }
      if (Character.isDigit(c)) {
        int j = i;
        while (j < body.length()
            && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '.')) {
          j++;
        }
        i = j;
        previous = '0';
        continue;
      }
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
      i++;
    }
  }
}
