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
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The end of {@code guardianship-case} (part 2): assistance, the station chief's approval of the
 * closure, return visits at 1 and 3 months, and a return visit that finds renewed risk reopening a
 * linked case.
 */
@GuardianTest
class CaseClosureProcessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseRepository cases;
  @Autowired ReportRepository reports;

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

  CaseFile caseFile(ProcessInstance pi) {
    return cases.findByNumber(pi.getBusinessKey()).orElseThrow();
  }

  void complete(ProcessInstance pi, String key, String group, Map<String, Object> vars) {
    Task t = fixtures.task(pi, key);
    assertThat(t).as(key).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList()).as(key).contains(group);
    tasks.complete(t.getId(), vars);
  }

  /** A blue case: report, triage, assessment, then assistance with a plan reviewed after 7 days. */
  ProcessInstance assistedCase(Map<String, Object> child) {
    ProcessInstance pi = fixtures.caseOf(fixtures.report("school-101",
        CaseFixtures.reportAbout(child)).path("number").asText());
    fixtures.triage(pi, "proceed", "within-10d", null);
    fixtures.assess(fixtures.called(pi, "risk-assessment"), "blue", null, null);

    assertThat(pi).hasNotPassed(GuardianshipCase.CALL_INTERVENTION)
        .isWaitingAt(GuardianshipCase.CALL_ASSISTANCE);
    ProcessInstance assistance = fixtures.called(pi, "assistance");
    Map<String, Object> plan = new HashMap<>();
    plan.put("planGoals", "帮助儿童返校就读");
    plan.put("planServices", List.of("schooling"));
    plan.put("planResponsible", "儿童主任、学校班主任");
    plan.put("planReviewDays", 7);
    plan.put("referralDueDays", 10);
    complete(assistance, "Task_DraftCasePlan", "station-chief@371330101", plan);
    later(Duration.ofDays(7).plusMinutes(1), pi);
    complete(assistance, "Task_ReviewCasePlan", "station-chief@371330101", Map.of(
        "planReviewOutcome", "achieved", "planReviewNote", "儿童已返校", "planReviewDays", 30));
    return pi;
  }

  void approveClosure(ProcessInstance pi) {
    assertThat(pi).hasPassed(GuardianshipCase.CALL_ASSISTANCE)
        .isWaitingAt(GuardianshipCase.TASK_APPROVE_CLOSURE);
    assertThat(caseFile(pi).getStatus()).isEqualTo(CaseStatus.HANDED_OVER);
    complete(pi, GuardianshipCase.TASK_APPROVE_CLOSURE, "station-chief@371330101", Map.of(
        "closureReason", "goals-achieved", "closureOutcome", "儿童已返校，家庭监护正常"));
  }

  void returnVisit(ProcessInstance pi, String renewedRisk) {
    complete(pi, GuardianshipCase.TASK_RETURN_VISIT, "child-director@371330101201", Map.of(
        "renewedRisk", renewedRisk, "returnVisitNote",
        "yes".equals(renewedRisk) ? "儿童再次辍学，监护人外出" : "儿童在校情况良好"));
  }

  @Test
  void stationChiefApprovesClosureThenReturnVisitsAtOneAndThreeMonths() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = assistedCase(child);
    approveClosure(pi);

    CaseFile closed = caseFile(pi);
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.getClosureReason()).isEqualTo("GOALS_ACHIEVED");
    assertThat(closed.getClosureOutcome()).isEqualTo("儿童已返校，家庭监护正常");
    assertThat(pi).isWaitingAt(GuardianshipCase.TIMER_RETURN_VISIT);

    later(Duration.ofDays(27), pi);
    assertThat(pi).isWaitingAt(GuardianshipCase.TIMER_RETURN_VISIT);
    later(Duration.ofDays(5), pi);
    returnVisit(pi, "no");
    assertThat(pi).isWaitingAt(GuardianshipCase.TIMER_RETURN_VISIT);

    later(Duration.ofDays(55), pi);
    assertThat(pi).isWaitingAt(GuardianshipCase.TIMER_RETURN_VISIT);
    later(Duration.ofDays(8), pi);
    returnVisit(pi, "no");

    assertThat(pi).hasNotPassed(GuardianshipCase.TASK_REOPEN)
        .hasPassed(GuardianshipCase.END_RETURN_VISITS_DONE).isEnded();
    assertThat(caseFile(pi).getReturnVisits()).isEqualTo(2);
  }

  @Test
  void returnVisitFindingRenewedRiskReopensALinkedCase() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = assistedCase(child);
    approveClosure(pi);
    later(Duration.ofDays(32), pi);
    returnVisit(pi, "yes");

    assertThat(pi).hasPassed(GuardianshipCase.TASK_REOPEN, GuardianshipCase.END_REOPENED)
        .isEnded();
    ProcessInstance reopened = runtime.createProcessInstanceQuery()
        .processDefinitionKey(GuardianshipCase.KEY)
        .variableValueEquals("childId", child.get("id")).singleResult();
    assertThat(reopened).as("the reopened case").isNotNull();
    assertThat(reopened.getBusinessKey()).isNotEqualTo(pi.getBusinessKey());
    assertThat(reopened).isWaitingAt(GuardianshipCase.TASK_TRIAGE);
    Report report = reports.findById(
        ((Number) runtime.getVariable(reopened.getId(), "reportId")).longValue()).orElseThrow();
    assertThat(report.getChannel()).isEqualTo(ReportChannel.RETURN_VISIT);
    assertThat(report.getFollowsCaseNumber()).isEqualTo(pi.getBusinessKey());
  }
}
