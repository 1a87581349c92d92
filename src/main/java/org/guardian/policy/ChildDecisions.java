package org.guardian.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.guardian.registry.ChildService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rules are traceable: every decision Camunda evaluated about a child (visit cadence, response
 * priority, risk colour...), with the decision table and the version that decided it, its inputs,
 * the rules that matched and the outcome, newest first; read from Camunda's history.
 *
 * <p>Which decisions are about the child: those evaluated in a process instance that carries the
 * process variable {@code childId} with the child's id (as a number or a string), or in an
 * instance called from one (call activities), whatever the processes' business keys are. Access
 * is the child file's, and every read is audited as a read of the file's part {@code decisions}
 * ({@link ChildService#requireReadable}).
 */
@Service
public class ChildDecisions {

  /** The process variable by which a process says which child it is about. */
  public static final String CHILD_ID = "childId";

  private final ChildService children;
  private final HistoryService history;
  private final RepositoryService repository;

  ChildDecisions(ChildService children, HistoryService history, RepositoryService repository) {
    this.children = children;
    this.history = history;
    this.repository = repository;
  }

  /** One input of a decision: the column's id and label, and the value it was given. */
  public record Input(String id, String label, Object value) {}

  /** One output of a matched rule. */
  public record Output(String id, String name, String label, Object value, String ruleId,
      Integer ruleOrder) {}

  /** One decision about the child. */
  public record Decision(String decisionInstanceId, Instant evaluatedAt, String decisionKey,
      String decisionName, int decisionVersion, String versionTag, String decisionDefinitionId,
      String processKey, String processInstanceId, String activityId, String activityName,
      List<Input> inputs, List<Output> outputs, List<String> matchedRules) {}

  @Transactional
  public List<Decision> of(long childId) {
    children.requireReadable(childId, "decisions");
    Set<String> instances = processInstancesOf(childId);
    Map<String, DecisionDefinition> definitions = new HashMap<>();
    Map<String, BpmnModelInstance> models = new HashMap<>();
    List<Decision> out = new ArrayList<>();
    for (String pi : instances) {
      for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery()
          .processInstanceId(pi).includeInputs().includeOutputs()
          .disableCustomObjectDeserialization().list()) {
        DecisionDefinition definition = definitions.computeIfAbsent(d.getDecisionDefinitionId(),
            repository::getDecisionDefinition);
        String activityName = null;
        if (d.getProcessDefinitionId() != null && d.getActivityId() != null) {
          BpmnModelInstance model = models.computeIfAbsent(d.getProcessDefinitionId(),
              repository::getBpmnModelInstance);
          activityName = ModelValidator.nameOf(model, d.getActivityId()).orElse(null);
        }
        List<Input> inputs = new ArrayList<>();
        for (HistoricDecisionInputInstance in : d.getInputs()) {
          inputs.add(new Input(in.getClauseId(), in.getClauseName(), plain(in.getValue())));
        }
        List<Output> outputs = new ArrayList<>();
        Set<String> rules = new LinkedHashSet<>();
        for (HistoricDecisionOutputInstance o : d.getOutputs()) {
          outputs.add(new Output(o.getClauseId(), o.getVariableName(), o.getClauseName(),
              plain(o.getValue()), o.getRuleId(), o.getRuleOrder()));
          rules.add(o.getRuleId());
        }
        out.add(new Decision(d.getId(), d.getEvaluationTime().toInstant(),
            d.getDecisionDefinitionKey(), d.getDecisionDefinitionName(), definition.getVersion(),
            definition.getVersionTag(), d.getDecisionDefinitionId(), d.getProcessDefinitionKey(),
            d.getProcessInstanceId(), d.getActivityId(), activityName, inputs, outputs,
            List.copyOf(rules)));
      }
    }
    out.sort(Comparator.comparing(Decision::evaluatedAt).reversed()
        .thenComparing(Decision::decisionInstanceId));
    return out;
  }

  /** The process instances about the child, and the instances they called. */
  private Set<String> processInstancesOf(long childId) {
    Set<String> found = new LinkedHashSet<>();
    List<HistoricVariableInstance> vars = new ArrayList<>(history
        .createHistoricVariableInstanceQuery().variableValueEquals(CHILD_ID,
            Variables.numberValue(childId)).disableCustomObjectDeserialization().list());
    vars.addAll(history.createHistoricVariableInstanceQuery()
        .variableValueEquals(CHILD_ID, String.valueOf(childId)).list());
    Deque<String> todo = new ArrayDeque<>();
    vars.forEach(v -> todo.add(v.getProcessInstanceId()));
    while (!todo.isEmpty()) {
      String pi = todo.poll();
      if (pi == null || !found.add(pi)) {
        continue;
      }
      for (HistoricProcessInstance sub : history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(pi).list()) {
        todo.add(sub.getId());
      }
    }
    return found;
  }

  private static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    return String.valueOf(value);
  }
}
