package org.guardian.workflow;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.guardian.common.FieldProblem;

/**
 * A task completion that breaks its form's or the domain's rules. A {@link BadUserRequestException},
 * so the engine REST API answers 400 and Tasklist shows the message; nothing is completed.
 */
public class TaskCompletionRejected extends BadUserRequestException {

  private final List<FieldProblem> problems;

  public TaskCompletionRejected(String taskDefinitionKey, List<FieldProblem> problems) {
    super("提交内容不符合要求（" + taskDefinitionKey + "）："
        + problems.stream().map(p -> p.field() + "：" + p.message())
            .collect(Collectors.joining("；")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
