package org.guardian.workflow;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.guardian.common.FieldProblem;

/**
 * A task completion that breaks its form's or the domain's rules. A {@link
 * FormFieldValidationException}, which the engine REST API answers with 400 on {@code complete} and
 * {@code submit-form} (and Tasklist shows the message); nothing is completed.
 */
public class TaskCompletionRejected extends FormFieldValidationException {

  private final List<FieldProblem> problems;

  public TaskCompletionRejected(String taskDefinitionKey, List<FieldProblem> problems) {
    super(problems, "提交内容不符合要求（" + taskDefinitionKey + "）："
        + problems.stream().map(p -> p.field() + "：" + p.message())
            .collect(Collectors.joining("；")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
