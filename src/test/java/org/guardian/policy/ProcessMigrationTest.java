package org.guardian.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.workflow.AreaVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Running cases follow a revised process: version 2 of the test case process adds a step (核查儿童安全),
 * drops one (纸质归档) and changes a row of its decision table. Live instances waiting at various
 * steps are planned, dry-run and migrated as a Camunda batch; nothing of theirs is lost (open
 * tasks with their ids and assignees, variables, timer due dates), the added step and the changed
 * row apply to them afterwards, and the instance whose step no longer exists is reported, kept on
 * its version and stored in the migration's report.
 */
@GuardianTest
class ProcessMigrationTest {

  static final String KEY = "policy-test-case";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  int deploy(String name, String folder) {
    Api.Response deployed = PolicyApi.deploy(rest, "policy", name, Fixtures.folder(folder));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    return PolicyApi.version(deployed.json(), KEY);
  }

  ProcessInstance start(int version, String businessKey) {
    String id = repository.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .processDefinitionVersion(version).singleResult().getId();
    Map<String, Object> vars = AreaVariables.of(TestChildren.VILLAGE_101201);
    vars.put("childId", 0L);
    return runtime.startProcessInstanceById(id, businessKey, vars);
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  void register(ProcessInstance pi, boolean urgent) {
    tasks.complete(task(pi, "Task_RegisterCase").getId(),
        Map.of("caseNote", "邻居反映孩子独自在家", "urgent", urgent));
  }

  Job timer(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
  }

  String definitionOf(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId();
  }

  static Map<String, Object> request(int from, int to) {
    Map<String, Object> body = new HashMap<>();
    body.put("processKey", KEY);
    body.put("sourceVersion", from);
    body.put("targetVersion", to);
    return body;
  }

  static List<String> ids(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  void runBatch(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(),
        batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
  }

  @Test
  void liveInstancesMigrateToTheRevisedVersionWithoutLosingAnythingAndTheStrandedOneIsReported() {
    String name = PolicyApi.uniqueName();
    int v1 = deploy(name, "v1");

    // D: at the risk assessment with its overdue timer fired: two open tasks
    Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
    ClockUtil.setCurrentTime(Date.from(eightDaysAgo));
    ProcessInstance chased = start(v1, "D");
    register(chased, false);
    ClockUtil.reset();
    management.executeJob(timer(chased).getId());
    assertThat(chased).isWaitingAt("Task_AssessRisk", "Task_ChaseAssessment");
    // A: at registration, claimed by the station chief
    ProcessInstance registering = start(v1, "A");
    tasks.claim(task(registering, "Task_RegisterCase").getId(), "chief-101");
    // B: at the risk assessment, its overdue timer pending
    ProcessInstance assessing = start(v1, "B");
    register(assessing, false);
    // C: at the paper filing, a step version 2 no longer has
    ProcessInstance filing = start(v1, "C");
    register(filing, true);
    assertThat(filing).isWaitingAt("Task_PaperFiling");

    String taskA = task(registering, "Task_RegisterCase").getId();
    String taskB = task(assessing, "Task_AssessRisk").getId();
    String taskD1 = task(chased, "Task_AssessRisk").getId();
    String taskD2 = task(chased, "Task_ChaseAssessment").getId();
    Job timerB = timer(assessing);
    Map<String, Object> variablesB = runtime.getVariables(assessing.getId());
    String v1Id = definitionOf(filing);

    int v2 = deploy(name, "v2");
    assertThat(v2).isEqualTo(v1 + 1);

    // the plan: equal ids mapped, the unchanged timer kept as scheduled, the dropped and new steps
    Api policy = Api.as(rest, "policy");
    Api.Response plan = policy.post("/api/policy/migrations/plan", request(v1, v2));
    assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    JsonNode instructions = plan.json().path("instructions");
    assertThat(instructions.findValues("source").stream().map(s -> s.path("id").asText()))
        .contains("Task_RegisterCase", "Task_AssessRisk", "Task_ChaseAssessment",
            "Timer_AssessmentOverdue", "Task_ReviewCase")
        .doesNotContain("Task_PaperFiling");
    assertThat(instructions).filteredOn(i -> i.path("source").path("id").asText()
        .equals("Timer_AssessmentOverdue")).singleElement()
        .satisfies(i -> assertThat(i.path("updateEventTrigger").asBoolean()).isFalse());
    assertThat(ids(plan.json().path("unmappedSourceSteps"), "id")).contains("Task_PaperFiling");
    assertThat(ids(plan.json().path("newTargetSteps"), "id")).contains("Task_CheckSafety");

    // the dry run: exact per instance, and nothing is migrated by it
    Api.Response dryRun = policy.post("/api/policy/migrations/dry-run", request(v1, v2));
    assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
    JsonNode checks = dryRun.json().path("instances");
    assertThat(checks).hasSize(4);
    assertThat(dryRun.json().path("migratable").asInt()).isEqualTo(3);
    assertThat(checks).filteredOn(c -> c.path("businessKey").asText().equals("C")).singleElement()
        .satisfies(c -> {
          assertThat(c.path("migratable").asBoolean()).isFalse();
          assertThat(c.path("currentSteps").findValuesAsText("id")).containsExactly("Task_PaperFiling");
          assertThat(c.path("reasons").get(0).asText()).contains("纸质归档", "Task_PaperFiling",
              "没有对应步骤");
        });
    assertThat(checks).filteredOn(c -> c.path("businessKey").asText().equals("D")).singleElement()
        .satisfies(c -> assertThat(c.path("currentSteps").findValuesAsText("id"))
            .containsExactlyInAnyOrder("Task_AssessRisk", "Task_ChaseAssessment"));
    for (ProcessInstance pi : List.of(registering, assessing, chased, filing)) {
      assertThat(definitionOf(pi)).isEqualTo(v1Id);
    }
    assertThat(timer(assessing).getId()).isEqualTo(timerB.getId());

    // the migration: a batch for the three, the fourth reported
    Api.Response executed = policy.post("/api/policy/migrations", request(v1, v2));
    assertThat(executed.status()).as(executed.toString()).isEqualTo(201);
    JsonNode migration = executed.json();
    assertThat(toList(migration.path("migrated"))).containsExactlyInAnyOrder(
        registering.getId(), assessing.getId(), chased.getId());
    assertThat(migration.path("refused")).singleElement().satisfies(r -> {
      assertThat(r.path("processInstanceId").asText()).isEqualTo(filing.getId());
      assertThat(r.path("reasons").get(0).asText()).contains("Task_PaperFiling");
    });
    String batchId = migration.path("batch").path("id").asText();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch.getType()).isEqualTo(Batch.TYPE_PROCESS_INSTANCE_MIGRATION);
    assertThat(batch.getTotalJobs()).isEqualTo(3);

    // visible in Cockpit (its batch view reads the engine REST API as the signed-in person)
    Api.Response visible = policy.get("/engine-rest/batch/" + batchId);
    assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
    assertThat(visible.json().path("type").asText()).isEqualTo("instance-migration");
    assertThat(Api.as(rest, "chief-101").get("/engine-rest/batch/" + batchId).status())
        .isIn(403, 404);

    runBatch(batchId);
    Api.Response finished = policy.get("/engine-rest/history/batch/" + batchId);
    assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
    assertThat(finished.json().path("endTime").isTextual()).as(finished.toString()).isTrue();

    String v2Id = repository.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .processDefinitionVersion(v2).singleResult().getId();
    for (ProcessInstance pi : List.of(registering, assessing, chased)) {
      assertThat(definitionOf(pi)).isEqualTo(v2Id);
    }
    // the refused instance carries on where it was, on its version
    assertThat(definitionOf(filing)).isEqualTo(v1Id);
    assertThat(filing).isWaitingAt("Task_PaperFiling");

    // nothing lost: the same tasks with their assignee and candidates, variables, timer due date
    assertThat(task(registering, "Task_RegisterCase").getId()).isEqualTo(taskA);
    assertThat(task(registering, "Task_RegisterCase").getAssignee()).isEqualTo("chief-101");
    assertThat(task(registering, "Task_RegisterCase").getProcessDefinitionId()).isEqualTo(v2Id);
    assertThat(task(assessing, "Task_AssessRisk").getId()).isEqualTo(taskB);
    assertThat(tasks.getIdentityLinksForTask(taskB)).anySatisfy(link ->
        assertThat(link.getGroupId()).isEqualTo("child-supervisor@371330101"));
    assertThat(task(chased, "Task_AssessRisk").getId()).isEqualTo(taskD1);
    assertThat(task(chased, "Task_ChaseAssessment").getId()).isEqualTo(taskD2);
    assertThat(runtime.getVariables(assessing.getId())).isEqualTo(variablesB);
    Job timerAfter = timer(assessing);
    assertThat(timerAfter.getId()).isEqualTo(timerB.getId());
    assertThat(timerAfter.getDuedate()).isEqualTo(timerB.getDuedate());
    assertThat(timerAfter.getProcessDefinitionId()).isEqualTo(v2Id);

    // the added step and the changed decision row apply to the migrated case
    tasks.complete(taskB, Map.of("riskScore", 35L));
    assertThat(assessing).isWaitingAt("Task_CheckSafety");
    assertThat(task(assessing, "Task_CheckSafety").getName()).isEqualTo("核查儿童安全");
    assertThat(tasks.getIdentityLinksForTask(task(assessing, "Task_CheckSafety").getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("child-director@371330101201"));
    tasks.complete(task(assessing, "Task_CheckSafety").getId(), Map.of("childSafe", true));
    assertThat(assessing).isWaitingAt("Task_ReviewCase");
    assertThat(runtime.getVariable(assessing.getId(), "riskLevel"))
        .as("version 2 of the table: 35 is no longer green").isEqualTo("yellow");

    // the report stays: refused instance, batch done
    Api.Response report = policy.get(executed.headers().getLocation().getPath());
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    assertThat(report.json().path("refused").findValuesAsText("processInstanceId"))
        .containsExactly(filing.getId());
    assertThat(report.json().path("batch").path("completed").asBoolean()).isTrue();
    assertThat(history.createHistoricBatchQuery().batchId(batchId).singleResult().getEndTime())
        .isNotNull();
    assertThat(Api.as(rest, "demo").get("/api/audit?action=POLICY_MIGRATED&actor=policy").json()
        .path("items").findValuesAsText("detail"))
        .anySatisfy(d -> assertThat(d).contains("migrated=3", "refused=1", filing.getId()));
  }

  static List<String> toList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void onlyThePolicyTeamAndAdministratorsMigrate() {
    String name = PolicyApi.uniqueName();
    int v1 = deploy(name, "v1");
    int v2 = deploy(name, "v2");
    ProcessInstance waiting = start(v1, "E");

    for (String user : List.of("chief-101", "supervisor", "centre")) {
      Api caseworker = Api.as(rest, user);
      assertThat(caseworker.post("/api/policy/migrations/plan", request(v1, v2)).status())
          .as(user).isEqualTo(403);
      assertThat(caseworker.post("/api/policy/migrations/dry-run", request(v1, v2)).status())
          .as(user).isEqualTo(403);
      assertThat(caseworker.post("/api/policy/migrations", request(v1, v2)).status())
          .as(user).isEqualTo(403);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(definitionOf(waiting));
    assertThat(waiting).isWaitingAt("Task_RegisterCase");
    assertThat(Api.as(rest, "demo").post("/api/policy/migrations/plan", request(v1, v2)).status())
        .isEqualTo(200);
  }

  @Test
  void aMigrationRequestNamesAnExistingProcessAndTwoDifferentVersions() {
    Api policy = Api.as(rest, "policy");
    Api.Response missing = policy.post("/api/policy/migrations/dry-run", Map.of("processKey", KEY));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).contains("sourceVersion");
    assertThat(policy.post("/api/policy/migrations/plan",
        Map.of("processKey", "no-such-process", "sourceVersion", 1)).status()).isEqualTo(404);
    int v1 = deploy(PolicyApi.uniqueName(), "v1");
    Api.Response same = policy.post("/api/policy/migrations/plan", request(v1, v1));
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.errorFields()).contains("targetVersion");
  }
}
