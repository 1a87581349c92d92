package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.guardian.monitoring.MonitoringTestSupport.DIRECTOR;
import static org.guardian.monitoring.MonitoringTestSupport.VILLAGE;
import static org.guardian.monitoring.MonitoringTestSupport.clockAt;
import static org.guardian.monitoring.MonitoringTestSupport.leftBehind;
import static org.guardian.monitoring.MonitoringTestSupport.leftBehindVisit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The early warning after each home visit: each rule of the {@code early-warning} decision flags
 * the child from its visit history, stores a warning in the child's file and publishes {@link
 * EarlyWarningRaised} (on which the reporting module raises a mandatory report).
 */
@GuardianTest
@RecordApplicationEvents
class EarlyWarningProcessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ApplicationEvents events;

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

  /** A left-behind child visited with these totals, one visit after the other. */
  ProcessInstance visited(long childId, int... totals) {
    ProcessInstance pi = support.monitoring(childId);
    for (int total : totals) {
      tasks.complete(support.task(pi, Monitoring.TASK_HOME_VISIT).getId(),
          leftBehindVisit(total));
    }
    return pi;
  }

  List<EarlyWarningRaised> raisedFor(long childId) {
    return events.stream(EarlyWarningRaised.class).filter(e -> e.childId() == childId).toList();
  }

  JsonNode warnings(long childId) {
    Api.Response r = Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/warnings");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aScoreThatStaysHighOverConsecutiveVisitsRaisesAnEarlyWarning() {
    long childId = support.register(leftBehind());

    ProcessInstance pi = visited(childId, 25);
    assertThat(raisedFor(childId)).as("one high visit is not enough").isEmpty();
    visited(childId, 26);

    assertThat(raisedFor(childId)).singleElement().satisfies(e -> {
      assertThat(e.reasons()).containsExactly("STAYS_HIGH");
      assertThat(e.villageCode()).isEqualTo(VILLAGE);
      assertThat(e.at()).isNotNull();
    });
    JsonNode w = warnings(childId);
    assertThat(w).hasSize(1);
    assertThat(w.get(0).path("id").asLong()).isEqualTo(raisedFor(childId).get(0).warningId());
    assertThat(w.get(0).path("reasons").get(0).path("code").asText()).isEqualTo("STAYS_HIGH");
    assertThat(w.get(0).path("reasons").get(0).path("label").asText()).isEqualTo("连续高分");
    assertThat(w.get(0).path("currentTotal").asInt()).isEqualTo(26);
    assertThat(w.get(0).path("previousTotal").asInt()).isEqualTo(25);
    assertThat(pi).hasPassed(Monitoring.TASK_RAISE_EARLY_WARNING);
    assertThat(pi).isWaitingAt(Monitoring.TASK_HOME_VISIT);
  }

  @Test
  void aScoreThatRisesVisitOnVisitRaisesAnEarlyWarning() {
    long childId = support.register(leftBehind());

    visited(childId, 4, 8);
    assertThat(raisedFor(childId)).isEmpty();
    visited(childId, 13);

    assertThat(raisedFor(childId)).singleElement()
        .satisfies(e -> assertThat(e.reasons()).containsExactly("RISING"));
    assertThat(warnings(childId).get(0).path("reasons").get(0).path("label").asText())
        .isEqualTo("逐次上升");
  }

  @Test
  void aSharpJumpRaisesAnEarlyWarning() {
    long childId = support.register(leftBehind());

    visited(childId, 3, 14);

    assertThat(raisedFor(childId)).singleElement()
        .satisfies(e -> assertThat(e.reasons()).containsExactly("SHARP_JUMP"));
  }

  @Test
  void anUrgentItemRaisesAnEarlyWarningAtTheFirstVisit() {
    long childId = support.register(leftBehind());
    ProcessInstance pi = support.monitoring(childId);
    Map<String, Object> visit = leftBehindVisit(2);
    visit.put("urgentInjury", true);

    tasks.complete(support.task(pi, Monitoring.TASK_HOME_VISIT).getId(), visit);

    assertThat(raisedFor(childId)).singleElement()
        .satisfies(e -> assertThat(e.reasons()).containsExactly("URGENT_ITEM"));
    JsonNode visits = Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/visits").json();
    assertThat(visits.get(0).path("urgentItems").get(0).path("code").asText())
        .isEqualTo("VISIBLE_INJURY");
  }

  @Test
  void lowAndStableScoresRaiseNoWarning() {
    long childId = support.register(leftBehind());

    ProcessInstance pi = visited(childId, 3, 5, 4);

    assertThat(raisedFor(childId)).isEmpty();
    assertThat(warnings(childId)).isEmpty();
    assertThat(pi).hasNotPassed(Monitoring.TASK_RAISE_EARLY_WARNING);
    assertThat(Api.as(rest, DIRECTOR).get("/api/children/" + childId + "/visits").json())
        .hasSize(3);
  }

  @Test
  void warningsAreReadOnlyWithinTheCaseworkersArea() {
    long childId = support.register(leftBehind());
    visited(childId, 25, 25);

    assertThat(Api.as(rest, "chief-101").get("/api/children/" + childId + "/warnings").json())
        .hasSize(1);
    assertThat(Api.as(rest, "chief-102").get("/api/children/" + childId + "/warnings").status())
        .isEqualTo(404);
    assertThat(Api.as(rest, "policy").get("/api/children/" + childId + "/warnings").status())
        .isEqualTo(403);
  }
}
