package org.guardian.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every caseworker starts with, created at start-up when absent (by
 * name; a filter a supervisor changed in Tasklist is left as it is). Each filter's query is
 * evaluated for the signed-in person ({@code currentUser()}, {@code currentUserGroups()}), and
 * Camunda's authorizations still limit what each person sees to their own area.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

  /** Process variable holding a case's risk colour (see the risk-assessment process). */
  static final String RISK_COLOUR = "riskColour";
  static final String RED = "red";

  record Definition(String name, String description, int priority, String colour,
      TaskQuery query) {}

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  List<Definition> definitions() {
    return List.of(
        new Definition("我的待办", "已认领到我名下的任务，按截止时间排序", -20, "#1d4e89",
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByDueDate().asc()),
        new Definition("本组待办", "派给我所在岗位和辖区、尚未认领的任务", -10, "#3c7a3c",
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned().orderByDueDate().asc()),
        new Definition("已逾期", "已过截止时间仍未办理的任务", 0, "#b42318",
            tasks.createTaskQuery().or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr()
                .dueBeforeExpression("${now()}").orderByDueDate().asc()),
        new Definition("红色风险案件", "风险等级为红色（极危）的案件中的任务", 10, "#d92d20",
            tasks.createTaskQuery().processVariableValueEquals(RISK_COLOUR, RED)
                .orderByDueDate().asc()),
        new Definition("全部可见任务", "本人有权查看的全部任务", 20, "#667085",
            tasks.createTaskQuery().orderByTaskCreateTime().desc()));
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Definition d : definitions()) {
      if (filters.createFilterQuery().filterName(d.name()).count() > 0) {
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
    }
  }
}
