package org.guardian.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The township supervisors' read grant on each process instance of their township: written when
 * the instance starts, read by the engine's checks, and gone with the instance (the engine deletes
 * a process instance's authorizations when the instance ends, so ended cases leave no rows behind
 * in the table every check reads).
 */
@GuardianTest
class InstanceAuthorizationsTest {

  private static final String TOWNSHIP = "371330101";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  private String deployment;

  @BeforeEach
  void deploy() {
    deployment = repository.createDeployment()
        .addModelInstance("test-instance-grant.bpmn", Bpmn.createExecutableProcess(
                "test-instance-grant")
            .name("test").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
            .name("wait").endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    identity.clearAuthentication();
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void theTownshipsSupervisorsReadTheInstanceUntilItEnds() {
    String instance = runtime.startProcessInstanceByKey("test-instance-grant",
        Map.of("townshipCode", TOWNSHIP)).getId();
    assertThat(grants(instance)).isEqualTo(1);
    assertThat(visibleTo(Routing.group(Role.SUPERVISOR, TOWNSHIP), instance)).isEqualTo(1);
    assertThat(visibleTo(Routing.group(Role.SUPERVISOR, "371330102"), instance)).isZero();

    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(grants(instance)).isZero();
  }

  @Test
  void anInstanceWithoutTownshipGetsNoTownshipGrant() {
    String instance = runtime.startProcessInstanceByKey("test-instance-grant").getId();
    assertThat(grants(instance)).isZero();
  }

  private long grants(String instance) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(instance).count();
  }

  private long visibleTo(String group, String instance) {
    identity.setAuthentication("instance-grant-test", List.of(group));
    try {
      return runtime.createProcessInstanceQuery().processInstanceId(instance).count();
    } finally {
      identity.clearAuthentication();
    }
  }
}
