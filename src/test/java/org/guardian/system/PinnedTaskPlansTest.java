package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a checked task look-up pinned to one case takes a generic plan, made once per
 * connection, and leaves the transaction's plan cache mode as it found it; a list by group keeps
 * being planned for its values (docs/benchmarks.md, items 42 and 44). Read off
 * {@code pg_prepared_statements} of the transaction's own connection: the driver prepares a
 * statement on the server from its fifth execution on.
 */
@GuardianTest
class PinnedTaskPlansTest {

  private static final int CALLS = 12;
  private static final String GROUP = "plan-test-group";
  private static final String BUSINESS_KEY = "plan-test-case";

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private String deployment;
  private Task task;

  @BeforeEach
  void aCaseWithATaskForAGroup() {
    Assumptions.assumeTrue("postgres".equals(System.getProperty("guardian.test.database")),
        "PostgreSQL's plan cache (the build's second run)");
    deployment = repository.createDeployment()
        .addModelInstance("test-pinned-plans.bpmn", Bpmn.createExecutableProcess(
                "test-pinned-plans")
            .name("test").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
            .name("wait").camundaCandidateGroups(GROUP).endEvent().done())
        .deploy().getId();
    runtime.startProcessInstanceByKey("test-pinned-plans", BUSINESS_KEY);
    task = tasks.createTaskQuery().processInstanceBusinessKey(BUSINESS_KEY).singleResult();
  }

  @AfterEach
  void undeploy() {
    identity.clearAuthentication();
    if (deployment != null) {
      repository.deleteDeployment(deployment, true);
    }
  }

  /**
   * Signed in with the candidate group and more: the number of groups is part of the statement's
   * text, so each test's statement is its own among those other tests left on the connection.
   */
  private void signInWithGroups(int count) {
    List<String> groups = new ArrayList<>(List.of(GROUP));
    for (int i = 1; i < count; i++) {
      groups.add("plan-test-" + i);
    }
    identity.setAuthentication("plan-test", groups);
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void aLookUpByCaseIsPlannedOnceAndTheModeIsResetAfterIt() {
    signInWithGroups(7);
    Map<String, Object> plans = plansOf(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(BUSINESS_KEY).taskDefinitionKey(task.getTaskDefinitionKey())
        .list(), "ACT_RU_EXECUTION", List.of(task.getId()));

    assertThat(((Number) plans.get("custom_plans")).longValue()).as("planned for its values")
        .isZero();
    assertThat(((Number) plans.get("generic_plans")).longValue()).isPositive();
    assertThat(plans.get("mode")).as("the mode after the look-ups").isEqualTo("auto");
  }

  /**
   * A look-up called on its own (as Tasklist, the REST API and the caseworkers' polls do) is the
   * command that opens its transaction: the setting is not reset after it (the transaction's end
   * discards it), the look-up still finds its task, and no connection of the pool is left with
   * the setting.
   */
  @Test
  void aLookUpOnItsOwnLeavesNoSettingBehind() {
    signInWithGroups(5);
    for (int i = 0; i < CALLS; i++) {
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(BUSINESS_KEY)
          .taskDefinitionKey(task.getTaskDefinitionKey()).list()).extracting(Task::getId)
          .containsExactly(task.getId());
    }
    identity.clearAuthentication();
    for (int i = 0; i < CALLS; i++) {
      assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
    }
  }

  @Test
  void aListByGroupIsPlannedForItsValues() {
    signInWithGroups(6);
    Map<String, Object> plans = plansOf(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP)
        .orderByDueDate().asc().listPage(0, 50), "ACT_RU_IDENTITYLINK", null);

    assertThat(((Number) plans.get("custom_plans")).longValue()).isPositive();
  }

  /**
   * The query run {@link #CALLS} times in one transaction as the person, then the plans of its
   * statement (the one prepared statement on the connection whose text has {@code table}).
   */
  private Map<String, Object> plansOf(Supplier<List<Task>> query, String table,
      List<String> expected) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    return tx.execute(status -> {
      status.setRollbackOnly();
      for (int i = 0; i < CALLS; i++) {
        List<Task> found = query.get();
        if (expected != null) {
          assertThat(found).extracting(Task::getId).isEqualTo(expected);
        }
      }
      Map<String, Object> plans = jdbc.queryForMap("select generic_plans, custom_plans"
          + " from pg_prepared_statements where statement like '%ACT_RU_TASK%'"
          + " and statement like '%ACT_RU_AUTHORIZATION%' and statement like ?"
          + " and statement not like '%count(%'", "%" + table + "%");
      plans.put("mode", jdbc.queryForObject("show plan_cache_mode", String.class));
      return plans;
    });
  }
}
