package org.guardian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.ProcessJobs;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/**
 * The bench's walk through Guardian's service layer ({@link GuardianInProcess.Walker}) is a whole
 * case as its people make it: the hospital's report, then each of the chain's twelve tasks
 * completed by the person of its group, signed in, with the engine's authorization checks on,
 * up to the approved closure.
 */
@GuardianTest
class GuardianInProcessWalkerTest {

  @Autowired
  ApplicationContext context;

  @Autowired
  ProcessEngine engine;

  @Autowired
  TestRestTemplate rest;

  @Test
  void walksACaseThroughTheServiceLayerUpToTheApprovedClosure() throws Exception {
    String village = TestChildren.VILLAGE_101201;
    Map<String, Object> body = TestChildren.leftBehind(village);
    Api.Response registered = Api.as(rest, "director-101201").post("/api/children", body);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    long childId = registered.json().path("id").asLong();
    CountySeed.Child child = new CountySeed.Child(childId, (String) body.get("name"),
        (String) body.get("idNumber"), village, "LEFT_BEHIND",
        LocalDate.parse((String) body.get("birthDate")));

    // the job executor is off in tests: the case's due jobs are run beside the walk, as it would
    AtomicBoolean walking = new AtomicBoolean(true);
    AtomicReference<Throwable> jobFailure = new AtomicReference<>();
    Thread jobs = new Thread(() -> {
      while (walking.get()) {
        try {
          for (ProcessInstance c : engine.getRuntimeService().createProcessInstanceQuery()
              .processDefinitionKey("guardianship-case").variableValueEquals("childId", childId)
              .list()) {
            ProcessJobs.run(engine, c.getId());
          }
        } catch (OptimisticLockingException e) {
          // the walker completed a task of the same instance meanwhile: again next time
        } catch (RuntimeException e) {
          jobFailure.set(e);
          return;
        }
        Bench.sleep(5);
      }
    }, "case-jobs");
    jobs.start();
    Latencies intake = new Latencies("intake");
    Latencies completion = new Latencies("completion");
    try {
      new GuardianInProcess.Walker(context, intake, completion).walk(child);
    } finally {
      walking.set(false);
      jobs.join(10_000);
    }
    assertThat(jobFailure.get()).isNull();

    HistoricProcessInstance guardianshipCase = engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey("guardianship-case")
        .variableValueEquals("childId", childId).singleResult();
    String caseNumber = guardianshipCase.getBusinessKey();
    List<ChainSteps.Step> steps = ChainSteps.steps();
    List<String> done = new ArrayList<>();
    for (ChainSteps.Step step : steps) {
      HistoricTaskInstance task = engine.getHistoryService().createHistoricTaskInstanceQuery()
          .processInstanceBusinessKey(caseNumber).taskDefinitionKey(step.taskKey())
          .singleResult();
      assertThat(task).as(step.taskKey()).isNotNull();
      assertThat(task.getDeleteReason()).as(step.taskKey()).isEqualTo("completed");
      // completed as the person of the step, signed in (the engine logs who completed it)
      List<UserOperationLogEntry> log = engine.getHistoryService()
          .createUserOperationLogQuery().taskId(task.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
      assertThat(log).as(step.taskKey()).isNotEmpty();
      assertThat(log.get(0).getUserId()).as(step.taskKey())
          .isEqualTo(ChainSteps.user(step.role(), village));
      done.add(step.taskKey());
    }
    assertThat(done).hasSize(12);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ProcessJobs.tree(engine.getRuntimeService(), guardianshipCase.getId())
            .toArray(String[]::new)).variableName("closureReason").singleResult().getValue())
        .isEqualTo("goals-achieved");
    assertThat(intake.count()).isEqualTo(1);
    assertThat(completion.count()).isEqualTo(12);
  }
}
