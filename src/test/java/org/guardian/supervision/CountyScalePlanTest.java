package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import javax.sql.DataSource;
import org.guardian.CountyTaskStatistics;
import org.guardian.GuardianTest;
import org.guardian.bench.QueryPlan;
import org.guardian.people.AreaLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Plans of the supervisors' figures and lists at county scale, on H2 (PostgreSQL plans by its
 * statistics; docs/benchmarks.md item 51).
 */
@GuardianTest
class CountyScalePlanTest {

  /** MyBatis logs each statement of the engine under its id, the SQL and then its parameters. */
  private static final String STATEMENT_LOG = "org.camunda.bpm.engine.impl.persistence.entity"
      + ".TaskEntity.selectTaskCountByQueryCriteria";

  @Autowired Dashboard dashboard;
  @Autowired DataSource dataSource;
  @Autowired NamedParameterJdbcTemplate jdbc;

  /**
   * A county's list of children under monitoring (first 1,000 of 100,000) walks the village index
   * in the list's order and stops, instead of checking and sorting every child of the county.
   */
  @Test
  void onH2AListOfTheCountysChildrenReadsThemInTheOrderOfTheVillageIndex() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      Assumptions.assumeTrue(c.getMetaData().getDatabaseProductName().equals("H2"),
          "the plan of H2; PostgreSQL plans by its statistics");
    }
    for (String category : new String[] {null, "LEFT_BEHIND"}) {
      Dashboard.Where county = new Dashboard.Where("371330", AreaLevel.COUNTY);
      String plan = String.join("\n", jdbc.queryForList("explain "
          + Dashboard.childrenSql(county, category, true, null),
          Dashboard.childrenParams(county, category, null), String.class));
      assertThat(plan).as(plan).contains("IX_CHILD_VILLAGE: VILLAGE_CODE >=")
          .contains("index sorted");
    }
  }

  /**
   * The count of a county's overdue home visits (the dashboard's figure, and one per township in
   * every statistics export) reads only the overdue ones: the statement the engine issues for
   * {@link Dashboard#overdueQuery} finds the tasks by their kind, tenant and due date in the
   * engine's task index ({@code system.EngineAtScale}), instead of reading all of the county's
   * open home visits (100,000 at county scale, 0.24 s a count). Likewise the overdue triage. The
   * counts without a task kind do not read the open tasks through the index on the tenant (90 ms
   * instead of 1 at 100,000 open tasks). Planned with the task table's statistics in a county's
   * database ({@link CountyTaskStatistics}).
   */
  @Test
  void onH2TheCountOfOverdueHomeVisitsFindsThemByKindAndDueDateInTheIndex() throws Exception {
    for (String kind : new String[] {"visits", "triage"}) {
      assertThat(taskTableAccess(kind)).as(kind).contains("GUARDIAN_IDX_TASK_DEF_DUE")
          .contains("TASK_DEF_KEY_ =").contains("TENANT_ID_ IS NULL").contains("DUE_DATE_ <");
    }
    for (String kind : new String[] {"referrals", "orders", "all"}) {
      assertThat(taskTableAccess(kind)).as(kind).doesNotContain("TENANT_ID");
    }
  }

  /** How H2 reads the task table for the count of the county's overdue tasks of a kind. */
  private String taskTableAccess(String kind) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      Assumptions.assumeTrue(c.getMetaData().getDatabaseProductName().equals("H2"),
          "the plan of H2; PostgreSQL plans by its statistics");
      String[] statement = statementOf(() -> dashboard.overdueQuery(
          new Dashboard.Where("371330", AreaLevel.COUNTY), kind, Instant.now()).count());
      StringBuilder plan = new StringBuilder();
      try (CountyTaskStatistics county = CountyTaskStatistics.of(c);
          ResultSet r = c.createStatement().executeQuery("explain "
              + QueryPlan.fill(statement[0], statement[1]))) {
        while (r.next()) {
          plan.append(r.getString(1));
        }
      }
      String tasks = plan.substring(plan.indexOf("\"ACT_RU_TASK\" \"RES\""));
      return tasks.substring(0, tasks.indexOf("*/"));
    }
  }

  /**
   * The SQL and the parameters the engine logs for the task count that {@code work} runs (on this
   * thread: not a statement of the job executor's at the same moment).
   */
  private static String[] statementOf(Runnable work) {
    Logger logger = (Logger) LoggerFactory.getLogger(STATEMENT_LOG);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level level = logger.getLevel();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try {
      work.run();
    } finally {
      logger.setLevel(level);
      logger.detachAppender(appender);
    }
    String sql = null;
    String params = null;
    String thread = Thread.currentThread().getName();
    for (ILoggingEvent e : appender.list) {
      if (!thread.equals(e.getThreadName())) {
        continue;
      }
      String m = e.getFormattedMessage();
      if (m.startsWith("==>  Preparing: ")) {
        sql = m.substring("==>  Preparing: ".length());
      } else if (m.startsWith("==> Parameters: ")) {
        params = m.substring("==> Parameters: ".length());
      }
    }
    assertThat(sql).as("the engine's statement of the count").isNotNull();
    assertThat(params).isNotNull();
    return new String[] {sql, params};
  }
}
