package org.guardian.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * The project's convention for BPMN ids (docs/policy-guide.md has the table): a prefix that says
 * what the element is, then a CamelCase name that says what it does, e.g. {@code
 * Task_TriageReport}, {@code Gateway_RiskColour}, {@code Timer_VisitOverdue}. Migration of running
 * cases maps steps between versions by these ids, so they must be chosen, not generated.
 *
 * <table>
 *   <tr><th>element</th><th>prefixes</th></tr>
 *   <tr><td>any task (user, service, business rule, script, send, receive, manual)</td>
 *       <td>{@code Task_}</td></tr>
 *   <tr><td>gateway</td><td>{@code Gateway_}</td></tr>
 *   <tr><td>sub-process (embedded, transaction)</td><td>{@code SubProcess_}</td></tr>
 *   <tr><td>event sub-process</td><td>{@code SubProcess_}, {@code EventSubProcess_}</td></tr>
 *   <tr><td>call activity</td><td>{@code Call_}, {@code CallActivity_}</td></tr>
 *   <tr><td>start event</td><td>{@code StartEvent_} or its trigger's prefix</td></tr>
 *   <tr><td>end event</td><td>{@code EndEvent_} or its result's prefix</td></tr>
 *   <tr><td>boundary event</td><td>its trigger's prefix</td></tr>
 *   <tr><td>intermediate event</td><td>its trigger's prefix, or {@code Event_}</td></tr>
 * </table>
 *
 * <p>Trigger prefixes: {@code Timer_}, {@code Message_}, {@code Signal_}, {@code Error_}, {@code
 * Escalation_}, {@code Conditional_}, {@code Compensation_}, {@code Link_}.
 */
public final class IdConvention {

  /** The name part after the prefix. */
  static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  /** Process and decision keys: kebab-case. */
  static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  static final String FLOW_PREFIX = "Flow_";

  private IdConvention() {}

  /** The prefixes an element of this kind may have. */
  public static List<String> prefixesFor(FlowNode node) {
    Set<String> prefixes = new LinkedHashSet<>();
    if (node instanceof Task) {
      prefixes.add("Task_");
    } else if (node instanceof Gateway) {
      prefixes.add("Gateway_");
    } else if (node instanceof SubProcess sub) {
      prefixes.add("SubProcess_");
      if (sub.triggeredByEvent()) {
        prefixes.add("EventSubProcess_");
      }
    } else if (node instanceof CallActivity) {
      prefixes.add("Call_");
      prefixes.add("CallActivity_");
    } else if (node instanceof StartEvent start) {
      prefixes.add("StartEvent_");
      prefixes.addAll(triggerPrefixes(start.getEventDefinitions()));
    } else if (node instanceof EndEvent end) {
      prefixes.add("EndEvent_");
      prefixes.addAll(triggerPrefixes(end.getEventDefinitions()));
    } else if (node instanceof BoundaryEvent boundary) {
      prefixes.addAll(triggerPrefixes(boundary.getEventDefinitions()));
    } else if (node instanceof IntermediateCatchEvent catchEvent) {
      prefixes.addAll(triggerPrefixes(catchEvent.getEventDefinitions()));
      prefixes.add("Event_");
    } else if (node instanceof IntermediateThrowEvent throwEvent) {
      prefixes.addAll(triggerPrefixes(throwEvent.getEventDefinitions()));
      prefixes.add("Event_");
    } else if (node instanceof CatchEvent catchEvent) {
      prefixes.addAll(triggerPrefixes(catchEvent.getEventDefinitions()));
      prefixes.add("Event_");
    } else if (node instanceof ThrowEvent throwEvent) {
      prefixes.addAll(triggerPrefixes(throwEvent.getEventDefinitions()));
      prefixes.add("Event_");
    }
    if (prefixes.isEmpty()) {
      prefixes.add("Event_");
    }
    return new ArrayList<>(prefixes);
  }

  /** True when the id has one of the prefixes followed by a CamelCase name. */
  static boolean follows(String id, List<String> prefixes) {
    if (id == null) {
      return false;
    }
    for (String prefix : prefixes) {
      if (id.startsWith(prefix) && NAME.matcher(id.substring(prefix.length())).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> triggerPrefixes(Collection<EventDefinition> definitions) {
    List<String> out = new ArrayList<>();
    for (EventDefinition d : definitions) {
      if (d instanceof TimerEventDefinition) {
        out.add("Timer_");
      } else if (d instanceof MessageEventDefinition) {
        out.add("Message_");
      } else if (d instanceof SignalEventDefinition) {
        out.add("Signal_");
      } else if (d instanceof ErrorEventDefinition) {
        out.add("Error_");
      } else if (d instanceof EscalationEventDefinition) {
        out.add("Escalation_");
      } else if (d instanceof ConditionalEventDefinition) {
        out.add("Conditional_");
      } else if (d instanceof CompensateEventDefinition) {
        out.add("Compensation_");
      } else if (d instanceof LinkEventDefinition) {
        out.add("Link_");
      }
    }
    return out;
  }
}
