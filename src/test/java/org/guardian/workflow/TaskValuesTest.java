package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;
import org.junit.jupiter.api.Test;

/**
 * A completion is checked against the submitted values over the task's variables, reading from the
 * engine only the variables the form and rules ask for (not the whole case's variables).
 */
class TaskValuesTest {

  @Test
  void readsOnlyTheVariablesAskedForOnceEachAndPrefersTheSubmittedValues() {
    TaskEntity task = mock(TaskEntity.class);
    when(task.getVariable("riskColour")).thenReturn("yellow");
    when(task.getVariable("childId")).thenReturn(42L);
    Map<String, Object> values = new TaskCompletionValidation.TaskValues(task,
        Map.of("riskColour", "red", "note", "已核实"), null);

    assertThat(values.get("riskColour")).isEqualTo("red");
    assertThat(values.get("note")).isEqualTo("已核实");
    assertThat(values.get("childId")).isEqualTo(42L);
    assertThat(values.get("childId")).isEqualTo(42L);
    assertThat(values.get("missing")).isNull();

    verify(task, never()).getVariables();
    verify(task, never()).getVariable("riskColour");
    verify(task, times(1)).getVariable("childId");
  }

  @Test
  void iteratingReadsEverythingWithTheSubmittedValuesOnTop() {
    TaskEntity task = mock(TaskEntity.class);
    VariableMapImpl all = new VariableMapImpl();
    all.putValue("riskColour", "yellow");
    all.putValue("childId", 42L);
    when(task.getVariables()).thenReturn(all);
    Map<String, Object> values = new TaskCompletionValidation.TaskValues(task,
        Map.of("riskColour", "red"), null);
    assertThat(Map.copyOf(values)).isEqualTo(Map.of("riskColour", "red", "childId", 42L));
  }

  @Test
  void aSubmissionForTheRulesReadsOnlyWhatARuleAsksFor() {
    TaskEntity task = mock(TaskEntity.class);
    when(task.getVariable("childId")).thenReturn(42L);
    TaskSubmission submission = new TaskSubmission(task, "monitoring",
        new TaskCompletionValidation.TaskValues(task, Map.of("riskColour", "red"), null));

    assertThat(submission.variable("riskColour")).isEqualTo("red");
    assertThat(submission.variable("childId")).isEqualTo(42L);

    verify(task, never()).getVariables();
    verify(task, times(1)).getVariable("childId");
  }
}
