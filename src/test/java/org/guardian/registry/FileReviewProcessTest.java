package org.guardian.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.workflow.TaskCompletionRejected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The review of a new child's file: routing, server-side validation, both outcomes. */
@GuardianTest
class FileReviewProcessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  ProcessInstance registerChild() {
    Api.Response created = Api.as(rest, "director-101201")
        .post("/api/children", TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String childId = created.json().path("id").asText();
    ProcessInstance pi = runtime.createProcessInstanceQuery()
        .processDefinitionKey(FileReview.KEY).processInstanceBusinessKey(childId).singleResult();
    assertThat(pi).as("review started with the file").isNotNull();
    return pi;
  }

  String fileStatus(ProcessInstance pi) {
    return Api.as(rest, "csup-101").get("/api/children/" + pi.getBusinessKey()).json()
        .path("fileStatus").asText();
  }

  @Test
  void newFileIsReviewedByTheChildSupervisorOfTheChildsTownship() {
    ProcessInstance pi = registerChild();

    assertThat(pi).isWaitingAt(FileReview.TASK_REVIEW);
    assertThat(task(pi)).hasCandidateGroup("child-supervisor@371330101");
    assertThat(task(pi).getName()).startsWith("审核儿童档案 · 测").contains("*", "岁 东庄村")
        .doesNotContain("测试儿童");
    assertThat(task(pi).getDueDate()).isAfter(task(pi).getCreateTime());
    assertThat(pi).variables().containsEntry("villageCode", "371330101201")
        .containsEntry("townshipCode", "371330101").containsEntry("countyCode", "371330");

    tasks.complete(task(pi).getId(), Map.of("reviewDecision", "approved"));

    assertThat(pi).isEnded().hasPassedInOrder(FileReview.TASK_REVIEW, "Task_MarkFileReviewed",
        "EndEvent_FileReviewed");
    assertThat(fileStatus(pi)).isEqualTo("REVIEWED");
  }

  @Test
  void returnedFileGoesToTheVillagesChildDirectorAndComesBackForReview() {
    ProcessInstance pi = registerChild();

    tasks.complete(task(pi).getId(),
        Map.of("reviewDecision", "returned", "reviewComment", "监护人联系电话缺失，请补充"));

    assertThat(pi).isWaitingAt(FileReview.TASK_CORRECT);
    assertThat(task(pi)).hasCandidateGroup("child-director@371330101201");
    assertThat(fileStatus(pi)).isEqualTo("RETURNED");

    tasks.complete(task(pi).getId(), Map.of("correctionNote", "已补充监护人电话"));
    assertThat(pi).isWaitingAt(FileReview.TASK_REVIEW);
    tasks.complete(task(pi).getId(), Map.of("reviewDecision", "approved"));

    assertThat(pi).isEnded();
    assertThat(fileStatus(pi)).isEqualTo("REVIEWED");
  }

  @Test
  void completionIsValidatedOnTheServerAgainstTheFormAndTheDomainRules() {
    ProcessInstance pi = registerChild();
    String taskId = task(pi).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of()))
        .isInstanceOf(TaskCompletionRejected.class)
        .satisfies(e -> assertThat(((TaskCompletionRejected) e).problems())
            .extracting("field").containsExactly("reviewDecision"));
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reviewDecision", "maybe")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("reviewDecision");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reviewDecision", "returned")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("reviewComment");
    assertThatThrownBy(() -> tasks.complete(taskId,
        Map.of("reviewDecision", "approved", "reviewComment", "x".repeat(1001))))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("reviewComment");

    assertThat(pi).isWaitingAt(FileReview.TASK_REVIEW);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(fileStatus(pi)).isEqualTo("PENDING_REVIEW");
  }
}
