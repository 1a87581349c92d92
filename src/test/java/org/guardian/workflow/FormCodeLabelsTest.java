package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Caseworkers read Chinese, not codes. A variable "holds a code" when a form lets someone pick it
 * from a select, radio group or checklist, when a decision table declares its output values, or
 * when a multi-instance iterates over such a list (the element variable). Such a variable may be
 * shown in a task form only through a component that labels its values (a readonly select or
 * radio group whose values cover every code, each with a Chinese label), never as template text.
 * Nor are ISO-8601 periods and timer dates shown raw: the process sets a Chinese text beside them.
 */
class FormCodeLabelsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  /**
   * Variables that hold a machine format (an ISO-8601 period, or a Date kept for a timer or a due
   * date) that a form must show through its {@code <name>Label} text instead.
   */
  static final Set<String> MACHINE_FORMATS = Set.of("visitInterval", "secondEscalationAfter",
      "triageWithin", "escalateAgainAfter", "referralDue", "courtRulingDue",
      "protectionRenewalDue", "visitDueDate", "visitSecondDeadline", "phoneContactDate");

  /** Code variable → the codes it may hold (gathered from all forms, decisions and processes). */
  static final Map<String, Set<String>> CODES = new TreeMap<>();
  static final Map<String, JsonNode> FORMS = new TreeMap<>();

  @BeforeAll
  static void gatherCodes() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        FORMS.put(f.getFileName().toString(), JSON.readTree(f.toFile()));
      }
    }
    FORMS.values().forEach(form -> components(form, c -> {
      if (isChoice(c) && !c.path("readonly").asBoolean() && c.path("values").size() > 0) {
        Set<String> codes = CODES.computeIfAbsent(c.path("key").asText(),
            k -> new LinkedHashSet<>());
        c.path("values").forEach(v -> codes.add(v.path("value").asText()));
      }
    }));
    Pattern output = Pattern.compile("<output [^>]*name=\"([^\"]+)\"[^>]*>\\s*<outputValues[^>]*>"
        + "\\s*<text>([^<]*)</text>");
    Pattern multiInstance = Pattern.compile("camunda:collection=\"\\$\\{(\\w+)}\"\\s+"
        + "camunda:elementVariable=\"(\\w+)\"");
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path m : models.sorted().toList()) {
        String xml = Files.readString(m);
        Matcher o = output.matcher(xml);
        while (o.find()) {
          Matcher q = QUOTED.matcher(o.group(2));
          Set<String> codes = CODES.computeIfAbsent(o.group(1), k -> new LinkedHashSet<>());
          while (q.find()) {
            codes.add(q.group(1));
          }
        }
        Matcher mi = multiInstance.matcher(xml);
        while (mi.find()) {
          Set<String> list = CODES.get(mi.group(1));
          if (list != null) {
            CODES.computeIfAbsent(mi.group(2), k -> new LinkedHashSet<>()).addAll(list);
          }
        }
      }
    }
  }

  static boolean isChoice(JsonNode c) {
    return Set.of("select", "radio", "checklist", "taglist").contains(c.path("type").asText());
  }

  static void components(JsonNode node, Consumer<JsonNode> action) {
    for (JsonNode c : node.path("components")) {
      action.accept(c);
      components(c, action);
    }
  }

  @Test
  void theCodesAreFoundWhereTheyAreDefined() {
    assertThat(CODES.get("riskColour")).containsExactly("red", "yellow", "blue", "green");
    assertThat(CODES.get("measure")).contains("supervision-order", "revocation");
    assertThat(CODES.get("department")).contains("civil-affairs", "education");
    assertThat(CODES).containsKeys("nextStep", "responsePriority", "courtRuling");
  }

  @Test
  void noFormShowsACodeAsText() {
    List<String> shown = new ArrayList<>();
    FORMS.forEach((name, form) -> components(form, c -> {
      Matcher m = TEMPLATE.matcher(c.path("text").asText("") + " " + c.path("label").asText(""));
      while (m.find()) {
        if (CODES.containsKey(m.group(1)) || MACHINE_FORMATS.contains(m.group(1))) {
          shown.add(name + ": {{" + m.group(1) + "}}");
        }
      }
    }));
    assertThat(shown).as("codes or machine formats shown as text; show them as a readonly select "
        + "with labelled values, or show a Chinese label variable").isEmpty();
  }

  @Test
  void everyReadonlyChoiceLabelsEveryCodeInChinese() {
    List<String> problems = new ArrayList<>();
    int[] readonly = {0};
    FORMS.forEach((name, form) -> components(form, c -> {
      if (!isChoice(c)) {
        return;
      }
      String key = c.path("key").asText();
      Set<String> labelled = new LinkedHashSet<>();
      for (JsonNode v : c.path("values")) {
        if (!CHINESE.matcher(v.path("label").asText()).find()) {
          problems.add(name + ": " + key + " value " + v.path("value").asText()
              + " has no Chinese label");
        }
        labelled.add(v.path("value").asText());
      }
      if (c.path("readonly").asBoolean() || c.path("disabled").asBoolean()) {
        readonly[0]++;
        Set<String> codes = CODES.get(key);
        if (codes == null || c.path("values").isEmpty()) {
          problems.add(name + ": readonly " + key + " has no known codes or no values");
        } else if (!labelled.containsAll(codes)) {
          Set<String> missing = new LinkedHashSet<>(codes);
          missing.removeAll(labelled);
          problems.add(name + ": readonly " + key + " lacks labels for " + missing);
        }
      }
    }));
    assertThat(problems).isEmpty();
    assertThat(readonly[0]).as("readonly choices checked").isGreaterThanOrEqualTo(11);
  }
}
