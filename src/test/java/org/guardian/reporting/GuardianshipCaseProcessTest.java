package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.ProcessJobs;
import org.guardian.TestChildren;
import org.guardian.workflow.TaskCompletionRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The case process {@code guardianship-case}: acceptance, triage and its escalation, emergency,
 * registration of unmatched children, one open case per child, assessment, hand-over, closure.
 */
@GuardianTest
class GuardianshipCaseProcessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseRepository cases;

  CaseFixtures fixtures;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    fixtures = new CaseFixtures(rest, engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  CaseFile caseFile(ProcessInstance pi) {
    return cases.findByNumber(pi.getBusinessKey()).orElseThrow();
  }

  List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  long casesOfChild(Object childId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(GuardianshipCase.KEY)
        .variableValueEquals("childId", childId).count();
  }

  @Test
  void reporterReportOpensACaseAcknowledgedAndTriagedByTheStationChief() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);

    JsonNode receipt = fixtures.report("school-101", CaseFixtures.reportAbout(child, "neglect"));

    assertThat(receipt.path("number").asText()).matches("RP-\\d{4}-\\d{6}");
    assertThat(receipt.path("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(receipt.path("acknowledgedAt").asText()).isNotBlank();
    ProcessInstance pi = fixtures.caseOf(receipt.path("number").asText());
    assertThat(pi.getBusinessKey()).matches("GC-\\d{4}-\\d{6}");
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE)
        .hasPassed(GuardianshipCase.TASK_ACKNOWLEDGE, GuardianshipCase.TASK_EVALUATE_PRIORITY);
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("station-chief@371330101");
    assertThat(BpmnAwareTests.task(pi).getName()).startsWith("研判报告 · ").contains("岁 东庄村")
        .doesNotContain((String) child.get("name"));
    assertThat(BpmnAwareTests.task(pi).getDueDate()).isAfter(BpmnAwareTests.task(pi)
        .getCreateTime());
    assertThat(pi).variables().containsEntry("computedPriority", "within-24h")
        .containsEntry("triagePriority", "within-24h").containsEntry("priorityReason", "照料不当、生活无着")
        .containsEntry("priorityLabel", "24小时内响应")
        .containsEntry("childId", child.get("id")).containsEntry("villageCode", "371330101201")
        .containsEntry("channel", "REPORTER_API");
    JsonNode report = fixtures.read(receipt.path("number").asText());
    assertThat(report.path("child").path("matchedBy").asText()).isEqualTo("ID_NUMBER");
    assertThat(report.path("reporter").path("user").asText()).isEqualTo("school-101");
    assertThat(report.path("reporter").path("organisationType").asText()).isEqualTo("SCHOOL");
    assertThat(report.path("reporter").path("dutyType").asText()).isEqualTo("MANDATORY");
  }

  @Test
  void childIsMatchedByNameBirthDateAndVillageWithoutAnIdNumber() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101202);
    Map<String, Object> body = CaseFixtures.reportAbout(child);
    body.remove("childIdNumber");
    body.put("childBirthDate", child.get("birthDate"));

    JsonNode receipt = fixtures.report("committee-101201", body);

    JsonNode report = fixtures.read(receipt.path("number").asText());
    assertThat(report.path("child").path("childId").asLong()).isEqualTo(child.get("id"));
    assertThat(report.path("child").path("matchedBy").asText())
        .isEqualTo("NAME_BIRTH_DATE_VILLAGE");
    assertThat(fixtures.caseOf(receipt.path("number").asText())).variables()
        .containsEntry("childId", child.get("id"));
  }

  @Test
  void furtherReportAboutAChildWithAnOpenCaseIsAttachedToItNeverASecondCase() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    JsonNode first = fixtures.report("school-101", CaseFixtures.reportAbout(child));
    ProcessInstance pi = fixtures.caseOf(first.path("number").asText());

    JsonNode second = fixtures.report("hospital", CaseFixtures.reportAbout(child, "injury"));

    assertThat(second.path("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(fixtures.read(second.path("number").asText()).path("caseNumber").asText())
        .isEqualTo(pi.getBusinessKey());
    assertThat(casesOfChild(child.get("id"))).isEqualTo(1);
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE,
        GuardianshipCase.TASK_REVIEW_ADDITIONAL);
    var review = fixtures.task(pi, GuardianshipCase.TASK_REVIEW_ADDITIONAL);
    assertThat(candidateGroups(review.getId())).containsExactly("station-chief@371330101");
    assertThat(tasks.getVariable(review.getId(), "additionalReportNumber"))
        .isEqualTo(second.path("number").asText());
    assertThat((String) tasks.getVariable(review.getId(), "additionalReportSummary"))
        .contains("受伤");
    // the further report's facts stay with it: the case's own report had no injury
    assertThat(runtime.getVariable(pi.getId(), "injury")).isEqualTo(false);

    tasks.complete(review.getId(), Map.of("additionalReportAction", "noted",
        "additionalReportNote", "情况已知悉，并入研判"));

    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE)
        .hasPassed("EndEvent_AdditionalReportHandled");
  }

  @Test
  void furtherReportNeedingEmergencyStartsEmergencyHandlingForIt() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child)).path("number").asText());
    fixtures.report("ambulance", CaseFixtures.reportAbout(child, "injury", "violence"));

    tasks.complete(fixtures.task(pi, GuardianshipCase.TASK_REVIEW_ADDITIONAL).getId(),
        Map.of("additionalReportAction", "emergency", "additionalReportNote", "儿童受伤，立即处置"));

    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE,
        GuardianshipCase.CALL_ADDITIONAL_EMERGENCY);
    ProcessInstance emergency = fixtures.called(pi, "emergency-response");
    assertThat(emergency).isWaitingAt("Task_ArrangePoliceProtection");
    assertThat(emergency).variables().containsEntry("injury", true)
        .containsEntry("caseNumber", pi.getBusinessKey());
    fixtures.handleEmergency(emergency);
    assertThat(emergency).hasPassed("Task_ArrangeMedicalCheck").isEnded();
    assertThat(pi).hasPassed("EndEvent_AdditionalReportHandled")
        .isWaitingAt(GuardianshipCase.TASK_TRIAGE);
  }

  @Test
  void twoReportsAboutTheSameChildAtOnceOpenOneCase() throws Exception {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_102201);
    CountDownLatch start = new CountDownLatch(1);
    Callable<Api.Response> report = () -> {
      start.await();
      return Api.as(rest, "hotline").post("/api/reports", CaseFixtures.reportAbout(child));
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Api.Response> a = pool.submit(report);
      Future<Api.Response> b = pool.submit(report);
      start.countDown();
      List<String> caseNumbers = new ArrayList<>();
      for (Future<Api.Response> f : List.of(a, b)) {
        Api.Response r = f.get(60, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        caseNumbers.add(fixtures.read(r.json().path("number").asText()).path("caseNumber")
            .asText());
      }
      assertThat(caseNumbers.get(0)).startsWith("GC-").isEqualTo(caseNumbers.get(1));
      assertThat(casesOfChild(child.get("id"))).isEqualTo(1);
      ProcessInstance pi = fixtures.caseOf(a.get().json().path("number").asText());
      assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE,
          GuardianshipCase.TASK_REVIEW_ADDITIONAL);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unmatchedChildIsRegisteredByTheVillagesChildDirectorAndLinkedToTheCase() {
    JsonNode receipt = fixtures.report("hospital",
        CaseFixtures.reportAboutUnknownChild(TestChildren.VILLAGE_101202));
    ProcessInstance pi = fixtures.caseOf(receipt.path("number").asText());
    assertThat(pi).variables().containsEntry("childId", null);

    fixtures.triage(pi, "proceed", "within-10d", null);

    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_REGISTER_CHILD);
    String registerTask = fixtures.task(pi, GuardianshipCase.TASK_REGISTER_CHILD).getId();
    assertThat(candidateGroups(registerTask)).containsExactly("child-director@371330101202");
    assertThat(fixtures.task(pi, GuardianshipCase.TASK_REGISTER_CHILD).getName())
        .startsWith("登记儿童档案 · 未").endsWith("6岁 西庄村（未建档）");
    assertThatThrownBy(() -> tasks.complete(registerTask, Map.of("registeredChildId", 999999999L)))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("registeredChildId");

    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101202);
    tasks.complete(registerTask, Map.of("registeredChildId", child.get("id")));
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_LINK_CHILD);
    ProcessJobs.run(engine, pi.getId());

    assertThat(pi).hasPassed(GuardianshipCase.TASK_LINK_CHILD)
        .isWaitingAt(GuardianshipCase.CALL_RISK_ASSESSMENT).variables()
        .containsEntry("childId", child.get("id")).containsEntry("mergeIntoCase", null);
    assertThat(fixtures.called(pi, "risk-assessment")).variables()
        .containsEntry("childId", child.get("id"));
    assertThat(fixtures.task(fixtures.called(pi, "risk-assessment"),
        "Task_CollectGuardianshipIndicators").getName()).startsWith("采集监护状况指标 · ")
        .doesNotContain("未建档").doesNotContain((String) child.get("name"));
    assertThat(fixtures.read(receipt.path("number").asText()).path("child").path("childId")
        .asLong()).isEqualTo(child.get("id"));
    assertThat(caseFile(pi).getChildId()).isEqualTo(child.get("id"));
  }

  @Test
  void unmatchedChildOfAnUnknownVillageIsRegisteredThroughTheStationChief() {
    ProcessInstance pi = fixtures.caseOf(fixtures.report("hotline",
        CaseFixtures.reportAboutUnknownChild(null)).path("number").asText());
    assertThat(pi).variables().containsEntry("villageCode", null)
        .containsEntry("townshipCode", "371330101");

    fixtures.triage(pi, "proceed", "within-10d", null);

    assertThat(candidateGroups(fixtures.task(pi, GuardianshipCase.TASK_REGISTER_CHILD).getId()))
        .containsExactly("station-chief@371330101");
  }

  @Test
  void caseOfAnUnmatchedChildIsMergedIntoTheOpenCaseTheChildMeanwhileGot() {
    JsonNode unmatched = fixtures.report("hospital",
        CaseFixtures.reportAboutUnknownChild(TestChildren.VILLAGE_101201));
    ProcessInstance first = fixtures.caseOf(unmatched.path("number").asText());
    fixtures.triage(first, "proceed", "within-10d", null);
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    JsonNode named = fixtures.report("school-101", CaseFixtures.reportAbout(child));
    ProcessInstance second = fixtures.caseOf(named.path("number").asText());

    tasks.complete(fixtures.task(first, GuardianshipCase.TASK_REGISTER_CHILD).getId(),
        Map.of("registeredChildId", child.get("id")));
    ProcessJobs.run(engine, first.getId());

    assertThat(first).hasPassed(GuardianshipCase.TASK_MERGE)
        .isEnded().hasPassed(GuardianshipCase.END_MERGED);
    assertThat(caseFile(first).getStatus()).isEqualTo(CaseStatus.MERGED);
    assertThat(caseFile(first).getMergedInto()).isEqualTo(second.getBusinessKey());
    assertThat(fixtures.read(unmatched.path("number").asText()).path("caseNumber").asText())
        .isEqualTo(second.getBusinessKey());
    assertThat(second).isWaitingAt(GuardianshipCase.TASK_TRIAGE,
        GuardianshipCase.TASK_REVIEW_ADDITIONAL);
    assertThat(casesOfChild(child.get("id"))).isEqualTo(1);
  }

  @Test
  void priorityOverrideNeedsAReasonAndIsRecorded() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child, "neglect")).path("number").asText());

    assertThatThrownBy(() -> fixtures.triage(pi, "proceed", "immediate", null))
        .isInstanceOf(TaskCompletionRejected.class)
        .satisfies(e -> assertThat(((TaskCompletionRejected) e).problems())
            .extracting("field").containsExactly("priorityOverrideReason"));
    assertThatThrownBy(() -> fixtures.triage(pi, "proceed", "immediate", "急"))
        .isInstanceOf(TaskCompletionRejected.class);
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE);

    fixtures.triage(pi, "proceed", "immediate", "儿童夜间独自在家，存在用火安全隐患");

    assertThat(pi).isWaitingAt(GuardianshipCase.CALL_EMERGENCY);
    CaseFile c = caseFile(pi);
    assertThat(c.getComputedPriority()).isEqualTo("within-24h");
    assertThat(c.getPriority()).isEqualTo("immediate");
    assertThat(c.isPriorityOverridden()).isTrue();
    assertThat(c.getPriorityOverrideReason()).isEqualTo("儿童夜间独自在家，存在用火安全隐患");
    assertThat(c.getPriorityDecisionVersion()).isPositive();
    assertThat(c.getPriorityDecisionId()).startsWith("response-priority:");
    assertThat(c.getTriagedAt()).isNotNull();
  }

  @Test
  void triageKeepingTheComputedPriorityNeedsNoReason() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child, "neglect")).path("number").asText());

    fixtures.triage(pi, "proceed", "within-24h", null);

    assertThat(pi).hasNotPassed(GuardianshipCase.CALL_EMERGENCY)
        .isWaitingAt(GuardianshipCase.CALL_RISK_ASSESSMENT);
    assertThat(caseFile(pi).isPriorityOverridden()).isFalse();
    assertThat(caseFile(pi).getPriorityOverrideReason()).isNull();
  }

  @Test
  void overdueTriageEscalatesToTheCountyCentreAndThenToTheSupervisor() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child, "injury")).path("number").asText());
    String triage = fixtures.task(pi, GuardianshipCase.TASK_TRIAGE).getId();
    assertThat(pi).variables().containsEntry("triageWithin", "PT1H")
        .containsEntry("escalateAgainAfter", "PT2H");

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(59))));
    ProcessJobs.run(engine, pi.getId());
    assertThat(candidateGroups(triage)).containsExactly("station-chief@371330101");

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(61))));
    ProcessJobs.run(engine, pi.getId());
    assertThat(pi).hasPassed(GuardianshipCase.TIMER_TRIAGE_OVERDUE,
        "EndEvent_TriageEscalatedToCentre").isWaitingAt(GuardianshipCase.TASK_TRIAGE);
    assertThat(candidateGroups(triage))
        .containsExactlyInAnyOrder("station-chief@371330101", "county-centre@371330");
    assertThat(caseFile(pi).getEscalatedToCentreAt()).isNotNull();
    assertThat(caseFile(pi).getEscalatedToSupervisorAt()).isNull();

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(121))));
    ProcessJobs.run(engine, pi.getId());
    assertThat(pi).hasPassed(GuardianshipCase.TIMER_TRIAGE_STILL_OVERDUE,
        "EndEvent_TriageEscalatedToSupervisor");
    assertThat(candidateGroups(triage)).containsExactlyInAnyOrder("station-chief@371330101",
        "county-centre@371330", "supervisor@371330");
    assertThat(caseFile(pi).getEscalatedToSupervisorAt()).isNotNull();
    // the county centre, now a candidate, sees and may do the triage
    assertThat(Api.as(rest, "centre").get("/engine-rest/task/" + triage).status())
        .isEqualTo(200);
  }

  @Test
  void unfoundedReportClosesTheCaseAndALaterReportOpensANewOneWithinTwentyFourHours() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child)).path("number").asText());
    assertThat(pi).variables().containsEntry("computedPriority", "within-10d");

    fixtures.triage(pi, "unfounded", "within-10d", null);

    assertThat(pi).hasPassed(GuardianshipCase.TASK_CLOSE, GuardianshipCase.END_CLOSED).isEnded();
    assertThat(caseFile(pi).getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(caseFile(pi).getClosureReason()).isEqualTo("UNFOUNDED");

    ProcessInstance next = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child)).path("number").asText());
    assertThat(next.getBusinessKey()).isNotEqualTo(pi.getBusinessKey());
    assertThat(next).variables().containsEntry("priorReports", 1L)
        .containsEntry("computedPriority", "within-24h");
  }

  @Test
  void immediateCaseIsHandledAsAnEmergencyThenAssessedThenHandedOverToIntervention() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = fixtures.caseOf(fixtures.report("hospital",
        CaseFixtures.reportAbout(child, "injury")).path("number").asText());
    fixtures.triage(pi, "proceed", "immediate", null);

    ProcessInstance emergency = fixtures.called(pi, "emergency-response");
    assertThat(emergency).isWaitingAt("Task_ArrangePoliceProtection");
    assertThat(BpmnAwareTests.task(emergency)).hasCandidateGroup("legal-officer@371330");
    fixtures.handleEmergency(emergency);

    assertThat(pi).hasPassed(GuardianshipCase.CALL_EMERGENCY)
        .isWaitingAt(GuardianshipCase.CALL_RISK_ASSESSMENT).variables()
        .containsEntry("placementType", "relatives");
    ProcessInstance assessment = fixtures.called(pi, "risk-assessment");
    assertThat(BpmnAwareTests.task(assessment))
        .hasCandidateGroup("child-director@371330101201");
    fixtures.assess(assessment, "red", null, null);

    assertThat(pi).hasPassed(GuardianshipCase.TASK_HAND_OVER)
        .isWaitingAt(GuardianshipCase.CALL_INTERVENTION).variables()
        .containsEntry("riskColour", "red").containsEntry("nextStep", "intervention");
    assertThat(caseFile(pi).getStatus()).isEqualTo(CaseStatus.HANDED_OVER);
    assertThat(caseFile(pi).getNextStep()).isEqualTo("intervention");
    // part 2: the legal officers choose the first rung of the intervention ladder
    ProcessInstance intervention = fixtures.called(pi, "guardianship-intervention");
    assertThat(intervention).isWaitingAt("Task_ChooseMeasure");
    assertThat(BpmnAwareTests.task(intervention)).hasCandidateGroup("legal-officer@371330");
  }

  @Test
  void greenAssessmentClosesTheCaseForMonitoringOnly() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child)).path("number").asText());
    fixtures.triage(pi, "proceed", "within-10d", null);

    fixtures.assess(fixtures.called(pi, "risk-assessment"), "green", null, null);

    assertThat(pi).hasNotPassed(GuardianshipCase.TASK_HAND_OVER)
        .hasPassed(GuardianshipCase.TASK_CLOSE).isEnded();
    assertThat(caseFile(pi).getClosureReason()).isEqualTo("MONITORING_ONLY");
    assertThat(caseFile(pi).getRiskColour()).isEqualTo("green");
  }

  @Test
  void newReportIsJudgedByTheResponsePriorityRulesInForceAndTheVersionIsRecorded()
      throws Exception {
    String dmn;
    try (var in = getClass().getResourceAsStream("/bpmn/response-priority.dmn")) {
      dmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var repository = engine.getRepositoryService();
    var newer = repository.createDeployment().name("policy change (test)")
        .addString("response-priority.dmn", dmn.replace("其他情形", "新版本规则")).deploy();
    try {
      var latest = repository.createDecisionDefinitionQuery()
          .decisionDefinitionKey(GuardianshipCase.DECISION_RESPONSE_PRIORITY).latestVersion()
          .singleResult();
      assertThat(latest.getDeploymentId()).isEqualTo(newer.getId());
      Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
      ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
          CaseFixtures.reportAbout(child)).path("number").asText());

      assertThat(pi).variables().containsEntry("priorityReason", "新版本规则");
      fixtures.triage(pi, "proceed", "within-10d", null);
      assertThat(caseFile(pi).getPriorityDecisionVersion()).isEqualTo(latest.getVersion());
      assertThat(caseFile(pi).getPriorityDecisionId()).isEqualTo(latest.getId());
      assertThat(caseFile(pi).getPriorityReason()).isEqualTo("新版本规则");
    } finally {
      repository.deleteDeployment(newer.getId(), true);
    }
  }

  @Test
  void placementMadeBeforeTheChildWasKnownJoinsTheChildsFileOnceRegistered() {
    ProcessInstance pi = fixtures.caseOf(fixtures.report("hospital",
        CaseFixtures.reportAboutUnknownChild(TestChildren.VILLAGE_101201, "injury"))
        .path("number").asText());
    fixtures.triage(pi, "proceed", "immediate", null);
    ProcessInstance emergency = fixtures.called(pi, "emergency-response");
    tasks.complete(fixtures.task(emergency, "Task_ArrangePoliceProtection").getId(), Map.of(
        "protectionOutcome", "child-removed", "protectionNote", "民警已将儿童带离"));
    tasks.complete(fixtures.task(emergency, "Task_ArrangeMedicalCheck").getId(), Map.of(
        "medicalOutcome", "treated", "medicalNote", "门诊处置"));
    tasks.complete(fixtures.task(emergency, "Task_DecidePlacement").getId(), Map.of(
        "placementType", "temporary-guardianship", "statutoryGround", "art92-6"));
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_REGISTER_CHILD);

    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    tasks.complete(fixtures.task(pi, GuardianshipCase.TASK_REGISTER_CHILD).getId(),
        Map.of("registeredChildId", child.get("id")));
    ProcessJobs.run(engine, pi.getId());

    Api.Response placements = Api.as(rest, "centre")
        .get("/api/children/" + child.get("id") + "/placements");
    assertThat(placements.status()).as(placements.toString()).isEqualTo(200);
    assertThat(placements.json()).hasSize(1);
    assertThat(placements.json().get(0).path("kind").asText()).isEqualTo("TEMPORARY_GUARDIANSHIP");
    assertThat(placements.json().get(0).path("statutoryGround").asText()).isEqualTo("ART92_6");
    assertThat(placements.json().get(0).path("caseNumber").asText())
        .isEqualTo(pi.getBusinessKey());
  }
}
