package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.guardian.common.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The completion check applies every rule bean, and takes them from the bean factory once, not
 * for each completion.
 */
class TaskCompletionRulesTest {

  /** A provider of one rule that counts how often the rules are resolved. */
  static final class CountingProvider implements ObjectProvider<TaskCompletionRule> {
    final AtomicInteger resolutions = new AtomicInteger();
    final TaskCompletionRule rule;

    CountingProvider(TaskCompletionRule rule) {
      this.rule = rule;
    }

    @Override
    public Stream<TaskCompletionRule> stream() {
      resolutions.incrementAndGet();
      return Stream.of(rule);
    }

    @Override
    public TaskCompletionRule getObject(Object... args) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TaskCompletionRule getIfAvailable() {
      throw new UnsupportedOperationException();
    }

    @Override
    public TaskCompletionRule getIfUnique() {
      throw new UnsupportedOperationException();
    }

    @Override
    public TaskCompletionRule getObject() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void everyCompletionIsCheckedByTheRulesResolvedOnce() {
    List<String> checked = new ArrayList<>();
    TaskCompletionRule rule = new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return "Task_TriageReport".equals(taskDefinitionKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        checked.add(submission.task().getId());
        return List.of(new FieldProblem("triageNote", "请填写"));
      }
    };
    CountingProvider provider = new CountingProvider(rule);
    TaskCompletionValidation validation = new TaskCompletionValidation(provider);

    for (int i = 0; i < 3; i++) {
      TaskEntity task = mock(TaskEntity.class);
      when(task.getId()).thenReturn("task-" + i);
      when(task.getTaskDefinitionKey()).thenReturn("Task_TriageReport");
      when(task.getTaskDefinition()).thenReturn(mock(TaskDefinition.class));
      assertThat(validation.check(task, Map.of())).extracting(FieldProblem::field)
          .containsExactly("triageNote");
    }

    assertThat(checked).containsExactly("task-0", "task-1", "task-2");
    assertThat(provider.resolutions).hasValue(1);
  }
}
