package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization checks take their SQL from a template per shape of check: the same
 * text and the same values as MyBatis builds, and the same decisions.
 */
@GuardianTest
class AuthorizationCheckSqlTest {

  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired List<ProcessEnginePlugin> plugins;
  Configuration mybatis;
  MappedStatement statement;

  @BeforeEach
  void statement() {
    mybatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
    statement = mybatis.getMappedStatement(AuthorizationCheckSql.STATEMENT);
  }

  @Test
  void theEnginesChecksGoThroughTheTemplates() {
    EngineAtScale plugin = plugins.stream().filter(EngineAtScale.class::isInstance)
        .map(EngineAtScale.class::cast).findFirst().orElseThrow();
    assertThat(mybatis.getInterceptors()).contains(plugin.authorizationSql);
    assertThat(AuthorizationCheckSql.isCheckStatement(statement)).isTrue();
  }

  /** Camunda's check of a task completion: four atomic checks, the person's groups. */
  @Test
  void aCheckOfAKnownShapeTakesTheTemplatesTextWithItsOwnValues() {
    AuthorizationCheckSql sql = new AuthorizationCheckSql();
    BoundSql first = sql.boundSql(statement, taskWork("task-1", "chief-1",
        List.of("station-chief@1", "staff")));
    AuthorizationCheck second = taskWork("task-2", "chief-2", List.of("station-chief@2", "x"));
    BoundSql reused = sql.boundSql(statement, second);

    assertThat(reused.getSql()).as("the template's text, not built again").isSameAs(first.getSql());
    assertThat(SqlTemplates.difference(mybatis, statement.getBoundSql(second), reused))
        .isNull();
    assertThat(values(reused)).contains("task-2", "chief-2", "station-chief@2", "x")
        .doesNotContain("task-1", "chief-1", "station-chief@1");
    for (int i = 0; i < 10; i++) {
      sql.boundSql(statement, taskWork("task-" + i, "u" + i, List.of("g" + i, "h" + i)));
    }
    assertThat(sql.checks().built()).as("built once, then only for the first uses' comparison")
        .isEqualTo(1 + SqlTemplates.VERIFIED_USES);
    assertThat(sql.checks().reused()).isEqualTo(11);
  }

  /**
   * Checks of 60 random shapes (groups or none, a person or none, REVOKEs, disjunctive or not,
   * nested checks, resource ids given, {@code *} or none, a value for "no authorization"), 600
   * checks with values of their own: each gives MyBatis's own text and values.
   */
  @Test
  void everyShapeGivesMyBatissOwnTextAndValues() {
    AuthorizationCheckSql sql = new AuthorizationCheckSql();
    Random shapes = new Random(20261124);
    for (int i = 0; i < 600; i++) {
      AuthorizationCheck check = randomCheck(new Random(shapes.nextInt(60)), i);
      BoundSql bound = sql.boundSql(statement, check);
      assertThat(SqlTemplates.difference(mybatis, statement.getBoundSql(check), bound))
          .as("check %d, shape %s", i, AuthorizationCheckSql.shapeOf(check)).isNull();
    }
    assertThat(sql.checks().reused()).as("shapes recur").isGreaterThan(300);
    assertThat(sql.checks().dropped()).as("no two shapes taken for one").isZero();
  }

  /**
   * Checks that differ from one another in one thing only (REVOKEs, the number of groups, no
   * person, conjunctive, a resource id {@code *} or none, a query parameter, a value for "no
   * authorization", a nested check, one more check) each get their own text, also after the
   * template of the first is past its compared uses.
   */
  @Test
  void checksThatDifferInOneThingDoNotShareATemplate() {
    AuthorizationCheckSql sql = new AuthorizationCheckSql();
    List<IntFunction<AuthorizationCheck>> variants = List.of(
        i -> shaped(i, false, 2, false, true, "id", null, null, false, 2),
        i -> shaped(i, true, 2, false, true, "id", null, null, false, 2),
        i -> shaped(i, false, 3, false, true, "id", null, null, false, 2),
        i -> shaped(i, false, 0, false, true, "id", null, null, false, 2),
        i -> shaped(i, false, -1, false, true, "id", null, null, false, 2),
        i -> shaped(i, false, 2, true, true, "id", null, null, false, 2),
        i -> shaped(i, false, 2, false, false, "id", null, null, false, 2),
        i -> shaped(i, false, 2, false, true, "*", null, null, false, 2),
        i -> shaped(i, false, 2, false, true, null, null, null, false, 2),
        i -> shaped(i, false, 2, false, true, null, "RES.ID_", null, false, 2),
        i -> shaped(i, false, 2, false, true, "id", null, 0L, false, 2),
        i -> shaped(i, false, 2, false, true, "id", null, 1L, false, 2),
        i -> shaped(i, false, 2, false, true, "id", null, null, true, 2),
        i -> shaped(i, false, 2, false, true, "id", null, null, false, 3));
    int run = 0;
    for (var variant : variants) {
      for (int i = 0; i < SqlTemplates.VERIFIED_USES + 2; i++, run++) {
        AuthorizationCheck check = variant.apply(run);
        BoundSql bound = sql.boundSql(statement, check);
        assertThat(SqlTemplates.difference(mybatis, statement.getBoundSql(check), bound))
            .as("variant %d, shape %s", variants.indexOf(variant),
                AuthorizationCheckSql.shapeOf(check)).isNull();
      }
    }
    assertThat(sql.checks().dropped()).isZero();
    assertThat(sql.checks().reused()).isGreaterThan(0);
  }

  /** A group given twice as the same object cannot be placed: that shape is built every time. */
  @Test
  void aShapeWhoseItemsCannotBePlacedIsBuiltEveryTime() {
    AuthorizationCheckSql sql = new AuthorizationCheckSql();
    for (int i = 0; i < 5; i++) {
      String group = "group-" + i;
      AuthorizationCheck check = taskWork("task-" + i, "u" + i, List.of(group, group));
      BoundSql bound = sql.boundSql(statement, check);
      assertThat(SqlTemplates.difference(mybatis, statement.getBoundSql(check), bound))
          .isNull();
    }
    assertThat(sql.checks().built()).isEqualTo(5);
    assertThat(sql.checks().reused()).isZero();
  }

  /** The engine's decisions, granted and refused, once its templates are in use. */
  @Test
  void theEngineDecidesAsBeforeWithTheTemplates() {
    AuthorizationService authorizations = engineConfiguration.getAuthorizationService();
    EngineAtScale plugin = plugins.stream().filter(EngineAtScale.class::isInstance)
        .map(EngineAtScale.class::cast).findFirst().orElseThrow();
    String run = UUID.randomUUID().toString();
    String granted = "test-template-granted-" + run;
    String other = "test-template-other-" + run;
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("test-template-group-" + run);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(granted);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    int before = plugin.authorizationSql.checks().reused();
    try {
      for (int i = 0; i < SqlTemplates.VERIFIED_USES + 3; i++) {
        List<String> member = List.of("test-template-group-" + run, "someone-" + i);
        List<String> outsider = List.of("test-template-elsewhere-" + run, "someone-" + i);
        assertThat(authorizations.isUserAuthorized("member-" + i, member, Permissions.READ,
            Resources.PROCESS_DEFINITION, granted)).isTrue();
        assertThat(authorizations.isUserAuthorized("member-" + i, member, Permissions.READ,
            Resources.PROCESS_DEFINITION, other)).isFalse();
        assertThat(authorizations.isUserAuthorized("outsider-" + i, outsider, Permissions.READ,
            Resources.PROCESS_DEFINITION, granted)).isFalse();
        assertThat(authorizations.isUserAuthorized("member-" + i, member, Permissions.UPDATE,
            Resources.PROCESS_DEFINITION, granted)).isFalse();
      }
    } finally {
      authorizations.deleteAuthorization(grant.getId());
    }
    assertThat(plugin.authorizationSql.checks().reused()).as("the engine took its templates")
        .isGreaterThan(before);
  }

  private List<Object> values(BoundSql bound) {
    List<Object> values = new ArrayList<>();
    bound.getParameterMappings()
        .forEach(p -> values.add(SqlTemplates.value(mybatis, bound, p)));
    return values;
  }

  /** As {@code AuthorizationCommandChecker.checkTaskWork} builds it. */
  static AuthorizationCheck taskWork(String taskId, String user, List<String> groups) {
    CompositePermissionCheck work = new CompositePermissionCheck(true);
    work.addAtomicCheck(atomic(Resources.TASK, taskId, Permissions.TASK_WORK));
    work.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, "guardianship-case",
        Permissions.TASK_WORK));
    work.addAtomicCheck(atomic(Resources.TASK, taskId, Permissions.UPDATE));
    work.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, "guardianship-case",
        Permissions.UPDATE_TASK));
    return new AuthorizationCheck(user, new ArrayList<>(groups), work, false);
  }

  static PermissionCheck atomic(Resource resource, String id, Permission permission) {
    PermissionCheck p = new PermissionCheck();
    p.setResource(resource);
    p.setResourceId(id);
    p.setPermission(permission);
    return p;
  }

  private static AuthorizationCheck shaped(int i, boolean revoke, int groupCount,
      boolean noPerson, boolean disjunctive, String resourceId, String queryParameter,
      Long notFound, boolean nested, int atomic) {
    List<String> groups = groupCount < 0 ? null : new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      groups.add("group-" + i + "-" + g);
    }
    CompositePermissionCheck checks = new CompositePermissionCheck(disjunctive);
    for (int a = 0; a < atomic; a++) {
      PermissionCheck p = atomic(a == 0 ? Resources.TASK : Resources.PROCESS_DEFINITION,
          "id".equals(resourceId) ? "resource-" + i + "-" + a : resourceId, Permissions.READ);
      p.setResourceIdQueryParam(queryParameter);
      p.setAuthorizationNotFoundReturnValue(notFound);
      checks.addAtomicCheck(p);
    }
    if (nested) {
      CompositePermissionCheck inner = new CompositePermissionCheck(false);
      inner.addAtomicCheck(atomic(Resources.PROCESS_INSTANCE, "inner-" + i, Permissions.READ));
      checks.addCompositeCheck(inner);
    }
    return new AuthorizationCheck(noPerson ? null : "user-" + i, groups, checks, revoke);
  }

  private static AuthorizationCheck randomCheck(Random random, int i) {
    List<String> groups = null;
    int groupCount = random.nextInt(4) - 1;
    if (groupCount >= 0) {
      groups = new ArrayList<>();
      for (int g = 0; g < groupCount; g++) {
        groups.add("group-" + i + "-" + g);
      }
    }
    AuthorizationCheck check = new AuthorizationCheck(random.nextInt(8) == 0 ? null : "user-" + i,
        groups, randomComposite(random, i, 0), random.nextBoolean());
    return check;
  }

  private static CompositePermissionCheck randomComposite(Random random, int i, int depth) {
    CompositePermissionCheck c = new CompositePermissionCheck(random.nextBoolean());
    Resource[] resources = {Resources.TASK, Resources.PROCESS_DEFINITION,
        Resources.PROCESS_INSTANCE};
    Permission[] permissions = {Permissions.READ, Permissions.UPDATE, Permissions.TASK_WORK};
    int atomic = 1 + random.nextInt(depth == 0 ? 3 : 2);
    for (int a = 0; a < atomic; a++) {
      int kind = random.nextInt(4);
      String id = kind == 0 ? null : kind == 1 ? "*" : "resource-" + i + "-" + a;
      PermissionCheck p = atomic(resources[random.nextInt(2)], id,
          permissions[random.nextInt(permissions.length)]);
      if (random.nextInt(5) == 0) {
        p.setAuthorizationNotFoundReturnValue(random.nextBoolean() ? 0L : 1L);
      }
      c.addAtomicCheck(p);
    }
    if (depth == 0 && random.nextInt(4) == 0) {
      c.addCompositeCheck(randomComposite(random, i, depth + 1));
    }
    return c;
  }
}
