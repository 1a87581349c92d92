package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.guardian.monitoring.MonitoringTestSupport.DIRECTOR;
import static org.guardian.monitoring.MonitoringTestSupport.TOWNSHIP;
import static org.guardian.monitoring.MonitoringTestSupport.child;
import static org.guardian.monitoring.MonitoringTestSupport.clockAt;
import static org.guardian.monitoring.MonitoringTestSupport.endOf;
import static org.guardian.monitoring.MonitoringTestSupport.leftBehind;
import static org.guardian.monitoring.MonitoringTestSupport.leftBehindVisit;
import static org.guardian.monitoring.MonitoringTestSupport.today;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.policy.Fixtures;
import org.guardian.policy.InstanceSnapshot;
import org.guardian.policy.ModelFile;
import org.guardian.policy.PolicyApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A policy revision of {@code monitoring} reaches the children already under monitoring. Version 2
 * adds a step (审阅走访记录: the township's child supervisor reviews each recorded visit), moves the
 * second escalation of an overdue visit from the station chief to the county centre (a new step
 * that replaces 督办严重逾期走访), and changes a row of {@code visit-cadence} (left-behind children:
 * every two months instead of three). Monitoring instances waiting at various steps are migrated
 * through the policy API; nothing of theirs is lost; the new step and the new row apply to them
 * afterwards; the instance waiting at the replaced step is reported and stays as it was.
 */
@GuardianTest
class MonitoringMigrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;

  MonitoringTestSupport support;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    support = new MonitoringTestSupport(rest, runtime, tasks, management);
    clockAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  @AfterEach
  void restoreTheRepositoryModels() {
    ClockUtil.reset();
    // other tests expect the repository's models to be the latest versions
    PolicyApi.restoreRepositoryModels(rest);
  }

  /** Version 2 of monitoring, derived from the repository's models by a policy team's edits. */
  static List<ModelFile> revision() {
    List<ModelFile> v2 = Fixtures.change(PolicyApi.repositoryModels(), "monitoring.bpmn", t -> {
      String added = """
          <bpmn:userTask id="Task_ReviewVisitRecord" name="审阅走访记录" \
          camunda:formRef="review-visit-record" camunda:formRefBinding="deployment" \
          camunda:candidateGroups="child-supervisor@${townshipCode}">
                <bpmn:incoming>Flow_ToReviewVisitRecord</bpmn:incoming>
                <bpmn:outgoing>Flow_ToEvaluateEarlyWarning</bpmn:outgoing>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="Flow_ToReviewVisitRecord" sourceRef="Task_RecordVisit" \
          targetRef="Task_ReviewVisitRecord" />
              <bpmn:sequenceFlow id="Flow_ToEvaluateEarlyWarning" \
          sourceRef="Task_ReviewVisitRecord" targetRef="Task_EvaluateEarlyWarning" />""";
      String s = Fixtures.once(t, "<bpmn:sequenceFlow id=\"Flow_ToEvaluateEarlyWarning\" "
          + "sourceRef=\"Task_RecordVisit\" targetRef=\"Task_EvaluateEarlyWarning\" />", added);
      s = Fixtures.once(s, "<bpmn:outgoing>Flow_ToEvaluateEarlyWarning</bpmn:outgoing>\n"
          + "    </bpmn:serviceTask>", "<bpmn:outgoing>Flow_ToReviewVisitRecord</bpmn:outgoing>\n"
          + "    </bpmn:serviceTask>");
      s = Fixtures.once(s, "id=\"Task_EscalateOverdueVisit\" name=\"督办严重逾期走访\"",
          "id=\"Task_EscalateToCountyCentre\" name=\"县中心督办严重逾期走访\"");
      s = Fixtures.once(s, "camunda:formRef=\"escalate-overdue-visit\" camunda:formRefBinding="
          + "\"deployment\" camunda:candidateGroups=\"station-chief@${townshipCode}\"",
          "camunda:formRef=\"escalate-overdue-visit\" camunda:formRefBinding=\"deployment\" "
              + "camunda:candidateGroups=\"county-centre@${countyCode}\"");
      return s.replace("\"Task_EscalateOverdueVisit\"", "\"Task_EscalateToCountyCentre\"");
    });
    v2 = Fixtures.change(v2, "visit-cadence.dmn", t -> Fixtures.once(t,
        "<outputEntry id=\"Rule_LeftBehindOrInDifficulty_Out1\"><text>\"P3M\"</text>",
        "<outputEntry id=\"Rule_LeftBehindOrInDifficulty_Out1\"><text>\"P2M\"</text>"));
    List<ModelFile> upload = new ArrayList<>(v2);
    upload.addAll(Fixtures.files(Path.of("src/test/resources/policy/monitoring-v2")));
    return upload;
  }

  int deploy(List<ModelFile> files) {
    Api.Response deployed = PolicyApi.deploy(rest, "policy", PolicyApi.uniqueName(), files);
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    return PolicyApi.version(deployed.json(), Monitoring.KEY);
  }

  String definition(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId();
  }

  static Map<String, Object> request(int from, int to) {
    return Map.of("processKey", Monitoring.KEY, "sourceVersion", from, "targetVersion", to);
  }

  @Test
  void childrenUnderMonitoringFollowARevisedMonitoringWithoutLosingVisitsTasksOrDeadlines() {
    int v1 = deploy(PolicyApi.repositoryModels());
    LocalDate registered = today();
    LocalDate due = registered.plusMonths(3);

    ProcessInstance waiting = support.monitoring(support.register(leftBehind()));
    tasks.claim(support.task(waiting, Monitoring.TASK_HOME_VISIT).getId(), DIRECTOR);
    ProcessInstance overdue = support.monitoring(support.register(leftBehind()));
    ProcessInstance phoning = support.monitoring(support.register(
        child(List.of("LEFT_BEHIND", "SINGLE_PARENT"), List.of(), null)));
    ProcessInstance escalated = support.monitoring(support.register(leftBehind()));
    for (ProcessInstance pi : List.of(waiting, overdue, phoning, escalated)) {
      assertThat(repository.getProcessDefinition(definition(pi)).getVersion()).isEqualTo(v1);
    }
    clockAt(endOf(due).plusSeconds(60));
    support.fireDueTimers(overdue);
    support.fireDueTimers(escalated);
    clockAt(endOf(due.plusDays(14)).plusSeconds(60));
    support.fireDueTimers(escalated);
    assertThat(overdue).isWaitingAt(Monitoring.TASK_HOME_VISIT, Monitoring.TASK_OVERDUE_VISIT);
    assertThat(phoning).isWaitingAt(Monitoring.TASK_HOME_VISIT, Monitoring.TIMER_PHONE_CONTACT_DUE);
    assertThat(escalated).isWaitingAt(Monitoring.TASK_HOME_VISIT, Monitoring.TASK_OVERDUE_VISIT,
        Monitoring.TASK_ESCALATE_OVERDUE_VISIT);
    Map<ProcessInstance, InstanceSnapshot> before = new java.util.LinkedHashMap<>();
    for (ProcessInstance pi : List.of(waiting, overdue, phoning)) {
      before.put(pi, InstanceSnapshot.of(engine, pi.getId()));
    }
    assertThat(before.get(overdue).timers()).isNotEmpty();
    assertThat(before.get(phoning).timers().keySet())
        .anySatisfy(k -> assertThat(k).startsWith(Monitoring.TIMER_PHONE_CONTACT_DUE));
    String escalatedDefinition = definition(escalated);

    int v2 = deploy(revision());

    Api policy = Api.as(rest, "policy");
    JsonNode plan = policy.post("/api/policy/migrations/plan", request(v1, v2)).json();
    assertThat(plan.path("unmappedSourceSteps").findValuesAsText("id"))
        .containsExactly(Monitoring.TASK_ESCALATE_OVERDUE_VISIT);
    assertThat(plan.path("newTargetSteps").findValuesAsText("id"))
        .containsExactlyInAnyOrder("Task_ReviewVisitRecord", "Task_EscalateToCountyCentre");

    Api.Response executed = policy.post("/api/policy/migrations", request(v1, v2));
    assertThat(executed.status()).as(executed.toString()).isEqualTo(201);
    List<String> migrated = new ArrayList<>();
    executed.json().path("migrated").forEach(n -> migrated.add(n.asText()));
    assertThat(migrated).containsExactlyInAnyOrder(waiting.getId(), overdue.getId(),
        phoning.getId());
    assertThat(executed.json().path("refused")).singleElement().satisfies(r -> {
      assertThat(r.path("processInstanceId").asText()).isEqualTo(escalated.getId());
      assertThat(r.path("reasons").toString()).contains("督办严重逾期走访",
          Monitoring.TASK_ESCALATE_OVERDUE_VISIT, "没有对应步骤");
    });
    InstanceSnapshot.runBatch(management, executed.json().path("batch").path("id").asText());

    // nothing lost: same tasks (ids, assignee, candidates, due dates), variables, timers
    String v2Id = repository.createProcessDefinitionQuery().processDefinitionKey(Monitoring.KEY)
        .processDefinitionVersion(v2).singleResult().getId();
    before.forEach((pi, snapshot) -> {
      assertThat(definition(pi)).isEqualTo(v2Id);
      assertThat(InstanceSnapshot.of(engine, pi.getId())).isEqualTo(snapshot);
    });
    assertThat(support.task(waiting, Monitoring.TASK_HOME_VISIT).getAssignee()).isEqualTo(DIRECTOR);
    assertThat(support.timerDue(waiting, Monitoring.TIMER_VISIT_OVERDUE))
        .isEqualTo(Date.from(endOf(due)));
    // the refused case is untouched, on its version, its escalation still with the station chief
    assertThat(definition(escalated)).isEqualTo(escalatedDefinition);
    assertThat(support.task(escalated, Monitoring.TASK_ESCALATE_OVERDUE_VISIT))
        .hasCandidateGroup("station-chief@" + TOWNSHIP);

    // afterwards the migrated cases take the new step and the new cadence row
    Task visit = support.task(waiting, Monitoring.TASK_HOME_VISIT);
    tasks.complete(visit.getId(), leftBehindVisit(3));
    assertThat(waiting).isWaitingAt("Task_ReviewVisitRecord");
    Task review = support.task(waiting, "Task_ReviewVisitRecord");
    assertThat(review).hasCandidateGroup("child-supervisor@" + TOWNSHIP);
    tasks.complete(review.getId(), Map.of("visitReviewNote", "走访记录完整"));
    assertThat(waiting).isWaitingAt(Monitoring.TASK_HOME_VISIT);
    assertThat(runtime.getVariable(waiting.getId(), Monitoring.Var.VISIT_INTERVAL))
        .as("visit-cadence version 2: left-behind children every two months").isEqualTo("P2M");
    assertThat(support.task(waiting, Monitoring.TASK_HOME_VISIT).getDueDate())
        .isEqualTo(Date.from(endOf(today().plusMonths(2))));

    // the child's file shows both cadence decisions, each with its table version
    int cadenceV2 = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(Monitoring.DECISION_VISIT_CADENCE).latestVersion().singleResult()
        .getVersion();
    JsonNode decisions = Api.as(rest, "csup-101")
        .get("/api/children/" + waiting.getBusinessKey() + "/decisions").json();
    List<String> cadences = new ArrayList<>();
    decisions.forEach(d -> {
      if (d.path("decisionKey").asText().equals(Monitoring.DECISION_VISIT_CADENCE)) {
        cadences.add(d.path("decisionVersion").asInt() + ":"
            + d.path("outputs").findValue("value").asText());
      }
    });
    assertThat(cadences).as("newest first")
        .containsExactly(cadenceV2 + ":P2M", (cadenceV2 - 1) + ":P3M");
  }
}
