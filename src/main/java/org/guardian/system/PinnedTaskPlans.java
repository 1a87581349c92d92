package org.guardian.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.transaction.Transaction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;

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

  /** The query with a generic plan; the setting reset after it, also when it fails. */
  static <E> List<E> query(Transaction transaction, Query<E> query) throws SQLException {
    Connection connection = transaction.getConnection();
    if (connection.getAutoCommit()) {
      return query.run();
    }
    set(connection, GENERIC);
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
