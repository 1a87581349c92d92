package org.guardian.workflow;

import java.util.List;
import org.guardian.common.FieldProblem;

/**
 * A domain rule a user task's submission must meet, beyond what its Camunda Form declares (which
 * {@link TaskCompletionValidation} checks for every task). Rules are Spring beans; the engine asks
 * each one that {@link #appliesTo} the task before the task is completed, from Tasklist, the REST
 * API or Java alike.
 */
public interface TaskCompletionRule {

  /** True for the tasks this rule checks. */
  boolean appliesTo(String processDefinitionKey, String taskDefinitionKey);

  /** The problems of the submission; empty when it may be completed. */
  List<FieldProblem> check(TaskSubmission submission);
}
