package org.guardian.workflow;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.guardian.common.FieldProblem;

/**
 * A domain rule a user task's submission must meet, beyond what its Camunda Form declares (which
 * {@link TaskCompletionValidation} checks for every task). Rules are Spring beans; the engine asks
 * each one that {@link #appliesTo} the task when the task is completed, from Tasklist, the REST API
 * or Java alike.
 */
public interface TaskCompletionRule {

  /** True for the tasks this rule checks. */
  boolean appliesTo(String processDefinitionKey, String taskDefinitionKey);

  /** The problems of the submission (the task's variables as they will be on completion). */
  List<FieldProblem> check(DelegateTask task);
}
