package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.guardian.monitoring.MonitoringTestSupport.DIRECTOR;
import static org.guardian.monitoring.MonitoringTestSupport.TOWNSHIP;
import static org.guardian.monitoring.MonitoringTestSupport.VILLAGE;
import static org.guardian.monitoring.MonitoringTestSupport.bornOn;
import static org.guardian.monitoring.MonitoringTestSupport.child;
import static org.guardian.monitoring.MonitoringTestSupport.clockAt;
import static org.guardian.monitoring.MonitoringTestSupport.endOf;
import static org.guardian.monitoring.MonitoringTestSupport.leftBehind;
import static org.guardian.monitoring.MonitoringTestSupport.leftBehindVisit;
import static org.guardian.monitoring.MonitoringTestSupport.now;
import static org.guardian.monitoring.MonitoringTestSupport.today;
import static org.guardian.monitoring.MonitoringTestSupport.visit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
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
import org.guardian.people.Area;
import org.guardian.people.Areas;
import org.guardian.registry.ChildService;
import org.guardian.workflow.TaskCompletionRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The process {@code monitoring}: started with the child's file, a home visit for the village's
 * child director on the child's cadence, escalation of an overdue visit, the visit recorded in the
 * child's file, the replacement of an incapable caregiver, and the changes of the file it follows.
 */
@GuardianTest
class MonitoringProcessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Areas areas;
  @Autowired ChildService childService;
  @Autowired MonitoringService monitoringService;
  @Autowired MonitoringEnrolment enrolment;

  MonitoringTestSupport support;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    support = new MonitoringTestSupport(rest, runtime, tasks, management);
    clockAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void registeringAChildStartsItsMonitoringWithAHomeVisitForTheVillagesChildDirector() {
    long childId = support.register(leftBehind());

    ProcessInstance pi = support.monitoring(childId);
    assertThat(pi).as("monitoring started with the file").isNotNull();
    assertThat(pi).isWaitingAt(Monitoring.TASK_HOME_VISIT);
    Task visit = support.task(pi, Monitoring.TASK_HOME_VISIT);
    assertThat(visit.getName()).startsWith("入户走访 · ").contains("岁 ");
    assertThat(visit).hasCandidateGroup("child-director@" + VILLAGE);
    LocalDate dueDay = today().plusMonths(3);
    assertThat(visit.getDueDate()).isEqualTo(Date.from(endOf(dueDay)));
    assertThat(pi).variables().containsEntry("villageCode", VILLAGE)
        .containsEntry("townshipCode", TOWNSHIP).containsEntry("visitInterval", "P3M")
        .containsEntry("visitIntervalLabel", "每3个月")
        .containsEntry("phoneContactRequired", false).containsEntry("leftBehind", true)
        .containsEntry("visitDueDay", dueDay.toString())
        .doesNotContainKeys("categories", "riskFlags", "decisionResult");
    assertThat(support.timerDue(pi, Monitoring.TIMER_VISIT_OVERDUE))
        .isEqualTo(Date.from(endOf(dueDay)));
    assertThat(support.timerDue(pi, Monitoring.TIMER_VISIT_OVERDUE_SECOND))
        .isEqualTo(Date.from(endOf(dueDay.plusDays(14))));
  }

  @Test
  void overdueVisitEscalatesToTheChildSupervisorThenToTheStationChief() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    LocalDate dueDay = today().plusMonths(3);

    clockAt(endOf(dueDay).minusSeconds(60));
    assertThat(support.fireDueTimers(pi)).as("nothing is due before the end of the due day")
        .isZero();

    clockAt(endOf(dueDay).plusSeconds(60));
    assertThat(support.fireDueTimers(pi)).isEqualTo(1);
    Task overdue = support.task(pi, Monitoring.TASK_OVERDUE_VISIT);
    assertThat(overdue.getName()).startsWith("督办逾期走访 · ").contains("岁 ");
    assertThat(overdue).hasCandidateGroup("child-supervisor@" + TOWNSHIP);
    assertThat(support.task(pi, Monitoring.TASK_HOME_VISIT)).as("the visit stays open")
        .isNotNull();
    assertThat(support.task(pi, Monitoring.TASK_ESCALATE_OVERDUE_VISIT)).isNull();

    clockAt(endOf(dueDay.plusDays(14)).plusSeconds(60));
    assertThat(support.fireDueTimers(pi)).isEqualTo(1);
    Task escalated = support.task(pi, Monitoring.TASK_ESCALATE_OVERDUE_VISIT);
    assertThat(escalated.getName()).startsWith("督办严重逾期走访 · ").contains("岁 ");
    assertThat(escalated).hasCandidateGroup("station-chief@" + TOWNSHIP);
    assertThat(support.tasks(pi, Monitoring.TASK_HOME_VISIT)).hasSize(1);
  }

  @Test
  void completingTheVisitLateClosesTheEscalationTasksAndRecordsItAsLate() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    LocalDate dueDay = today().plusMonths(3);
    clockAt(endOf(dueDay.plusDays(20)));
    assertThat(support.fireDueTimers(pi)).isEqualTo(2);
    String overdue = support.task(pi, Monitoring.TASK_OVERDUE_VISIT).getId();
    String escalated = support.task(pi, Monitoring.TASK_ESCALATE_OVERDUE_VISIT).getId();
    String visit = support.task(pi, Monitoring.TASK_HOME_VISIT).getId();

    tasks.complete(visit, leftBehindVisit(4));

    assertThat(tasks.createTaskQuery().taskIdIn(overdue, escalated).count())
        .as("escalation tasks closed").isZero();
    assertThat(pi).hasPassed(Monitoring.END_VISIT_DONE, Monitoring.TASK_RECORD_VISIT);
    Task next = support.task(pi, Monitoring.TASK_HOME_VISIT);
    assertThat(next.getId()).as("the next cycle's visit").isNotEqualTo(visit);
    assertThat(next.getDueDate()).isEqualTo(Date.from(endOf(today().plusMonths(3))));
    assertThat(support.tasks(pi, Monitoring.TASK_OVERDUE_VISIT)).isEmpty();

    JsonNode visits = Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/visits").json();
    assertThat(visits).hasSize(1);
    assertThat(visits.get(0).path("onTime").asBoolean()).isFalse();
    assertThat(visits.get(0).path("dueOn").asText()).isEqualTo(dueDay.toString());
  }

  @Test
  void escalationTasksCanBeCompletedWhileTheVisitStaysOpen() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    clockAt(endOf(today().plusMonths(3).plusDays(20)));
    support.fireDueTimers(pi);

    tasks.complete(support.task(pi, Monitoring.TASK_OVERDUE_VISIT).getId(),
        Map.of("overdueAction", "urged", "expectedVisitDate", today().plusDays(3).toString(),
            "overdueNote", "儿童主任外出培训，约定三日内走访"));
    tasks.complete(support.task(pi, Monitoring.TASK_ESCALATE_OVERDUE_VISIT).getId(),
        Map.of("escalationMeasure", "interview", "escalationNote", "已约谈儿童主任，明日走访"));

    assertThat(pi).hasPassed("EndEvent_OverdueFollowedUp", "EndEvent_EscalationFollowedUp");
    assertThat(pi).isWaitingAt(Monitoring.TASK_HOME_VISIT);
    assertThat(pi).variables().doesNotContainKeys("overdueNote", "escalationNote");
  }

  @Test
  void aChildInNoMonitoredCategoryIsNotMonitored() {
    long childId = support.register(child(List.of("TEMPORARY_GUARDIANSHIP"), List.of(), null));

    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(Monitoring.KEY)
        .processInstanceBusinessKey(String.valueOf(childId)).singleResult().getEndTime())
        .isNotNull();
    assertThat(history.createHistoricActivityInstanceQuery()
        .activityId(Monitoring.END_NOT_MONITORED).processInstanceId(history
            .createHistoricProcessInstanceQuery().processDefinitionKey(Monitoring.KEY)
            .processInstanceBusinessKey(String.valueOf(childId)).singleResult().getId())
        .count()).isEqualTo(1);
  }

  static Stream<Arguments> cadencePerRule() {
    return Stream.of(
        Arguments.of("Rule_OrphanIntensified", List.of("DE_FACTO_UNSUPPORTED"),
            List.of("PSYCH_BEHAVIOURAL_ANOMALY"), null, 1, true),
        Arguments.of("Rule_Orphan", List.of("SCATTERED_ORPHAN"), List.of(), null, 1, false),
        Arguments.of("Rule_MonthlyRiskIntensified", List.of("IN_DIFFICULTY"),
            List.of("SEVERE_DISABILITY"), "OWN_DISABILITY", 1, true),
        Arguments.of("Rule_MonthlyRisk", List.of("LEFT_BEHIND"), List.of("SCHOOL_DROPOUT"), null,
            1, false),
        Arguments.of("Rule_Intensified", List.of("LEFT_BEHIND", "SINGLE_PARENT"), List.of(), null,
            2, true),
        Arguments.of("Rule_LeftBehindOrInDifficulty", List.of("IN_DIFFICULTY"), List.of(),
            "FAMILY_POVERTY", 3, false),
        Arguments.of("Rule_OtherProtected", List.of("HIV_AFFECTED"), List.of(), null, 3, false));
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> every {4} month(s), phone {5}")
  @MethodSource("cadencePerRule")
  void theHomeVisitIsDueOnTheCadenceOfTheChildsCategory(String rule, List<String> categories,
      List<String> flags, String difficultyKind, int months, boolean phone) {
    long childId = support.register(child(categories, flags, difficultyKind));
    ProcessInstance pi = support.monitoring(childId);

    LocalDate dueDay = today().plusMonths(months);
    assertThat(support.task(pi, Monitoring.TASK_HOME_VISIT).getDueDate())
        .isEqualTo(Date.from(endOf(dueDay)));
    assertThat(pi).variables().containsEntry("visitInterval", "P" + months + "M")
        .containsEntry("phoneContactRequired", phone);
    assertThat(support.timerDue(pi, Monitoring.TIMER_PHONE_CONTACT_DUE) != null)
        .as("phone contact between visits").isEqualTo(phone);
    assertThat(support.timerDue(pi, Monitoring.TIMER_VISIT_OVERDUE_SECOND))
        .isEqualTo(Date.from(endOf(dueDay.plusDays(months == 1 ? 7 : 14))));
  }

  @Test
  void anIntensifiedCadenceAddsAPhoneContactHalfWayBetweenVisits() {
    long childId = support.register(child(List.of("LEFT_BEHIND", "SINGLE_PARENT"), List.of(),
        null));
    ProcessInstance pi = support.monitoring(childId);
    LocalDate start = today();
    long half = ChronoUnit.DAYS.between(start, start.plusMonths(2)) / 2;
    assertThat(support.timerDue(pi, Monitoring.TIMER_PHONE_CONTACT_DUE))
        .isEqualTo(Date.from(start.plusDays(half).atStartOfDay(MonitoringTestSupport.ZONE)
            .toInstant()));

    clockAt(start.plusDays(half).atStartOfDay(MonitoringTestSupport.ZONE).toInstant()
        .plusSeconds(3600));
    assertThat(support.fireDueTimers(pi)).isEqualTo(1);
    Task call = support.task(pi, Monitoring.TASK_PHONE_CONTACT);
    assertThat(call.getName()).startsWith("电话联系儿童 · ").contains("岁 ");
    assertThat(call).hasCandidateGroup("child-director@" + VILLAGE);

    assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("contactedPerson", "caregiver",
        "childSafe", "no", "contactNotes", "情况不好")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("contactNotes");
    tasks.complete(call.getId(), Map.of("contactedPerson", "caregiver", "childSafe", "yes",
        "contactNotes", "奶奶说孩子一切正常"));

    assertThat(pi).hasPassed("EndEvent_PhoneContactDone");
    assertThat(pi).isWaitingAt(Monitoring.TASK_HOME_VISIT);
  }

  @Test
  void aVisitWithoutPhoneContactEndsThatBranchAtOnce() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    assertThat(pi).hasPassed("EndEvent_NoPhoneContact");
    assertThat(support.timerDue(pi, Monitoring.TIMER_PHONE_CONTACT_DUE)).isNull();
  }

  @Test
  void aCategoryChangeMovesThePendingVisitToTheNewCadenceWithoutLosingIt() {
    Map<String, Object> body = leftBehind();
    long childId = support.register(body);
    ProcessInstance pi = support.monitoring(childId);
    LocalDate registered = today();
    Task before = support.task(pi, Monitoring.TASK_HOME_VISIT);
    tasks.claim(before.getId(), DIRECTOR);
    assertThat(before.getDueDate()).isEqualTo(Date.from(endOf(registered.plusMonths(3))));

    clockAt(now().plus(Duration.ofDays(10)));
    body.put("categories", List.of("LEFT_BEHIND", "SINGLE_PARENT"));
    support.update(childId, body);

    Task after = support.task(pi, Monitoring.TASK_HOME_VISIT);
    assertThat(after.getId()).as("the same pending visit").isEqualTo(before.getId());
    assertThat(after.getAssignee()).as("still claimed").isEqualTo(DIRECTOR);
    LocalDate newDue = registered.plusMonths(2);
    assertThat(after.getDueDate()).isEqualTo(Date.from(endOf(newDue)));
    assertThat(support.timerDue(pi, Monitoring.TIMER_VISIT_OVERDUE))
        .isEqualTo(Date.from(endOf(newDue)));
    assertThat(support.timerDue(pi, Monitoring.TIMER_VISIT_OVERDUE_SECOND))
        .isEqualTo(Date.from(endOf(newDue.plusDays(14))));
    assertThat(pi).variables().containsEntry("visitInterval", "P2M")
        .containsEntry("phoneContactRequired", true);
    assertThat(pi).hasPassed(Monitoring.TASK_REEVALUATE_CADENCE, Monitoring.TASK_RESCHEDULE_VISIT,
        Monitoring.END_VISIT_RESCHEDULED);

    clockAt(endOf(newDue).plusSeconds(60));
    assertThat(support.fireDueTimers(pi)).as("escalates on the new due date").isEqualTo(1);
    assertThat(support.task(pi, Monitoring.TASK_OVERDUE_VISIT)).isNotNull();
  }

  @Test
  void changesThatDoNotTouchTheCadenceLeaveTheVisitAlone() {
    Map<String, Object> body = leftBehind();
    long childId = support.register(body);
    ProcessInstance pi = support.monitoring(childId);
    body.put("school", "石桥镇中心小学");
    support.update(childId, body);
    assertThat(pi).hasNotPassed(Monitoring.TASK_REEVALUATE_CADENCE);
  }

  @Test
  void aChildWhoNoLongerFallsInAnyMonitoredCategoryLeavesMonitoringAndKeepsItsFile() {
    Map<String, Object> body = leftBehind();
    long childId = support.register(body);
    ProcessInstance pi = support.monitoring(childId);
    tasks.complete(support.task(pi, Monitoring.TASK_HOME_VISIT).getId(), leftBehindVisit(5));

    body.put("categories", List.of("TEMPORARY_GUARDIANSHIP"));
    support.update(childId, body);

    assertThat(pi).isEnded().hasPassed("EndEvent_NoLongerMonitored",
        Monitoring.END_NO_LONGER_MONITORED);
    assertThat(support.tasks(pi, Monitoring.TASK_HOME_VISIT)).isEmpty();
    assertThat(Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/visits").json())
        .as("the file keeps its history").hasSize(1);
  }

  @Test
  void aChildWhoMovesWithinTheCountyIsVisitedByTheNewVillagesChildDirector() {
    Map<String, Object> body = leftBehind();
    long childId = support.register(body);
    ProcessInstance pi = support.monitoring(childId);
    String visit = support.task(pi, Monitoring.TASK_HOME_VISIT).getId();
    clockAt(endOf(today().plusMonths(3)).plusSeconds(60));
    support.fireDueTimers(pi);

    body.put("villageCode", "371330102202");
    support.update(childId, body, "centre");

    assertThat(support.task(pi, Monitoring.TASK_HOME_VISIT).getId()).isEqualTo(visit);
    assertThat(pi).variables().containsEntry("villageCode", "371330102202")
        .containsEntry("townshipCode", "371330102");
    assertThat(candidateGroups(visit)).containsExactly("child-director@371330102202");
    assertThat(candidateGroups(support.task(pi, Monitoring.TASK_OVERDUE_VISIT).getId()))
        .containsExactly("child-supervisor@371330102");
  }

  @Test
  void aChildWhoLeavesTheCountyLeavesMonitoring() {
    areas.addMissing(List.of(new Area("371331", "邻县", null),
        new Area("371331101", "邻县镇", "371331"),
        new Area("371331101201", "邻县村", "371331101")));
    Map<String, Object> body = leftBehind();
    long childId = support.register(body);
    ProcessInstance pi = support.monitoring(childId);

    body.put("villageCode", "371331101201");
    support.update(childId, body, "demo");

    assertThat(pi).isEnded().hasPassed(Monitoring.END_LEFT_COUNTY);
  }

  @Test
  void aLeftBehindChildAgesOutOfMonitoringAtSixteen() {
    LocalDate birth = today().minusYears(16).plusDays(10);
    long childId = support.register(bornOn(leftBehind(), birth));
    ProcessInstance pi = support.monitoring(childId);
    Date ageOut = Date.from(birth.plusYears(16).atStartOfDay(MonitoringTestSupport.ZONE)
        .toInstant());
    assertThat(support.timerDue(pi, Monitoring.TIMER_AGED_OUT)).isEqualTo(ageOut);

    clockAt(ageOut.toInstant().minusSeconds(60));
    assertThat(support.fireDueTimers(pi)).isZero();
    clockAt(ageOut.toInstant().plusSeconds(60));
    assertThat(support.fireDueTimers(pi)).isEqualTo(1);

    assertThat(pi).isEnded().hasPassed(Monitoring.END_AGED_OUT);
    assertThat(support.tasks(pi, Monitoring.TASK_HOME_VISIT)).isEmpty();
  }

  @Test
  void aChildWhoIsAlsoInDifficultyIsMonitoredUntilEighteen() {
    LocalDate birth = today().minusYears(16).plusDays(10);
    Map<String, Object> body = bornOn(leftBehind(), birth);
    long childId = support.register(body);
    ProcessInstance pi = support.monitoring(childId);

    body.put("categories", List.of("LEFT_BEHIND", "IN_DIFFICULTY"));
    body.put("difficultyKind", "FAMILY_POVERTY");
    support.update(childId, body);

    Date eighteen = Date.from(birth.plusYears(18).atStartOfDay(MonitoringTestSupport.ZONE)
        .toInstant());
    assertThat(support.timerDue(pi, Monitoring.TIMER_AGED_OUT)).isEqualTo(eighteen);
    clockAt(birth.plusYears(16).atStartOfDay(MonitoringTestSupport.ZONE).toInstant()
        .plusSeconds(60));
    support.fireDueTimers(pi);
    assertThat(pi).isNotEnded();
  }

  @Test
  void anIncapableCaregiverIsReplacedAndTheNewOneRecordedInTheRegistry() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    Map<String, Object> visit = leftBehindVisit(6);
    visit.put("caregiverCapable", "no");
    visit.put("caregiverNote", "奶奶年迈多病，无力照料");

    tasks.complete(support.task(pi, Monitoring.TASK_HOME_VISIT).getId(), visit);

    Task replace = support.task(pi, Monitoring.TASK_REPLACE_CAREGIVER);
    assertThat(replace.getName()).startsWith("更换委托照护人 · ").contains("岁 ");
    assertThat(replace).hasCandidateGroup("child-director@" + VILLAGE);
    assertThat(support.task(pi, Monitoring.TASK_HOME_VISIT)).as("monitoring goes on meanwhile")
        .isNotNull();

    Map<String, Object> form = new java.util.HashMap<>(Map.of("parentsNotifiedOn",
        today().toString(), "newCaregiverName", "测试姑姑", "newCaregiverRelationship",
        "OTHER_RELATIVE", "newCaregiverPhone", "13700000000", "newCaregiverNamedOn",
        today().toString()));
    form.put("parentsNotified", false);
    assertThatThrownBy(() -> tasks.complete(replace.getId(), form))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("parentsNotified");
    form.put("parentsNotified", true);
    tasks.complete(replace.getId(), form);

    assertThat(pi).hasPassed(Monitoring.TASK_RECORD_NEW_CAREGIVER,
        Monitoring.END_CAREGIVER_REPLACED);
    JsonNode file = Api.as(rest, DIRECTOR).get("/api/children/" + childId).json();
    assertThat(file.path("caregiver").path("name").asText()).isEqualTo("测试姑姑");
    assertThat(file.path("caregiver").path("relationship").asText()).isEqualTo("OTHER_RELATIVE");
    assertThat(file.path("caregiver").path("namedOn").asText()).isEqualTo(today().toString());
    JsonNode changes = Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/history")
        .json();
    assertThat(changes.get(changes.size() - 1).path("changes").findValuesAsText("field"))
        .contains("caregiver.name");
    JsonNode visits = Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/visits").json();
    assertThat(visits.get(0).path("caregiverCapable").asBoolean()).isFalse();
    assertThat(pi).variables().doesNotContainKeys("newCaregiverName", "caregiverCapable");
  }

  @Test
  void theHomeVisitIsValidatedOnTheServer() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    String visit = support.task(pi, Monitoring.TASK_HOME_VISIT).getId();

    Map<String, Object> noLeftBehindAnswers = visit(5);
    assertThatThrownBy(() -> tasks.complete(visit, noLeftBehindAnswers))
        .isInstanceOf(TaskCompletionRejected.class)
        .satisfies(e -> assertThat(((TaskCompletionRejected) e).problems())
            .extracting("field")
            .containsExactlyInAnyOrder("parentsWeeklyContact", "caregiverCapable"));
    Map<String, Object> outOfRange = leftBehindVisit(5);
    outOfRange.put("concernSafety", 4);
    outOfRange.remove("visitNotes");
    assertThatThrownBy(() -> tasks.complete(visit, outOfRange))
        .isInstanceOf(TaskCompletionRejected.class)
        .satisfies(e -> assertThat(((TaskCompletionRejected) e).problems())
            .extracting("field").containsExactlyInAnyOrder("concernSafety", "visitNotes"));

    assertThat(support.task(pi, Monitoring.TASK_HOME_VISIT).getId()).isEqualTo(visit);
    assertThat(Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/visits").json())
        .isEmpty();
  }

  @Test
  void theChildDirectorCompletesTheVisitThroughTheEngineRestApi() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    String visit = support.task(pi, Monitoring.TASK_HOME_VISIT).getId();
    Map<String, Object> variables = new java.util.HashMap<>();
    leftBehindVisit(7).forEach((k, v) -> variables.put(k, Map.of("value", v)));

    Api.Response bad = Api.as(rest, DIRECTOR).post("/engine-rest/task/" + visit + "/complete",
        Map.of("variables", Map.of("visitedOn", Map.of("value", today().toString()))));
    assertThat(bad.status()).isEqualTo(400);
    Api.Response done = Api.as(rest, DIRECTOR).post("/engine-rest/task/" + visit + "/complete",
        Map.of("variables", variables));

    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    Task next = support.task(pi, Monitoring.TASK_HOME_VISIT);
    assertThat(next.getId()).isNotEqualTo(visit);
    JsonNode visits = Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/visits").json();
    assertThat(visits.get(0).path("recordedBy").asText()).isEqualTo(DIRECTOR);
    assertThat(visits.get(0).path("total").asInt()).isEqualTo(7);
    assertThat(visits.get(0).path("onTime").asBoolean()).isTrue();
  }

  @Test
  void visitsAreReadOnlyWithinTheCaseworkersArea() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    tasks.complete(support.task(pi, Monitoring.TASK_HOME_VISIT).getId(), leftBehindVisit(12));

    JsonNode visits = Api.as(rest, "csup-101").get("/api/children/" + childId + "/visits").json();
    assertThat(visits).hasSize(1);
    JsonNode v = visits.get(0);
    assertThat(v.path("total").asInt()).isEqualTo(12);
    assertThat(v.path("maxTotal").asInt()).isEqualTo(54);
    assertThat(v.path("sections")).hasSize(6);
    assertThat(v.path("sections").get(0).path("label").asText()).isEqualTo("家庭情况");
    assertThat(v.path("sections").get(0).path("score").asInt()).isEqualTo(9);
    assertThat(v.path("sections").get(1).path("score").asInt()).isEqualTo(3);
    assertThat(v.path("sections").get(0).path("items")).hasSize(3);
    assertThat(v.path("seen").path("child").asBoolean()).isTrue();
    assertThat(v.path("parentsWeeklyContact").asBoolean()).isTrue();

    assertThat(Api.as(rest, "director-102201").get("/api/children/" + childId + "/visits")
        .status()).as("out of area").isEqualTo(404);
    assertThat(Api.as(rest, "policy").get("/api/children/" + childId + "/visits").status())
        .as("wrong role").isEqualTo(403);
    assertThat(Api.as(rest, "csup-101").get("/api/children/999999999/visits").status())
        .isEqualTo(404);
    assertThat(Api.as(rest, "csup-101").get("/api/children/0/visits").status()).isEqualTo(400);
  }

  @Test
  void theSweepFindsExactlyTheChildrenThatNeverHadAMonitoringInstance() {
    // the oracle: every child of the registry minus the business keys of every historic
    // monitoring instance, as the sweep computed it before (all instances loaded as entities)
    Set<String> enrolled = new HashSet<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(Monitoring.KEY).list()
        .forEach(hpi -> enrolled.add(hpi.getBusinessKey()));
    List<Long> expected = childService.childIds().stream()
        .filter(id -> !enrolled.contains(String.valueOf(id))).sorted().toList();
    long registered = support.register(leftBehind());

    List<Long> unenrolled = monitoringService.unenrolledChildren(0, Long.MAX_VALUE, 100_000);

    assertThat(expected).as("demo children are not enrolled in the test profile").isNotEmpty();
    assertThat(unenrolled).isEqualTo(expected).doesNotContain(registered);
    // keyed batches: the pages of 7 put together are the whole list
    List<Long> paged = new ArrayList<>();
    List<Long> page;
    long after = 0;
    do {
      page = monitoringService.unenrolledChildren(after, Long.MAX_VALUE, 7);
      paged.addAll(page);
      after = page.isEmpty() ? after : page.get(page.size() - 1);
    } while (page.size() == 7);
    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void theSweepEnrolsEachUnenrolledChildOfItsRangeOnceInBatches() {
    List<Long> unenrolled = monitoringService.unenrolledChildren(0, Long.MAX_VALUE, 4);
    assertThat(unenrolled).as("demo children are not enrolled in the test profile").isNotEmpty();
    List<Long> swept = unenrolled.subList(0, Math.min(3, unenrolled.size()));
    long from = swept.get(0) - 1;
    long to = swept.get(swept.size() - 1);

    assertThat(enrolment.startMissing(from, to, 2)).isEqualTo(swept.size());
    assertThat(enrolment.startMissing(from, to, 2)).as("second sweep").isZero();

    for (long childId : swept) {
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(Monitoring.KEY)
          .processInstanceBusinessKey(String.valueOf(childId)).count()).isEqualTo(1);
      ProcessInstance pi = support.monitoring(childId);
      assertThat(pi).isNotNull();
      assertThat(pi).isWaitingAt(Monitoring.TASK_HOME_VISIT);
    }
    assertThat(monitoringService.unenrolledChildren(from, to, 100)).isEmpty();
    if (unenrolled.size() > swept.size()) {
      assertThat(monitoringService.unenrolledChildren(0, Long.MAX_VALUE, 100))
          .as("outside the range").contains(unenrolled.get(swept.size()));
    }
  }

  List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }
}
