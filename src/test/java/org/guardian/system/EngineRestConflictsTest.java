package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.workflow.SystemEngineCalls;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A task that goes while a request on it runs. With authorization checks on, the engine reads a
 * task, then its execution for the permission check; a completion committed in between (another
 * node, another person) leaves the execution gone and the engine fails with a NullPointerException
 * (seen once in the two-node load test on PostgreSQL: a 500 for a read of {@code computedPriority}).
 * The race itself cannot be timed from a test; the answer to its exception is checked here.
 */
@GuardianTest
class EngineRestConflictsTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired SystemEngineCalls system;
  @Autowired ResourceConfig jersey;

  String newReviewTask() {
    return TestChildren.reviewTaskOfNewChild(rest, engine.getTaskService());
  }

  Response answer(String method, String path, NullPointerException e) {
    EngineRestConflicts.ForVanishedTasks mapper =
        new EngineRestConflicts.ForVanishedTasks(engine, system);
    mapper.request = new MockHttpServletRequest(method, path);
    return mapper.toResponse(e);
  }

  @Test
  void theEngineRestApiAnswersAVanishedTaskWithGuardiansMapper() {
    assertThat(jersey.getInstances()).as("mappers registered on the engine REST API")
        .anyMatch(EngineRestConflicts.ForVanishedTasks.class::isInstance);
  }

  @Test
  void readingATaskThatWentMeanwhileIsNotFoundAndWorkingItIsAConflict() {
    String task = newReviewTask();
    assertThat(Api.as(rest, "csup-101").post("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "approved")))).status())
        .isEqualTo(204);

    Response read = answer("GET", "/engine-rest/task/" + task + "/variables/computedPriority",
        new NullPointerException("execution is null"));
    assertThat(read.getStatus()).isEqualTo(404);
    assertThat(read.getEntity().toString()).contains("已办理完毕");

    // a completion that met the same failure: the task is done, and whoever asked could work it
    // (no signed-in person on the test's thread counts as entitled, as for the system)
    Response work = answer("POST", "/engine-rest/task/" + task + "/complete",
        new NullPointerException("execution is null"));
    assertThat(work.getStatus()).isEqualTo(409);
  }

  @Test
  void aNullPointerOnATaskStillThereIsStillAServerError() {
    String task = newReviewTask();
    Response read = answer("GET", "/engine-rest/task/" + task + "/variables/childId",
        new NullPointerException("a defect"));
    assertThat(read.getStatus()).isEqualTo(500);
    Response elsewhere = answer("GET", "/engine-rest/process-instance",
        new NullPointerException("a defect"));
    assertThat(elsewhere.getStatus()).isEqualTo(500);
  }
}
