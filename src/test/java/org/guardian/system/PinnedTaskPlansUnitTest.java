package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/** Which queries take a generic plan on PostgreSQL: checked task queries pinned to one case. */
class PinnedTaskPlansUnitTest {

  private static final Configuration MYBATIS = new Configuration();
  private static final MappedStatement LIST = statement(
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria");
  private static final MappedStatement COUNT = statement(
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");
  private static final MappedStatement EXECUTIONS = statement(
      "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity"
          + ".selectExecutionsByQueryCriteria");

  @Test
  void aCheckedTaskQueryPinnedToOneCaseDoes() {
    assertThat(PinnedTaskPlans.applies(LIST, checked(new TaskQueryImpl()
        .processInstanceBusinessKey("2026-000123").taskDefinitionKey("Task_TriageReport"))))
        .isTrue();
    assertThat(PinnedTaskPlans.applies(COUNT, checked(new TaskQueryImpl()
        .processInstanceId("p-1")))).isTrue();
    assertThat(PinnedTaskPlans.applies(LIST, checked(new TaskQueryImpl().taskId("t-1"))))
        .isTrue();
    assertThat(PinnedTaskPlans.applies(LIST, checked(new TaskQueryImpl().executionId("e-1"))))
        .isTrue();
  }

  @Test
  void listsByGroupPersonOrDateAndUncheckedQueriesDoNot() {
    assertThat(PinnedTaskPlans.applies(LIST, checked(new TaskQueryImpl()
        .taskCandidateGroup("station-chief@371330101").orderByDueDate().asc()))).isFalse();
    assertThat(PinnedTaskPlans.applies(LIST, checked(new TaskQueryImpl()
        .taskAssignee("chief-101")))).isFalse();
    assertThat(PinnedTaskPlans.applies(LIST, new TaskQueryImpl()
        .processInstanceBusinessKey("2026-000123"))).as("no authorization check").isFalse();
    assertThat(PinnedTaskPlans.applies(EXECUTIONS, checked(new TaskQueryImpl()
        .processInstanceId("p-1")))).as("not the task query's statement").isFalse();
  }

  @Test
  void anOrBranchPinsOnlyWhatItIsAndedTo() {
    TaskQueryImpl unpinned = new TaskQueryImpl();
    unpinned.taskCandidateGroup("station-chief@371330101").or()
        .processInstanceBusinessKey("2026-000123").taskAssignee("chief-101").endOr();
    assertThat(PinnedTaskPlans.applies(LIST, checked(unpinned))).isFalse();

    TaskQueryImpl pinned = new TaskQueryImpl();
    pinned.processInstanceBusinessKey("2026-000123").or()
        .taskCandidateGroup("station-chief@371330101").taskAssignee("chief-101").endOr();
    assertThat(PinnedTaskPlans.applies(LIST, checked(pinned))).isTrue();
  }

  private static TaskQueryImpl checked(TaskQuery built) {
    TaskQueryImpl query = (TaskQueryImpl) built;
    query.getAuthCheck().setAuthorizationCheckEnabled(true);
    return query;
  }

  private static MappedStatement statement(String id) {
    return new MappedStatement.Builder(MYBATIS, id, new StaticSqlSource(MYBATIS, "select 1"),
        SqlCommandType.SELECT).build();
  }
}
