package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's task queries take their SQL from a template per shape of query: the same text and
 * the same values as MyBatis builds (docs/benchmarks.md, item 46).
 */
@GuardianTest
class TaskQuerySqlTest {

  private static final String LIST =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
  private static final String COUNT =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria";

  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired List<ProcessEnginePlugin> plugins;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  Configuration mybatis;

  @BeforeEach
  void mybatis() {
    mybatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
  }

  /**
   * Each field taken by whether it is set, not by its value, appears in the statement's dynamic
   * SQL only as {@code query.x != null} (or {@code == null}) or as the bound value {@code
   * #{query.x}}: its value cannot change the text.
   */
  @Test
  void theFieldsTakenByPresenceAreOnlyTestedForNullAndBound() throws Exception {
    String xml;
    try (InputStream in = getClass().getResourceAsStream(
        "/org/camunda/bpm/engine/impl/mapping/entity/Task.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int from = xml.indexOf("<select id=\"selectTaskByQueryCriteria\"");
    int to = xml.indexOf("</sql>", xml.indexOf("<sql id=\"selectTaskByQueryCriteriaSql\">"));
    assertThat(from).isPositive();
    assertThat(to).isGreaterThan(from);
    String statement = xml.substring(from, to).replaceAll("(?s)<!--.*?-->", "");
    for (String field : TaskQuerySql.BOUND_ONLY) {
      Matcher uses = Pattern.compile("[\\w.]*\\b" + field + "\\b\\s*(!=|==|\\})?")
          .matcher(statement);
      int count = 0;
      while (uses.find()) {
        count++;
        String use = uses.group();
        String prefix = use.substring(0, use.indexOf(field));
        assertThat(prefix).as("%s used as %s", field, use).isEqualTo("query.");
        assertThat(uses.group(1)).as("%s used as %s", field, use).isNotNull();
      }
      assertThat(count).as("%s in the statement", field).isPositive();
    }
  }

  /**
   * 400 queries of 60 random shapes (a case's business key or instance, task kinds, a group, an
   * assignee, due and creation dates, orderings, pages, counts, with the person's authorization
   * check or without), each with values of its own: each gives MyBatis's own text and values.
   */
  @Test
  void everyShapeGivesMyBatissOwnTextAndValues() {
    SqlTemplates<TaskQueryImpl> sql = TaskQuerySql.templates();
    Random shapes = new Random(20261125);
    for (int i = 0; i < 400; i++) {
      int shape = shapes.nextInt(60);
      int n = i;
      inCommand(() -> {
        Random random = new Random(shape);
        boolean count = random.nextInt(4) == 0;
        MappedStatement statement = mybatis.getMappedStatement(count ? COUNT : LIST);
        TaskQueryImpl query = randomQuery(random, n);
        BoundSql bound = sql.boundSql(statement, query);
        assertThat(SqlTemplates.difference(mybatis, statement.getBoundSql(query), bound))
            .as("query %d, shape %d: %s", n, shape, TaskQuerySql.shapeOf(query)).isNull();
      });
    }
    assertThat(sql.reused()).as("shapes recur").isGreaterThan(150);
    assertThat(sql.dropped()).as("no two shapes taken for one").isZero();
  }

  /** A look-up by case and task kind as a caseworker makes it: its text is built once. */
  @Test
  void aCaseworkersLookUpIsBuiltOnce() {
    SqlTemplates<TaskQueryImpl> sql = TaskQuerySql.templates();
    MappedStatement statement = mybatis.getMappedStatement(LIST);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      inCommand(() -> {
        TaskQueryImpl query = (TaskQueryImpl) new TaskQueryImpl()
            .processInstanceBusinessKey("2026-" + n).taskDefinitionKey("Task_TriageReport");
        checkedFor(query, "chief-" + n, List.of("station-chief@3713301" + n, "staff"));
        BoundSql bound = sql.boundSql(statement, query);
        texts.add(bound.getSql());
        assertThat(SqlTemplates.value(mybatis, bound, bound.getParameterMappings().stream()
            .filter(p -> p.getProperty().endsWith("processInstanceBusinessKey")).findFirst()
            .orElseThrow())).isEqualTo("2026-" + n);
      });
    }
    assertThat(sql.built()).as("built once, then only for the first uses' comparison")
        .isEqualTo(1 + SqlTemplates.VERIFIED_USES);
    assertThat(sql.reused()).isEqualTo(9);
    assertThat(texts.get(9)).isSameAs(texts.get(1));
  }

  /** Queries the template does not take: built by MyBatis every time. */
  @Test
  void orQueriesAndQueriesByVariablesOrCandidateUserAreNotTemplated() {
    TaskQueryImpl or = new TaskQueryImpl();
    or.taskCandidateGroup("g").or().taskAssignee("a").processInstanceBusinessKey("k").endOr();
    assertThat(TaskQuerySql.shapeOf(or)).isNull();
    assertThat(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl()
        .processVariableValueEquals("childId", 7L))).isNull();
    assertThat(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl().taskCandidateUser("u")))
        .isNull();
    assertThat(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl()
        .processInstanceBusinessKey("k"))).isNotNull();
  }

  /** Values other than the bound-only ones are part of the shape. */
  @Test
  void queriesThatDifferInATestedValueHaveShapesOfTheirOwn() {
    assertThat(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl()
        .processInstanceBusinessKey("a").taskDefinitionKey("Task_A")))
        .isEqualTo(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl()
            .processInstanceBusinessKey("b").taskDefinitionKey("Task_A")))
        .isNotEqualTo(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl()
            .processInstanceBusinessKey("b").taskDefinitionKey("Task_B")))
        .isNotEqualTo(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl()
            .taskDefinitionKey("Task_A")));
    assertThat(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().asc()))
        .isNotEqualTo(TaskQuerySql.shapeOf((TaskQueryImpl) new TaskQueryImpl().orderByDueDate()
            .desc()));
  }

  /** The engine's own task queries go through the templates and find what they found before. */
  @Test
  void theEnginesLookUpsTakeTheTemplatesAndFindTheTask() {
    EngineAtScale plugin = plugins.stream().filter(EngineAtScale.class::isInstance)
        .map(EngineAtScale.class::cast).findFirst().orElseThrow();
    String deployment = repository.createDeployment()
        .addModelInstance("test-task-query-sql.bpmn", Bpmn.createExecutableProcess(
                "test-task-query-sql")
            .name("test").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
            .name("wait").camundaCandidateGroups("tq-group").endEvent().done())
        .deploy().getId();
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runtime.startProcessInstanceByKey("test-task-query-sql", "tq-case-" + i);
      }
      int before = plugin.authorizationSql.taskQueries().reused();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 3; i++) {
          identity.setAuthentication("tq-user-" + i, List.of("tq-group", "other-" + i));
          try {
            List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey("tq-case-" + i)
                .taskDefinitionKey("Task_Wait").list();
            assertThat(found).hasSize(1);
            ids.add(found.get(0).getProcessInstanceId());
          } finally {
            identity.clearAuthentication();
          }
          identity.setAuthentication("tq-outsider-" + i, List.of("elsewhere", "other-" + i));
          try {
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey("tq-case-" + i)
                .taskDefinitionKey("Task_Wait").list()).as("not a candidate").isEmpty();
          } finally {
            identity.clearAuthentication();
          }
        }
      }
      assertThat(ids.subList(0, 3)).doesNotHaveDuplicates();
      assertThat(ids.subList(3, 6)).isEqualTo(ids.subList(0, 3));
      assertThat(plugin.authorizationSql.taskQueries().reused()).as("the engine took templates")
          .isGreaterThan(before);
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private void inCommand(Runnable work) {
    engineConfiguration.getCommandExecutorTxRequired().execute((Command<Void>) context -> {
      work.run();
      return null;
    });
  }

  /** The person's check as the engine sets it on a task query. */
  private void checkedFor(TaskQueryImpl query, String user, List<String> groups) {
    identity.setAuthentication(user, groups);
    try {
      engineConfiguration.getCommandExecutorTxRequired().execute((Command<Void>) context -> {
        context.getAuthorizationManager().configureTaskQuery(query);
        return null;
      });
    } finally {
      identity.clearAuthentication();
    }
  }

  private TaskQueryImpl randomQuery(Random shape, int n) {
    TaskQueryImpl query = new TaskQueryImpl();
    Random value = new Random(n);
    if (shape.nextBoolean()) {
      query.processInstanceBusinessKey("2026-" + value.nextInt(100000));
    }
    if (shape.nextInt(4) == 0) {
      query.processInstanceId("p-" + value.nextInt(1000));
    }
    if (shape.nextInt(4) == 0) {
      query.taskId("t-" + value.nextInt(1000));
    }
    switch (shape.nextInt(3)) {
      case 0 -> query.taskDefinitionKey("Task_" + shape.nextInt(3));
      case 1 -> query.taskDefinitionKeyIn("Task_A", "Task_" + shape.nextInt(3));
      default -> { }
    }
    if (shape.nextInt(3) == 0) {
      query.taskCandidateGroup("station-chief@3713301" + shape.nextInt(3));
    }
    if (shape.nextInt(4) == 0) {
      query.taskAssignee("chief-" + shape.nextInt(3));
    }
    if (shape.nextInt(4) == 0) {
      query.dueBefore(new Date(1_800_000_000_000L + value.nextInt(1_000_000)));
    }
    if (shape.nextInt(4) == 0) {
      query.taskCreatedAfter(new Date(1_700_000_000_000L + value.nextInt(1_000_000)));
    }
    if (shape.nextInt(5) == 0) {
      query.followUpBeforeOrNotExistent(new Date(1_800_000_000_000L + value.nextInt(1000)));
    }
    if (shape.nextInt(5) == 0) {
      query.active();
    }
    switch (shape.nextInt(4)) {
      case 0 -> query.orderByDueDate().asc();
      case 1 -> query.orderByTaskCreateTime().desc().orderByTaskPriority().asc();
      default -> { }
    }
    if (shape.nextBoolean()) {
      int groups = shape.nextInt(4);
      List<String> ids = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        ids.add("group-" + n + "-" + g);
      }
      checkedFor(query, "user-" + n, ids);
    }
    if (shape.nextBoolean()) {
      query.setFirstResult(value.nextInt(3) * 50);
      query.setMaxResults(50);
    }
    return query;
  }
}
