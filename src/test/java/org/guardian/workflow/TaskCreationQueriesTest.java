package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.guardian.EngineStatements;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What creating a user task asks of the database: a task being created has neither variables of
 * its own nor grants yet, so it is named for its child and granted to its candidate group without
 * looking either up (docs/benchmarks.md item 59); a task that exists still has its grants looked
 * up, so a group added again keeps its one grant.
 */
@GuardianTest
class TaskCreationQueriesTest {

  static final String KEY = "test-task-creation-queries";
  static final String GROUP = "test-group-a";
  static final String LABEL = "王*轩 8岁 东庄村";

  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  String deployment;

  @BeforeEach
  void deploy() {
    deployment = repository.createDeployment()
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).name("测试")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Test").name("开始")
            .userTask("Task_Check").name("核查").camundaCandidateGroups(GROUP)
            .endEvent("EndEvent_Test").name("结束").done())
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aNewTaskIsNamedAndGrantedWithoutLookingUpItsVariablesOrGrants() {
    Map<String, Integer> statements = EngineStatements.during(engineConfiguration,
        () -> runtime.startProcessInstanceByKey(KEY, Map.of(TaskNaming.CHILD_LABEL, LABEL)));

    Task task = tasks.createTaskQuery().processDefinitionKey(KEY).singleResult();
    assertThat(task.getName()).isEqualTo("核查" + TaskNaming.SEPARATOR + LABEL);
    assertThat(grants(task, GROUP)).hasSize(1);
    assertThat(statements).as("the statements counted").containsKey("insertAuthorization")
        .doesNotContainKey("selectVariablesByTaskId")
        .doesNotContainKey("selectAuthorizationByParameters");
  }

  @Test
  void aGroupAddedToATaskThatExistsKeepsOneGrantPerGroup() {
    runtime.startProcessInstanceByKey(KEY, Map.of(TaskNaming.CHILD_LABEL, LABEL));
    Task task = tasks.createTaskQuery().processDefinitionKey(KEY).singleResult();

    Map<String, Integer> statements = EngineStatements.during(engineConfiguration, () -> {
      tasks.addCandidateGroup(task.getId(), GROUP);
      tasks.addCandidateGroup(task.getId(), "test-group-b");
    });

    assertThat(statements.get("selectAuthorizationByParameters")).isEqualTo(2);
    assertThat(grants(task, GROUP)).hasSize(1);
    assertThat(grants(task, "test-group-b")).hasSize(1);
  }

  private List<Authorization> grants(Task task, String group) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn(group).list();
  }
}
