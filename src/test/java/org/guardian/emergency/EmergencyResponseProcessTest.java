package org.guardian.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
 * {@code emergency-response} and {@code placement-review}: police protection within hours, the
 * medical check of an injured child, the placement decision and its statutory grounds, placements in
 * the child's file, the periodic review of a temporary guardianship.
 */
@GuardianTest
class EmergencyResponseProcessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired PlacementRepository placements;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    // a still clock: a task's creation and its due date are computed from the same instant
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  long registeredChild(String village) {
    Api.Response r = Api.as(rest, "director-" + village.substring(6))
        .post("/api/children", TestChildren.leftBehind(village));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  ProcessInstance emergency(Long childId, String village, boolean injured) {
    Map<String, Object> vars = AreaVariables.of(village);
    String caseNumber = "GC-9999-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    vars.put("caseNumber", caseNumber);
    vars.put("childId", childId);
    vars.put("injury", injured);
    return runtime.startProcessInstanceByKey(EmergencyResponse.KEY, caseNumber, vars);
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  List<String> groups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  void protect(ProcessInstance pi) {
    tasks.complete(task(pi, EmergencyResponse.TASK_POLICE_PROTECTION).getId(), Map.of(
        "protectionOutcome", "child-safe", "protectionNote", "民警到场，儿童暂由邻居看护"));
  }

  ProcessInstance reviewOf(long placementId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(EmergencyResponse.REVIEW_KEY)
        .processInstanceBusinessKey(String.valueOf(placementId)).singleResult();
  }

  @Test
  void policeProtectionIsForTheCountyLegalOfficerWithinTwoHoursThenEscalatedToTheCentre() {
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    ProcessInstance pi = emergency(null, TestChildren.VILLAGE_101201, false);

    Task police = task(pi, EmergencyResponse.TASK_POLICE_PROTECTION);
    assertThat(groups(police)).containsExactly("legal-officer@371330");
    assertThat(Duration.between(police.getCreateTime().toInstant(),
        police.getDueDate().toInstant())).isEqualTo(Duration.ofHours(2));

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(121))));
    ProcessJobs.run(engine, pi.getId());

    assertThat(pi).hasPassed(EmergencyResponse.TIMER_POLICE_PROTECTION_OVERDUE,
        "Task_EscalatePoliceProtection", "EndEvent_PoliceProtectionEscalated")
        .isWaitingAt(EmergencyResponse.TASK_POLICE_PROTECTION);
    assertThat(groups(police))
        .containsExactlyInAnyOrder("legal-officer@371330", "county-centre@371330");
  }

  @Test
  void injuredChildIsExaminedBeforeThePlacementDecision() {
    ProcessInstance pi = emergency(null, TestChildren.VILLAGE_101201, true);
    protect(pi);

    assertThat(pi).isWaitingAt(EmergencyResponse.TASK_MEDICAL_CHECK);
    Task medical = task(pi, EmergencyResponse.TASK_MEDICAL_CHECK);
    assertThat(groups(medical)).containsExactly("county-centre@371330");
    assertThat(Duration.between(medical.getCreateTime().toInstant(),
        medical.getDueDate().toInstant())).isEqualTo(Duration.ofHours(6));
    tasks.complete(medical.getId(), Map.of("medicalOutcome", "hospitalised",
        "hospital", "青溪县人民医院", "injuriesDocumented", true, "medicalNote", "左臂骨折，住院治疗"));

    assertThat(pi).isWaitingAt(EmergencyResponse.TASK_DECIDE_PLACEMENT);
  }

  @Test
  void childWithoutInjuryGoesStraightToThePlacementDecisionWithinTwentyFourHours() {
    ProcessInstance pi = emergency(null, TestChildren.VILLAGE_101201, false);
    protect(pi);

    assertThat(pi).hasNotPassed(EmergencyResponse.TASK_MEDICAL_CHECK)
        .isWaitingAt(EmergencyResponse.TASK_DECIDE_PLACEMENT);
    Task placement = task(pi, EmergencyResponse.TASK_DECIDE_PLACEMENT);
    assertThat(groups(placement)).containsExactly("county-centre@371330");
    assertThat(Duration.between(placement.getCreateTime().toInstant(),
        placement.getDueDate().toInstant())).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void placementWithRelativesNeedsTheCaregiverAndIsKeptInTheChildsFile() {
    long child = registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = emergency(child, TestChildren.VILLAGE_101201, false);
    protect(pi);
    String decide = task(pi, EmergencyResponse.TASK_DECIDE_PLACEMENT).getId();

    assertThatThrownBy(() -> tasks.complete(decide, Map.of("placementType", "relatives")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("caregiverName");
    tasks.complete(decide, Map.of("placementType", "relatives", "caregiverName", "张秀英",
        "caregiverRelationship", "外祖母", "caregiverPhone", "13500000000"));

    assertThat(pi).hasNotPassed(EmergencyResponse.TASK_START_REVIEW)
        .hasPassed(EmergencyResponse.END_HANDLED).isEnded();
    Api.Response file = Api.as(rest, "centre").get("/api/children/" + child + "/placements");
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    JsonNode placement = file.json().get(0);
    assertThat(placement.path("kind").asText()).isEqualTo("RELATIVES");
    assertThat(placement.path("caregiverName").asText()).isEqualTo("张秀英");
    assertThat(placement.path("caseNumber").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(placement.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(Api.as(rest, "director-102201").get("/api/children/" + child + "/placements")
        .status()).isEqualTo(404);
    assertThat(Api.as(rest, "hospital").get("/api/children/" + child + "/placements").status())
        .isEqualTo(403);
  }

  @Test
  void temporaryGuardianshipNeedsAStatutoryGroundAndIsReviewedEveryThirtyDays() {
    long child = registeredChild(TestChildren.VILLAGE_101201);
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    ProcessInstance pi = emergency(child, TestChildren.VILLAGE_101201, false);
    protect(pi);
    String decide = task(pi, EmergencyResponse.TASK_DECIDE_PLACEMENT).getId();

    assertThatThrownBy(() -> tasks.complete(decide,
        Map.of("placementType", "temporary-guardianship")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("statutoryGround");
    assertThatThrownBy(() -> tasks.complete(decide, Map.of("placementType",
        "temporary-guardianship", "statutoryGround", "art92-7")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("placementNote");
    assertThatThrownBy(() -> tasks.complete(decide, Map.of("placementType",
        "temporary-guardianship", "statutoryGround", "art93")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("statutoryGround");
    tasks.complete(decide, Map.of("placementType", "temporary-guardianship",
        "statutoryGround", "art92-4", "placementPlace", "青溪县未成年人救助保护中心"));

    assertThat(pi).hasPassed(EmergencyResponse.TASK_START_REVIEW).isEnded();
    long placementId = ((Number) BpmnAwareTests.historyService()
        .createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("placementId").singleResult().getValue()).longValue();
    Placement placement = placements.findById(placementId).orElseThrow();
    assertThat(placement.getKind()).isEqualTo(PlacementKind.TEMPORARY_GUARDIANSHIP);
    assertThat(placement.getStatutoryGround()).isEqualTo(StatutoryGround.ART92_4);
    ProcessInstance review = reviewOf(placementId);
    assertThat(review).isWaitingAt(EmergencyResponse.TASK_AWAIT_PLACEMENT_END);

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofDays(29))));
    ProcessJobs.run(engine, review.getId());
    assertThat(review).isWaitingAt(EmergencyResponse.TASK_AWAIT_PLACEMENT_END);
    assertThat(task(review, EmergencyResponse.TASK_REVIEW_PLACEMENT)).isNull();

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofDays(30))
        .plusSeconds(60)));
    ProcessJobs.run(engine, review.getId());
    Task first = task(review, EmergencyResponse.TASK_REVIEW_PLACEMENT);
    assertThat(groups(first)).containsExactly("county-centre@371330");
    tasks.complete(first.getId(), Map.of("placementReviewOutcome", "continue",
        "placementReviewNote", "监护人仍被羁押，继续临时监护"));
    assertThat(review).hasPassed("EndEvent_ReviewRecorded")
        .isWaitingAt(EmergencyResponse.TASK_AWAIT_PLACEMENT_END);

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofDays(60))
        .plusSeconds(120)));
    ProcessJobs.run(engine, review.getId());
    tasks.complete(task(review, EmergencyResponse.TASK_REVIEW_PLACEMENT).getId(), Map.of(
        "placementReviewOutcome", "end", "placementReviewNote", "母亲已释放，经评估可以恢复照料"));

    assertThat(review).hasPassed("EndEvent_PlacementEndedByReview").isEnded();
    placement = placements.findById(placementId).orElseThrow();
    assertThat(placement.getStatus()).isEqualTo(PlacementStatus.ENDED);
    assertThat(placement.getReviews()).isEqualTo(2);
    assertThat(placement.getLastReviewNote()).contains("母亲已释放");
  }

  @Test
  void temporaryGuardianshipEndedByTheNextStepOfTheChainClosesThePlacement() {
    long child = registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = emergency(child, TestChildren.VILLAGE_101201, false);
    protect(pi);
    Map<String, Object> decision = new HashMap<>(Map.of("placementType",
        "temporary-guardianship", "statutoryGround", "art92-7",
        "placementNote", "依据反家庭暴力法第二十一条，监护人严重侵害被监护人"));
    tasks.complete(task(pi, EmergencyResponse.TASK_DECIDE_PLACEMENT).getId(), decision);
    long placementId = placements.findByChildIdOrderByDecidedAtDescIdDesc(child).get(0).getId();
    ProcessInstance review = reviewOf(placementId);

    runtime.createMessageCorrelation(EmergencyResponse.MSG_PLACEMENT_ENDED)
        .processInstanceBusinessKey(String.valueOf(placementId)).correlate();

    assertThat(review).hasPassed("Task_ClosePlacement", "EndEvent_PlacementEnded").isEnded();
    assertThat(placements.findById(placementId).orElseThrow().getStatus())
        .isEqualTo(PlacementStatus.ENDED);
  }
}
