package org.guardian.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.ProcessJobs;
import org.guardian.TestChildren;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.TaskCompletionRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code assistance} and {@code referral}: the case plan, the five-forms loop for red and yellow
 * cases, referrals accepted, rejected and overdue, and the plan review on its timer.
 */
@GuardianTest
class AssistanceProcessTest {

  static final String VILLAGE = TestChildren.VILLAGE_101201;

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AssistancePlans plans;
  @Autowired CasePlanRepository planRepository;

  Instant start;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  long registeredChild() {
    Api.Response r = Api.as(rest, "director-" + VILLAGE.substring(6))
        .post("/api/children", TestChildren.leftBehind(VILLAGE));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  ProcessInstance assistance(String colour) {
    return assistance(colour, 365);
  }

  ProcessInstance assistance(String colour, int reassessWithinDays) {
    Map<String, Object> vars = AreaVariables.of(VILLAGE);
    String caseNumber = "GC-9998-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    vars.put("caseNumber", caseNumber);
    vars.put("childId", registeredChild());
    vars.put("childLabel", "王*轩 8岁 东庄村");
    vars.put("riskColour", colour);
    vars.put("reassessWithinDays", reassessWithinDays);
    return runtime.startProcessInstanceByKey(Assistance.KEY, caseNumber, vars);
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  List<String> groups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  static Map<String, Object> plan(List<String> departments) {
    Map<String, Object> v = new HashMap<>();
    v.put("planGoals", "保障儿童就学，改善家庭监护");
    v.put("planServices", List.of("schooling", "counselling"));
    v.put("planResponsible", "儿童主任负责每周走访，社工负责心理疏导");
    v.put("planReviewDays", 30);
    v.put("referralDepartments", departments);
    v.put("referralDueDays", 10);
    return v;
  }

  void complete(ProcessInstance pi, String key, String group, Map<String, Object> vars) {
    Task t = task(pi, key);
    assertThat(t).as(key).isNotNull();
    assertThat(groups(t)).as(key).containsExactly(group);
    tasks.complete(t.getId(), vars);
  }

  /** Goes through the five forms by five people, asserting who gets each. */
  void fiveForms(ProcessInstance pi) {
    complete(pi, Assistance.TASK_COLLECT, "child-director@371330101201", Map.of(
        "caseInformation", "父母均在外务工，祖母年迈多病", "childWishes", "希望父母多打电话"));
    complete(pi, Assistance.TASK_REVIEW_INFORMATION, "child-supervisor@371330101", Map.of(
        "informationReview", "情况属实，建议重点关注心理状况"));
    complete(pi, Assistance.TASK_DIAGNOSE, "expert@371330", Map.of(
        "expertDiagnosis", "监护能力不足，存在情绪问题", "expertAdvice", "心理疏导，落实委托照护人"));
    complete(pi, Assistance.TASK_CONFERENCE, "station-chief@371330101", Map.of(
        "conferenceParticipants", "民政、教育、妇联", "conferenceResolution", "教育部门安排结对老师"));
    complete(pi, Assistance.TASK_DELIVER, "social-organisation@371330", Map.of(
        "servicesDelivered", "每周一次心理辅导", "serviceEffect", "情绪明显好转"));
  }

  void reviewDue(ProcessInstance pi, int days) {
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(days)).plusSeconds(60)));
    ProcessJobs.run(engine, pi.getId());
  }

  @Test
  void planWithChecklistsIsCompletedOverTheEngineRestApiAsJsonLists() {
    ProcessInstance pi = assistance("blue");
    Task draft = task(pi, Assistance.TASK_DRAFT_PLAN);
    Map<String, Object> list = Map.of("value", "[\"schooling\",\"counselling\"]", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
            "serializationDataFormat", "application/json"));
    Map<String, Object> variables = new HashMap<>();
    variables.put("planGoals", Map.of("value", "保障儿童就学，改善家庭监护"));
    variables.put("planServices", list);
    variables.put("planResponsible", Map.of("value", "儿童主任负责每周走访"));
    variables.put("planReviewDays", Map.of("value", 30, "type", "Integer"));
    variables.put("referralDueDays", Map.of("value", 10, "type", "Integer"));
    Map<String, Object> bad = new HashMap<>(variables);
    bad.put("planServices", Map.of("value", "[\"schooling\",\"flying\"]", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
            "serializationDataFormat", "application/json")));

    Api.Response refused = Api.as(rest, "chief-101").post("/engine-rest/task/" + draft.getId()
        + "/complete", Map.of("variables", bad));
    Api.Response done = Api.as(rest, "chief-101").post("/engine-rest/task/" + draft.getId()
        + "/complete", Map.of("variables", variables));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertThat(pi).hasPassed(Assistance.TASK_RECORD_PLAN);
    assertThat(runtime.getVariable(pi.getId(), "planServices"))
        .isEqualTo(List.of("schooling", "counselling"));
  }

  /**
   * Tasklist submits a Camunda Form's checklist as a {@code Json} variable (a JSON array text),
   * not as a Java list: the plan is validated on its items, stored as a list, and the referrals
   * run one per department chosen.
   */
  @Test
  void planFromTasklistWithChecklistsAsJsonStartsOneReferralPerDepartment() {
    ProcessInstance pi = assistance("blue");
    Task draft = task(pi, Assistance.TASK_DRAFT_PLAN);
    Map<String, Object> variables = new HashMap<>();
    variables.put("planGoals", Map.of("value", "保障儿童就学，改善家庭监护", "type", "String"));
    variables.put("planServices",
        Map.of("value", "[\"schooling\",\"counselling\"]", "type", "Json"));
    variables.put("planResponsible", Map.of("value", "儿童主任负责每周走访", "type", "String"));
    variables.put("planReviewDays", Map.of("value", 30, "type", "Long"));
    variables.put("referralDepartments",
        Map.of("value", "[\"education\",\"health\"]", "type", "Json"));
    variables.put("referralDueDays", Map.of("value", 10, "type", "Long"));
    Map<String, Object> bad = new HashMap<>(variables);
    bad.put("planServices", Map.of("value", "[\"schooling\",\"flying\"]", "type", "Json"));
    Map<String, Object> notAList = new HashMap<>(variables);
    notAList.put("planServices", Map.of("value", "{\"a\":1}", "type", "Json"));
    Api chief = Api.as(rest, "chief-101");
    String submit = "/engine-rest/task/" + draft.getId() + "/submit-form";

    Api.Response refused = chief.post(submit, Map.of("variables", bad));
    Api.Response refusedObject = chief.post(submit, Map.of("variables", notAList));
    Api.Response done = chief.post(submit, Map.of("variables", variables));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.text()).contains("planServices", "含有不可选的值");
    assertThat(refusedObject.status()).as(refusedObject.toString()).isEqualTo(400);
    assertThat(refusedObject.text()).contains("planServices", "应为选项列表");
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertThat(runtime.getVariable(pi.getId(), "planServices"))
        .isEqualTo(List.of("schooling", "counselling"));
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("referral").count()).isEqualTo(2);
  }

  @Test
  void blueCaseHasAPlanOnlyReviewedOnItsTimerUntilAchieved() {
    ProcessInstance pi = assistance("blue");
    complete(pi, Assistance.TASK_DRAFT_PLAN, "station-chief@371330101", plan(List.of()));

    assertThat(pi).hasPassed(Assistance.TASK_RECORD_PLAN).hasNotPassed(Assistance.TASK_COLLECT,
        Assistance.CALL_REFERRALS).isWaitingAt(Assistance.TIMER_PLAN_REVIEW);
    long planId = ((Number) runtime.getVariable(pi.getId(), "casePlanId")).longValue();

    reviewDue(pi, 29);
    assertThat(pi).isWaitingAt(Assistance.TIMER_PLAN_REVIEW);
    reviewDue(pi, 30);
    complete(pi, Assistance.TASK_REVIEW_PLAN, "station-chief@371330101", Map.of(
        "planReviewOutcome", "continue", "planReviewNote", "就学已落实，继续心理疏导",
        "planReviewDays", 60));
    assertThat(pi).isWaitingAt(Assistance.TIMER_PLAN_REVIEW);
    reviewDue(pi, 30 + 60);
    complete(pi, Assistance.TASK_REVIEW_PLAN, "station-chief@371330101", Map.of(
        "planReviewOutcome", "achieved", "planReviewNote", "目标均已实现", "planReviewDays", 30));

    assertThat(pi).hasPassed(Assistance.END_COMPLETED).isEnded();
    CasePlan saved = planRepository.findById(planId).orElseThrow();
    assertThat(saved.getReviews()).isEqualTo(2);
    assertThat(saved.getAchievedAt()).isNotNull();
  }

  @Test
  void riskIsReassessedOnTheColoursCadenceWhileThePlanRuns() {
    ProcessInstance pi = assistance("blue", 20);
    complete(pi, Assistance.TASK_DRAFT_PLAN, "station-chief@371330101", plan(List.of()));
    assertThat(pi).isWaitingAt(Assistance.TIMER_PLAN_REVIEW, Assistance.TIMER_REASSESSMENT);

    reviewDue(pi, 20);
    assertThat(pi).isWaitingAt(Assistance.CALL_REASSESSMENT, Assistance.TIMER_PLAN_REVIEW);
    ProcessInstance reassessment = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).processDefinitionKey("risk-assessment")
        .singleResult();
    assertThat(groups(task(reassessment, "Task_CollectGuardianshipIndicators")))
        .containsExactly("child-director@371330101201");
    // the reassessment finds the family yellow now: colour and cadence follow
    tasks.complete(task(reassessment, "Task_CollectGuardianshipIndicators").getId(),
        org.guardian.assessment.IndicatorFixtures.collected("yellow"));
    tasks.complete(task(reassessment, "Task_ReviewGuardianshipIndicators").getId(),
        org.guardian.assessment.IndicatorFixtures.confirmed("yellow"));
    ProcessJobs.run(engine, pi.getId());
    tasks.complete(task(reassessment, "Task_ConfirmRiskColour").getId(),
        Map.of("confirmedColour", "yellow"));
    ProcessJobs.run(engine, pi.getId());
    assertThat(pi).hasPassed(Assistance.CALL_REASSESSMENT)
        .isWaitingAt(Assistance.TIMER_REASSESSMENT, Assistance.TIMER_PLAN_REVIEW).variables()
        .containsEntry("riskColour", "yellow").containsEntry("reassessWithinDays", 90);
    reviewDue(pi, 25);
    reassessment = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("risk-assessment").singleResult();
    assertThat(reassessment).as("next reassessment after 90 days").isNull();

    reviewDue(pi, 30);
    complete(pi, Assistance.TASK_REVIEW_PLAN, "station-chief@371330101", Map.of(
        "planReviewOutcome", "achieved", "planReviewNote", "目标均已实现", "planReviewDays", 30));
    assertThat(pi).hasPassed(Assistance.END_COMPLETED).isEnded();
  }

  @Test
  void redCaseGoesThroughTheFiveFormsByFivePeople() {
    ProcessInstance pi = assistance("red");
    complete(pi, Assistance.TASK_DRAFT_PLAN, "station-chief@371330101", plan(null));

    assertThat(pi).isWaitingAt(Assistance.TASK_COLLECT);
    fiveForms(pi);

    assertThat(pi).hasPassed(Assistance.TASK_DELIVER).hasNotPassed(Assistance.CALL_REFERRALS)
        .isWaitingAt(Assistance.TIMER_PLAN_REVIEW);
  }

  @Test
  void yellowCaseGoesThroughTheFiveFormsToo() {
    ProcessInstance pi = assistance("yellow");
    complete(pi, Assistance.TASK_DRAFT_PLAN, "station-chief@371330101", plan(List.of()));
    assertThat(pi).isWaitingAt(Assistance.TASK_COLLECT);
  }

  ProcessInstance referralOf(ProcessInstance pi, String department) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list().stream()
        .filter(r -> department.equals(runtime.getVariable(r.getId(), "department")))
        .findFirst().orElseThrow();
  }

  @Test
  void referralsRunInParallelAcceptedDoneAndRejectedWithAReason() {
    ProcessInstance pi = assistance("blue");
    String caseNumber = pi.getBusinessKey();
    complete(pi, Assistance.TASK_DRAFT_PLAN, "station-chief@371330101",
        plan(List.of("education", "civil-affairs")));

    assertThat(pi).isWaitingAt(Assistance.CALL_REFERRALS);
    assertThat(plans.ofCase(caseNumber)).extracting(ReferralView::state)
        .containsExactly(ReferralState.SENT, ReferralState.SENT);
    ProcessInstance education = referralOf(pi, "education");
    ProcessInstance civil = referralOf(pi, "civil-affairs");
    Task followUp = task(education, Assistance.TASK_FOLLOW_UP_REFERRAL);
    assertThat(groups(followUp)).containsExactly("child-supervisor@371330101");
    assertThat(Duration.between(start, followUp.getDueDate().toInstant()).toSeconds())
        .isEqualTo(Duration.ofDays(10).toSeconds());

    complete(education, Assistance.TASK_FOLLOW_UP_REFERRAL, "child-supervisor@371330101",
        Map.of("referralAnswer", "accepted"));
    complete(education, Assistance.TASK_CONFIRM_REFERRAL_DONE, "child-supervisor@371330101",
        Map.of("referralNote", "已安排结对老师每周辅导"));
    assertThat(education).hasPassed(Assistance.END_REFERRAL_DONE).isEnded();

    String civilTask = task(civil, Assistance.TASK_FOLLOW_UP_REFERRAL).getId();
    assertThatThrownBy(() -> tasks.complete(civilTask, Map.of("referralAnswer", "rejected")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("referralRejectReason");
    tasks.complete(civilTask, Map.of("referralAnswer", "rejected",
        "referralRejectReason", "家庭收入超过低保标准"));
    assertThat(civil).hasPassed(Assistance.END_REFERRAL_REJECTED).isEnded();

    assertThat(pi).hasPassed(Assistance.CALL_REFERRALS).isWaitingAt(Assistance.TIMER_PLAN_REVIEW);
    assertThat(plans.ofCase(caseNumber)).extracting(ReferralView::department, ReferralView::state,
        ReferralView::rejectReason).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("education", ReferralState.DONE, null),
            org.assertj.core.groups.Tuple.tuple("civil-affairs", ReferralState.REJECTED,
                "家庭收入超过低保标准"));
  }

  @Test
  void overdueReferralIsEscalatedToTheStationChief() {
    ProcessInstance pi = assistance("blue");
    complete(pi, Assistance.TASK_DRAFT_PLAN, "station-chief@371330101",
        plan(List.of("health")));
    ProcessInstance health = referralOf(pi, "health");

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(10)).plusSeconds(60)));
    ProcessJobs.run(engine, pi.getId());

    assertThat(health).hasPassed(Assistance.TIMER_REFERRAL_OVERDUE,
        Assistance.TASK_ESCALATE_REFERRAL).isWaitingAt(Assistance.TASK_FOLLOW_UP_REFERRAL);
    assertThat(groups(task(health, Assistance.TASK_FOLLOW_UP_REFERRAL)))
        .containsExactlyInAnyOrder("child-supervisor@371330101", "station-chief@371330101");
    assertThat(plans.ofCase(pi.getBusinessKey())).singleElement()
        .satisfies(r -> assertThat(r.overdue()).isTrue());

    long child = ((Number) runtime.getVariable(pi.getId(), "childId")).longValue();
    Api.Response inFile = Api.as(rest, "chief-101").get("/api/children/" + child + "/referrals");
    assertThat(inFile.status()).isEqualTo(200);
    assertThat(inFile.json().get(0).path("department").asText()).isEqualTo("health");
    assertThat(inFile.json().get(0).path("overdue").asBoolean()).isTrue();
    assertThat(Api.as(rest, "chief-102").get("/api/children/" + child + "/referrals").status())
        .isEqualTo(404);
  }
}
