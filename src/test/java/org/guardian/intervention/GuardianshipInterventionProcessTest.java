package org.guardian.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * {@code guardianship-intervention}: every rung of the ladder and escalation between rungs, the
 * supervision order's compliance check, the protection order granted, refused, late and expiring,
 * revocation through the liaison endpoint, long-term guardianship and restoration; the orders in
 * the child's file.
 */
@GuardianTest
class GuardianshipInterventionProcessTest {

  static final String VILLAGE = TestChildren.VILLAGE_101201;
  static final String LEGAL = "legal-officer@371330";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired InterventionOrders orders;

  Instant start;
  long childId;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance intervention() {
    Api.Response r = Api.as(rest, "director-" + VILLAGE.substring(6))
        .post("/api/children", TestChildren.leftBehind(VILLAGE));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    childId = r.json().path("id").asLong();
    Map<String, Object> vars = AreaVariables.of(VILLAGE);
    String caseNumber = "GC-9997-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    vars.put("caseNumber", caseNumber);
    vars.put("childId", childId);
    vars.put("childLabel", "王*轩 8岁 东庄村");
    vars.put("riskColour", "red");
    return runtime.startProcessInstanceByKey(GuardianshipIntervention.KEY, caseNumber, vars);
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  List<String> groups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  void complete(ProcessInstance pi, String key, String group, Map<String, Object> vars) {
    Task t = task(pi, key);
    assertThat(t).as(key).isNotNull();
    assertThat(groups(t)).as(key).contains(group);
    tasks.complete(t.getId(), vars);
  }

  void choose(ProcessInstance pi, String measure) {
    complete(pi, GuardianshipIntervention.TASK_CHOOSE_MEASURE, LEGAL,
        Map.of("measure", measure, "measureReason", "监护人多次殴打儿童"));
  }

  static Map<String, Object> order(String issuer, String terms) {
    return Map.of("orderIssuer", issuer, "orderTerms", terms);
  }

  void review(ProcessInstance pi, String outcome) {
    complete(pi, GuardianshipIntervention.TASK_REVIEW_OUTCOME, LEGAL,
        Map.of("interventionOutcome", outcome, "outcomeNote", "已回访核实"));
  }

  void at(Duration after) {
    ClockUtil.setCurrentTime(Date.from(start.plus(after)));
  }

  @Test
  void ladderEscalatesFromDissuasionToAdmonitionToGuidanceOrderThenResolves() {
    ProcessInstance pi = intervention();
    choose(pi, "dissuasion");
    complete(pi, GuardianshipIntervention.TASK_DISSUADE, "child-director@371330101201",
        order("东庄村村民委员会", "当面劝阻监护人停止打骂"));
    assertThat(pi).hasPassed(GuardianshipIntervention.TASK_RECORD_ORDER)
        .isWaitingAt(GuardianshipIntervention.TASK_REVIEW_OUTCOME);
    review(pi, "escalate");

    choose(pi, "written-warning");
    complete(pi, GuardianshipIntervention.TASK_ADMONITION, LEGAL,
        order("青溪镇派出所", "告诫监护人不得实施家庭暴力"));
    review(pi, "escalate");

    choose(pi, "guidance-order");
    complete(pi, GuardianshipIntervention.TASK_GUIDANCE_ORDER, LEGAL,
        order("青溪县人民法院", "监护人接受三个月家庭教育指导"));
    review(pi, "resolved");

    assertThat(pi).hasPassed(GuardianshipIntervention.END_RESOLVED).isEnded();
    assertThat(orders.ofCase(pi.getBusinessKey()))
        .extracting(OrderView::kind, OrderView::issuer, OrderView::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OrderKind.DISSUASION, "东庄村村民委员会",
                OrderStatus.ISSUED),
            org.assertj.core.groups.Tuple.tuple(OrderKind.WRITTEN_WARNING, "青溪镇派出所",
                OrderStatus.ISSUED),
            org.assertj.core.groups.Tuple.tuple(OrderKind.GUIDANCE_ORDER, "青溪县人民法院",
                OrderStatus.ISSUED));
  }

  @Test
  void policeAdmonitionIsRecorded() {
    ProcessInstance pi = intervention();
    choose(pi, "admonition");
    complete(pi, GuardianshipIntervention.TASK_ADMONITION, LEGAL,
        order("青溪镇派出所", "训诫监护人"));
    assertThat(orders.ofCase(pi.getBusinessKey())).singleElement()
        .satisfies(o -> assertThat(o.kind()).isEqualTo(OrderKind.ADMONITION));
  }

  @Test
  void supervisionOrderIsCheckedForComplianceAfterTheChosenDays() {
    ProcessInstance pi = intervention();
    choose(pi, "supervision-order");
    Map<String, Object> vars = new HashMap<>(order("青溪县人民检察院", "督促监护人履行监护职责"));
    vars.put("complianceCheckDays", 30);
    complete(pi, GuardianshipIntervention.TASK_SUPERVISION_ORDER, LEGAL, vars);

    assertThat(pi).isWaitingAt(GuardianshipIntervention.TIMER_COMPLIANCE_CHECK);
    at(Duration.ofDays(29));
    ProcessJobs.run(engine, pi.getId());
    assertThat(pi).isWaitingAt(GuardianshipIntervention.TIMER_COMPLIANCE_CHECK);
    at(Duration.ofDays(30).plusMinutes(1));
    ProcessJobs.run(engine, pi.getId());

    complete(pi, GuardianshipIntervention.TASK_CHECK_COMPLIANCE, LEGAL,
        Map.of("compliance", "not-complied", "complianceNote", "监护人仍未送孩子上学"));
    assertThat(orders.ofCase(pi.getBusinessKey())).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.NOT_COMPLIED));
    review(pi, "escalate");
    assertThat(pi).isWaitingAt(GuardianshipIntervention.TASK_CHOOSE_MEASURE);
  }

  /** The legal officer files the court's decision in the child's file (the task needs it). */
  void rulingUploaded(ProcessInstance pi) {
    DocumentFixtures.courtDecisionUploaded(rest, childId, pi.getBusinessKey());
  }

  void applyProtection(ProcessInstance pi, boolean urgent) {
    complete(pi, GuardianshipIntervention.TASK_APPLY_PROTECTION, LEGAL, Map.of(
        "orderIssuer", "青溪县人民法院", "orderTerms", "禁止被申请人殴打、威胁儿童",
        "protectionUrgent", urgent));
  }

  @Test
  void urgentProtectionOrderIsRuledWithin24HoursElseTheCentreJoins() {
    ProcessInstance pi = intervention();
    choose(pi, "protection-order");
    applyProtection(pi, true);

    Task ruling = task(pi, GuardianshipIntervention.TASK_PROTECTION_RULING);
    assertThat(Duration.between(start, ruling.getDueDate().toInstant()))
        .isEqualTo(Duration.ofHours(24));
    at(Duration.ofHours(24).plusMinutes(1));
    ProcessJobs.run(engine, pi.getId());
    assertThat(pi).hasPassed(GuardianshipIntervention.TASK_ESCALATE_COURT_RULING);
    assertThat(groups(ruling)).containsExactlyInAnyOrder(LEGAL, "county-centre@371330");

    rulingUploaded(pi);
    complete(pi, GuardianshipIntervention.TASK_PROTECTION_RULING, LEGAL,
        Map.of("courtRuling", "refused", "decisionNumber", "(2026)鲁1330民保令1号"));
    assertThat(pi).isWaitingAt(GuardianshipIntervention.TASK_REVIEW_OUTCOME);
    assertThat(orders.ofCase(pi.getBusinessKey())).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.REFUSED));
  }

  @Test
  void grantedProtectionOrderExpiresAfterItsValidityWithARenewalDecision() {
    ProcessInstance pi = intervention();
    choose(pi, "protection-order");
    applyProtection(pi, false);
    Task ruling = task(pi, GuardianshipIntervention.TASK_PROTECTION_RULING);
    assertThat(Duration.between(start, ruling.getDueDate().toInstant()))
        .isEqualTo(Duration.ofHours(72));
    assertThat(ruling.getDescription()).as("Tasklist's description says where to upload")
        .contains("/children/" + childId + "/documents?case=" + pi.getBusinessKey()
            + "&type=COURT_DECISION");

    assertThatThrownBy(() -> tasks.complete(ruling.getId(), Map.of("courtRuling", "granted",
        "decisionNumber", "(2026)鲁1330民保令2号", "validMonths", 6)))
        .as("the ruling is not in the child's file yet")
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("documents");
    rulingUploaded(pi);
    assertThatThrownBy(() -> tasks.complete(ruling.getId(), Map.of("courtRuling", "granted",
        "decisionNumber", "(2026)鲁1330民保令2号")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("validMonths")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("documents"));
    tasks.complete(ruling.getId(), Map.of("courtRuling", "granted",
        "decisionNumber", "(2026)鲁1330民保令2号", "validMonths", 6));

    LocalDate validUntil = LocalDate.now(ClockUtil.getCurrentTime().toInstant()
        .atZone(InterventionOrders.ZONE).getZone()).plusMonths(6);
    assertThat(pi).isWaitingAt(GuardianshipIntervention.TIMER_PROTECTION_EXPIRING).variables()
        .containsEntry("protectionValidUntil", validUntil.toString());
    OrderView granted = orders.ofCase(pi.getBusinessKey()).get(0);
    assertThat(granted.status()).isEqualTo(OrderStatus.GRANTED);
    assertThat(granted.validUntil()).isEqualTo(validUntil);

    ClockUtil.setCurrentTime(Date.from(validUntil.minusDays(15)
        .atStartOfDay(InterventionOrders.ZONE).toInstant()));
    ProcessJobs.run(engine, pi.getId());
    assertThat(pi).isWaitingAt(GuardianshipIntervention.TIMER_PROTECTION_EXPIRING);
    ClockUtil.setCurrentTime(Date.from(validUntil.minusDays(14)
        .atStartOfDay(InterventionOrders.ZONE).toInstant().plusSeconds(60)));
    ProcessJobs.run(engine, pi.getId());

    complete(pi, GuardianshipIntervention.TASK_DECIDE_RENEWAL, LEGAL,
        Map.of("renewProtection", "renew", "renewalNote", "被申请人仍有威胁言行"));
    assertThat(pi).isWaitingAt(GuardianshipIntervention.TASK_APPLY_PROTECTION);
    applyProtection(pi, false);
    assertThatThrownBy(() -> complete(pi, GuardianshipIntervention.TASK_PROTECTION_RULING,
        LEGAL, Map.of("courtRuling", "granted", "decisionNumber", "(2026)鲁1330民保令9号",
            "validMonths", 3)))
        .as("the first ruling's document does not count for the renewed application")
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("documents");
    rulingUploaded(pi);
    complete(pi, GuardianshipIntervention.TASK_PROTECTION_RULING, LEGAL, Map.of(
        "courtRuling", "granted", "decisionNumber", "(2026)鲁1330民保令9号", "validMonths", 3));
    ProcessJobs.run(engine, pi.getId());
    ClockUtil.setCurrentTime(Date.from(validUntil.plusMonths(4)
        .atStartOfDay(InterventionOrders.ZONE).toInstant()));
    ProcessJobs.run(engine, pi.getId());
    complete(pi, GuardianshipIntervention.TASK_DECIDE_RENEWAL, LEGAL,
        Map.of("renewProtection", "expire", "renewalNote", "风险已明显降低"));

    assertThat(pi).isWaitingAt(GuardianshipIntervention.TASK_REVIEW_OUTCOME);
    assertThat(orders.ofCase(pi.getBusinessKey())).extracting(OrderView::status)
        .containsExactly(OrderStatus.GRANTED, OrderStatus.NOT_RENEWED);
  }

  Api.Response courtDecision(String user, String caseNumber, Map<String, Object> body) {
    return Api.as(rest, user).post("/api/interventions/" + caseNumber + "/court-decision", body);
  }

  @Test
  void revocationJudgmentArrivesThroughTheLiaisonEndpointThenLongTermGuardianship() {
    ProcessInstance pi = intervention();
    choose(pi, "revocation");
    complete(pi, GuardianshipIntervention.TASK_APPLY_REVOCATION, LEGAL,
        order("青溪县人民法院", "监护人长期虐待儿童，经多次干预拒不改正"));
    assertThat(pi).isWaitingAt(GuardianshipIntervention.EVENT_REVOCATION_DECIDED);

    Map<String, Object> judgment = Map.of("ruling", "granted",
        "decisionNumber", "(2026)鲁1330民特5号");
    assertThat(courtDecision("director-101201", pi.getBusinessKey(), judgment).status())
        .isEqualTo(403);
    Api.Response bad = courtDecision("legal", pi.getBusinessKey(), Map.of("ruling", "maybe"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).contains("ruling", "decisionNumber");
    assertThat(courtDecision("legal", "GC-9997-000000", judgment).status()).isEqualTo(404);
    assertThat(pi).isWaitingAt(GuardianshipIntervention.EVENT_REVOCATION_DECIDED);

    assertThat(courtDecision("legal", pi.getBusinessKey(), judgment).status()).isEqualTo(202);

    Map<String, Object> longTerm = Map.of(
        "longTermPlace", "青溪县儿童福利机构", "longTermNote", "由县民政局长期监护");
    assertThatThrownBy(() -> complete(pi, GuardianshipIntervention.TASK_LONG_TERM,
        "county-centre@371330", longTerm))
        .as("the judgment is not in the child's file yet")
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("documents");
    rulingUploaded(pi);
    complete(pi, GuardianshipIntervention.TASK_LONG_TERM, "county-centre@371330", Map.of(
        "longTermPlace", "青溪县儿童福利机构", "longTermNote", "由县民政局长期监护"));
    assertThat(pi).hasPassed(GuardianshipIntervention.END_LONG_TERM).isEnded();
    assertThat(orders.ofCase(pi.getBusinessKey()))
        .extracting(OrderView::kind, OrderView::status, OrderView::decisionNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OrderKind.REVOCATION, OrderStatus.GRANTED,
                "(2026)鲁1330民特5号"),
            org.assertj.core.groups.Tuple.tuple(OrderKind.LONG_TERM_GUARDIANSHIP,
                OrderStatus.IN_FORCE, null));
  }

  @Test
  void refusedRevocationGoesBackToTheLegalOfficersJudgement() {
    ProcessInstance pi = intervention();
    choose(pi, "revocation");
    complete(pi, GuardianshipIntervention.TASK_APPLY_REVOCATION, LEGAL,
        order("青溪县人民法院", "监护人虐待儿童"));
    assertThat(courtDecision("legal", pi.getBusinessKey(), Map.of("ruling", "refused",
        "decisionNumber", "(2026)鲁1330民特6号")).status()).isEqualTo(202);
    assertThat(pi).hasNotPassed(GuardianshipIntervention.TASK_LONG_TERM)
        .isWaitingAt(GuardianshipIntervention.TASK_REVIEW_OUTCOME);
  }

  @Test
  void restorationFollowsAReassessmentThatFindsItSafe() {
    ProcessInstance pi = intervention();
    choose(pi, "guidance-order");
    complete(pi, GuardianshipIntervention.TASK_GUIDANCE_ORDER, LEGAL,
        order("青溪县人民法院", "家庭教育指导"));
    review(pi, "restore");
    complete(pi, GuardianshipIntervention.TASK_REASSESS, "county-centre@371330",
        Map.of("restorationSafe", "unsafe", "restorationNote", "监护人尚未完成指导课程"));
    assertThat(pi).isWaitingAt(GuardianshipIntervention.TASK_CHOOSE_MEASURE);

    choose(pi, "guidance-order");
    complete(pi, GuardianshipIntervention.TASK_GUIDANCE_ORDER, LEGAL,
        order("青溪县人民法院", "延长家庭教育指导"));
    review(pi, "restore");
    complete(pi, GuardianshipIntervention.TASK_REASSESS, "county-centre@371330",
        Map.of("restorationSafe", "safe", "restorationNote", "监护能力已恢复"));
    assertThat(pi).hasPassed(GuardianshipIntervention.TASK_RESTORE,
        GuardianshipIntervention.END_RESTORED).isEnded();
    assertThat(orders.ofCase(pi.getBusinessKey())).extracting(OrderView::kind).last()
        .isEqualTo(OrderKind.RESTORATION);
  }

  @Test
  void ordersAreInTheChildsFileForReadersOfItsAreaOnly() {
    ProcessInstance pi = intervention();
    choose(pi, "admonition");
    complete(pi, GuardianshipIntervention.TASK_ADMONITION, LEGAL,
        order("青溪镇派出所", "训诫监护人"));

    Api.Response own = Api.as(rest, "director-101201").get("/api/children/" + childId + "/orders");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().get(0).path("kind").asText()).isEqualTo("ADMONITION");
    assertThat(own.json().get(0).path("issuer").asText()).isEqualTo("青溪镇派出所");
    assertThat(Api.as(rest, "director-102201").get("/api/children/" + childId + "/orders")
        .status()).isEqualTo(404);
    assertThat(Api.as(rest, "legal").get("/api/children/999999999/orders").status())
        .isEqualTo(404);
  }
}
