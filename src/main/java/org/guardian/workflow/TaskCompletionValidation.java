package org.guardian.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.guardian.common.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Server-side validation of every user task completion. A parse listener gives every user task a
 * built-in {@code complete} listener that checks the submission against the rules its Camunda Form
 * declares ({@link FormSchema}) and against the {@link TaskCompletionRule} beans that apply, and
 * rejects the completion with {@link TaskCompletionRejected} (HTTP 400 on the engine REST API)
 * naming each bad field. It runs inside the engine, so Tasklist, the REST API and Java are alike.
 */
public class TaskCompletionValidation extends AbstractBpmnParseListener implements TaskListener {

  private final ObjectProvider<TaskCompletionRule> rules;
  /** Parsed forms by process definition and task, for forms bound to the deployment or a version. */
  private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

  public TaskCompletionValidation(ObjectProvider<TaskCompletionRule> rules) {
    this.rules = rules;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_COMPLETE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> variables = task.getVariables();
    FormSchema form = formOf(task);
    if (form != null) {
      problems.addAll(form.check(variables));
    }
    String processKey = processKey(task);
    for (TaskCompletionRule rule : rules) {
      if (rule.appliesTo(processKey, task.getTaskDefinitionKey())) {
        problems.addAll(rule.check(task));
      }
    }
    if (!problems.isEmpty()) {
      throw new TaskCompletionRejected(task.getTaskDefinitionKey(), problems);
    }
  }

  private static String processKey(DelegateTask task) {
    if (task instanceof TaskEntity entity && entity.getProcessDefinition() != null) {
      return entity.getProcessDefinition().getKey();
    }
    return null;
  }

  private FormSchema formOf(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return null;
    }
    FormDefinition definition = entity.getTaskDefinition().getFormDefinition();
    if (definition == null || definition.getCamundaFormDefinitionKey() == null) {
      return null;
    }
    boolean stable = !"latest".equals(definition.getCamundaFormDefinitionBinding());
    String cacheKey = entity.getProcessDefinitionId() + "#" + entity.getTaskDefinitionKey();
    if (stable) {
      FormSchema cached = forms.get(cacheKey);
      if (cached != null) {
        return cached;
      }
    }
    CommandContext commandContext = Context.getCommandContext();
    FormSchema schema = commandContext.runWithoutAuthorization(() -> {
      try (InputStream in = new GetDeployedTaskFormCmd(task.getId()).execute(commandContext)) {
        return FormSchema.parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (stable) {
      forms.put(cacheKey, schema);
    }
    return schema;
  }
}
