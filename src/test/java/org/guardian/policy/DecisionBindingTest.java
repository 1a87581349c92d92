package org.guardian.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.workflow.AreaVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Binding is a decision (docs/policy-bindings.md), and rules are traceable: the test process
 * {@code policy-test-binding} evaluates the same decision table once bound {@code latest} and once
 * bound {@code deployment}. A running instance follows a revised table where bound to the latest
 * and keeps the table it was deployed with where bound to its deployment; a new version decides
 * new cases at once, without a restart; and the child's file shows which table and version
 * decided, with the inputs and the outcome.
 */
@GuardianTest
class DecisionBindingTest {

  static final String PROCESS = "policy-test-binding";
  static final String DECISION = "policy-test-binding-level";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  /** Deploys a fixture folder through the API and answers the version of the given key. */
  int deploy(String folder, String key) {
    Api.Response deployed = PolicyApi.deploy(rest, "policy", PolicyApi.uniqueName(),
        Fixtures.folder(folder));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    return PolicyApi.version(deployed.json(), key);
  }

  long registerChild(String village, String director) {
    Api.Response created = Api.as(rest, director).post("/api/children",
        TestChildren.leftBehind(village));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  ProcessInstance start(int version, long childId, String village) {
    String id = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .processDefinitionVersion(version).singleResult().getId();
    Map<String, Object> vars = AreaVariables.of(village);
    vars.put("childId", childId);
    vars.put("urgent", false);
    return runtime.startProcessInstanceById(id, vars);
  }

  void enterScore(ProcessInstance pi, long score) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        Map.of("riskScore", score));
  }

  Object variable(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }

  @Test
  void aRunningCaseFollowsARevisedTableWhereBoundToLatestAndKeepsItsOwnWhereBoundToItsDeployment() {
    int process = deploy("binding", PROCESS);
    int table1 = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult().getVersion();
    ProcessInstance running = start(process, 0L, TestChildren.VILLAGE_101201);
    assertThat(running).isWaitingAt("Task_EnterRiskScore");

    int table2 = deploy("binding-v2", DECISION);
    assertThat(table2).isEqualTo(table1 + 1);
    enterScore(running, 35);

    assertThat(running).isEnded();
    assertThat(variable(running, "levelLatest")).as("latest: version 2, green only below 30")
        .isEqualTo("yellow");
    assertThat(variable(running, "levelAsDeployed")).as("deployment: version 1, green below 40")
        .isEqualTo("green");
  }

  @Test
  void aNewTableVersionDecidesNewCasesAtOnceWithoutARestart() {
    int process = deploy("binding", PROCESS);
    ProcessInstance before = start(process, 0L, TestChildren.VILLAGE_101201);
    enterScore(before, 35);
    assertThat(variable(before, "levelLatest")).isEqualTo("green");

    deploy("binding-v2", DECISION);
    ProcessInstance after = start(process, 0L, TestChildren.VILLAGE_101201);
    enterScore(after, 35);

    assertThat(variable(after, "levelLatest")).isEqualTo("yellow");
  }

  @Test
  void theChildsFileShowsWhichTableAndVersionDecidedWithTheInputsAndTheOutcome() {
    long childId = registerChild(TestChildren.VILLAGE_101201, "director-101201");
    int process = deploy("binding", PROCESS);
    int table1 = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult().getVersion();
    ProcessInstance pi = start(process, childId, TestChildren.VILLAGE_101201);
    int table2 = deploy("binding-v2", DECISION);
    enterScore(pi, 35);
    long otherChild = registerChild(TestChildren.VILLAGE_101202, "director-101202");
    enterScore(start(process, otherChild, TestChildren.VILLAGE_101202), 80);

    Api.Response read = Api.as(rest, "csup-101").get("/api/children/" + childId + "/decisions");

    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    JsonNode all = read.json();
    assertThat(all.findValuesAsText("decisionKey")).as("monitoring decided the visit cadence")
        .contains("visit-cadence");
    List<JsonNode> decisions = new ArrayList<>();
    all.forEach(d -> {
      if (d.path("decisionKey").asText().equals(DECISION)) {
        decisions.add(d);
      }
    });
    assertThat(decisions).hasSize(2);
    assertThat(decisions).allSatisfy(d ->
        assertThat(d.path("processInstanceId").asText()).isEqualTo(pi.getId()));
    JsonNode latest = byActivity(decisions, "Task_DecideLatest");
    assertThat(latest.path("decisionKey").asText()).isEqualTo(DECISION);
    assertThat(latest.path("decisionName").asText()).isEqualTo("测试绑定风险等级");
    assertThat(latest.path("decisionVersion").asInt()).isEqualTo(table2);
    assertThat(latest.path("activityName").asText()).isEqualTo("按最新版本确定等级");
    assertThat(latest.path("processKey").asText()).isEqualTo(PROCESS);
    assertThat(input(latest, "风险评分").asLong()).isEqualTo(35);
    assertThat(input(latest, "是否紧急").asBoolean()).isFalse();
    assertThat(latest.path("outputs").get(0).path("name").asText()).isEqualTo("riskLevel");
    assertThat(latest.path("outputs").get(0).path("value").asText()).isEqualTo("yellow");
    assertThat(latest.path("matchedRules").get(0).asText()).isEqualTo("Rule_Yellow");
    JsonNode asDeployed = byActivity(decisions, "Task_DecideAsDeployed");
    assertThat(asDeployed.path("decisionVersion").asInt()).isEqualTo(table1);
    assertThat(asDeployed.path("outputs").get(0).path("value").asText()).isEqualTo("green");
    assertThat(asDeployed.path("matchedRules").get(0).asText()).isEqualTo("Rule_Green");

    assertThat(Api.as(rest, "demo").get("/api/audit?action=CHILD_READ&actor=csup-101&childId="
        + childId).json().path("items").findValuesAsText("detail")).contains("part=decisions");
  }

  @Test
  void decisionsAboutAChildAreReadOnlyWithAccessToTheChildsFile() {
    long childId = registerChild(TestChildren.VILLAGE_101201, "director-101201");

    assertThat(Api.as(rest, "director-101201").get("/api/children/" + childId + "/decisions")
        .status()).isEqualTo(200);
    assertThat(Api.as(rest, "csup-102").get("/api/children/" + childId + "/decisions").status())
        .as("another township").isEqualTo(404);
    assertThat(Api.as(rest, "policy").get("/api/children/" + childId + "/decisions").status())
        .as("the policy team does not read children's files").isEqualTo(403);
    assertThat(Api.as(rest, "csup-101").get("/api/children/999999999/decisions").status())
        .isEqualTo(404);
    assertThat(Api.as(rest, "director-101201").get("/api/children/" + otherChild() + "/decisions")
        .status()).as("a village's child director, another village").isEqualTo(404);
  }

  long otherChild() {
    return registerChild(TestChildren.VILLAGE_101202, "director-101202");
  }

  @Test
  void theVisitCadenceOfANewChildIsTracedToTheTableAndVersionThatDecidedIt() {
    long childId = registerChild(TestChildren.VILLAGE_101201, "director-101201");
    int latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("visit-cadence")
        .latestVersion().singleResult().getVersion();

    JsonNode decisions = Api.as(rest, "director-101201")
        .get("/api/children/" + childId + "/decisions").json();

    JsonNode cadence = byActivity(decisions, "Task_DecideVisitCadence");
    assertThat(cadence.path("decisionKey").asText()).isEqualTo("visit-cadence");
    assertThat(cadence.path("decisionVersion").asInt()).isEqualTo(latest);
    assertThat(cadence.path("processKey").asText()).isEqualTo("monitoring");
    assertThat(cadence.path("activityName").asText()).isEqualTo("确定走访频次");
    assertThat(input(cadence, "留守儿童或困境儿童").asBoolean()).isTrue();
    assertThat(input(cadence, "孤儿或事实无人抚养儿童").asBoolean()).isFalse();
    assertThat(cadence.path("outputs")).anySatisfy(o -> {
      assertThat(o.path("name").asText()).isEqualTo("interval");
      assertThat(o.path("value").asText()).isEqualTo("P3M");
    });
    assertThat(cadence.path("matchedRules").get(0).asText())
        .isEqualTo("Rule_LeftBehindOrInDifficulty");
  }

  static JsonNode byActivity(Iterable<JsonNode> decisions, String activityId) {
    for (JsonNode d : decisions) {
      if (d.path("activityId").asText().equals(activityId)) {
        return d;
      }
    }
    throw new AssertionError("no decision of " + activityId + " in " + decisions);
  }

  static JsonNode input(JsonNode decision, String label) {
    for (JsonNode i : decision.path("inputs")) {
      if (i.path("label").asText().equals(label)) {
        return i.path("value");
      }
    }
    throw new AssertionError("no input " + label + " in " + decision);
  }
}
