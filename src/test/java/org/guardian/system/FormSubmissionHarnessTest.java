package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.system.HttpProbe.Answer;
import org.guardian.workflow.AreaVariables;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input harness of task completions: every user task of every deployed process (found in
 * the repository, so a new task or form is covered without a change here) is reached with a
 * process instance started before it, and its deployed Camunda Form is submitted through the
 * engine REST API ({@code submit-form} and {@code complete}) with inputs generated from the form:
 * nothing, each field of the wrong type, out of range, overlong, not one of its values, an attack
 * string, undeclared variables (an attempt to re-route the case by overwriting {@code
 * townshipCode} or {@code childId}), malformed JSON and forged variable types. Each is answered
 * 4xx, never 5xx; the task stays, the instance's variables are unchanged, and no table changed.
 */
@GuardianTest
class FormSubmissionHarnessTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  /** A user task with a Camunda Form, in the latest version of its process. */
  record FormTask(ProcessDefinition process, String taskKey, String formKey) {}

  /** One bad submission: which endpoint ({@code submit-form} or {@code complete}) and the body. */
  record Submission(String name, String action, String body) {}

  List<FormTask> formTasks() {
    List<FormTask> out = new ArrayList<>();
    for (ProcessDefinition pd : repository.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list()) {
      for (UserTask t : repository.getBpmnModelInstance(pd.getId())
          .getModelElementsByType(UserTask.class)) {
        String formRef = t.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (formRef != null) {
          out.add(new FormTask(pd, t.getId(), formRef));
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicNode> badSubmissionsOfEveryFormAreRefusedAndChangeNothing() {
    HttpProbe director = HttpProbe.basic(port, "director-101201");
    Answer child = director.send("POST", "/api/children", "application/json",
        BadInputHarnessTest.json(TestChildren.leftBehind(TestChildren.VILLAGE_101201)), Map.of());
    assertThat(child.status()).as(child.toString()).isEqualTo(201);
    long childId = BadInputHarnessTest.read(child).path("id").asLong();
    List<FormTask> formTasks = formTasks();
    AtomicInteger total = new AtomicInteger();
    List<DynamicNode> nodes = new ArrayList<>();
    for (FormTask ft : formTasks) {
      nodes.add(formTask(ft, childId, total));
    }
    nodes.add(DynamicTest.dynamicTest("inputs tried", () -> {
      System.out.println("form harness: " + total.get() + " submissions to " + formTasks.size()
          + " user tasks, " + Sample.describe());
      assertThat(formTasks).hasSizeGreaterThan(30);
    }));
    return nodes.stream();
  }

  DynamicContainer formTask(FormTask ft, long childId, AtomicInteger total) {
    AtomicReference<ProcessInstance> pi = new AtomicReference<>();
    AtomicReference<Task> task = new AtomicReference<>();
    AtomicReference<HttpProbe> client = new AtomicReference<>();
    AtomicReference<List<Submission>> submissions = new AtomicReference<>(List.of());
    AtomicReference<Map<String, Object>> variablesBefore = new AtomicReference<>();
    AtomicReference<Map<String, Long>> rowsBefore = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean reused =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("reach the task and read its form", () -> {
      Map<String, Object> vars = AreaVariables.of(TestChildren.VILLAGE_101201);
      vars.put("childId", childId);
      vars.put("childLabel", "王**（9岁，东庄村）");
      vars.put("caseNumber", "GC-2026-999999");
      // deadlines of boundary timers, far away
      vars.put("triageWithin", "PT72H");
      java.util.Date later = java.util.Date.from(java.time.Instant.parse("2099-01-01T00:00:00Z"));
      for (String due : List.of("courtRulingDue", "ageOutDate", "referralDue")) {
        vars.put(due, later);
      }
      vars.put("escalateAgainAfter", "PT24H");
      List<String> existing = new ArrayList<>();
      try {
        pi.set(runtime.createProcessInstanceById(ft.process().getId())
            .startBeforeActivity(ft.taskKey()).setVariables(vars).execute(true, true));
      } catch (org.camunda.bpm.engine.ProcessEngineException e) {
        // a timer of the process scope (e.g. monitoring's age-out event sub-process) is set up
        // before the start variables exist: reach the task inside the instance the child's
        // registration started instead, and remove only that task afterwards
        ProcessInstance running = runtime.createProcessInstanceQuery()
            .processDefinitionId(ft.process().getId())
            .processInstanceBusinessKey(String.valueOf(childId)).singleResult();
        assertThat(running).as("cannot start " + ft.taskKey() + " (" + e.getMessage()
            + ") and no running instance for the child").isNotNull();
        tasks.createTaskQuery().processInstanceId(running.getId()).list()
            .forEach(t -> existing.add(t.getId()));
        runtime.createProcessInstanceModification(running.getId())
            .startBeforeActivity(ft.taskKey()).execute(true, true);
        pi.set(running);
        reused.set(true);
      }
      Task t = tasks.createTaskQuery().processInstanceId(pi.get().getId())
          .taskDefinitionKey(ft.taskKey()).list().stream()
          .filter(x -> !existing.contains(x.getId())).findFirst().orElse(null);
      assertThat(t).as("task " + ft.taskKey()).isNotNull();
      task.set(t);
      client.set(HttpProbe.basic(port, candidate(t)));
      Answer form = client.get().get("/engine-rest/task/" + t.getId() + "/deployed-form");
      assertThat(form.status()).as(form.toString()).isEqualTo(200);
      JsonNode schema = BadInputHarnessTest.read(form);
      submissions.set(submissions(schema));
      total.addAndGet(submissions.get().size());
      variablesBefore.set(runtime.getVariables(pi.get().getId()));
      rowsBefore.set(RowCounts.of(jdbc));
    }));
    tests.add(DynamicTest.dynamicTest("every bad submission refused", () -> {
      List<String> failures = new ArrayList<>();
      for (Submission s : submissions.get()) {
        Answer a = client.get().send("POST", "/engine-rest/task/" + task.get().getId() + "/"
            + s.action(), "application/json", s.body().getBytes(StandardCharsets.UTF_8),
            Map.of());
        String problem = refusal(a);
        if (problem != null) {
          failures.add(s.action() + " [" + s.name() + "] " + problem + ": " + a);
        }
      }
      assertThat(failures).as(ft.process().getKey() + "/" + ft.taskKey()).isEmpty();
    }));
    tests.add(DynamicTest.dynamicTest("task, variables and tables unchanged", () -> {
      assertThat(tasks.createTaskQuery().taskId(task.get().getId()).count()).isEqualTo(1);
      assertThat(runtime.getVariables(pi.get().getId())).isEqualTo(variablesBefore.get());
      assertThat(RowCounts.changed(rowsBefore.get(), RowCounts.of(jdbc))).isEmpty();
      if (reused.get()) {
        String executionId = task.get().getExecutionId();
        for (var ai : runtime.getActivityInstance(pi.get().getId())
            .getActivityInstances(ft.taskKey())) {
          if (java.util.Arrays.asList(ai.getExecutionIds()).contains(executionId)) {
            runtime.createProcessInstanceModification(pi.get().getId())
                .cancelActivityInstance(ai.getId()).execute(true, true);
          }
        }
      } else {
        runtime.deleteProcessInstance(pi.get().getId(), "bad-input harness", true, true);
      }
    }));
    return DynamicContainer.dynamicContainer(ft.process().getKey() + " / " + ft.taskKey()
        + " (" + ft.formKey() + ")", tests);
  }

  /** A demo person of the task's candidate group (the administrator when the group has none). */
  String candidate(Task t) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
      if (link.getGroupId() != null) {
        var users = identity.createUserQuery().memberOfGroup(link.getGroupId()).listPage(0, 1);
        if (!users.isEmpty()) {
          return users.get(0).getId();
        }
      }
    }
    return "demo";
  }

  /** Why an answer is not a proper refusal, or null when it is one. */
  static String refusal(Answer a) {
    if (a.status() < 400 || a.status() > 499) {
      return "not 4xx";
    }
    try {
      JsonNode body = JSON.readTree(a.body());
      if (body.path("type").asText().isEmpty()
          || (body.path("message").asText().isEmpty() && body.path("title").asText().isEmpty())) {
        return "no error body";
      }
    } catch (Exception e) {
      return "body not JSON";
    }
    return null;
  }

  /** The bad submissions of a form, generated from its fields. */
  static List<Submission> submissions(JsonNode form) {
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    Map<String, Object> base = new LinkedHashMap<>();
    for (JsonNode f : fields) {
      base.put(f.path("key").asText(), valid(f));
    }
    List<Submission> out = new ArrayList<>();
    List<Submission> shapes = new ArrayList<>();
    shapes.add(new Submission("malformed JSON", "submit-form", "{\"variables\": {"));
    shapes.add(new Submission("variables not an object", "complete", "{\"variables\": [1, 2]}"));
    shapes.add(submission("undeclared variable", "submit-form", base, "unexpectedField",
        typed("x", "String")));
    shapes.add(submission("Java serialised object", "complete", base, "payload",
        Map.of("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                "serializationDataFormat", "application/x-java-serialized-object"))));
    out.addAll(Sample.of(shapes, 1, form.path("id").asText()));
    boolean anyRequired = fields.stream().anyMatch(f -> f.path("validate").path("required")
        .asBoolean(false) && !f.hasNonNull("conditional"));
    if (anyRequired) {
      out.addAll(Sample.of(List.of(
          new Submission("nothing", "submit-form", "{\"variables\": {}}"),
          new Submission("nothing", "complete", "{}"),
          new Submission("misspelt variables", "submit-form", "{\"variablez\": {}}")), 1,
          form.path("id").asText() + "nothing"));
    }
    // undeclared variables: re-routing the case, swapping the child, forged types
    out.add(submission("undeclared townshipCode", "complete", base, "townshipCode",
        typed("371330203", "String")));
    out.add(submission("undeclared childId", "submit-form", base, "childId",
        typed(1, "Long")));
    for (JsonNode f : fields) {
      String key = f.path("key").asText();
      for (Map.Entry<String, Object> bad : Sample.of(new ArrayList<>(badValues(f).entrySet()), 1,
          form.path("id").asText() + key)) {
        out.add(submission(key + " " + bad.getKey(), out.size() % 2 == 0 ? "complete"
            : "submit-form", base, key, bad.getValue()));
      }
    }
    return out;
  }

  static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key") && !c.path("type").asText().equals("button")) {
        out.add(c);
      }
      if (c.has("components")) {
        collect(c.get("components"), out);
      }
    }
  }

  /** A plausible value for the field, so that one bad field at a time is what is judged. */
  static Map<String, Object> valid(JsonNode f) {
    JsonNode v = f.path("validate");
    return switch (f.path("type").asText()) {
      case "checkbox" -> typed(false, "Boolean");
      case "number" -> typed(v.hasNonNull("min") ? v.get("min").asLong() : 1, "Long");
      case "radio", "select" -> typed(f.path("values").path(0).path("value").asText("x"),
          "String");
      case "checklist", "taglist" -> typed("[\"" + f.path("values").path(0).path("value")
          .asText("x") + "\"]", "Json");
      case "datetime" -> typed(LocalDate.now().toString(), "String");
      default -> typed("正常情况说明，无异常。".repeat(Math.max(1,
          v.path("minLength").asInt(0) / 10 + 1)).substring(0, Math.max(
              Math.min(v.path("maxLength").asInt(11), 11), v.path("minLength").asInt(0))),
          "String");
    };
  }

  /** Values wrong for the field by its declared type and rules. */
  static Map<String, Object> badValues(JsonNode f) {
    JsonNode v = f.path("validate");
    Map<String, Object> bad = new LinkedHashMap<>();
    switch (f.path("type").asText()) {
      case "checkbox" -> {
        bad.put("as text", typed("yes", "String"));
        bad.put("as a number", typed(1, "Integer"));
      }
      case "number" -> {
        bad.put("as text", typed("abc", "String"));
        bad.put("as a boolean", typed(true, "Boolean"));
        bad.put("typed Integer, not a number", typed("abc", "Integer"));
        if (v.hasNonNull("min")) {
          bad.put("below min", typed(v.get("min").asLong() - 1, "Long"));
        }
        if (v.hasNonNull("max")) {
          bad.put("above max", typed(v.get("max").asLong() + 1, "Long"));
        }
      }
      case "radio", "select" -> {
        bad.put("not a value", typed("NOT_A_VALUE", "String"));
        bad.put("as a number", typed(12345, "Integer"));
        for (int i = 0; i < 3; i++) {
          bad.put("attack " + i, typed(BadInputHarnessTest.INJECTIONS.get(i), "String"));
        }
      }
      case "checklist", "taglist" -> {
        bad.put("not a list", typed("x", "String"));
        bad.put("unknown element", typed("[\"NOT_A_VALUE\"]", "Json"));
      }
      case "datetime" -> {
        for (String d : List.of("2026-02-30", "2026-13-01", "yesterday")) {
          bad.put("bad date " + d, typed(d, "String"));
        }
        bad.put("typed Date, not a date", typed("not a date", "Date"));
      }
      default -> {
        bad.put("as a number", typed(12345, "Integer"));
        bad.put("as a boolean", typed(true, "Boolean"));
        int max = v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : 4000;
        bad.put("overlong (" + (max + 1) + ")", typed("字".repeat(max + 1), "String"));
        if (v.hasNonNull("minLength") && v.get("minLength").asInt() > 1) {
          bad.put("too short", typed("字", "String"));
        }
        bad.put("with a NUL character", typed("正常\u0000文字", "String"));
        if (v.hasNonNull("pattern")) {
          bad.put("pattern attack", typed(BadInputHarnessTest.INJECTIONS.get(1), "String"));
        }
      }
    }
    return bad;
  }

  static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", value);
    m.put("type", type);
    return m;
  }

  static Submission submission(String name, String action, Map<String, Object> base, String key,
      Object value) {
    Map<String, Object> vars = new LinkedHashMap<>(base);
    vars.put(key, value);
    try {
      return new Submission(name, action, JSON.writeValueAsString(Map.of("variables", vars)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
