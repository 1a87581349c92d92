package org.guardian.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Task names say which child a task is about: every user task of a process that carries the
 * variable {@value #CHILD_LABEL} (a display name safe for a task list, see the registry's
 * ChildService#processVariables) is named "task · label", e.g. "入户走访 · 王*轩 8岁 东庄村".
 */
public class TaskNaming extends AbstractBpmnParseListener implements TaskListener {

  /** The process variable holding the child's display label. */
  public static final String CHILD_LABEL = "childLabel";
  static final String SEPARATOR = " · ";

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_CREATE, this);
    }
  }

  /**
   * Reads the label from the task's execution: a task being created has no variables of its own
   * yet, and asking the task would first look them up in the database (a query per task).
   */
  @Override
  public void notify(DelegateTask task) {
    VariableScope scope = task.getExecution() != null ? task.getExecution() : task;
    Object label = scope.getVariable(CHILD_LABEL);
    String name = task.getName();
    if (label instanceof String text && !text.isBlank() && name != null
        && !name.contains(SEPARATOR)) {
      task.setName(name + SEPARATOR + text);
    }
  }
}
