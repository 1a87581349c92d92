package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.monitoring.EarlyWarningRaised;
import org.guardian.monitoring.Monitoring;
import org.guardian.monitoring.ScoreItem;
import org.guardian.monitoring.UrgentItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports that do not come through the reporters' API: the monitoring early warning, and reports
 * whose routing to a case failed and is done again. (The public page: {@code PublicReportPageTest};
 * police: {@code ReportApiTest}.)
 */
@GuardianTest
class ReportChannelsTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportRepository reports;
  @Autowired ReportIntake intake;

  CaseFixtures fixtures;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    fixtures = new CaseFixtures(rest, engine);
  }

  long reportsOfWarning(long warningId) {
    return jdbc.queryForObject("select count(*) from report where early_warning_id = ?",
        Long.class, warningId);
  }

  @Test
  void earlyWarningRaisesAReportAboutTheChildOnceItIsCommitted() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    long childId = (Long) child.get("id");
    long warningId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    EarlyWarningRaised warning = new EarlyWarningRaised(warningId, childId,
        TestChildren.VILLAGE_101201, List.of("score-rising", "urgent-item"), Instant.now());

    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(s -> {
      events.publishEvent(warning);
      assertThat(reportsOfWarning(warningId)).as("not before the warning commits").isZero();
    });

    assertThat(reportsOfWarning(warningId)).isEqualTo(1);
    Report report = reports.findAll().stream()
        .filter(r -> Long.valueOf(warningId).equals(r.getEarlyWarningId())).findFirst()
        .orElseThrow();
    assertThat(report.getChannel()).isEqualTo(ReportChannel.EARLY_WARNING);
    assertThat(report.getChildId()).isEqualTo(childId);
    assertThat(report.getMatchedBy()).isEqualTo("EARLY_WARNING");
    assertThat(report.getDescription()).contains("score-rising", "urgent-item");
    ProcessInstance pi = fixtures.caseOf(report.getNumber());
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE).variables()
        .containsEntry("channel", "EARLY_WARNING").containsEntry("computedPriority", "within-24h")
        .containsEntry("childId", childId);

    events.publishEvent(warning);
    assertThat(reportsOfWarning(warningId)).as("one report per warning").isEqualTo(1);
  }

  @Test
  void warningRolledBackRaisesNoReport() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    long warningId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    new TransactionTemplate(transactions).executeWithoutResult(s -> {
      events.publishEvent(new EarlyWarningRaised(warningId, (Long) child.get("id"),
          TestChildren.VILLAGE_101201, List.of("score-high"), Instant.now()));
      s.setRollbackOnly();
    });

    assertThat(reportsOfWarning(warningId)).isZero();
  }

  @Test
  void reportStoredButNotRoutedIsRoutedAgainLater() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    NewReport stranded = new NewReport(ReportChannel.REPORTER_API, "hotline", false, null, null,
        "12345热线", OrganisationType.HOTLINE, DutyType.MANDATORY, (String) child.get("name"),
        (String) child.get("idNumber"), null, null, null, TestChildren.VILLAGE_101201, null, null,
        new ReportFacts(false, false, false, false, false, true),
        "来电反映儿童长期无人照料，衣着单薄。", null, null, null);
    Report report = new Report("RP-0000-" + ThreadLocalRandom.current().nextInt(100000, 999999),
        stranded, Instant.now().minusSeconds(300));
    report.matchChild((Long) child.get("id"), "ID_NUMBER");
    reports.saveAndFlush(report);

    assertThat(intake.routeUnrouted()).isGreaterThanOrEqualTo(1);

    JsonNode read = Api.as(rest, "centre").get("/api/reports/" + report.getNumber()).json();
    assertThat(read.path("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(fixtures.caseOf(report.getNumber())).isWaitingAt(GuardianshipCase.TASK_TRIAGE);
  }

  @Test
  void homeVisitWithAnUrgentFindingRaisesAWarningAndTheWarningOpensACase() {
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    long childId = (Long) child.get("id");
    var runtime = engine.getRuntimeService();
    ProcessInstance monitoring = runtime.createProcessInstanceQuery()
        .processDefinitionKey(Monitoring.KEY).processInstanceBusinessKey(String.valueOf(childId))
        .singleResult();
    String visit = engine.getTaskService().createTaskQuery()
        .processInstanceId(monitoring.getId()).taskDefinitionKey(Monitoring.TASK_HOME_VISIT)
        .singleResult().getId();
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("visitedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
        .toString());
    values.put("seenChild", true);
    values.put("seenGuardian", false);
    values.put("seenCaregiver", true);
    values.put("visitNotes", "儿童手臂有新伤，说是被打的。");
    for (ScoreItem item : ScoreItem.values()) {
      values.put(item.key(), 1);
    }
    for (UrgentItem item : UrgentItem.values()) {
      values.put(item.key(), item == UrgentItem.VISIBLE_INJURY);
    }
    values.put("parentsWeeklyContact", "yes");
    values.put("caregiverCapable", "yes");
    Map<String, Object> typed = new java.util.HashMap<>();
    values.forEach((k, v) -> typed.put(k, Map.of("value", v)));

    // the child director completes the visit in Tasklist: the engine REST API, as that person
    Api.Response done = Api.as(rest, "director-101201").post("/engine-rest/task/" + visit
        + "/complete", Map.of("variables", typed));
    assertThat(done.status()).as(done.toString()).isIn(200, 204);

    Report report = reports.findAll().stream()
        .filter(r -> r.getChannel() == ReportChannel.EARLY_WARNING
            && Long.valueOf(childId).equals(r.getChildId()))
        .findFirst().orElseThrow(() -> new AssertionError("no report from the warning"));
    assertThat(report.getEarlyWarningId()).isNotNull();
    assertThat(report.getDescription()).contains("URGENT_ITEM");
    ProcessInstance pi = fixtures.caseOf(report.getNumber());
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE).variables()
        .containsEntry("channel", "EARLY_WARNING").containsEntry("childId", childId);
  }
}
