package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Two people work the same task at the same moment: exactly one succeeds, the other gets a clear
 * 409, and nothing is done twice.
 */
@GuardianTest
class ConcurrentTaskWorkTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  String newReviewTask() {
    return TestChildren.reviewTaskOfNewChild(rest, tasks);
  }

  List<Api.Response> together(List<Callable<Api.Response>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> futures = new ArrayList<>();
    for (Callable<Api.Response> call : calls) {
      futures.add(pool.submit(() -> {
        start.await();
        return call.call();
      }));
    }
    start.countDown();
    List<Api.Response> out = new ArrayList<>();
    for (Future<Api.Response> f : futures) {
      out.add(f.get());
    }
    pool.shutdown();
    return out;
  }

  @RepeatedTest(5)
  void twoCompletionsAtOnceOneWinsTheOtherIsAConflict() throws Exception {
    String task = newReviewTask();
    Map<String, Object> body = Map.of("variables",
        Map.of("reviewDecision", Map.of("value", "approved")));

    List<Api.Response> answers = together(List.of(
        () -> Api.as(rest, "csup-101").post("/engine-rest/task/" + task + "/complete", body),
        () -> Api.as(rest, "demo").post("/engine-rest/task/" + task + "/complete", body)));

    assertThat(answers).extracting(Api.Response::status).as(answers.toString())
        .containsExactlyInAnyOrder(204, 409);
    Api.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().get();
    assertThat(loser.text()).contains("已");
    assertThat(history.createHistoricActivityInstanceQuery().activityId("Task_MarkFileReviewed")
        .processInstanceId(history.createHistoricTaskInstanceQuery().taskId(task).singleResult()
            .getProcessInstanceId()).count()).isEqualTo(1);
  }

  @Test
  void completingATaskSomeoneElseCompletedIsAConflict() {
    String task = newReviewTask();
    Map<String, Object> body = Map.of("variables",
        Map.of("reviewDecision", Map.of("value", "approved")));
    assertThat(Api.as(rest, "csup-101").post("/engine-rest/task/" + task + "/complete", body)
        .status()).isEqualTo(204);
    Api.Response again = Api.as(rest, "demo").post("/engine-rest/task/" + task + "/complete",
        body);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(Api.as(rest, "demo").post("/engine-rest/task/no-such-task/complete", body)
        .status()).isEqualTo(404);
    // a candidate who lost the race (the task and its grants are gone) is told it is done ...
    assertThat(Api.as(rest, "csup-101").post("/engine-rest/task/" + task + "/complete", body)
        .status()).isEqualTo(409);
    // ... a person who never could work it keeps the plain refusal
    assertThat(Api.as(rest, "csup-102").post("/engine-rest/task/" + task + "/complete", body)
        .status()).isIn(403, 404);
  }

  @Test
  void readingTheVariablesOfATaskSomeoneCompletedIsNotFound() {
    String task = newReviewTask();
    Api chief = Api.as(rest, "csup-101");
    assertThat(chief.get("/engine-rest/task/" + task + "/variables").status()).isEqualTo(200);
    assertThat(chief.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("reviewDecision", Map.of("value", "approved")))).status()).isEqualTo(204);
    for (String read : List.of("/variables", "/variables/childId", "/form-variables")) {
      Api.Response answer = chief.get("/engine-rest/task/" + task + read);
      assertThat(answer.status()).as(read + " " + answer).isEqualTo(404);
    }
  }

  @RepeatedTest(3)
  void twoClaimsAtOnceOneWinsTheOtherIsAConflict() throws Exception {
    String task = newReviewTask();
    List<Api.Response> answers = together(List.of(
        () -> Api.as(rest, "csup-101").post("/engine-rest/task/" + task + "/claim",
            Map.of("userId", "csup-101")),
        () -> Api.as(rest, "demo").post("/engine-rest/task/" + task + "/claim",
            Map.of("userId", "demo"))));
    assertThat(answers).extracting(Api.Response::status).as(answers.toString())
        .containsExactlyInAnyOrder(204, 409);
    String winner = answers.get(0).status() == 204 ? "csup-101" : "demo";
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo(winner);
  }
}
