package org.guardian.system;

import static org.guardian.system.SqlTemplates.add;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.transaction.Transaction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * Camunda's authorization check ({@code isUserAuthorizedForResource}: may this person do this to
 * that resource?) with its SQL built once per <em>shape</em> of check rather than on every check.
 *
 * <p>The statement is MyBatis dynamic SQL: for every atomic permission check it expands a
 * {@code CASE} of user, group and global grants and revokes, with the person's groups spelled out
 * in each. Building that text (OGNL for every {@code if}, then the parse of every {@code #{}}) for
 * the check of every task completion (four atomic checks: {@code
 * CompleteTaskCmd.checkCompleteTask}) took 48 of a Guardian node's 711 CPU samples in a profile of
 * {@code bench/run} (docs/benchmarks.md, item 29). The text and its parameter list depend only on the shape of the
 * check: how many groups, which checks in which composite, whether a resource id is given or
 * {@code *}, the inlined query parameters, whether REVOKEs apply. The values (the person, the
 * groups, the task's id) are only bound as JDBC parameters. So the first check of a shape is built
 * by MyBatis as always and kept as a template; later checks of that shape take the template's text
 * and bind their own values to it.
 *
 * <p>Camunda's SQL and its semantics are untouched: the template is MyBatis's own output. A
 * foreach item of the template (a permission check, a group id) is bound to the object at the same
 * place in the new check; a template is only kept if each such item was found at exactly one place
 * of the first check. The first {@link SqlTemplates#VERIFIED_USES} uses of every template are
 * also built the old way and compared, text and every parameter value; a difference drops the
 * template for good (and is logged), and the check built the old way is the one run ({@link
 * SqlTemplates}).
 *
 * <p>The same executor wrapper gives the engine's task queries their SQL from templates too
 * ({@link TaskQuerySql}) and, on PostgreSQL, runs those pinned to one case with a generic plan
 * ({@link PinnedTaskPlans}). Any other statement passes through untouched.
 */
final class AuthorizationCheckSql implements Interceptor {

  static final String STATEMENT = "isUserAuthorizedForResource";
  /** At most this many shapes are kept; any further shape is built by MyBatis every time. */
  static final int MAX_SHAPES = 256;

  private final SqlTemplates<AuthorizationCheck> templates = new SqlTemplates<>(
      "authorization check", MAX_SHAPES, AuthorizationCheckSql::shapeOf,
      AuthorizationCheckSql::placesOf);
  /** The engine's task queries' SQL, also built once per shape ({@link TaskQuerySql}). */
  private final SqlTemplates<TaskQueryImpl> taskQueries = TaskQuerySql.templates();
  /** PostgreSQL: task queries pinned to one case run with a generic plan ({@link PinnedTaskPlans}). */
  private final boolean pinnedTaskPlans;

  AuthorizationCheckSql() {
    this(false);
  }

  AuthorizationCheckSql(boolean pinnedTaskPlans) {
    this.pinnedTaskPlans = pinnedTaskPlans;
  }

  /**
   * Wraps the engine's executors only, in a plain delegating {@link Checks} rather than MyBatis's
   * reflective proxy (which reads this class's annotations anew for every executor, statement and
   * result handler: a session is opened per engine command).
   */
  @Override
  public Object plugin(Object target) {
    return target instanceof Executor executor ? new Checks(executor, this) : target;
  }

  /** Not called: {@link #plugin} wraps the executor in {@link Checks} instead of a proxy. */
  @Override
  public Object intercept(Invocation invocation) {
    throw new UnsupportedOperationException("AuthorizationCheckSql wraps executors itself");
  }

  /** A query run with the SQL given (a template's or MyBatis's own), not built again. */
  static <E> List<E> query(Executor executor, MappedStatement statement, Object parameter,
      RowBounds rows, ResultHandler<?> handler, BoundSql sql) throws SQLException {
    return executor.query(statement, parameter, rows, handler,
        executor.createCacheKey(statement, parameter, rows, sql), sql);
  }

  static boolean isCheckStatement(MappedStatement statement) {
    String id = statement.getId();
    return id.equals(STATEMENT) || id.endsWith("." + STATEMENT);
  }

  /** The check's SQL: from its shape's template if there is one, else built by MyBatis. */
  BoundSql boundSql(MappedStatement statement, AuthorizationCheck check) {
    return templates.boundSql(statement, check);
  }

  /** The checks' templates (how many checks were built, took a template, were dropped). */
  SqlTemplates<AuthorizationCheck> checks() {
    return templates;
  }

  SqlTemplates<TaskQueryImpl> taskQueries() {
    return taskQueries;
  }

  /**
   * Everything of a check that the statement's dynamic SQL tests or inlines, and more: every field
   * of the check and of its permission checks except the values that are only bound (the
   * person's id, the group ids, a resource id other than {@code *}).
   */
  static List<Object> shapeOf(AuthorizationCheck check) {
    List<String> groups = check.getAuthGroupIds();
    return Arrays.asList(check.isAuthorizationCheckEnabled(),
        check.shouldPerformAuthorizatioCheck(), check.isRevokeAuthorizationCheckEnabled(),
        check.isHistoricInstancePermissionsEnabled(), check.isUseLeftJoin(),
        check.getAuthDefaultPerm(), check.getAuthUserId() == null,
        groups == null ? -1 : groups.size(), shapeOf(check.getPermissionChecks()));
  }

  private static List<Object> shapeOf(CompositePermissionCheck composite) {
    if (composite == null) {
      return null;
    }
    List<Object> atomic = new ArrayList<>();
    if (composite.getAtomicChecks() != null) {
      for (PermissionCheck p : composite.getAtomicChecks()) {
        String id = p.getResourceId();
        atomic.add(Arrays.asList(p.getResourceType(), p.getPerms(),
            p.getPermission() == null ? null : p.getPermission().getName(),
            p.getResource() == null ? null : p.getResource().resourceName(),
            id == null ? "null" : id.equals("*") ? "*" : "id", p.getResourceIdQueryParam(),
            p.getAuthorizationNotFoundReturnValue()));
      }
    }
    List<Object> nested = new ArrayList<>();
    if (composite.getCompositeChecks() != null) {
      for (CompositePermissionCheck c : composite.getCompositeChecks()) {
        nested.add(shapeOf(c));
      }
    }
    return Arrays.asList(composite.isDisjunctive(), composite.getAtomicChecks() == null,
        atomic, composite.getCompositeChecks() == null, nested);
  }

  /** Every object of a check (by identity) with the places it sits at. */
  static Map<Object, List<Function<AuthorizationCheck, Object>>> placesOf(
      AuthorizationCheck check) {
    Map<Object, List<Function<AuthorizationCheck, Object>>> places = SqlTemplates.places();
    add(places, check, c -> c);
    add(places, check.getAuthUserId(), AuthorizationCheck::getAuthUserId);
    List<String> groups = check.getAuthGroupIds();
    if (groups != null) {
      add(places, groups, AuthorizationCheck::getAuthGroupIds);
      for (int i = 0; i < groups.size(); i++) {
        int at = i;
        add(places, groups.get(i), c -> c.getAuthGroupIds().get(at));
      }
    }
    addComposite(places, check.getPermissionChecks(), AuthorizationCheck::getPermissionChecks);
    return places;
  }

  private static void addComposite(Map<Object, List<Function<AuthorizationCheck, Object>>> places,
      CompositePermissionCheck composite,
      Function<AuthorizationCheck, CompositePermissionCheck> place) {
    if (composite == null) {
      return;
    }
    add(places, composite, place::apply);
    List<PermissionCheck> atomic = composite.getAtomicChecks();
    if (atomic != null) {
      add(places, atomic, c -> place.apply(c).getAtomicChecks());
      for (int i = 0; i < atomic.size(); i++) {
        int at = i;
        Function<AuthorizationCheck, PermissionCheck> check =
            c -> place.apply(c).getAtomicChecks().get(at);
        add(places, atomic.get(i), check::apply);
        add(places, atomic.get(i).getResourceId(), c -> check.apply(c).getResourceId());
        add(places, atomic.get(i).getResourceIdQueryParam(),
            c -> check.apply(c).getResourceIdQueryParam());
      }
    }
    List<CompositePermissionCheck> nested = composite.getCompositeChecks();
    if (nested != null) {
      add(places, nested, c -> place.apply(c).getCompositeChecks());
      for (int i = 0; i < nested.size(); i++) {
        int at = i;
        addComposite(places, nested.get(i), c -> place.apply(c).getCompositeChecks().get(at));
      }
    }
  }

  /** The engine's executor, its queries of {@link #STATEMENT} taking their SQL from templates. */
  static final class Checks implements Executor {
    private final Executor delegate;
    private final AuthorizationCheckSql sql;

    Checks(Executor delegate, AuthorizationCheckSql sql) {
      this.delegate = delegate;
      this.sql = sql;
    }

    @Override
    public <E> List<E> query(MappedStatement ms, Object parameter, RowBounds rowBounds,
        ResultHandler resultHandler) throws SQLException {
      if (parameter instanceof AuthorizationCheck check && isCheckStatement(ms)) {
        return AuthorizationCheckSql.query(delegate, ms, check, rowBounds, resultHandler,
            sql.boundSql(ms, check));
      }
      if (parameter instanceof TaskQueryImpl taskQuery && TaskQuerySql.isTaskQuery(ms)) {
        BoundSql bound = sql.taskQueries.boundSql(ms, taskQuery);
        if (sql.pinnedTaskPlans && PinnedTaskPlans.applies(taskQuery)) {
          // no reset after it if the look-up is the command that opened the transaction
          return PinnedTaskPlans.query(delegate.getTransaction(),
              () -> AuthorizationCheckSql.query(delegate, ms, taskQuery, rowBounds, resultHandler,
                  bound), PinnedTaskPlans.ownsTransaction(taskQuery));
        }
        return AuthorizationCheckSql.query(delegate, ms, taskQuery, rowBounds, resultHandler,
            bound);
      }
      return delegate.query(ms, parameter, rowBounds, resultHandler);
    }

    @Override
    public <E> List<E> query(MappedStatement ms, Object parameter, RowBounds rowBounds,
        ResultHandler resultHandler, CacheKey cacheKey, BoundSql boundSql) throws SQLException {
      return delegate.query(ms, parameter, rowBounds, resultHandler, cacheKey, boundSql);
    }

    @Override
    public int update(MappedStatement ms, Object parameter) throws SQLException {
      return delegate.update(ms, parameter);
    }

    @Override
    public <E> Cursor<E> queryCursor(MappedStatement ms, Object parameter, RowBounds rowBounds)
        throws SQLException {
      return delegate.queryCursor(ms, parameter, rowBounds);
    }

    @Override
    public List<BatchResult> flushStatements() throws SQLException {
      return delegate.flushStatements();
    }

    @Override
    public void commit(boolean required) throws SQLException {
      delegate.commit(required);
    }

    @Override
    public void rollback(boolean required) throws SQLException {
      delegate.rollback(required);
    }

    @Override
    public CacheKey createCacheKey(MappedStatement ms, Object parameterObject, RowBounds rowBounds,
        BoundSql boundSql) {
      return delegate.createCacheKey(ms, parameterObject, rowBounds, boundSql);
    }

    @Override
    public boolean isCached(MappedStatement ms, CacheKey key) {
      return delegate.isCached(ms, key);
    }

    @Override
    public void clearLocalCache() {
      delegate.clearLocalCache();
    }

    @Override
    public void deferLoad(MappedStatement ms, MetaObject resultObject, String property,
        CacheKey key, Class<?> targetType) {
      delegate.deferLoad(ms, resultObject, property, key, targetType);
    }

    @Override
    public Transaction getTransaction() {
      return delegate.getTransaction();
    }

    @Override
    public void close(boolean forceRollback) {
      delegate.close(forceRollback);
    }

    @Override
    public boolean isClosed() {
      return delegate.isClosed();
    }

    @Override
    public void setExecutorWrapper(Executor executor) {
      delegate.setExecutorWrapper(executor);
    }
  }
}
