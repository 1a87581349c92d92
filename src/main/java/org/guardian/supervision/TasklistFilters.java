package org.guardian.supervision;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.guardian.people.Role;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created at start-up when absent (by name; a filter a supervisor
 * changed in Tasklist is left as it is): five that every caseworker sees (我的待办, 本组待办, 已逾期,
 * 红色风险案件, 全部可见任务) and one per role for the role's own work (入户走访 for child directors,
 * 待研判报告 for station chiefs …). Who sees a filter is a Camunda authorization (READ on the filter,
 * granted to the role's group), so a child director's Tasklist does not list the legal officer's
 * filter. Each filter's query is evaluated for the signed-in person ({@code currentUser()}, {@code
 * currentUserGroups()}), and Camunda's authorizations still limit what each person sees to their
 * own area.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

  /** Process variable holding a case's risk colour (see the risk-assessment process). */
  static final String RISK_COLOUR = "riskColour";
  static final String RED = "red";

  /** The roles that work from Tasklist (every one sees the shared filters). */
  static final List<Role> CASEWORKERS = List.of(Role.CHILD_DIRECTOR, Role.CHILD_SUPERVISOR,
      Role.STATION_CHIEF, Role.LEGAL_OFFICER, Role.COUNTY_CENTRE, Role.SUPERVISOR, Role.EXPERT,
      Role.SOCIAL_ORGANISATION);

  /** A filter, and the roles that see it. */
  record Definition(String name, String description, int priority, String colour,
      TaskQuery query, List<Role> roles) {}

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  /** Tasks assigned to the person or offered to one of their groups. */
  private TaskQuery mine() {
    return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
  }

  List<Definition> definitions() {
    return List.of(
        new Definition("我的待办", "已认领到我名下的任务，按截止时间排序", -20, "#1d4e89",
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByDueDate().asc(), CASEWORKERS),
        new Definition("本组待办", "派给我所在岗位和辖区、尚未认领的任务", -10, "#3c7a3c",
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned().orderByDueDate().asc(), CASEWORKERS),
        new Definition("已逾期", "已过截止时间仍未办理的任务", 0, "#b42318",
            mine().dueBeforeExpression("${now()}").orderByDueDate().asc(), CASEWORKERS),
        new Definition("红色风险案件", "风险等级为红色（极危）的案件中的任务", 10, "#d92d20",
            tasks.createTaskQuery().processVariableValueEquals(RISK_COLOUR, RED)
                .orderByDueDate().asc(), CASEWORKERS),
        new Definition("全部可见任务", "本人有权查看的全部任务", 20, "#667085",
            tasks.createTaskQuery().orderByTaskCreateTime().desc(), CASEWORKERS),
        new Definition("入户走访", "本村儿童的入户走访，按截止时间排序", -15, "#0e7c86",
            mine().processDefinitionKey(Dashboard.MONITORING_KEY)
                .taskDefinitionKey(Dashboard.TASK_HOME_VISIT).orderByDueDate().asc(),
            List.of(Role.CHILD_DIRECTOR)),
        new Definition("待研判报告", "强制报告与追加报告的研判，按截止时间排序", -15, "#0e7c86",
            mine().processDefinitionKey(Dashboard.CASE_KEY)
                .taskDefinitionKeyIn(Dashboard.TASK_TRIAGE, "Task_ReviewAdditionalReport")
                .orderByDueDate().asc(), List.of(Role.STATION_CHIEF)),
        new Definition("档案审核与转介", "儿童档案审核和转介跟进，按截止时间排序", -15, "#0e7c86",
            mine().processDefinitionKeyIn("child-file-review", Dashboard.REFERRAL_KEY)
                .orderByDueDate().asc(), List.of(Role.CHILD_SUPERVISOR)),
        new Definition("监护干预事项", "监护干预中的措施、申请、裁定与核查，按截止时间排序", -15,
            "#0e7c86", mine().processDefinitionKey(Dashboard.INTERVENTION_KEY)
                .orderByDueDate().asc(), List.of(Role.LEGAL_OFFICER)),
        new Definition("临时监护与安置", "应急处置、临时监护复查和长期监护安排，按截止时间排序",
            -15, "#0e7c86", mine().processDefinitionKeyIn("emergency-response",
                "placement-review", Dashboard.INTERVENTION_KEY).orderByDueDate().asc(),
            List.of(Role.COUNTY_CENTRE)));
  }

  @Override
  public void afterSingletonsInstantiated() {
    revokeReadOfEveryFilter();
    for (Definition d : definitions()) {
      Filter existing = filters.createFilterQuery().filterName(d.name()).singleResult();
      if (existing != null) {
        grantRead(existing.getId(), d.roles());
        continue;
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", d.description());
      properties.put("priority", d.priority());
      properties.put("color", d.colour());
      properties.put("refresh", true);
      Filter filter = filters.newTaskFilter(d.name()).setQuery(d.query())
          .setProperties(properties);
      filters.saveFilter(filter);
      grantRead(filter.getId(), d.roles());
    }
  }

  /** READ on the filter for each role's group (idempotent). */
  private void grantRead(String filterId, List<Role> roles) {
    for (Role role : roles) {
      if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(role.groupId()).resourceType(Resources.FILTER).resourceId(filterId)
          .hasPermission(Permissions.READ).count() > 0) {
        continue;
      }
      Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(role.groupId());
      auth.setResource(Resources.FILTER);
      auth.setResourceId(filterId);
      auth.addPermission(Permissions.READ);
      authorizations.saveAuthorization(auth);
    }
  }

  /**
   * Databases set up before the per-role filters granted every caseworker group READ on all
   * filters ({@code *}); that grant would show every role's filter to everyone, so it goes.
   */
  private void revokeReadOfEveryFilter() {
    for (Role role : CASEWORKERS) {
      for (Authorization auth : authorizations.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT).groupIdIn(role.groupId())
          .resourceType(Resources.FILTER).resourceId(ANY).list()) {
        authorizations.deleteAuthorization(auth.getId());
      }
    }
  }
}
