package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.registry.FileReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The engine REST API: secured with the same login, Camunda authorizations on and aligned with
 * roles and areas, Camunda Forms deployed and served, completions validated on the server.
 */
@GuardianTest
class EngineRestSecurityTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;

  String reviewTaskOfNewChild(String village, String director) {
    Api.Response created = Api.as(rest, director)
        .post("/api/children", TestChildren.leftBehind(village));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return tasks.createTaskQuery().processInstanceBusinessKey(created.json().path("id").asText())
        .taskDefinitionKey(FileReview.TASK_REVIEW).singleResult().getId();
  }

  @Test
  void engineRestNeedsALogin() {
    assertThat(Api.anonymous(rest).get("/engine-rest/task").status()).isEqualTo(401);
    // a wrong password also delays the next attempts of that user (Camunda's login throttling)
    assertThat(Api.as(rest, "sup-203", "wrong").get("/engine-rest/task").status())
        .isEqualTo(401);
    assertThat(Api.as(rest, "sup-203").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(Api.anonymous(rest).get("/api/children").status()).isEqualTo(401);
    assertThat(Api.as(rest, "csup-101").get("/engine-rest/engine").status()).isEqualTo(200);
  }

  @Test
  void theCamundaFormOfAUserTaskIsDeployedAndServed() {
    String taskId = reviewTaskOfNewChild(TestChildren.VILLAGE_101201, "director-101201");

    Api.Response form = Api.as(rest, "csup-101").get("/engine-rest/task/" + taskId
        + "/deployed-form");

    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    JsonNode json = form.json();
    assertThat(json.path("id").asText()).isEqualTo("review-child-file");
    assertThat(form.text()).contains("审核结论", "reviewDecision");
  }

  @Test
  void caseworkersSeeOnlyTheTasksOfTheirOwnArea() {
    String here = reviewTaskOfNewChild(TestChildren.VILLAGE_101201, "director-101201");
    String there = reviewTaskOfNewChild(TestChildren.VILLAGE_102201, "director-102201");

    JsonNode visible101 = Api.as(rest, "csup-101").get("/engine-rest/task?maxResults=1000").json();
    assertThat(visible101.findValuesAsText("id")).contains(here).doesNotContain(there);
    JsonNode visible102 = Api.as(rest, "csup-102").get("/engine-rest/task?maxResults=1000").json();
    assertThat(visible102.findValuesAsText("id")).contains(there).doesNotContain(here);

    assertThat(Api.as(rest, "csup-102").get("/engine-rest/task/" + here).status())
        .isIn(403, 404);
    assertThat(Api.as(rest, "csup-102").get("/engine-rest/task/" + here + "/deployed-form")
        .status()).isIn(403, 404);
    Api.Response foreign = Api.as(rest, "csup-102").post("/engine-rest/task/" + here + "/complete",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "approved"))));
    assertThat(foreign.status()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(here).count()).isEqualTo(1);
  }

  @Test
  void administratorsSeeEverything() {
    String here = reviewTaskOfNewChild(TestChildren.VILLAGE_101201, "director-101201");
    String there = reviewTaskOfNewChild(TestChildren.VILLAGE_102201, "director-102201");
    JsonNode all = Api.as(rest, "demo").get("/engine-rest/task?maxResults=5000").json();
    assertThat(all.findValuesAsText("id")).contains(here, there);
    assertThat(Api.as(rest, "demo").get("/engine-rest/process-definition").json()
        .findValuesAsText("key")).contains(FileReview.KEY);
  }

  @Test
  void policyTeamCannotReadCasesAndCaseworkersCannotDeploy() {
    reviewTaskOfNewChild(TestChildren.VILLAGE_101201, "director-101201");
    JsonNode instances = Api.as(rest, "policy").get("/engine-rest/process-instance").json();
    assertThat(instances).isEmpty();
    assertThat(Api.as(rest, "policy").get("/engine-rest/task").json()).isEmpty();
    assertThat(Api.as(rest, "supervisor").get("/engine-rest/process-instance").json())
        .isNotEmpty();

    Api.Response deploy = Api.as(rest, "chief-101").exchange(
        org.springframework.http.HttpMethod.POST, "/engine-rest/deployment/create", null);
    assertThat(deploy.status()).isIn(400, 403, 415);
    assertThat(Api.as(rest, "chief-101").get("/engine-rest/deployment").json()).isEmpty();
  }

  @Test
  void aCompletionThatBreaksTheFormIsRefusedWith400AndTheTaskStays() {
    String taskId = reviewTaskOfNewChild(TestChildren.VILLAGE_101201, "director-101201");
    Api csup = Api.as(rest, "csup-101");

    Api.Response missing = csup.post("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of()));
    assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    assertThat(missing.text()).contains("reviewDecision");

    Api.Response noComment = csup.post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "returned"))));
    assertThat(noComment.status()).as(noComment.toString()).isEqualTo(400);
    assertThat(noComment.text()).contains("reviewComment");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    Api.Response ok = csup.post("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "approved"))));
    assertThat(ok.status()).as(ok.toString()).isIn(200, 204);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
  }
}
