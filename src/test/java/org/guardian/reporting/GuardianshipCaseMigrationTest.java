package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.ProcessJobs;
import org.guardian.TestChildren;
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
 * A policy revision of {@code guardianship-case} reaches the open cases. Version 2 adds a step
 * (确认移交帮扶干预: the county centre confirms it has taken over a handed-over case), makes the review
 * of further reports a new step of the county centre's (replacing 研判追加报告), and changes a row of
 * {@code guardianship-risk} (a blue case is re-assessed within 120 days instead of 180). Cases
 * waiting at triage, at the registration of an unknown child, inside their risk assessment and
 * after hand-over are migrated through the policy API with nothing lost; afterwards the new step
 * and, through the risk assessment bound to the case's deployment, the new row apply to them; the
 * case waiting at the replaced review is reported and stays as it was.
 */
@GuardianTest
class GuardianshipCaseMigrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  CaseFixtures fixtures;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    fixtures = new CaseFixtures(rest, engine);
  }

  @AfterEach
  void restoreTheRepositoryModels() {
    ClockUtil.reset();
    // other tests expect the repository's models to be the latest versions
    PolicyApi.restoreRepositoryModels(rest);
  }

  /** Version 2 of the case, derived from the repository's models by a policy team's edits. */
  static List<ModelFile> revision() {
    List<ModelFile> v2 = Fixtures.change(PolicyApi.repositoryModels(), "guardianship-case.bpmn",
        t -> {
          String added = """
              <bpmn:sequenceFlow id="Flow_ToConfirmHandOver" sourceRef="Task_HandOverCase" \
              targetRef="Task_ConfirmHandOver" />
                  <bpmn:userTask id="Task_ConfirmHandOver" name="确认移交帮扶干预" \
              camunda:formRef="confirm-hand-over" camunda:formRefBinding="deployment" \
              camunda:candidateGroups="county-centre@${countyCode}" />
                  <bpmn:sequenceFlow id="Flow_ToPart2" sourceRef="Task_ConfirmHandOver" \
              targetRef="Gateway_Part2" />""";
          String s = Fixtures.once(t, "<bpmn:sequenceFlow id=\"Flow_ToPart2\" "
              + "sourceRef=\"Task_HandOverCase\" targetRef=\"Gateway_Part2\" />", added);
          s = Fixtures.once(s, "id=\"Task_ReviewAdditionalReport\" name=\"研判追加报告\"",
              "id=\"Task_ReviewAdditionalReportAtCentre\" name=\"县中心研判追加报告\"");
          return s.replace("\"Task_ReviewAdditionalReport\"",
              "\"Task_ReviewAdditionalReportAtCentre\"");
        });
    v2 = Fixtures.change(v2, "guardianship-risk.dmn", t -> Fixtures.once(t,
        "<outputEntry id=\"Rule_Blue_Out4\">\n          <text>180</text>",
        "<outputEntry id=\"Rule_Blue_Out4\">\n          <text>120</text>"));
    List<ModelFile> upload = new ArrayList<>(v2);
    upload.addAll(Fixtures.files(Path.of("src/test/resources/policy/guardianship-case-v2")));
    return upload;
  }

  JsonNode deploy(List<ModelFile> files) {
    Api.Response deployed = PolicyApi.deploy(rest, "policy", PolicyApi.uniqueName(), files);
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    return deployed.json();
  }

  String definition(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId();
  }

  ProcessInstance newCase(Map<String, Object> child) {
    return fixtures.caseOf(fixtures.report("school-101", CaseFixtures.reportAbout(child))
        .path("number").asText());
  }

  static Map<String, Object> request(int from, int to) {
    return Map.of("processKey", GuardianshipCase.KEY, "sourceVersion", from, "targetVersion", to);
  }

  @Test
  void openCasesFollowARevisedCaseProcessWithoutLosingTasksVariablesOrDeadlines() {
    int v1 = PolicyApi.version(deploy(PolicyApi.repositoryModels()), GuardianshipCase.KEY);

    // A: waiting for triage, claimed by the station chief, triage deadlines running
    Map<String, Object> childA = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance triage = newCase(childA);
    tasks.claim(fixtures.task(triage, GuardianshipCase.TASK_TRIAGE).getId(), "chief-101");
    // B: a child the registry does not know, waiting for registration
    ProcessInstance registering = fixtures.caseOf(fixtures.report("hospital",
        CaseFixtures.reportAboutUnknownChild(TestChildren.VILLAGE_101202)).path("number")
        .asText());
    fixtures.triage(registering, "proceed", "within-10d", null);
    // C: inside its risk assessment
    ProcessInstance assessing = newCase(fixtures.registeredChild(TestChildren.VILLAGE_101201));
    fixtures.triage(assessing, "proceed", "within-10d", null);
    ProcessInstance assessment = fixtures.called(assessing, "risk-assessment");
    // D: handed over, waiting for part 2 to close it
    ProcessInstance handedOver = newCase(fixtures.registeredChild(TestChildren.VILLAGE_101201));
    fixtures.triage(handedOver, "proceed", "within-10d", null);
    fixtures.assess(fixtures.called(handedOver, "risk-assessment"), "blue", null, null);
    // E: a further report under review, a step version 2 replaces
    Map<String, Object> childE = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance further = newCase(childE);
    fixtures.report("hospital", CaseFixtures.reportAbout(childE, "injury"));

    for (ProcessInstance pi : List.of(triage, registering, assessing, handedOver, further)) {
      assertThat(repository.getProcessDefinition(definition(pi)).getVersion()).isEqualTo(v1);
    }
    assertThat(triage).isWaitingAt(GuardianshipCase.TASK_TRIAGE);
    assertThat(registering).isWaitingAt(GuardianshipCase.TASK_REGISTER_CHILD);
    assertThat(assessing).isWaitingAt(GuardianshipCase.CALL_RISK_ASSESSMENT);
    assertThat(handedOver).isWaitingAt(GuardianshipCase.CALL_ASSISTANCE);
    assertThat(further).isWaitingAt(GuardianshipCase.TASK_TRIAGE,
        GuardianshipCase.TASK_REVIEW_ADDITIONAL);
    Map<ProcessInstance, InstanceSnapshot> before = new LinkedHashMap<>();
    for (ProcessInstance pi : List.of(triage, registering, assessing, handedOver)) {
      before.put(pi, InstanceSnapshot.of(engine, pi.getId()));
    }
    assertThat(before.get(triage).timers().keySet()).anySatisfy(k ->
        assertThat(k).startsWith(GuardianshipCase.TIMER_TRIAGE_OVERDUE));
    String furtherDefinition = definition(further);

    JsonNode v2Deployment = deploy(revision());
    int v2 = PolicyApi.version(v2Deployment, GuardianshipCase.KEY);
    int riskTable2 = PolicyApi.version(v2Deployment, "guardianship-risk");

    Api policy = Api.as(rest, "policy");
    JsonNode plan = policy.post("/api/policy/migrations/plan", request(v1, v2)).json();
    assertThat(plan.path("unmappedSourceSteps").findValuesAsText("id"))
        .containsExactly(GuardianshipCase.TASK_REVIEW_ADDITIONAL);
    assertThat(plan.path("newTargetSteps").findValuesAsText("id"))
        .containsExactlyInAnyOrder("Task_ConfirmHandOver", "Task_ReviewAdditionalReportAtCentre");
    Api.Response dryRun = policy.post("/api/policy/migrations/dry-run", request(v1, v2));
    assertThat(dryRun.json().path("refused").asInt()).isEqualTo(1);

    Api.Response executed = policy.post("/api/policy/migrations", request(v1, v2));
    assertThat(executed.status()).as(executed.toString()).isEqualTo(201);
    List<String> migrated = new ArrayList<>();
    executed.json().path("migrated").forEach(n -> migrated.add(n.asText()));
    assertThat(migrated).containsExactlyInAnyOrder(triage.getId(), registering.getId(),
        assessing.getId(), handedOver.getId());
    assertThat(executed.json().path("refused")).singleElement().satisfies(r -> {
      assertThat(r.path("processInstanceId").asText()).isEqualTo(further.getId());
      assertThat(r.path("businessKey").asText()).isEqualTo(further.getBusinessKey());
      assertThat(r.path("reasons").toString()).contains("研判追加报告",
          GuardianshipCase.TASK_REVIEW_ADDITIONAL, "没有对应步骤");
    });
    InstanceSnapshot.runBatch(management, executed.json().path("batch").path("id").asText());

    // nothing lost
    String v2Id = repository.createProcessDefinitionQuery()
        .processDefinitionKey(GuardianshipCase.KEY).processDefinitionVersion(v2).singleResult()
        .getId();
    before.forEach((pi, snapshot) -> {
      assertThat(definition(pi)).isEqualTo(v2Id);
      assertThat(InstanceSnapshot.of(engine, pi.getId())).isEqualTo(snapshot);
    });
    assertThat(fixtures.task(triage, GuardianshipCase.TASK_TRIAGE).getAssignee())
        .isEqualTo("chief-101");
    assertThat(fixtures.called(assessing, "risk-assessment").getId())
        .as("the running assessment stays attached").isEqualTo(assessment.getId());
    // the refused case is untouched, on its version
    assertThat(definition(further)).isEqualTo(furtherDefinition);
    assertThat(further).isWaitingAt(GuardianshipCase.TASK_TRIAGE,
        GuardianshipCase.TASK_REVIEW_ADDITIONAL);

    // the migrated cases carry on: the assessment in progress returns, the case reaches the new
    // step; a later assessment runs the version deployed with the case's new version
    fixtures.assess(assessment, "blue", null, null);
    assertThat(assessing).isWaitingAt("Task_ConfirmHandOver");
    assertThat(BpmnAwareTests.task(assessing)).hasCandidateGroup("county-centre@371330");
    tasks.complete(fixtures.task(assessing, "Task_ConfirmHandOver").getId(),
        Map.of("handOverConfirmation", "县中心已接收案件"));
    assertThat(assessing).isWaitingAt(GuardianshipCase.CALL_ASSISTANCE);

    fixtures.triage(triage, "proceed", "within-10d", null);
    ProcessInstance newAssessment = fixtures.called(triage, "risk-assessment");
    assertThat(repository.getProcessDefinition(newAssessment.getProcessDefinitionId())
        .getDeploymentId()).isEqualTo(v2Deployment.path("deploymentId").asText());
    fixtures.assess(newAssessment, "blue", null, null);
    assertThat(history.createHistoricVariableInstanceQuery()
        .processInstanceId(newAssessment.getId()).variableName("reassessWithinDays")
        .singleResult().getValue()).as("guardianship-risk version 2: blue within 120 days")
        .isEqualTo(120);
    assertThat(triage).isWaitingAt("Task_ConfirmHandOver");

    // the decision is traced on the child's file with the table version that made it
    JsonNode decisions = Api.as(rest, "csup-101")
        .get("/api/children/" + childA.get("id") + "/decisions").json();
    assertThat(decisions).anySatisfy(d -> {
      assertThat(d.path("decisionKey").asText()).isEqualTo("guardianship-risk");
      assertThat(d.path("decisionVersion").asInt()).isEqualTo(riskTable2);
      assertThat(d.path("processInstanceId").asText()).isEqualTo(newAssessment.getId());
    });

    // the case handed over to assistance carries on in it, on the case's new version
    assertThat(handedOver).isWaitingAt(GuardianshipCase.CALL_ASSISTANCE);
    assertThat(repository.getProcessDefinition(definition(handedOver)).getDeploymentId())
        .isEqualTo(v2Deployment.path("deploymentId").asText());
  }
}
