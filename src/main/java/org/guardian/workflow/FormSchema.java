package org.guardian.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.guardian.common.FieldProblem;

/**
 * The fields a Camunda Form declares and the rules it puts on them (required, min/max, length,
 * pattern, the values of a select or radio group), checked on the server against a submission, since
 * Camunda Forms validate only in the browser. Fields shown only under a condition are checked for
 * type and range, but not for presence (a rule bean checks conditional presence).
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The longest text a field may hold when its form declares no {@code maxLength}: the engine keeps
   * a text variable in a 4000-character column, so a longer one would fail as a server error.
   */
  static final int MAX_TEXT = 4000;

  private final String formId;
  private final List<Field> fields;

  private FormSchema(String formId, List<Field> fields) {
    this.formId = formId;
    this.fields = fields;
  }

  /** A field of the form. */
  record Field(String key, String label, String type, boolean required, boolean conditional,
      Double min, Double max, Integer minLength, Integer maxLength, Pattern pattern,
      List<String> values) {}

  public static FormSchema parse(InputStream json) throws IOException {
    JsonNode root = JSON.readTree(json);
    List<Field> fields = new ArrayList<>();
    collect(root.path("components"), false, fields);
    return new FormSchema(root.path("id").asText(null), List.copyOf(fields));
  }

  private static void collect(JsonNode components, boolean underCondition, List<Field> out) {
    for (JsonNode c : components) {
      boolean conditional = underCondition || c.hasNonNull("conditional");
      if (c.hasNonNull("key")) {
        JsonNode v = c.path("validate");
        List<String> values = new ArrayList<>();
        c.path("values").forEach(o -> values.add(o.path("value").asText()));
        Pattern pattern = null;
        if (v.hasNonNull("pattern")) {
          try {
            pattern = Pattern.compile(v.get("pattern").asText());
          } catch (PatternSyntaxException e) {
            pattern = null;
          }
        }
        out.add(new Field(c.get("key").asText(), c.path("label").asText(c.get("key").asText()),
            c.path("type").asText(), v.path("required").asBoolean(false), conditional,
            v.hasNonNull("min") ? v.get("min").asDouble() : null,
            v.hasNonNull("max") ? v.get("max").asDouble() : null,
            v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
            v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
            pattern, List.copyOf(values)));
      }
      if (c.has("components")) {
        collect(c.get("components"), conditional, out);
      }
    }
  }

  public String formId() {
    return formId;
  }

  /** The keys of the fields the form declares. */
  /** Whether the field holds a list of chosen values (checklist, taglist). */
  public boolean isListField(String key) {
    return fields.stream().anyMatch(f -> f.key().equals(key)
        && ("checklist".equals(f.type()) || "taglist".equals(f.type())));
  }

  public List<String> keys() {
    return fields.stream().map(Field::key).toList();
  }

  /** The problems of a submission against the form's declared rules. */
  public List<FieldProblem> check(Map<String, Object> variables) {
    List<FieldProblem> problems = new ArrayList<>();
    for (Field f : fields) {
      Object value = variables.get(f.key());
      if (isEmpty(value)) {
        if (f.required() && !f.conditional()) {
          problems.add(new FieldProblem(f.key(), f.label() + "：必填"));
        }
        continue;
      }
      String problem = checkValue(f, value);
      if (problem != null) {
        problems.add(new FieldProblem(f.key(), f.label() + "：" + problem));
      }
    }
    return problems;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  private static String checkValue(Field f, Object value) {
    switch (f.type()) {
      case "number" -> {
        Double n = number(value);
        if (n == null) {
          return "应为数字";
        }
        if (f.min() != null && n < f.min()) {
          return "不能小于" + plain(f.min());
        }
        if (f.max() != null && n > f.max()) {
          return "不能大于" + plain(f.max());
        }
        return null;
      }
      case "checkbox" -> {
        return value instanceof Boolean ? null : "应为是或否";
      }
      case "radio", "select" -> {
        if (!f.values().isEmpty() && !f.values().contains(String.valueOf(value))) {
          return "不是可选的值";
        }
        return null;
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> items)) {
          return "应为选项列表";
        }
        if (!f.values().isEmpty()) {
          for (Object item : items) {
            if (!f.values().contains(String.valueOf(item))) {
              return "含有不可选的值";
            }
          }
        }
        return null;
      }
      case "datetime" -> {
        if (value instanceof java.util.Date) {
          return null;
        }
        try {
          LocalDate.parse(String.valueOf(value).substring(0, Math.min(10,
              String.valueOf(value).length())));
          return null;
        } catch (DateTimeParseException e) {
          return "应为日期（YYYY-MM-DD）";
        }
      }
      default -> {
        if (!(value instanceof String s)) {
          return "应为文本";
        }
        if (f.minLength() != null && s.trim().length() < f.minLength()) {
          return "至少" + f.minLength() + "个字";
        }
        if (s.indexOf('\u0000') >= 0) {
          return "含有不允许的字符"; // PostgreSQL cannot store a NUL character
        }
        int maxLength = f.maxLength() != null ? f.maxLength() : MAX_TEXT;
        if (s.length() > maxLength) {
          return "不能超过" + maxLength + "个字";
        }
        if (f.pattern() != null && !f.pattern().matcher(s).matches()) {
          return "格式不正确";
        }
        return null;
      }
    }
  }

  private static Double number(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    return null;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
