package org.guardian.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.guardian.common.EngineInterceptors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine needs with a county's 100,000 open home visits (about 300,000 timer jobs and
 * 100,000 task authorizations), found by {@code bench/run} (docs/benchmarks.md, issue 9):
 *
 * <ul>
 *   <li>Four indexes the engine's schema lacks, created after the engine has created or updated
 *       its schema, under the start-up lock, if missing: {@code ACT_RU_TASK (PARENT_TASK_ID_)}
 *       (every task completion looks up the task's subtasks: a full scan of the open tasks without
 *       it) and {@code ACT_RU_JOB (DUEDATE_)} (the job executor's acquisition asks for the jobs due by
 *       now or without a due date: a full scan of every timer of the county, several times a
 *       second, without it); and {@code ACT_RU_AUTHORIZATION (USER_ID_)}: the authorization part of
 *       every task query asks for the rows of the person or of one of their groups, and with an
 *       index on the user as well as on the group the database reads those rows instead of the
 *       whole table (one row per open task and candidate group); and {@code ACT_RU_TASK
 *       (TASK_DEF_KEY_, TENANT_ID_, DUE_DATE_)}: on H2 a task query by the process instance's
 *       business key (a case number) and the task's kind must start from the task table, since H2
 *       keeps the order of the engine's outer joins, and without it H2 read every open task (by
 *       the tenant-id index, for the engine's {@code TENANT_ID_ is null}): 150-260 ms per look-up
 *       at 100,000 children. With it the task's kind and tenant condition find the few open tasks
 *       of that kind. Its third column serves the supervisors' counts of overdue tasks of a kind
 *       (asked for tasks without a tenant, as Guardian has none): the county's few overdue home
 *       visits are found among its 100,000 open ones in the index (without it 0.24 s a count on
 *       H2, and a county's statistics export makes 13).
 *   <li>Every job has a due date ({@code ensureJobDueDateNotNull}: an async continuation is due
 *       when it is created), so that the job executor's acquisition asks for {@code DUEDATE_ <= now}
 *       alone instead of {@code DUEDATE_ is null or DUEDATE_ <= now}. H2 cannot serve that
 *       {@code or} from the due-date index and read all of the county's ~300,000 timer jobs at
 *       every acquisition, several times a second (the async steps of a case waited seconds
 *       for it at 100,000 children). Jobs written before without a due date get the engine's
 *       current time at start-up, under the start-up lock, so none is left behind.
 *   <li>No search of the class path for an XML date-type factory per timer ({@link
 *       #DATATYPE_FACTORY}).
 *   <li>No scan of every authorization's group per command: Camunda's authorization manager first
 *       keeps only those of the person's groups that appear in some authorization, by reading the
 *       distinct group ids of the whole authorization table once per command. Guardian's people
 *       have a handful of groups, so the groups are passed as they are: a group without any
 *       authorization matches no authorization row, and every check comes out the same.
 *   <li>No question per command whether a REVOKE applies while none exists ({@link
 *       RevokeWatch}).
 *   <li>The SQL of an authorization check built once per shape of check, not on every check
 *       ({@link AuthorizationCheckSql}).
 *   <li>On PostgreSQL, a checked task query pinned to one case planned once per connection, not
 *       at every call ({@link PinnedTaskPlans}).
 *   <li>OGNL's search for a property without a getter kept per class and name ({@link
 *       OgnlReadMethods}): every task query searched the ~500 methods of its query object twice.
 *   <li>No message built for a valid id of every row inserted ({@link IdCheckedOnFailure}), and
 *       no grant looked up for a task created in the same command ({@link GroupsAsSignedIn}).
 * </ul>
 */
final class EngineAtScale extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineAtScale.class);

  static final List<String> INDEXES = List.of(
      "create index if not exists GUARDIAN_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)",
      "create index if not exists GUARDIAN_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)",
      "create index if not exists GUARDIAN_IDX_AUTH_USER on ACT_RU_AUTHORIZATION (USER_ID_)",
      "create index if not exists GUARDIAN_IDX_TASK_DEF_DUE on ACT_RU_TASK (TASK_DEF_KEY_,"
          + " TENANT_ID_, DUE_DATE_)",
      // its first two columns, created before the due date was added (docs/benchmarks.md item 51)
      "drop index if exists GUARDIAN_IDX_TASK_DEF_KEY");

  /**
   * The JDK's own {@code DatatypeFactory}, which the engine's {@code DurationHelper} asks for on
   * every timer it schedules. Unnamed, {@code javax.xml} first looks for a provider in every jar of
   * the class path (Guardian has about 250) and only then takes this one: about 1 % of the node's
   * CPU in the bench. No jar of Guardian provides another one, so naming it changes nothing else.
   */
  static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";
  static final String JDK_DATATYPE_FACTORY =
      "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

  private DataSource dataSource;
  final RevokeWatch revokes = new RevokeWatch();
  /** The engine's authorization checks' SQL, built once per shape ({@link AuthorizationCheckSql}). */
  volatile AuthorizationCheckSql authorizationSql;

  /** OGNL's property look-ups for the engine's dynamic SQL, kept ({@link OgnlReadMethods}). */
  volatile OgnlReadMethods ognlReadMethods;

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    config.setEnsureJobDueDateNotNull(true);
    if (System.getProperty(DATATYPE_FACTORY) == null) {
      System.setProperty(DATATYPE_FACTORY, JDK_DATATYPE_FACTORY);
    }
    List<SessionFactory> factories = config.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(config.getCustomSessionFactories());
    factories.add(sessions(AuthorizationManager.class, () -> new GroupsAsSignedIn(revokes)));
    factories.add(sessions(DbEntityManager.class, () -> new IdCheckedOnFailure(
        config.getIdGenerator(), Context.getCommandContext().getSession(PersistenceSession.class))));
    config.setCustomSessionFactories(factories);
    // which command opens its own transaction (PinnedTaskPlans)
    EngineInterceptors.addFirst(config, new PinnedTaskPlans.TransactionOwners());
  }

  /** The engine's sessions of {@code type}, one per command, opened by {@code open}. */
  private static SessionFactory sessions(Class<?> type, Supplier<Session> open) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return open.get();
      }
    };
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl config) {
    dataSource = config.getDataSource();
    authorizationSql = new AuthorizationCheckSql("postgres".equals(config.getDatabaseType()));
    config.getSqlSessionFactory().getConfiguration().addInterceptor(authorizationSql);
    ognlReadMethods = OgnlReadMethods.install();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    long t0 = System.nanoTime();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String index : INDEXES) {
        s.execute(index);
      }
      try (PreparedStatement due = c.prepareStatement(
          "update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null")) {
        due.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
        int updated = due.executeUpdate();
        if (updated > 0) {
          log.info("{} jobs without a due date made due now", updated);
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the engine's indexes or job due dates",
          e);
    }
    log.info("engine indexes and job due dates present ({} ms)",
        (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The engine's entity manager, its check of each new row's id made without its message: the
   * engine built the message of a failed check, with the row's whole {@code toString()}, for every
   * row it inserts, valid or not (about 7 % of the CPU of a case's commands: docs/benchmarks.md
   * item 59). The check is the engine's own, and an invalid id fails with its message as before.
   */
  static final class IdCheckedOnFailure extends DbEntityManager {
    IdCheckedOnFailure(IdGenerator ids, PersistenceSession persistence) {
      super(ids, persistence);
    }

    @Override
    protected void validateId(DbEntity entity) {
      String id = entity.getId();
      if (id == null || Authorization.ANY.equals(id)) {
        super.validateId(entity);
      }
    }
  }

  /**
   * Camunda's authorization manager, the person's groups taken as they are, and the per-command
   * question whether a REVOKE applies asked only while some REVOKE exists ({@link RevokeWatch}).
   */
  static final class GroupsAsSignedIn extends AuthorizationManager {
    private final RevokeWatch revokes;

    GroupsAsSignedIn(RevokeWatch revokes) {
      this.revokes = revokes;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()
          ? Collections.emptyList() : authenticatedGroupIds;
    }

    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
      if (isRevokeAuthCheckUsed == null && isAuto() && !revokes.anyRevoke(
          getDbSqlSession().getSqlSession().getConnection())) {
        isRevokeAuthCheckUsed = false;
      }
      return super.isRevokeAuthCheckEnabled(userId, groupIds);
    }

    private static boolean isAuto() {
      String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
      return mode == null || ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO
          .equalsIgnoreCase(mode);
    }

    /**
     * The engine asks whether a candidate group already has a grant on a task before it grants
     * it one (and merges grants made earlier in the same command itself). A task created in this
     * command has no grant stored yet (its id is new), so the question is not sent to the
     * database: one query less for every task a case creates (docs/benchmarks.md item 59).
     */
    @Override
    public AuthorizationEntity findAuthorizationByGroupIdAndResourceId(int type, String groupId,
        Resource resource, String resourceId) {
      return isTaskCreatedInThisCommand(resource, resourceId) ? null
          : super.findAuthorizationByGroupIdAndResourceId(type, groupId, resource, resourceId);
    }

    /** As {@link #findAuthorizationByGroupIdAndResourceId}, for a task's assignee or owner. */
    @Override
    public AuthorizationEntity findAuthorizationByUserIdAndResourceId(int type, String userId,
        Resource resource, String resourceId) {
      return isTaskCreatedInThisCommand(resource, resourceId) ? null
          : super.findAuthorizationByUserIdAndResourceId(type, userId, resource, resourceId);
    }

    private boolean isTaskCreatedInThisCommand(Resource resource, String taskId) {
      if (taskId == null || resource.resourceType() != Resources.TASK.resourceType()) {
        return false;
      }
      CachedDbEntity task = getDbEntityManager().getDbEntityCache()
          .getCachedEntity(TaskEntity.class, taskId);
      return task != null && task.getEntityState() == DbEntityState.TRANSIENT;
    }

    @Override
    public void insert(DbEntity authorization) {
      noteRevoke(authorization);
      super.insert(authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      noteRevoke(authorization);
      super.update(authorization);
    }

    private void noteRevoke(DbEntity authorization) {
      if (authorization instanceof AuthorizationEntity a
          && a.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        revokes.revokeWritten();
      }
    }
  }
}
