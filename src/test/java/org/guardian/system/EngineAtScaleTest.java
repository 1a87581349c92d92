package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.guardian.CountyTaskStatistics;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine at a county's size: the indexes its schema lacks are there (on H2 and PostgreSQL),
 * and authorization checks take the person's groups without scanning every authorization.
 */
@GuardianTest
class EngineAtScaleTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired List<ProcessEnginePlugin> plugins;
  @Autowired ProcessEngine engine;
  EngineAtScale engineAtScale;

  @BeforeEach
  void plugin() {
    engineAtScale = plugins.stream().filter(EngineAtScale.class::isInstance)
        .map(EngineAtScale.class::cast).findFirst().orElseThrow();
  }

  @Test
  void theSubtaskDueDateAndAuthorizationIndexesExist() throws Exception {
    assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
    assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_");
    assertThat(indexedColumns("ACT_RU_AUTHORIZATION")).contains("USER_ID_", "GROUP_ID_");
    assertThat(indexedColumns("ACT_RU_TASK")).contains("TASK_DEF_KEY_", "DUE_DATE_");
  }

  /**
   * A database of an earlier version has the index on the task's kind and tenant without the due
   * date: the start-up creates the wider one and drops it.
   */
  @Test
  void theTaskKindIndexOfAnEarlierVersionIsReplacedAtStartUp() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("create index GUARDIAN_IDX_TASK_DEF_KEY on ACT_RU_TASK "
          + "(TASK_DEF_KEY_, TENANT_ID_)");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    assertThat(indexNames("ACT_RU_TASK")).contains("GUARDIAN_IDX_TASK_DEF_KEY");
    engineAtScale.postProcessEngineBuild(engine);
    assertThat(indexNames("ACT_RU_TASK")).contains("GUARDIAN_IDX_TASK_DEF_DUE")
        .doesNotContain("GUARDIAN_IDX_TASK_DEF_KEY");
  }

  /**
   * The statement Camunda 7.24 issues for a person's task query by case number and task kind
   * (Tasklist's search, the bench's look-up), as the engine logs it: on H2 it starts from the task
   * table, and must find the tasks by their kind, not read them all through the tenant-id index
   * (150-260 ms per look-up with 100,000 open tasks before the index). Planned with the task
   * table's statistics in a county's database ({@link CountyTaskStatistics}).
   */
  @Test
  void onH2APersonsTaskLookUpByCaseNumberAndKindReadsTheTasksOfThatKindOnly() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      Assumptions.assumeTrue(c.getMetaData().getDatabaseProductName().equals("H2"),
          "the plan of H2; PostgreSQL starts from the business key");
      StringBuilder plan = new StringBuilder();
      try (CountyTaskStatistics county = CountyTaskStatistics.of(c);
          ResultSet r = c.createStatement().executeQuery("explain select distinct RES.ID_"
          + " from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
          + " inner join ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_"
          + " left join (select A.* from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2"
          + " and (A.USER_ID_ in ('chief-001', '*') or A.GROUP_ID_ in ('station-chief'))"
          + " and ((A.RESOURCE_TYPE_ = 7 and BITAND(A.PERMS_, CAST(2 AS BIGINT)) = 2"
          + " or A.RESOURCE_TYPE_ = 6 and BITAND(A.PERMS_, CAST(64 AS BIGINT)) = 64))) AUTH"
          + " on (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))"
          + " where (1 = 1 and E.BUSINESS_KEY_ = 'GC-1'"
          + " and RES.TASK_DEF_KEY_ = 'Task_TriageReport')"
          + " and ((RES.CASE_EXECUTION_ID_ is not null) or (AUTH.RESOURCE_ID_ is not null))"
          + " and (RES.TENANT_ID_ is null) order by RES.ID_ asc limit 2147483647 offset 0")) {
        while (r.next()) {
          plan.append(r.getString(1));
        }
      }
      String fromTasks = plan.substring(plan.indexOf("\"ACT_RU_TASK\" \"RES\""));
      assertThat(fromTasks.substring(0, fromTasks.indexOf("*/")))
          .contains("GUARDIAN_IDX_TASK_DEF_DUE");
    }
  }

  /**
   * The question whether a REVOKE applies is asked per command only while some REVOKE exists; a
   * REVOKE written through the engine applies at once all the same.
   */
  @Test
  void aRevokeWrittenThroughTheEngineAppliesAtOnce() {
    AuthorizationService authorizations = engineConfiguration.getAuthorizationService();
    String definition = "test-revoke-" + UUID.randomUUID();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("test-revoke-group");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(definition);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("test-revoke-user");
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(definition);
    revoke.removePermission(Permissions.READ);
    try {
      // the watch learns that no REVOKE exists (the only test that writes one through the
      // engine; after it this test JVM's engine asks Camunda's question on every command)
      assertThat(authorizations.isUserAuthorized("test-revoke-user", List.of("test-revoke-group"),
          Permissions.READ, Resources.PROCESS_DEFINITION, definition)).isTrue();
      assertThat(engineAtScale.revokes.questions()).as("the engine's checks consult the watch")
          .isPositive();
      authorizations.saveAuthorization(revoke);
      assertThat(authorizations.isUserAuthorized("test-revoke-user", List.of("test-revoke-group"),
          Permissions.READ, Resources.PROCESS_DEFINITION, definition)).isFalse();
    } finally {
      authorizations.deleteAuthorization(grant.getId());
      if (revoke.getId() != null) {
        authorizations.deleteAuthorization(revoke.getId());
      }
    }
  }

  /**
   * A REVOKE written elsewhere (another node: here by SQL, past this watch and the engine's) is
   * seen once the interval has passed.
   */
  @Test
  void aRevokeWrittenElsewhereIsSeenWithinTheInterval() throws Exception {
    AtomicLong now = new AtomicLong();
    RevokeWatch watch = new RevokeWatch(Duration.ofSeconds(5), now::get);
    String id = "test-revoke-" + UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      assertThat(watch.anyRevoke(c)).isFalse();
      assertThat(watch.questions()).isEqualTo(1);
      try (PreparedStatement insert = c.prepareStatement("insert into ACT_RU_AUTHORIZATION"
          + " (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
          + " values (?, 1, 2, 'test-revoke-user', 6, ?, -3)")) {
        insert.setString(1, id);
        insert.setString(2, id);
        insert.executeUpdate();
      }
      try {
        now.set(Duration.ofSeconds(4).toNanos());
        assertThat(watch.anyRevoke(c)).as("believed for the interval").isFalse();
        assertThat(watch.questions()).isEqualTo(1);
        now.set(Duration.ofSeconds(6).toNanos());
        assertThat(watch.anyRevoke(c)).isTrue();
        assertThat(watch.questions()).isEqualTo(2);
      } finally {
        try (PreparedStatement delete = c.prepareStatement(
            "delete from ACT_RU_AUTHORIZATION where ID_ = ?")) {
          delete.setString(1, id);
          delete.executeUpdate();
        }
      }
      now.set(Duration.ofSeconds(12).toNanos());
      assertThat(watch.anyRevoke(c)).as("the REVOKE is gone").isFalse();
      // once a REVOKE is written through this node, every command asks again, whatever the
      // database said (a look-up racing the write's commit must not undo it)
      watch.revokeWritten();
      now.set(Duration.ofSeconds(30).toNanos());
      assertThat(watch.anyRevoke(c)).isTrue();
      assertThat(watch.questions()).isEqualTo(3);
    }
  }

  /**
   * Every job has a due date, so the job executor's acquisition asks for {@code DUEDATE_ <= now}
   * alone (H2 reads every job for {@code DUEDATE_ is null or ...}); a job left without one by an
   * earlier version is made due at start-up rather than never acquired.
   */
  @Test
  void everyJobHasADueDateAndOneWithoutIsMadeDueAtStartUp() throws Exception {
    assertThat(engineConfiguration.isEnsureJobDueDateNotNull()).isTrue();
    // a job of its own: a process waiting ten years on a timer
    String deployment = engineConfiguration.getRepositoryService().createDeployment()
        .addModelInstance("test-job-due-date.bpmn", Bpmn.createExecutableProcess("test-job-due")
            .name("test").camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent()
            .timerWithDuration("P10Y").endEvent().done())
        .deploy().getId();
    try {
      String instance = engineConfiguration.getRuntimeService()
          .startProcessInstanceByKey("test-job-due").getId();
      String jobId = engineConfiguration.getManagementService().createJobQuery()
          .processInstanceId(instance).singleResult().getId();
      aJobWithoutDueDateIsMadeDueAtStartUp(jobId);
    } finally {
      engineConfiguration.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  private void aJobWithoutDueDateIsMadeDueAtStartUp(String jobId) throws Exception {
    Timestamp before;
    try (Connection c = dataSource.getConnection();
        PreparedStatement read = c.prepareStatement(
            "select DUEDATE_ from ACT_RU_JOB where ID_ = ?")) {
      read.setString(1, jobId);
      try (ResultSet r = read.executeQuery()) {
        r.next();
        before = r.getTimestamp(1);
      }
      try (PreparedStatement clear = c.prepareStatement(
          "update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?")) {
        clear.setString(1, jobId);
        clear.executeUpdate();
      }
      try {
        engineAtScale.postProcessEngineBuild(engineConfiguration.getProcessEngine());
        assertThat(engineConfiguration.getManagementService().createJobQuery().jobId(jobId)
            .singleResult().getDuedate()).isNotNull();
      } finally {
        try (PreparedStatement restore = c.prepareStatement(
            "update ACT_RU_JOB set DUEDATE_ = ? where ID_ = ?")) {
          restore.setTimestamp(1, before);
          restore.setString(2, jobId);
          restore.executeUpdate();
        }
      }
    }
  }

  @Test
  void timersTakeTheJdksDateTypeFactoryWithoutSearchingTheClassPath() throws Exception {
    assertThat(System.getProperty(EngineAtScale.DATATYPE_FACTORY))
        .isEqualTo(EngineAtScale.JDK_DATATYPE_FACTORY);
    assertThat(javax.xml.datatype.DatatypeFactory.newInstance().getClass().getName())
        .isEqualTo(EngineAtScale.JDK_DATATYPE_FACTORY);
  }

  /**
   * The decision tables' FEEL engine builds its built-in functions (a map of some 150 entries)
   * once, not on every input entry it evaluates: Camunda 7.24.0 brings feel-engine 1.19.3, whose
   * root context is a method building them anew per evaluation (camunda/feel-scala#1108, fixed in
   * 1.19.4; the pom names a fixed version). Asked twice, the root context is the same object.
   */
  @Test
  void feelBuildsItsBuiltInFunctionsOncePerEngineNotPerEvaluation() throws Exception {
    Object camundaFeel = engineConfiguration.getDmnEngineConfiguration().getFeelEngine();
    Field scalaFeelField = camundaFeel.getClass().getDeclaredField("feelEngine");
    scalaFeelField.setAccessible(true);
    Object feel = scalaFeelField.get(camundaFeel);
    Method rootContext = feel.getClass().getDeclaredMethod("rootContext");
    rootContext.setAccessible(true);
    assertThat(rootContext.invoke(feel)).isSameAs(rootContext.invoke(feel));
  }

  @Test
  void authorizationChecksTakeThePersonsGroupsAsTheyAre() {
    AuthorizationManager manager = (AuthorizationManager) engineConfiguration.getSessionFactories()
        .get(AuthorizationManager.class).openSession();
    assertThat(manager).isInstanceOf(EngineAtScale.GroupsAsSignedIn.class);
    // "no-such-group" has no authorization: Camunda would look up every group id of the
    // authorization table to drop it; it is kept, and matches nothing
    assertThat(manager.filterAuthenticatedGroupIds(List.of("station-chief", "no-such-group")))
        .containsExactly("station-chief", "no-such-group");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  /**
   * The engine's entity manager checks each new row's id without building the message of a failed
   * check (the row's whole text) when the id is valid; an invalid id still fails as the engine's
   * own check does.
   */
  @Test
  void newRowsIdsAreCheckedWithoutWritingTheRowOutUnlessTheyAreInvalid() {
    DbEntityManager entities = engineConfiguration.getCommandExecutorTxRequired()
        .execute(context -> context.getDbEntityManager());
    assertThat(entities).isInstanceOf(EngineAtScale.IdCheckedOnFailure.class);

    EngineAtScale.IdCheckedOnFailure check = (EngineAtScale.IdCheckedOnFailure) entities;
    AtomicLong written = new AtomicLong();
    check.validateId(row("4e1a9c7f-0b6d-11f0-9a2b-0242ac120002", written));
    assertThat(written).as("rows written out for a valid id").hasValue(0);
    assertThatThrownBy(() -> check.validateId(row(null, written)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id");
    assertThatThrownBy(() -> check.validateId(row(Authorization.ANY, written)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id");
    assertThat(written).as("rows written out for the two invalid ids").hasValue(2);
  }

  /** Nothing listens to the engine's events on Spring's event bus: they are not published. */
  @Test
  void theEnginesEventsAreNotPublishedOnSpringsEventBus() {
    assertThat(engineConfiguration.getCustomPostBPMNParseListeners())
        .noneMatch(PublishDelegateParseListener.class::isInstance);
    assertThat(engineConfiguration.getCustomHistoryEventHandlers())
        .noneMatch(PublishHistoryEventHandler.class::isInstance);
  }

  private static DbEntity row(String id, AtomicLong written) {
    return new DbEntity() {
      @Override
      public String getId() {
        return id;
      }

      @Override
      public void setId(String newId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Object getPersistentState() {
        return id;
      }

      @Override
      public String toString() {
        written.incrementAndGet();
        return "row " + id;
      }
    };
  }

  private List<String> indexNames(String table) throws Exception {
    return indexInfo(table, "INDEX_NAME");
  }

  private List<String> indexedColumns(String table) throws Exception {
    return indexInfo(table, "COLUMN_NAME");
  }

  /** One column of the database's index information on the table, upper case. */
  private List<String> indexInfo(String table, String column) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet r = c.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (r.next()) {
            String value = r.getString(column);
            if (value != null) {
              values.add(value.toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return values;
  }

  /**
   * The engine's dynamic SQL reads the task query's getter-less properties through the kept
   * look-ups ({@link OgnlReadMethods}): OGNL's registry names the accessor for the query class, and
   * a task query as a signed-in person has it searched.
   */
  @Test
  void theTaskQuerysPropertiesWithoutGettersAreLookedUpOnce() throws Exception {
    OgnlReadMethods kept = engineAtScale.ognlReadMethods;
    assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class))
        .isSameAs(kept);
    engineConfiguration.getIdentityService().setAuthentication("chief-101",
        List.of("station-chief@371330101"));
    try {
      engineConfiguration.getTaskService().createTaskQuery()
          .taskCandidateGroup("station-chief@371330101").orderByDueDate().asc().listPage(0, 50);
    } finally {
      engineConfiguration.getIdentityService().clearAuthentication();
    }
    assertThat(kept.searched(TaskQueryImpl.class, "isOrQueryActive")).isTrue();
    long searches = kept.searches();
    engineConfiguration.getTaskService().createTaskQuery()
        .taskCandidateGroup("station-chief@371330101").list();
    assertThat(kept.searches()).isEqualTo(searches);
  }
}
