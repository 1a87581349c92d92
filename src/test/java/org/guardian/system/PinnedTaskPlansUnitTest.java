package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.transaction.Transaction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which queries take a generic plan on PostgreSQL (checked task queries pinned to one case), and
 * when the setting is reset after the query (unless the query is the command that opened the
 * transaction).
 */
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

  @Test
  void theSettingIsResetAfterTheQueryUnlessItsTransactionEndsWithIt() throws Exception {
    List<String> run = new ArrayList<>();
    Transaction transaction = transactionRecording(run);

    PinnedTaskPlans.Query<String> query = () -> {
      run.add("query");
      return List.of("task");
    };
    PinnedTaskPlans.query(transaction, query, false);
    assertThat(run).containsExactly(PinnedTaskPlans.GENERIC, "query", PinnedTaskPlans.RESET);

    run.clear();
    PinnedTaskPlans.query(transaction, query, true);
    assertThat(run).as("the transaction's end discards the setting")
        .containsExactly(PinnedTaskPlans.GENERIC, "query");
  }

  @Test
  void aCommandOwnsTheTransactionItOpensNotOneItJoins() throws Exception {
    Command<Boolean> own = context -> null;
    CommandInterceptor owners = new PinnedTaskPlans.TransactionOwners();
    List<Boolean> seen = new ArrayList<>();
    owners.setNext(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        seen.add(PinnedTaskPlans.ownsTransaction(command));
        return null;
      }
    });

    owners.execute(own);
    // inside a transaction of someone else's (a service's, or an outer command's)
    new TransactionTemplate(new DataSourceTransactionManager(new SimpleDriverDataSource(
        new org.h2.Driver(), "jdbc:h2:mem:owners"))).executeWithoutResult(s -> owners.execute(own));

    assertThat(seen).containsExactly(true, false);
    assertThat(PinnedTaskPlans.ownsTransaction(own)).as("not after it ran").isFalse();
  }

  /** A transaction whose connection records the statements run on it ("query" for the query). */
  private static Transaction transactionRecording(List<String> run) {
    Statement statement = (Statement) Proxy.newProxyInstance(PinnedTaskPlansUnitTest.class.getClassLoader(),
        new Class<?>[] {Statement.class}, (proxy, method, args) -> {
          if (method.getName().equals("execute")) {
            run.add((String) args[0]);
            return false;
          }
          return null;
        });
    Connection connection = (Connection) Proxy.newProxyInstance(PinnedTaskPlansUnitTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getAutoCommit" -> false;
          case "createStatement" -> statement;
          default -> null;
        });
    return (Transaction) Proxy.newProxyInstance(PinnedTaskPlansUnitTest.class.getClassLoader(),
        new Class<?>[] {Transaction.class}, (proxy, method, args) ->
            method.getName().equals("getConnection") ? connection : null);
  }

  private static TaskQueryImpl checked(TaskQuery built) {
    TaskQueryImpl query = (TaskQueryImpl) built;
    query.getAuthCheck().setAuthorizationCheckEnabled(true);
    return query;
  }
}
