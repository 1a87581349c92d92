package org.guardian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks one case through a Guardian node over HTTP, as the people of the case would: the report
 * through {@code POST /api/reports}, each task found in {@code /engine-rest/task} and completed with
 * {@code POST /engine-rest/task/{id}/complete} by a person of the task's group, the plan review's
 * timer executed by the administrator ({@code POST /engine-rest/job/{id}/execute}).
 */
final class GuardianWalker implements Bench.Walker {

  private final Http http;
  private final Latencies intake;
  private final Latencies completion;
  /** Walking the bare engine behind its REST API: no people, the case started by its message. */
  private final boolean bare;

  GuardianWalker(Http http, Latencies intake, Latencies completion) {
    this(http, intake, completion, false);
  }

  private GuardianWalker(Http http, Latencies intake, Latencies completion, boolean bare) {
    this.http = http;
    this.intake = intake;
    this.completion = completion;
    this.bare = bare;
  }

  /**
   * The same walk against the bare engine's REST API ({@link
   * guardianbench.BareRestEngine}): the case starts with the report's message ({@code
   * POST /engine-rest/message}) carrying what Guardian's intake would give it; no sign-in.
   */
  static GuardianWalker bare(Http http, Latencies intake, Latencies completion) {
    return new GuardianWalker(http, intake, completion, true);
  }

  @Override
  public void walk(CountySeed.Child child) {
    String caseNumber;
    long t0 = System.nanoTime();
    if (bare) {
      caseNumber = "BARE-" + child.id() + "-" + System.nanoTime();
      Http.Response started = http.post(null, "/engine-rest/message", Map.of(
          "messageName", "Msg_ReportReceived", "businessKey", caseNumber,
          "processVariables", engineVariables(BareEngine.startVariables(child, caseNumber))));
      intake.add(t0);
      Breakdown.add("intake", t0, 1);
      expect(started, 204, "start message");
    } else {
      Http.Response receipt = http.post("hospital", "/api/reports", ChainSteps.report(child));
      intake.add(t0);
      Breakdown.add("intake", t0, 1);
      expect(receipt, 201, "report");
      String reportNumber = receipt.json().path("number").asText();
      long tc = System.nanoTime();
      caseNumber = caseNumber(reportNumber);
      Breakdown.add("case number", tc, 1);
    }
    for (ChainSteps.Step step : ChainSteps.steps()) {
      String user = bare ? null : ChainSteps.user(step.role(), child.villageCode());
      JsonNode task = awaitTask(user, caseNumber, step.taskKey());
      Map<String, Object> vars = new LinkedHashMap<>(step.variables());
      if (step.taskKey().equals("Task_TriageReport")) {
        long tp = System.nanoTime();
        Http.Response p = http.get(user, "/engine-rest/task/" + task.path("id").asText()
            + "/variables/computedPriority");
        expect(p, 200, "computed priority");
        vars.put("triagePriority", p.json().path("value").asText());
        Breakdown.add("variable read", tp, 1);
      }
      long t = System.nanoTime();
      Http.Response done = http.post(user, "/engine-rest/task/" + task.path("id").asText()
          + "/complete", Map.of("variables", engineVariables(vars)));
      completion.add(t);
      Breakdown.add("task completion", t, 1);
      expect(done, 204, "completion of " + step.taskKey() + " by " + user);
      if (step.taskKey().equals(ChainSteps.FIRE_PLAN_REVIEW_AFTER)) {
        long tf = System.nanoTime();
        firePlanReview(task.path("processInstanceId").asText());
        Breakdown.add("timer execution", tf, 2);
      }
    }
  }

  private String caseNumber(String reportNumber) {
    return TaskPolls.awaitText(() -> {
      Http.Response r = http.get("centre", "/api/reports/" + reportNumber);
      expect(r, 200, "report " + reportNumber);
      return r.json().path("caseNumber").asText(null);
    }, 20, () -> "the case of report " + reportNumber);
  }

  private JsonNode awaitTask(String user, String caseNumber, String key) {
    String path = "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + key;
    return TaskPolls.awaitOne(() -> {
      Http.Response r = http.get(user, path);
      expect(r, 200, "task query");
      List<JsonNode> found = new ArrayList<>();
      r.json().forEach(found::add);
      return found;
    }, 10, () -> key + " for " + user + " in case " + caseNumber
        + " (a failed job? see the node's log)");
  }

  private void firePlanReview(String assistanceInstance) {
    String user = bare ? null : "demo";
    JsonNode jobs = TaskPolls.until(() -> {
      Http.Response r = http.get(user, "/engine-rest/job?processInstanceId=" + assistanceInstance
          + "&activityId=" + ChainSteps.PLAN_REVIEW_TIMER);
      expect(r, 200, "job query");
      return r.json();
    }, found -> found.size() == 1, 10, () -> "plan review timer in " + assistanceInstance);
    Http.Response x = http.post(user, "/engine-rest/job/" + jobs.get(0).path("id").asText()
        + "/execute", "");
    expect(x, 204, "plan review timer");
  }

  /** Variables as the engine REST API takes them; lists as JSON-serialised java.util.ArrayList. */
  static Map<String, Object> engineVariables(Map<String, Object> vars) {
    Map<String, Object> out = new LinkedHashMap<>();
    vars.forEach((name, value) -> {
      Map<String, Object> v = new LinkedHashMap<>();
      if (value instanceof Collection<?> c) {
        try {
          v.put("value", Http.JSON.writeValueAsString(c));
        } catch (Exception e) {
          throw new IllegalArgumentException(e);
        }
        v.put("type", "Object");
        v.put("valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
            "serializationDataFormat", "application/json"));
      } else {
        v.put("value", value);
        v.put("type", value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long"
            : value instanceof Integer ? "Integer" : "String");
      }
      out.put(name, v);
    });
    return out;
  }

  static void expect(Http.Response r, int status, String what) {
    if (r.status() != status) {
      throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
    }
  }
}
