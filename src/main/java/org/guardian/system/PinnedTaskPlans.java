package org.guardian.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.transaction.Transaction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On PostgreSQL, a task query with the person's authorization check that is pinned to one case
 * (a process instance's id or business key, an execution, a task) runs with a generic plan:
 * {@code plan_cache_mode} is set to {@code force_generic_plan} for that statement alone, inside
 * its transaction ({@code set local}), and back to the server's setting right after it.
 *
 * <p>Why: with the authorization join, PostgreSQL spent 0.45-0.67 ms planning such a look-up and
 * 0.08-0.10 ms running it, and planned it anew at every call, its plan cache choosing a custom
 * plan each time: 11 ms of the database's CPU per case, most of what Guardian's planning costs
 * (docs/benchmarks.md, item 42). A query pinned to one case finds that case's few tasks through
 * unique keys whatever the values are, so one plan per connection serves every call. Lists by
 * group, person or date keep their custom plans: there the values' frequencies (a village's five
 * tasks, the county centre's thousands) can change the best plan. Nor is the setting one for the
 * whole database: the job executor's acquisition ({@code DUEDATE_ <= ?}) needs its value to be
 * planned well (14 ms a call with a generic plan against 0.02, item 42). Outside a transaction
 * ({@code set local} would do nothing) the query runs as it is.
 *
 * <p>The reset after the query is left out when the query is itself the engine command that
 * opened the transaction (a task list or look-up called on its own, as Tasklist, the REST API and
 * the caseworkers' polls do): its transaction ends with it, and {@code set local} with the
 * transaction, so nothing else runs with the setting (the command's close writes nothing after a
 * look-up). Within a longer transaction (a command that
 * looks tasks up in its course, or a service's transaction around the engine's call) the reset
 * stays. That saved one statement of two: 22 a case in process (docs/benchmarks.md, item 58).
 */
final class PinnedTaskPlans {

  static final String GENERIC = "set local plan_cache_mode = force_generic_plan";
  /** The value of the session, that is, the server's (Guardian never sets it per session). */
  static final String RESET = "set local plan_cache_mode to default";

  private PinnedTaskPlans() {}

  /** The engine's task query, checked for the person and pinned to one case. */
  static boolean applies(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    if (check == null || !check.isAuthorizationCheckEnabled()) {
      return false;
    }
    // the query's own criteria: an or-branch's (getQueries) are or-ed among themselves, and the
    // branch is and-ed to these
    return query.getProcessInstanceId() != null || query.getProcessInstanceBusinessKey() != null
        || query.getExecutionId() != null || query.getTaskId() != null;
  }

  /** A query of the transaction's connection. */
  interface Query<E> {
    List<E> run() throws SQLException;
  }

  /** The engine command on this thread that opened its own transaction, if any. */
  private static final ThreadLocal<Object> TRANSACTION_OWNER = new ThreadLocal<>();

  /**
   * The engine's commands' first interceptor, before the transaction's: notes the command that
   * will open its transaction (none is active on the thread as it starts), for the time it runs.
   */
  static final class TransactionOwners extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      Object outer = TRANSACTION_OWNER.get();
      TRANSACTION_OWNER.set(
          TransactionSynchronizationManager.isActualTransactionActive() ? null : command);
      try {
        return next.execute(command);
      } finally {
        if (outer == null) {
          TRANSACTION_OWNER.remove();
        } else {
          TRANSACTION_OWNER.set(outer);
        }
      }
    }
  }

  /** Whether {@code command} runs as the engine command that opened the current transaction. */
  static boolean ownsTransaction(Object command) {
    return command != null && TRANSACTION_OWNER.get() == command;
  }

  /**
   * The query with a generic plan; the setting reset after it, also when it fails, unless {@code
   * lastOfTransaction}: then the transaction's end discards it.
   */
  static <E> List<E> query(Transaction transaction, Query<E> query, boolean lastOfTransaction)
      throws SQLException {
    Connection connection = transaction.getConnection();
    if (connection.getAutoCommit()) {
      return query.run();
    }
    set(connection, GENERIC);
    if (lastOfTransaction) {
      return query.run();
    }
    List<E> result;
    try {
      result = query.run();
    } catch (Throwable failure) {
      try {
        set(connection, RESET);
      } catch (SQLException reset) {
        // the transaction is aborted: its rollback discards the setting
        failure.addSuppressed(reset);
      }
      throw failure;
    }
    set(connection, RESET);
    return result;
  }

  private static void set(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }
}
