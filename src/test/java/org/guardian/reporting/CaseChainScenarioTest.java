package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.ProcessJobs;
import org.guardian.TestChildren;
import org.guardian.intervention.DocumentFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * One case from a report to the last return visit: emergency with temporary guardianship, a red
 * assessment, a supervision order not complied with, revocation of guardianship through the court
 * liaison endpoint, long-term guardianship (the temporary guardianship ends), the five forms by five
 * people, closure and return visits; who gets each task is asserted.
 */
@GuardianTest
class CaseChainScenarioTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseRepository cases;

  CaseFixtures fixtures;
  StillClock clock;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    fixtures = new CaseFixtures(rest, engine);
    clock = new StillClock(engine);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  void later(Duration d, ProcessInstance pi) {
    clock.later(d, pi);
  }

  /** Completes the task after asserting it is routed to exactly the given group. */
  void complete(ProcessInstance pi, String key, String group, Map<String, Object> vars) {
    Task t = fixtures.task(pi, key);
    assertThat(t).as(key).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList()).as(key).containsExactly(group);
    tasks.complete(t.getId(), vars);
  }

  @Test
  void caseRunsFromReportThroughRevocationAndLongTermGuardianshipToReturnVisits() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    long childId = (Long) child.get("id");
    ProcessInstance pi = fixtures.caseOf(fixtures.report("hospital",
        CaseFixtures.reportAbout(child, "injury", "violence")).path("number").asText());
    String caseNumber = pi.getBusinessKey();

    // triage by the township's station chief, immediate
    complete(pi, GuardianshipCase.TASK_TRIAGE, "station-chief@371330101", Map.of(
        "triageDecision", "proceed", "triagePriority", "immediate",
        "triageNote", "医院报告儿童多处外伤"));

    // emergency: police protection, medical check, temporary guardianship by the county centre
    ProcessInstance emergency = fixtures.called(pi, "emergency-response");
    complete(emergency, "Task_ArrangePoliceProtection", "legal-officer@371330", Map.of(
        "protectionOutcome", "child-removed", "protectionNote", "民警已将儿童带离"));
    complete(emergency, "Task_ArrangeMedicalCheck", "county-centre@371330", Map.of(
        "medicalOutcome", "treated", "medicalNote", "伤情已拍照存证"));
    complete(emergency, "Task_DecidePlacement", "county-centre@371330", Map.of(
        "placementType", "temporary-guardianship", "statutoryGround", "art92-4",
        "placementPlace", "青溪县未成年人救助保护中心"));
    ProcessJobs.run(engine, pi.getId());
    Object placementId = runtime.getVariable(pi.getId(), "placementId");
    assertThat(placementId).isNotNull();
    ProcessInstance review = runtime.createProcessInstanceQuery()
        .processDefinitionKey("placement-review")
        .processInstanceBusinessKey(String.valueOf(placementId)).singleResult();
    assertThat(review).as("temporary guardianship under review").isNotNull();

    // red assessment
    ProcessInstance assessment = fixtures.called(pi, "risk-assessment");
    assertThat(BpmnAwareTests.task(assessment)).hasCandidateGroup("child-director@371330101201");
    fixtures.assess(assessment, "red", null, null);
    assertThat(pi).isWaitingAt(GuardianshipCase.CALL_INTERVENTION);

    // intervention: the procuratorate's supervision order, not complied with
    ProcessInstance intervention = fixtures.called(pi, "guardianship-intervention");
    complete(intervention, "Task_ChooseMeasure", "legal-officer@371330", Map.of(
        "measure", "supervision-order", "measureReason", "监护人存在严重侵害行为"));
    complete(intervention, "Task_IssueSupervisionOrder", "legal-officer@371330", Map.of(
        "orderIssuer", "青溪县人民检察院", "orderTerms", "督促监护人停止侵害、履行监护职责",
        "complianceCheckDays", 30));
    later(Duration.ofDays(30).plusMinutes(1), pi);
    complete(intervention, "Task_CheckCompliance", "legal-officer@371330", Map.of(
        "compliance", "not-complied", "complianceNote", "监护人拒不改正"));
    complete(intervention, "Task_ReviewMeasureOutcome", "legal-officer@371330", Map.of(
        "interventionOutcome", "escalate", "outcomeNote", "升级为申请撤销监护人资格"));

    // revocation of guardianship; the judgment arrives through the liaison endpoint
    complete(intervention, "Task_ChooseMeasure", "legal-officer@371330", Map.of(
        "measure", "revocation", "measureReason", "经督促仍拒不履行监护职责"));
    complete(intervention, "Task_ApplyRevocation", "legal-officer@371330", Map.of(
        "orderIssuer", "青溪县人民法院", "orderTerms", "监护人严重损害被监护人身心健康"));
    Api.Response judgment = Api.as(rest, "legal").post("/api/interventions/" + caseNumber
        + "/court-decision", Map.of("ruling", "granted", "decisionNumber", "(2026)鲁1330民特8号"));
    assertThat(judgment.status()).as(judgment.toString()).isEqualTo(202);
    DocumentFixtures.courtDecisionUploaded(rest, childId, caseNumber);
    complete(intervention, "Task_ArrangeLongTermGuardianship", "county-centre@371330", Map.of(
        "longTermPlace", "青溪县儿童福利机构", "longTermNote", "民政部门长期监护"));
    assertThat(intervention).hasPassed("EndEvent_LongTermGuardianship").isEnded();
    assertThat(review).as("temporary guardianship ended").isEnded();

    Api.Response orders = Api.as(rest, "centre").get("/api/children/" + childId + "/orders");
    assertThat(orders.status()).isEqualTo(200);
    List<String> kinds = new java.util.ArrayList<>();
    orders.json().forEach(o -> kinds.add(o.path("kind").asText() + ":" + o.path("status").asText()));
    assertThat(kinds).containsExactlyInAnyOrder("SUPERVISION_ORDER:NOT_COMPLIED",
        "REVOCATION:GRANTED", "LONG_TERM_GUARDIANSHIP:IN_FORCE");
    Api.Response placements = Api.as(rest, "centre")
        .get("/api/children/" + childId + "/placements");
    assertThat(placements.json().get(0).path("status").asText()).isEqualTo("ENDED");

    // assistance: the plan and the five forms by five people
    assertThat(pi).isWaitingAt(GuardianshipCase.CALL_ASSISTANCE);
    ProcessInstance assistance = fixtures.called(pi, "assistance");
    Map<String, Object> plan = new HashMap<>();
    plan.put("planGoals", "保障儿童在长期监护中的身心健康和就学");
    plan.put("planServices", List.of("counselling", "schooling"));
    plan.put("planResponsible", "县中心、社工机构、学校");
    plan.put("planReviewDays", 30);
    plan.put("referralDueDays", 10);
    complete(assistance, "Task_DraftCasePlan", "station-chief@371330101", plan);
    complete(assistance, "Task_CollectCaseInformation", "child-director@371330101201", Map.of(
        "caseInformation", "儿童已由儿童福利机构监护", "childWishes", "希望继续在原学校读书"));
    complete(assistance, "Task_ReviewCaseInformation", "child-supervisor@371330101", Map.of(
        "informationReview", "信息完整"));
    complete(assistance, "Task_DiagnoseCase", "expert@371330", Map.of(
        "expertDiagnosis", "存在创伤后应激反应", "expertAdvice", "持续心理干预半年"));
    complete(assistance, "Task_HoldCaseConference", "station-chief@371330101", Map.of(
        "conferenceParticipants", "民政、教育、卫健", "conferenceResolution", "社工机构负责心理干预"));
    complete(assistance, "Task_DeliverServices", "social-organisation@371330", Map.of(
        "servicesDelivered", "每周心理辅导", "serviceEffect", "情绪稳定"));
    later(Duration.ofDays(30).plusMinutes(1), pi);
    complete(assistance, "Task_ReviewCasePlan", "station-chief@371330101", Map.of(
        "planReviewOutcome", "achieved", "planReviewNote", "目标已实现", "planReviewDays", 30));

    // closure and return visits
    complete(pi, GuardianshipCase.TASK_APPROVE_CLOSURE, "station-chief@371330101", Map.of(
        "closureReason", "long-term-guardianship", "closureOutcome", "儿童已转入国家长期监护"));
    assertThat(cases.findByNumber(caseNumber).orElseThrow().getClosureReason())
        .isEqualTo("LONG_TERM_GUARDIANSHIP");
    later(Duration.ofDays(32), pi);
    complete(pi, GuardianshipCase.TASK_RETURN_VISIT, "child-director@371330101201", Map.of(
        "renewedRisk", "no", "returnVisitNote", "儿童适应良好"));
    later(Duration.ofDays(62), pi);
    complete(pi, GuardianshipCase.TASK_RETURN_VISIT, "child-director@371330101201", Map.of(
        "renewedRisk", "no", "returnVisitNote", "儿童学习生活正常"));
    assertThat(pi).hasPassed(GuardianshipCase.END_RETURN_VISITS_DONE).isEnded();
  }
}
