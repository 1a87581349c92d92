package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/** Which queries take a generic plan on PostgreSQL: checked task queries pinned to one case. */
class PinnedTaskPlansUnitTest {

  @Test
  void aCheckedTaskQueryPinnedToOneCaseDoes() {
    assertThat(PinnedTaskPlans.applies(checked(new TaskQueryImpl()
        .processInstanceBusinessKey("2026-000123").taskDefinitionKey("Task_TriageReport"))))
        .isTrue();
    assertThat(PinnedTaskPlans.applies(checked(new TaskQueryImpl()
        .processInstanceId("p-1")))).isTrue();
    assertThat(PinnedTaskPlans.applies(checked(new TaskQueryImpl().taskId("t-1"))))
        .isTrue();
    assertThat(PinnedTaskPlans.applies(checked(new TaskQueryImpl().executionId("e-1"))))
        .isTrue();
  }

  @Test
  void listsByGroupPersonOrDateAndUncheckedQueriesDoNot() {
    assertThat(PinnedTaskPlans.applies(checked(new TaskQueryImpl()
        .taskCandidateGroup("station-chief@371330101").orderByDueDate().asc()))).isFalse();
    assertThat(PinnedTaskPlans.applies(checked(new TaskQueryImpl()
        .taskAssignee("chief-101")))).isFalse();
    assertThat(PinnedTaskPlans.applies(new TaskQueryImpl()
        .processInstanceBusinessKey("2026-000123"))).as("no authorization check").isFalse();
  }

  @Test
  void anOrBranchPinsOnlyWhatItIsAndedTo() {
    TaskQueryImpl unpinned = new TaskQueryImpl();
    unpinned.taskCandidateGroup("station-chief@371330101").or()
        .processInstanceBusinessKey("2026-000123").taskAssignee("chief-101").endOr();
    assertThat(PinnedTaskPlans.applies(checked(unpinned))).isFalse();

    TaskQueryImpl pinned = new TaskQueryImpl();
    pinned.processInstanceBusinessKey("2026-000123").or()
        .taskCandidateGroup("station-chief@371330101").taskAssignee("chief-101").endOr();
    assertThat(PinnedTaskPlans.applies(checked(pinned))).isTrue();
  }

  private static TaskQueryImpl checked(TaskQuery built) {
    TaskQueryImpl query = (TaskQueryImpl) built;
    query.getAuthCheck().setAuthorizationCheckEnabled(true);
    return query;
  }
}
