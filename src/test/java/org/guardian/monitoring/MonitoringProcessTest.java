package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.guardian.monitoring.MonitoringTestSupport.DIRECTOR;
import static org.guardian.monitoring.MonitoringTestSupport.TOWNSHIP;
import static org.guardian.monitoring.MonitoringTestSupport.VILLAGE;
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
import java.util.List;
import java.util.Map;
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
import org.guardian.workflow.TaskCompletionRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    assertThat(visit.getName()).isEqualTo("入户走访");
    assertThat(visit).hasCandidateGroup("child-director@" + VILLAGE);
    LocalDate dueDay = today().plusMonths(3);
    assertThat(visit.getDueDate()).isEqualTo(Date.from(endOf(dueDay)));
    assertThat(pi).variables().containsEntry("villageCode", VILLAGE)
        .containsEntry("townshipCode", TOWNSHIP).containsEntry("visitInterval", "P3M")
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
    assertThat(overdue.getName()).isEqualTo("督办逾期走访");
    assertThat(overdue).hasCandidateGroup("child-supervisor@" + TOWNSHIP);
    assertThat(support.task(pi, Monitoring.TASK_HOME_VISIT)).as("the visit stays open")
        .isNotNull();
    assertThat(support.task(pi, Monitoring.TASK_ESCALATE_OVERDUE_VISIT)).isNull();

    clockAt(endOf(dueDay.plusDays(14)).plusSeconds(60));
    assertThat(support.fireDueTimers(pi)).isEqualTo(1);
    Task escalated = support.task(pi, Monitoring.TASK_ESCALATE_OVERDUE_VISIT);
    assertThat(escalated.getName()).isEqualTo("督办严重逾期走访");
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
}
