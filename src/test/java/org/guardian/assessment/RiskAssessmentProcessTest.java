package org.guardian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code risk-assessment}: collection by the child director, review by the child supervisor, the
 * four colours and what follows each, the supervisor's change of colour, and the assessments in the
 * child's file with the version of the decision that made them.
 */
@GuardianTest
class RiskAssessmentProcessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  long registeredChild(String village) {
    Api.Response r = Api.as(rest, "director-" + village.substring(6))
        .post("/api/children", TestChildren.leftBehind(village));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  ProcessInstance assessment(long childId, String village) {
    Map<String, Object> vars = AreaVariables.of(village);
    String caseNumber = "GC-9998-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    vars.put("caseNumber", caseNumber);
    vars.put("childId", childId);
    return runtime.startProcessInstanceByKey(RiskAssessment.KEY, caseNumber, vars);
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  List<String> groups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  void collectAndReview(ProcessInstance pi, String colour) {
    tasks.complete(task(pi, RiskAssessment.TASK_COLLECT).getId(),
        IndicatorFixtures.collected(colour));
    tasks.complete(task(pi, RiskAssessment.TASK_REVIEW).getId(),
        IndicatorFixtures.confirmed(colour));
    ProcessJobs.run(engine, pi.getId());
  }

  void confirm(ProcessInstance pi, String colour, String reason) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("confirmedColour", colour);
    if (reason != null) {
      vars.put("colourOverrideReason", reason);
    }
    tasks.complete(task(pi, RiskAssessment.TASK_CONFIRM).getId(), vars);
    ProcessJobs.run(engine, pi.getId());
  }

  JsonNode assessmentsOf(long child) {
    Api.Response r = Api.as(rest, "csup-101").get("/api/children/" + child + "/assessments");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** The guardianship-risk definition deployed with the running risk-assessment definition. */
  DecisionDefinition decisionOfDeployment(ProcessInstance pi) {
    String deployment = repository.getProcessDefinition(pi.getProcessDefinitionId())
        .getDeploymentId();
    return repository.createDecisionDefinitionQuery().deploymentId(deployment)
        .decisionDefinitionKey(RiskAssessment.DECISION).singleResult();
  }

  @ParameterizedTest(name = "{0} → {1}, reassess within {2} days, visit every {3} days")
  @CsvSource(nullValues = "none", value = {
      "red,    intervention, 30,  7",
      "yellow, assistance,   90,  14",
      "blue,   assistance,   180, 30",
      "green,  monitoring,   365, none"})
  void eachColourHasItsNextStepAndIsRecordedWithTheDecisionVersion(String colour,
      String nextStep, int reassessWithinDays, Integer visitEveryDays) {
    long child = registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = assessment(child, TestChildren.VILLAGE_101201);

    collectAndReview(pi, colour);
    assertThat(pi).isWaitingAt(RiskAssessment.TASK_CONFIRM).variables()
        .containsEntry("computedColour", colour).containsEntry("confirmedColour", colour);
    confirm(pi, colour, null);

    assertThat(pi).hasPassed(RiskAssessment.TASK_EVALUATE, RiskAssessment.TASK_RECORD,
        RiskAssessment.TASK_RECORD_CONFIRMATION, RiskAssessment.END_ASSESSED)
        .hasNotPassed(RiskAssessment.TASK_REEVALUATE).isEnded();
    JsonNode a = assessmentsOf(child).get(0);
    assertThat(a.path("colour").asText()).isEqualTo(colour);
    assertThat(a.path("computedColour").asText()).isEqualTo(colour);
    assertThat(a.path("nextStep").asText()).isEqualTo(nextStep);
    assertThat(a.path("reassessWithinDays").asInt()).isEqualTo(reassessWithinDays);
    if (visitEveryDays == null) {
      assertThat(a.has("visitEveryDays")).isFalse();
    } else {
      assertThat(a.path("visitEveryDays").asInt()).isEqualTo(visitEveryDays);
    }
    assertThat(a.path("overridden").asBoolean()).isFalse();
    assertThat(a.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(a.path("indicators").path("guardianCapacity").asText()).isEqualTo("full");
    DecisionDefinition made = decisionOfDeployment(pi);
    assertThat(a.path("decision").path("key").asText()).isEqualTo("guardianship-risk");
    assertThat(a.path("decision").path("definitionId").asText()).isEqualTo(made.getId());
    assertThat(a.path("decision").path("version").asInt()).isEqualTo(made.getVersion());
    assertThat(BpmnAwareTests.historyService().createHistoricDecisionInstanceQuery()
        .decisionInstanceId(a.path("decision").path("instanceId").asText()).count())
        .isEqualTo(1);
  }

  @Test
  void indicatorsAreCollectedInTheVillageReviewedInTheTownshipAndMayBeReturned() {
    long child = registeredChild(TestChildren.VILLAGE_102201);
    ProcessInstance pi = assessment(child, TestChildren.VILLAGE_102201);
    Task collect = task(pi, RiskAssessment.TASK_COLLECT);
    assertThat(groups(collect)).containsExactly("child-director@371330102201");
    assertThatThrownBy(() -> tasks.complete(collect.getId(), Map.of("indicatorNote", "已走访")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("guardianCapacity");
    tasks.complete(collect.getId(), IndicatorFixtures.collected("blue"));

    Task review = task(pi, RiskAssessment.TASK_REVIEW);
    assertThat(groups(review)).containsExactly("child-supervisor@371330102");
    Map<String, Object> returned = IndicatorFixtures.forColour("blue");
    returned.put("indicatorReview", "returned");
    assertThatThrownBy(() -> tasks.complete(review.getId(), returned))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("indicatorReviewComment");
    returned.put("indicatorReviewComment", "请核实是否已经辍学，向学校了解情况");
    tasks.complete(review.getId(), returned);

    assertThat(pi).isWaitingAt(RiskAssessment.TASK_COLLECT)
        .hasNotPassed(RiskAssessment.TASK_EVALUATE);
  }

  @Test
  void supervisorChangesTheColourOnlyWithAReasonAndTheChangedColourDecidesWhatFollows() {
    long child = registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = assessment(child, TestChildren.VILLAGE_101201);
    collectAndReview(pi, "yellow");
    assertThat(pi).variables().containsEntry("riskColourLabel", "黄色（中危）")
        .containsEntry("nextStepLabel", "帮扶").containsEntry("riskReason", "家庭暴力或严重冲突");
    Task confirmTask = task(pi, RiskAssessment.TASK_CONFIRM);
    assertThat(groups(confirmTask)).containsExactly("supervisor@371330101");

    assertThatThrownBy(() -> tasks.complete(confirmTask.getId(),
        Map.of("confirmedColour", "red")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("colourOverrideReason");
    assertThatThrownBy(() -> tasks.complete(confirmTask.getId(),
        Map.of("confirmedColour", "purple", "colourOverrideReason", "理由写得足够长")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("confirmedColour");
    confirm(pi, "red", "邻居反映夜间多次听到打骂声，存在升级风险");

    assertThat(pi).hasPassed(RiskAssessment.TASK_REEVALUATE).isEnded();
    JsonNode a = assessmentsOf(child).get(0);
    assertThat(a.path("computedColour").asText()).isEqualTo("yellow");
    assertThat(a.path("colour").asText()).isEqualTo("red");
    assertThat(a.path("overridden").asBoolean()).isTrue();
    assertThat(a.path("overrideReason").asText()).isEqualTo("邻居反映夜间多次听到打骂声，存在升级风险");
    assertThat(a.path("nextStep").asText()).isEqualTo("intervention");
    assertThat(a.path("reassessWithinDays").asInt()).isEqualTo(30);
    assertThat(a.path("confirmedBy").asText()).isNotBlank();
    assertThat(a.path("overrideDecision").path("version").asInt())
        .isEqualTo(decisionOfDeployment(pi).getVersion());
    assertThat(a.path("overrideDecision").path("instanceId").asText())
        .isNotEqualTo(a.path("decision").path("instanceId").asText());
  }

  @Test
  void assessmentsAreReadByTheStaffOfTheChildsAreaOnlyAndEachReadIsAudited() {
    long child = registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = assessment(child, TestChildren.VILLAGE_101201);
    collectAndReview(pi, "blue");
    confirm(pi, "blue", null);

    assertThat(Api.as(rest, "director-101201").get("/api/children/" + child + "/assessments")
        .json()).hasSize(1);
    assertThat(Api.as(rest, "director-101202").get("/api/children/" + child + "/assessments")
        .status()).isEqualTo(404);
    assertThat(Api.as(rest, "chief-102").get("/api/children/" + child + "/assessments")
        .status()).isEqualTo(404);
    assertThat(Api.as(rest, "school-101").get("/api/children/" + child + "/assessments")
        .status()).isEqualTo(403);
    assertThat(Api.as(rest, "policy").get("/api/children/" + child + "/assessments")
        .status()).isEqualTo(403);
    assertThat(Api.anonymous(rest).get("/api/children/" + child + "/assessments").status())
        .isEqualTo(401);

    JsonNode audit = Api.as(rest, "supervisor")
        .get("/api/audit?childId=" + child + "&action=CHILD_READ&size=50").json();
    assertThat(audit.path("items").findValuesAsText("detail")).contains("part=assessments");
    assertThat(audit.path("items").findValuesAsText("actor")).contains("director-101201");
  }

  @Test
  void runningAssessmentKeepsTheDecisionDeployedWithItWhenANewVersionIsDeployed()
      throws IOException {
    long child = registeredChild(TestChildren.VILLAGE_101201);
    ProcessInstance pi = assessment(child, TestChildren.VILLAGE_101201);
    DecisionDefinition deployedWith = decisionOfDeployment(pi);
    String dmn;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/guardianship-risk.dmn")) {
      dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Deployment newer = repository.createDeployment().name("policy change (test)")
        .addString("guardianship-risk.dmn", dmn.replace("未发现明显风险", "新版本规则"))
        .deploy();
    try {
      DecisionDefinition latest = repository.createDecisionDefinitionQuery()
          .decisionDefinitionKey(RiskAssessment.DECISION).latestVersion().singleResult();
      assertThat(latest.getVersion()).isGreaterThan(deployedWith.getVersion());

      collectAndReview(pi, "green");
      confirm(pi, "green", null);

      JsonNode a = assessmentsOf(child).get(0);
      assertThat(a.path("decision").path("version").asInt()).isEqualTo(deployedWith.getVersion());
      assertThat(a.path("riskReason").asText()).isEqualTo("未发现明显风险");
    } finally {
      repository.deleteDeployment(newer.getId(), true);
    }
  }
}
